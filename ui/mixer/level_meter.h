#pragma once
// A strip's meter: three vertical bars (sample peak in dBFS with a peak hold, momentary and
// short-term loudness in LUFS) on a -60 .. 0 scale (numbers show the dB below 0), painted from the last reading it was given.
#include <QWidget>
#include <chrono>
#include <cstdint>

#include "core/audio/mixer.h"

class QPainter;

namespace postline::ui {

class LevelMeter : public QWidget {
  Q_OBJECT

 public:
  explicit LevelMeter(QWidget* parent = nullptr);

  // The reading taken at mixer sample `position`; repaints when it is a new one.
  void setReading(const audio::MeterReading& reading, std::int64_t position);
  const audio::MeterReading& reading() const { return m_reading; }
  // The peak hold mark (dBFS): the highest sample peak of the last 1.5 s of readings.
  double peakHoldDbfs() const { return m_hold; }
  // Paints that showed a reading not painted before (the meters' update rate).
  int freshPaints() const { return m_freshPaints; }
  void clear();

  QSize sizeHint() const override { return {66, 220}; }
  QSize minimumSizeHint() const override { return {66, 120}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void paintBar(QPainter& p, const QRect& r, double value, const QColor& colour) const;
  void paintScale(QPainter& p, const QRect& r) const;

  audio::MeterReading m_reading;
  std::int64_t m_position = -1;
  std::int64_t m_paintedPosition = -1;
  double m_hold = -HUGE_VAL;
  std::chrono::steady_clock::time_point m_holdSince;
  int m_freshPaints = 0;
};

}  // namespace postline::ui
