#pragma once
// A viewer panel: the ViewerWidget, its scrub bar and a toolbar (transport buttons, timecode,
// zoom Fit/100 %, playback resolution Full/Half/Quarter, overlays menu) around one RenderService.
// ProgramViewer and SourceViewer say what it shows; the transport buttons only emit signals
// (the main window connects them to the playback Transport).
#include <QWidget>
#include <optional>

#include "core/time/frame_rate.h"
#include "ui/viewer/render_service.h"
#include "ui/viewer/scrub_bar.h"
#include "ui/viewer/viewer_widget.h"

class QComboBox;
class QLabel;
class QToolButton;

namespace postline::ui {

class ViewerPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ViewerPanel(QWidget* parent = nullptr);
  ~ViewerPanel() override;

  RenderService& renderService() { return m_render; }
  ViewerWidget& widget() { return *m_widget; }
  ScrubBar& scrubBar() { return *m_scrub; }
  // The playback resolution combo (Full, Half, Quarter), for tests and shortcuts.
  QComboBox& resolutionBox() { return *m_resolution; }
  // The timecode label's text ("00:00:01:12").
  QString timecodeText() const;

  // While true the transport feeds the widget (widget().showImage) and the panel stops asking the
  // render service for the playhead's frame; false shows the playhead again.
  void setPlaybackActive(bool active);
  bool playbackActive() const { return m_playbackActive; }
  // The frame the panel wants on screen (the playhead), -1 = none.
  qint64 wantedFrame() const { return m_wanted; }

 signals:
  void playPauseRequested();
  void stepBackRequested();
  void stepForwardRequested();
  void goToInRequested();
  void goToOutRequested();

 protected:
  // Asks for `frame` (the playhead) on screen; updates the scrub bar and timecode.
  void showPlayhead(qint64 frame);
  // The timecode rate (sequence or media) and the full frame size changed: call after a new source.
  void sourceChangedTo(const time::FrameRate& rate);
  void setMarks(std::optional<qint64> in, std::optional<qint64> out);
  // Called when a frame is ready and the panel is not in playback: default shows the wanted frame.
  virtual void onFrameReady(qint64 frame);
  // The user scrubbed to `frame` (the subclass moves its controller's playhead).
  virtual void scrubTo(qint64 frame) = 0;

 private:
  QWidget* buildToolbar();
  QToolButton* overlaysButton();
  void setResolution(int index);
  void updateTimecode();

  RenderService m_render;
  ViewerWidget* m_widget = nullptr;
  ScrubBar* m_scrub = nullptr;
  QLabel* m_timecode = nullptr;
  QComboBox* m_resolution = nullptr;
  time::FrameRate m_rate;
  qint64 m_wanted = -1;
  bool m_playbackActive = false;
};

}  // namespace postline::ui
