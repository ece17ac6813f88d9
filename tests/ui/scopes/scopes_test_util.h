#pragma once
// Synthetic frames for the scopes tests: flat colours, a grey ramp and a colourful test card.
#include <QColor>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QString>
#include <algorithm>

namespace postline::ui::testing {

inline QImage flatFrame(QColor colour, int w = 320, int h = 180) {
  QImage img(w, h, QImage::Format_RGBA8888);
  img.fill(colour);
  return img;
}

// Column x holds grey level x (0..255), every row the same.
inline QImage greyRamp(int h = 64) {
  QImage img(256, h, QImage::Format_RGBA8888);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < 256; ++x) img.setPixelColor(x, y, QColor(x, x, x));
  }
  return img;
}

// 75 % colour bars over the top half, a skin-tone patch and a grey ramp below.
inline QImage testCard(int w = 640, int h = 360) {
  QImage img(w, h, QImage::Format_RGBA8888);
  img.fill(Qt::black);
  QPainter p(&img);
  const QColor bars[7] = {QColor(191, 191, 191), QColor(191, 191, 0), QColor(0, 191, 191), QColor(0, 191, 0),
                          QColor(191, 0, 191),  QColor(191, 0, 0),   QColor(0, 0, 191)};
  for (int i = 0; i < 7; ++i) p.fillRect(QRect(i * w / 7, 0, w / 7 + 1, h / 2), bars[i]);
  p.fillRect(QRect(0, h / 2, w / 3, h / 4), QColor(194, 150, 130));  // "light skin"
  QLinearGradient ramp(w / 3, 0, w, 0);
  ramp.setColorAt(0, Qt::black);
  ramp.setColorAt(1, Qt::white);
  p.fillRect(QRect(w / 3, h / 2, w - w / 3, h / 4), ramp);
  QLinearGradient hue(0, 0, w, 0);
  for (int i = 0; i <= 6; ++i) hue.setColorAt(i / 6.0, QColor::fromHsv((i * 60) % 360, 200, 220));
  p.fillRect(QRect(0, 3 * h / 4, w, h / 4 + 1), hue);
  return img;
}

// A smooth, photo-like frame: a blue sky gradient, a warm (skin-like) round subject, green ground
// with a little deterministic noise, so every scope has continuous traces.
inline QImage naturalFrame(int w = 640, int h = 360) {
  QImage img(w, h, QImage::Format_RGBA8888);
  QPainter p(&img);
  QLinearGradient sky(0, 0, 0, h * 0.6);
  sky.setColorAt(0, QColor(40, 90, 170));
  sky.setColorAt(1, QColor(170, 200, 225));
  p.fillRect(QRect(0, 0, w, int(h * 0.6)), sky);
  QLinearGradient ground(0, h * 0.6, 0, h);
  ground.setColorAt(0, QColor(90, 130, 50));
  ground.setColorAt(1, QColor(25, 45, 15));
  p.fillRect(QRect(0, int(h * 0.6), w, h - int(h * 0.6)), ground);
  QRadialGradient face(w * 0.5, h * 0.45, h * 0.25);
  face.setColorAt(0, QColor(235, 190, 160));
  face.setColorAt(0.8, QColor(170, 110, 80));
  face.setColorAt(1, QColor(120, 70, 50));
  p.setPen(Qt::NoPen);
  p.setBrush(face);
  p.drawEllipse(QPointF(w * 0.5, h * 0.45), h * 0.25, h * 0.25);
  p.end();
  unsigned seed = 12345;
  for (int y = 0; y < h; ++y) {
    auto* px = img.scanLine(y);
    for (int x = 0; x < w * 4; ++x) {
      if (x % 4 == 3) continue;
      seed = seed * 1103515245u + 12345u;
      px[x] = static_cast<uchar>(std::clamp(int(px[x]) + int((seed >> 16) % 9) - 4, 0, 255));
    }
  }
  return img;
}

inline QString shotPath(const QString& name) {
  const QString dir = qEnvironmentVariable("POSTLINE_SHOTS_DIR", QStringLiteral("/tmp/i9/shots"));
  QDir().mkpath(dir);
  return dir + QStringLiteral("/scopes-") + name + QStringLiteral(".png");
}

}  // namespace postline::ui::testing
