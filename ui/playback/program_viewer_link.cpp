#include "ui/playback/program_viewer_link.h"

#include <QPointer>

#include "ui/playback/transport.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui {

namespace {

// The routed viewer and its connections, kept as a child of the transport.
class PlaybackRoute : public QObject {
 public:
  explicit PlaybackRoute(Transport& transport) : QObject(&transport) { setObjectName("playbackRoute"); }
  QPointer<ProgramViewer> viewer;
  QMetaObject::Connection playing;
  QMetaObject::Connection dropped;
};

PlaybackRoute* routeOf(const Transport& transport) {
  return transport.findChild<PlaybackRoute*>("playbackRoute", Qt::FindDirectChildrenOnly);
}

}  // namespace

void linkProgramViewer(Transport& transport, ProgramViewer& viewer) {
  QObject::connect(&viewer, &ViewerPanel::playPauseRequested, &transport, &Transport::togglePlay);
  QObject::connect(&viewer, &ViewerPanel::stepBackRequested, &transport, &Transport::stepBackward);
  QObject::connect(&viewer, &ViewerPanel::stepForwardRequested, &transport, &Transport::stepForward);
  QObject::connect(&viewer, &ViewerPanel::goToInRequested, &transport, &Transport::goToIn);
  QObject::connect(&viewer, &ViewerPanel::goToOutRequested, &transport, &Transport::goToOut);
  if (!playbackViewer(transport)) routePlayback(transport, viewer);
}

void routePlayback(Transport& transport, ProgramViewer& viewer) {
  PlaybackRoute* route = routeOf(transport);
  if (!route) route = new PlaybackRoute(transport);
  if (route->viewer == &viewer) return;
  if (transport.isPlaying()) transport.pause();
  if (route->viewer) {
    QObject::disconnect(route->playing);
    QObject::disconnect(route->dropped);
    route->viewer->setPlaybackActive(false);
    route->viewer->widget().setDroppedFrames(0);
  }
  route->viewer = &viewer;
  transport.setRenderService(&viewer.renderService());
  ViewerWidget* widget = &viewer.widget();
  transport.setFrameSink([widget](const RenderedFrame& frame) { widget->showImage(frame); });
  route->playing = QObject::connect(&transport, &Transport::playingChanged, &viewer, &ViewerPanel::setPlaybackActive);
  route->dropped = QObject::connect(&transport, &Transport::droppedChanged, widget, &ViewerWidget::setDroppedFrames);
}

ProgramViewer* playbackViewer(const Transport& transport) {
  const PlaybackRoute* route = routeOf(transport);
  return route ? route->viewer.data() : nullptr;
}

}  // namespace postline::ui
