#pragma once
// The source viewer: shows the controller's source media alone (sourceMedia) at the source
// playhead, with the source in/out marks; scrubbing moves the source playhead.
#include "ui/controller/project_controller.h"
#include "ui/viewer/viewer_panel.h"

namespace postline::ui {

class SourceViewer : public ViewerPanel {
  Q_OBJECT

 public:
  explicit SourceViewer(ProjectController& controller, QWidget* parent = nullptr);

 protected:
  void scrubTo(qint64 frame) override;

 private:
  void reloadMedia();
  void followSource();

  ProjectController& m_ctl;
  model::MediaId m_media;
};

}  // namespace postline::ui
