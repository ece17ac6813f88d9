#include "ui/mixer/level_meter.h"

#include <QPainter>
#include <algorithm>

namespace postline::ui {

namespace {

constexpr double kFloorDb = -60.0;
constexpr auto kHoldTime = std::chrono::milliseconds(1500);
constexpr int kScaleWidth = 16;  // the dB numbers left of the bars

// Fraction of the bar's height that `db` fills (0 at the floor, 1 at 0 dB).
double fill(double db) {
  if (!std::isfinite(db)) return 0.0;
  return std::clamp((db - kFloorDb) / -kFloorDb, 0.0, 1.0);
}

int yOf(const QRect& r, double db) { return r.bottom() - static_cast<int>(fill(db) * r.height()); }

}  // namespace

LevelMeter::LevelMeter(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
  setToolTip(tr("Sample peak (dBFS, with hold) | momentary LUFS | short-term LUFS"));
}

void LevelMeter::setReading(const audio::MeterReading& reading, std::int64_t position) {
  if (position == m_position) return;
  m_reading = reading;
  m_position = position;
  const auto now = std::chrono::steady_clock::now();
  if (reading.samplePeakDbfs >= m_hold || now - m_holdSince > kHoldTime) {
    m_hold = reading.samplePeakDbfs;
    m_holdSince = now;
  }
  update();
}

void LevelMeter::clear() {
  m_reading = {};
  m_position = -1;
  m_hold = -HUGE_VAL;
  update();
}

void LevelMeter::paintBar(QPainter& p, const QRect& r, double value, const QColor& colour) const {
  p.fillRect(r, QColor(24, 24, 26));
  const int top = yOf(r, value);
  if (top < r.bottom()) p.fillRect(QRect(r.left(), top, r.width(), r.bottom() - top + 1), colour);
}

void LevelMeter::paintScale(QPainter& p, const QRect& r) const {
  QFont f = p.font();
  f.setPixelSize(9);
  p.setFont(f);
  for (double db = 0.0; db >= kFloorDb; db -= 12.0) {
    const int y = yOf(r, db);
    p.setPen(QColor(110, 110, 116));
    p.drawLine(r.left(), y, r.right(), y);
    p.setPen(QColor(170, 170, 178));
    p.drawText(QRect(0, y - 6, kScaleWidth - 2, 12), Qt::AlignRight | Qt::AlignVCenter, QString::number(-db, 'f', 0));
  }
}

void LevelMeter::paintEvent(QPaintEvent*) {
  if (m_position != m_paintedPosition && m_position >= 0) {
    ++m_freshPaints;
    m_paintedPosition = m_position;
  }
  QPainter p(this);
  const QRect area = rect().adjusted(kScaleWidth, 6, -2, -14);
  const int w = (area.width() - 4) / 3;
  const QRect peak(area.left(), area.top(), w, area.height());
  const QRect mom(peak.right() + 3, area.top(), w, area.height());
  const QRect st(mom.right() + 3, area.top(), w, area.height());
  const double pk = m_reading.samplePeakDbfs;
  paintBar(p, peak, pk, pk > -1.0 ? QColor(230, 70, 60) : (pk > -9.0 ? QColor(230, 190, 60) : QColor(80, 200, 110)));
  paintBar(p, mom, m_reading.momentaryLufs, QColor(90, 160, 235));
  paintBar(p, st, m_reading.shortTermLufs, QColor(150, 120, 230));
  paintScale(p, area);
  p.setPen(QColor(170, 170, 178));
  const char* names[] = {"P", "M", "S"};
  int i = 0;
  for (const QRect& bar : {peak, mom, st}) {
    p.drawText(QRect(bar.left(), area.bottom() + 2, bar.width(), 12), Qt::AlignCenter, names[i++]);
  }
  if (std::isfinite(m_hold)) {
    p.setPen(QPen(QColor(245, 245, 245), 2));
    const int y = yOf(peak, m_hold);
    p.drawLine(peak.left(), y, peak.right(), y);
  }
}

}  // namespace postline::ui
