#include "ui/playback/program_viewer_link.h"

#include "ui/playback/transport.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui {

void linkProgramViewer(Transport& transport, ProgramViewer& viewer) {
  transport.setRenderService(&viewer.renderService());
  ViewerWidget* widget = &viewer.widget();
  transport.setFrameSink([widget](const RenderedFrame& frame) { widget->showImage(frame); });
  QObject::connect(&transport, &Transport::playingChanged, &viewer, &ViewerPanel::setPlaybackActive);
  QObject::connect(&transport, &Transport::droppedChanged, widget, &ViewerWidget::setDroppedFrames);
  QObject::connect(&viewer, &ViewerPanel::playPauseRequested, &transport, &Transport::togglePlay);
  QObject::connect(&viewer, &ViewerPanel::stepBackRequested, &transport, &Transport::stepBackward);
  QObject::connect(&viewer, &ViewerPanel::stepForwardRequested, &transport, &Transport::stepForward);
  QObject::connect(&viewer, &ViewerPanel::goToInRequested, &transport, &Transport::goToIn);
  QObject::connect(&viewer, &ViewerPanel::goToOutRequested, &transport, &Transport::goToOut);
}

}  // namespace postline::ui
