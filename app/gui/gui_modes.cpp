#include "app/gui/gui_modes.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTest>
#include <cstdio>

#include "ui/controller/project_controller.h"
#include "ui/main/main_window.h"
#include "ui/main/main_window_parts.h"
#include "ui/playback/transport.h"
#include "ui/timeline/timeline_view.h"
#include "ui/viewer/program_viewer.h"

namespace postline::app {

namespace {

// Processes events for `ms` milliseconds.
void settle(int ms) {
  QElapsedTimer t;
  t.start();
  while (t.elapsed() < ms) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QTest::qSleep(5);
  }
}

bool saveShot(ui::MainWindow& window, const QDir& dir, const QString& name) {
  const bool ok = window.grab().save(dir.filePath(name + ".png"));
  std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(dir.filePath(name + ".png")));
  return ok;
}

bool saveWidget(QWidget& widget, const QDir& dir, const QString& name) {
  const bool ok = widget.grab().save(dir.filePath(name + ".png"));
  std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(dir.filePath(name + ".png")));
  return ok;
}

// The Edit page mid-cut: a clip in the source viewer, the playhead at 10 s, the clip under it selected;
// then the timeline alone at three zooms (whole sequence, 8 px per frame, single frames).
bool captureEditing(ui::MainWindow& window, const QDir& dir) {
  ui::MainWindowParts& p = window.parts();
  ui::ProjectController& ctl = *p.controller;
  const model::Sequence* seq = ctl.sequence();
  for (const model::MediaItem& m : ctl.project().media) {
    if (m.kind != model::MediaKind::Video) continue;
    ctl.setSourceMedia(m.id);  // the first video, two seconds in, marked 1 s to 3 s
    ctl.setSourceIn(time::FramePos{24});
    ctl.setSourceOut(time::FramePos{72});
    ctl.setSourcePlayhead(time::FramePos{48});
    break;
  }
  const std::int64_t tenSeconds = seq ? seq->settings.frameRate.nominalFps() * 10 : 240;
  ctl.setPlayhead(time::FramePos{tenSeconds});
  if (seq) {
    for (const model::Track& t : seq->tracks) {
      if (const model::Clip* c = model::clipAt(t, time::FramePos{tenSeconds})) {
        ctl.setSelection({c->id});
        break;
      }
    }
  }
  p.timeline->zoomToFit();
  settle(2500);
  bool ok = saveShot(window, dir, "edit_cutting");
  ok = saveWidget(*p.timeline, dir, "timeline_fit") && ok;
  p.timeline->setZoom(8.0);
  settle(1500);
  ok = saveWidget(*p.timeline, dir, "timeline_8px_per_frame") && ok;
  p.timeline->zoomToFrames();
  settle(1500);
  return saveWidget(*p.timeline, dir, "timeline_frames") && ok;
}

}  // namespace

int runSmokeTest(QApplication&, ui::MainWindow& window) {
  if (!QTest::qWaitForWindowExposed(&window, 10000)) {
    std::fprintf(stderr, "smoke-test: the window was never shown\n");
    return 1;
  }
  ui::RenderService& render = window.parts().program->renderService();
  window.parts().controller->setPlayhead(window.parts().controller->playhead());
  render.showFrame(window.parts().controller->playhead().value);
  if (!QTest::qWaitFor([&render] { return render.latest().has_value(); }, 20000)) {
    std::fprintf(stderr, "smoke-test: the program viewer drew no frame within 20 s (%s)\n",
                 qPrintable(render.rendererDescription()));
    return 1;
  }
  std::printf("smoke-test: ok (%s)\n", qPrintable(render.rendererDescription()));
  return 0;
}

// Each page as a user finds it with the playhead 10 s in: Edit; Color (the clip there graded, its
// scopes); Audio while the mix plays (live meters); Deliver (the 9:16 reframe window planned).
bool capturePages(ui::MainWindow& window, const QDir& dir) {
  ui::MainWindowParts& p = window.parts();
  const model::Sequence* seq = p.controller->sequence();
  p.controller->setPlayhead(time::FramePos{seq ? seq->settings.frameRate.nominalFps() * 10 : 240});
  const char* names[] = {"edit", "color", "audio", "deliver"};
  const int waits[] = {1500, 3000, 0, 15000};  // Deliver: the 9:16 reframe analysis
  bool ok = true;
  for (int i = 0; i < 4; ++i) {
    window.setPage(static_cast<ui::MainWindow::Page>(i));
    if (i == 2) {
      p.transport->play();
      settle(3000);
    } else {
      settle(waits[i]);
    }
    ok = saveShot(window, dir, QString("page_") + names[i]) && ok;
    if (i == 2) p.transport->stop();
  }
  return ok;
}

int runCapture(QApplication&, ui::MainWindow& window, const QString& dirName) {
  QDir dir(dirName);
  if (!dir.mkpath(".")) {
    std::fprintf(stderr, "capture: cannot create %s\n", qPrintable(dirName));
    return 1;
  }
  window.resize(1920, 1080);
  if (!QTest::qWaitForWindowExposed(&window, 10000)) std::fprintf(stderr, "capture: the window was never exposed\n");
  settle(1500);
  bool ok = capturePages(window, dir);
  window.setPage(ui::MainWindow::Page::Edit);
  ok = captureEditing(window, dir) && ok;
  return ok ? 0 : 1;
}

}  // namespace postline::app
