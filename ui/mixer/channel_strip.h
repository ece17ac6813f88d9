#pragma once
// One audio track's channel strip: name and role, EQ, compressor, duck (music and ambient), pan,
// the meter beside the fader (dB, with a numeric field; double-click resets to 0 dB), its readouts
// (sample peak dBFS, momentary and short-term LUFS), mute and solo. Every control is one core edit
// through the controller; a fader or pan drag is one undo command.
#include <QFrame>

#include "core/audio/mixer.h"
#include "core/model/sequence.h"

class QSlider;
class QDial;
class QDoubleSpinBox;
class QToolButton;
class QLabel;
class QCheckBox;

namespace postline::ui {

class ProjectController;
class LevelMeter;
class EqSection;
class CompressorSection;

class ChannelStrip : public QFrame {
  Q_OBJECT

 public:
  ChannelStrip(ProjectController& controller, const model::Track& track, QWidget* parent = nullptr);

  model::TrackId trackId() const { return m_track; }
  // Shows the model's values of the track (after any change).
  void refresh(const model::Track& track);
  // The live reading of this track (post-fader) at mixer sample `position`.
  void setReading(const audio::MeterReading& reading, std::int64_t position);

  // What the strip shows now (rounded as shown).
  double samplePeakShown() const { return m_peakShown; }
  double momentaryShown() const { return m_momentaryShown; }
  double shortTermShown() const { return m_shortTermShown; }
  double faderShown() const;

  QSlider* fader() const { return m_fader; }
  QDial* panDial() const { return m_pan; }
  QDoubleSpinBox* faderField() const { return m_faderField; }
  QToolButton* muteButton() const { return m_mute; }
  QToolButton* soloButton() const { return m_solo; }
  QCheckBox* duckToggle() const { return m_duck; }           // nullptr on other roles
  QDoubleSpinBox* duckDepth() const { return m_duckDepth; }  // nullptr on other roles
  bool ducking() const { return m_duckBusy; }
  EqSection* eq() const { return m_eq; }
  CompressorSection* compressor() const { return m_comp; }
  LevelMeter* meter() const { return m_meter; }

 signals:
  // An auto-duck run of this strip ended (ok false: it failed, the message went to editFailed).
  void duckFinished(bool ok);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QWidget* buildDuck(const model::Track& track);
  QWidget* buildPan();
  QWidget* buildFaderArea();
  QWidget* buildButtons();
  void refreshFromModel();
  void faderMoved(int tenths);
  void setFaderDb(double db, const QString& mergeKey);
  void panMoved(int percent);
  void setFlag(bool mute, bool on);
  void duckToggled(bool on);

  ProjectController& m_controller;
  model::TrackId m_track;
  model::AudioRole m_role;
  QString m_name;
  EqSection* m_eq = nullptr;
  CompressorSection* m_comp = nullptr;
  QCheckBox* m_duck = nullptr;
  QDoubleSpinBox* m_duckDepth = nullptr;
  QDial* m_pan = nullptr;
  QLabel* m_panLabel = nullptr;
  QSlider* m_fader = nullptr;
  QDoubleSpinBox* m_faderField = nullptr;
  LevelMeter* m_meter = nullptr;
  QLabel* m_readout = nullptr;
  QToolButton* m_mute = nullptr;
  QToolButton* m_solo = nullptr;
  double m_peakShown = -HUGE_VAL;
  double m_momentaryShown = -HUGE_VAL;
  double m_shortTermShown = -HUGE_VAL;
  bool m_duckBusy = false;
};

// "A1 · Dialogue".
QString stripTitle(const model::Track& track);

}  // namespace postline::ui
