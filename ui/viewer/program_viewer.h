#pragma once
// The program viewer: shows the controller's current sequence at its playhead (or what the
// transport hands it while playing), with the sequence's in/out marks; scrubbing moves the playhead.
#include "ui/controller/project_controller.h"
#include "ui/viewer/viewer_panel.h"

namespace postline::ui {

class ProgramViewer : public ViewerPanel {
  Q_OBJECT

 public:
  explicit ProgramViewer(ProjectController& controller, QWidget* parent = nullptr);

  // Trim preview (the timeline during trims), sequence frames: `left` alone when right < 0,
  // left | right two-up otherwise; (-1, -1) ends the preview and shows the playhead again.
  void showTrimPreview(qint64 left, qint64 right);

 protected:
  void onFrameReady(qint64 frame) override;
  void scrubTo(qint64 frame) override;

 private:
  void reloadSequence();
  void updateOffline();
  void markOfflineFrom(const QString& warning);

  ProjectController& m_ctl;
  qint64 m_trimLeft = -1;
  qint64 m_trimRight = -1;
};

}  // namespace postline::ui
