#include "ui/scopes/scope_paint.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "ui/scopes/scope_math.h"

namespace postline::ui::scopepaint {
namespace {

constexpr int kLevels = render::kScopeLevels;
constexpr int kGrid = render::kVectorscopeSize;

// Premultiplied pixel of colour (r, g, b) 0..255 at brightness `level` 0..1.
QRgb densityPixel(double r, double g, double b, double level) {
  const auto c = [level](double v) { return std::clamp(int(std::lround(v * level)), 0, 255); };
  return qRgba(c(r), c(g), c(b), c(255.0));
}

// The display colour of a vectorscope cell: its own hue (BT.709 at mid luma), lifted towards white.
QRgb cellColour(int col, int row, double level) {
  const QPointF ch = vectorscopeCellChroma(col, row);
  const double y = 0.55, cb = ch.x() * 1.6, cr = ch.y() * 1.6;
  const double r = y + 1.5748 * cr, g = y - 0.1873 * cb - 0.4681 * cr, b = y + 1.8556 * cb;
  const auto mix = [](double v) { return 255.0 * (0.45 + 0.55 * std::clamp(v, 0.0, 1.0)); };
  return densityPixel(mix(r), mix(g), mix(b), level);
}

// A waveform-shaped density image: `columns` x 256, colour of column x from `colourOf(x)`.
template <class CountAt, class ColourOf>
QImage levelImage(int columns, std::uint32_t max, CountAt countAt, ColourOf colourOf) {
  QImage img(columns, kLevels, QImage::Format_ARGB32_Premultiplied);
  img.fill(Qt::transparent);
  for (int level = 0; level < kLevels; ++level) {
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(kLevels - 1 - level));
    for (int x = 0; x < columns; ++x) {
      const std::uint32_t c = countAt(x, level);
      if (c == 0) continue;
      const QColor col = colourOf(x);
      line[x] = densityPixel(col.red(), col.green(), col.blue(), densityLevel(c, max));
    }
  }
  return img;
}

QPointF gridPoint(const QRectF& sq, double gx, double gy) {
  return {sq.left() + gx / kGrid * sq.width(), sq.top() + gy / kGrid * sq.height()};
}

}  // namespace

QImage vectorscopeImage(const render::Scopes& s) {
  QImage img(kGrid, kGrid, QImage::Format_ARGB32_Premultiplied);
  img.fill(Qt::transparent);
  if (s.vectorscope.size() != std::size_t(kGrid) * kGrid) return img;
  const std::uint32_t max = maxCount(s.vectorscope);
  std::vector<double> level(s.vectorscope.size());
  for (std::size_t i = 0; i < level.size(); ++i) level[i] = densityLevel(s.vectorscope[i], max);
  for (int row = 0; row < kGrid; ++row) {
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(row));
    for (int col = 0; col < kGrid; ++col) {
      // A soft 3 x 3 glow: a single occupied cell stays visible when the grid is scaled down.
      double v = level[std::size_t(row) * kGrid + col];
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int r = row + dy, c = col + dx;
          if (r >= 0 && r < kGrid && c >= 0 && c < kGrid) v = std::max(v, 0.6 * level[std::size_t(r) * kGrid + c]);
        }
      }
      if (v > 0.0) line[col] = cellColour(col, row, v);
    }
  }
  return img;
}

QImage waveformImage(const render::Scopes& s) {
  if (s.width <= 0 || s.waveform.size() != std::size_t(s.width) * kLevels) return {};
  return levelImage(s.width, maxCount(s.waveform), [&](int x, int l) { return s.waveformAt(x, l); },
                    [](int) { return QColor(170, 255, 185); });
}

QImage paradeImage(const render::Scopes& s) {
  if (s.width <= 0 || s.parade.size() != std::size_t(s.width) * 3 * kLevels) return {};
  static const QColor colours[3] = {QColor(255, 90, 80), QColor(90, 255, 110), QColor(100, 150, 255)};
  return levelImage(3 * s.width, maxCount(s.parade),
                    [&](int x, int l) { return s.paradeAt(x / s.width, x % s.width, l); },
                    [&](int x) { return colours[x / s.width]; });
}

Images buildImages(const render::Scopes& scopes) {
  return {vectorscopeImage(scopes), waveformImage(scopes), paradeImage(scopes)};
}

void drawVectorscopeGraticule(QPainter& p, const QRectF& sq, const render::Scopes* scopes) {
  p.save();
  p.setRenderHint(QPainter::Antialiasing);
  const QPointF c = sq.center();
  const double r = sq.width() / 2.0;
  p.setPen(QPen(QColor(110, 110, 110), 1.0));
  p.setBrush(Qt::NoBrush);
  p.drawEllipse(c, r, r);
  p.setPen(QPen(QColor(75, 75, 75), 1.0));
  p.drawLine(QPointF(c.x() - r, c.y()), QPointF(c.x() + r, c.y()));
  p.drawLine(QPointF(c.x(), c.y() - r), QPointF(c.x(), c.y() + r));
  const double angle = (scopes ? scopes->skinToneAngleDeg : render::skinToneAngleDegrees()) * std::numbers::pi / 180.0;
  p.setPen(QPen(QColor(225, 180, 140, 200), 1.0, Qt::DashLine));
  p.drawLine(c, QPointF(c.x() + r * std::cos(angle), c.y() - r * std::sin(angle)));
  const auto targets = scopes ? scopes->targets : render::colourBarTargets();
  const double box = std::max(6.0, sq.width() * 0.045);
  QFont f = p.font();
  f.setPixelSize(std::clamp(int(sq.width() / 22), 9, 13));
  p.setFont(f);
  for (const render::VectorTarget& t : targets) {
    const QPointF at = gridPoint(sq, t.gridX, t.gridY);
    p.setPen(QPen(QColor(200, 200, 200), 1.0));
    p.drawRect(QRectF(at.x() - box / 2, at.y() - box / 2, box, box));
    const QPointF out = at - c;
    const double len = std::max(1.0, std::hypot(out.x(), out.y()));
    const QPointF label = at + out / len * (box * 1.6);
    p.drawText(QRectF(label.x() - 14, label.y() - 8, 28, 16), Qt::AlignCenter, QString::fromLatin1(t.name));
  }
  p.restore();
}

void drawLevelGraticule(QPainter& p, const QRectF& area, int columns) {
  p.save();
  QFont f = p.font();
  f.setPixelSize(10);
  p.setFont(f);
  for (int pct = 0; pct <= 100; pct += 25) {
    const double y = area.bottom() - area.height() * pct / 100.0;
    p.setPen(QPen(pct == 0 || pct == 100 ? QColor(120, 120, 120) : QColor(80, 80, 80), 1.0, Qt::DashLine));
    p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    p.setPen(QColor(160, 160, 160));
    p.drawText(QRectF(area.left() - 28, y - 7, 25, 14), Qt::AlignRight | Qt::AlignVCenter, QString::number(pct));
  }
  p.setPen(QPen(QColor(100, 100, 100), 1.0));
  for (int i = 1; i < columns; ++i) {
    const double x = area.left() + area.width() * i / columns;
    p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
  }
  p.restore();
}

void drawHistogram(QPainter& p, const QRectF& area, const render::Scopes& s) {
  std::uint32_t max = 0;
  for (const auto& h : s.histogram) max = std::max(max, *std::max_element(h.begin(), h.end()));
  if (max == 0) return;
  const auto path = [&](int channel, bool closed) {
    QPainterPath path(QPointF(area.left(), area.bottom()));
    for (int i = 0; i < kLevels; ++i) {
      const double h = std::sqrt(double(s.histogram[channel][i]) / max);  // gamma 0.5: small bins show
      const double x0 = area.left() + area.width() * i / kLevels, x1 = area.left() + area.width() * (i + 1) / kLevels;
      path.lineTo(x0, area.bottom() - h * area.height());
      path.lineTo(x1, area.bottom() - h * area.height());
    }
    path.lineTo(area.right(), area.bottom());
    if (closed) path.closeSubpath();
    return path;
  };
  p.save();
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(Qt::NoPen);
  p.setCompositionMode(QPainter::CompositionMode_Plus);
  static const QColor colours[3] = {QColor(150, 25, 25), QColor(25, 140, 40), QColor(35, 60, 170)};
  for (int ch = 1; ch <= 3; ++ch) p.fillPath(path(ch, true), colours[ch - 1]);  // overlaps add to grey
  p.setCompositionMode(QPainter::CompositionMode_SourceOver);
  static const QColor lines[3] = {QColor(255, 90, 80), QColor(90, 230, 110), QColor(110, 150, 255)};
  for (int ch = 1; ch <= 3; ++ch) {
    p.setPen(QPen(lines[ch - 1], 1.0));
    p.drawPath(path(ch, false));
  }
  p.setPen(QPen(QColor(235, 235, 235), 1.2));
  p.drawPath(path(0, false));
  p.restore();
}

}  // namespace postline::ui::scopepaint
