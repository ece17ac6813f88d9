#pragma once
// The master strip: master gain fader (dB, numeric field, double-click 0 dB), limiter on/off and
// its ceiling, the loudness target, and the master meter (after the limiter) with its readouts:
// sample peak, momentary, short-term, integrated LUFS, loudness range LU, true peak dBTP, limiter
// gain reduction; Reset starts the meters afresh.
#include <QFrame>

#include "core/audio/mixer.h"
#include "core/model/sequence.h"

class QSlider;
class QDoubleSpinBox;
class QCheckBox;
class QLabel;
class QPushButton;

namespace postline::ui {

class ProjectController;
class LevelMeter;

class MasterStrip : public QFrame {
  Q_OBJECT

 public:
  explicit MasterStrip(ProjectController& controller, QWidget* parent = nullptr);

  void refresh(const model::MixSettings& mix);
  void setReading(const audio::MeterReading& reading, std::int64_t position);

  // What the strip shows now (rounded as shown).
  double samplePeakShown() const { return m_shown[0]; }
  double momentaryShown() const { return m_shown[1]; }
  double shortTermShown() const { return m_shown[2]; }
  double integratedShown() const { return m_shown[3]; }
  double rangeShown() const { return m_shown[4]; }
  double truePeakShown() const { return m_shown[5]; }

  QSlider* fader() const { return m_fader; }
  QPushButton* resetButton() const { return m_reset; }
  LevelMeter* meter() const { return m_meter; }

 signals:
  // Reset was clicked: the page resets the mixer's meters.
  void resetRequested();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QWidget* buildBus();
  QWidget* buildFaderArea();
  void applyMix(const model::MixSettings& mix, const QString& label, const QString& mergeKey = {});

  ProjectController& m_controller;
  model::MixSettings m_mix;
  QSlider* m_fader = nullptr;
  QDoubleSpinBox* m_gainField = nullptr;
  QDoubleSpinBox* m_ceiling = nullptr;
  QCheckBox* m_limiter = nullptr;
  QLabel* m_target = nullptr;
  LevelMeter* m_meter = nullptr;
  QLabel* m_readout = nullptr;
  QPushButton* m_reset = nullptr;
  double m_shown[7] = {-HUGE_VAL, -HUGE_VAL, -HUGE_VAL, -HUGE_VAL, 0.0, -HUGE_VAL, 0.0};
};

}  // namespace postline::ui
