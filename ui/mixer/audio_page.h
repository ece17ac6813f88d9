#pragma once
// The Audio page: a channel strip per audio track (A1 Dialogue .. A5 Ambient) and the master:
// fader (dB), pan, mute, solo, EQ with a notch and "De-resonate 2-4 kHz", compressor (on/off, the
// 2:1 at -12 dB preset, its controls), duck toggle and depth on music and ambient; meters on every
// strip (sample peak, momentary/short-term LUFS; the master also integrated, range, true peak, with
// a reset) read from the playback mixer's live meters (computed on the mixing worker, never here);
// "Set role levels" and "Normalise mix to..." with the result shown before it is applied.
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <vector>

#include "core/model/sequence.h"

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace postline::ui {

class PlaybackAudio;
class ProjectController;
class ChannelStrip;
class MasterStrip;
class MixResultDialog;
struct MixMeasurement;

class AudioPage : public QWidget {
  Q_OBJECT

 public:
  AudioPage(ProjectController& controller, PlaybackAudio& audio, QWidget* parent = nullptr);
  ~AudioPage() override;

  // Milliseconds between two readings of the live meters while the page is visible (>= 20 Hz).
  static constexpr int kMeterIntervalMs = 30;

  const std::vector<ChannelStrip*>& strips() const { return m_strips; }
  ChannelStrip* strip(model::TrackId track) const;
  MasterStrip* master() const { return m_master; }

  // "Set role levels" / "Normalise mix to <target>": measure off the UI thread, then show the
  // result in a dialog (resultDialog()); OK applies it as one command.
  void setRoleLevels();
  void normaliseTo(double targetLufs);
  bool measuring() const { return m_measuring; }
  // The dialog showing the last result, while it is open.
  MixResultDialog* resultDialog() const;
  // Reads the mixer's meters now (what the timer does while the page is visible).
  void pollMeters();
  // Distinct meter snapshots given to the strips since construction.
  int snapshotsShown() const { return m_snapshots; }

 signals:
  // A measurement ended: its dialog is open (ok) or it failed (the message is in the status line).
  void measured(bool ok);

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  QWidget* buildToolbar();
  void rebuildStrips();
  void refreshStrips();
  void resetMeters();
  void showResult(const QString& title, const MixMeasurement& m);

  ProjectController& m_controller;
  PlaybackAudio& m_audio;
  QHBoxLayout* m_stripRow = nullptr;
  std::vector<ChannelStrip*> m_strips;
  MasterStrip* m_master = nullptr;
  QPushButton* m_levels = nullptr;
  QToolButton* m_normalise = nullptr;
  QLabel* m_status = nullptr;
  QPointer<MixResultDialog> m_dialog;
  QTimer m_meterTimer;
  std::int64_t m_lastPosition = -1;
  int m_snapshots = 0;
  bool m_measuring = false;
};

}  // namespace postline::ui
