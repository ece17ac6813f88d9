// Timeline figures: repaint of a 1,000-clip timeline and the update rate of a trim drag.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTest>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>

#include "core/edit/placement.h"
#include "core/ingest/import.h"
#include "core/media/ffmpeg/media_writer.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/timeline_summaries.h"
#include "ui/timeline/timeline_view.h"

namespace {

using namespace postline;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kClips = 1000;

// Four short clips (written once), 1,000 uses of them appended on V1 with linked audio on A1.
struct Fixture {
  ui::ProjectController ctl;
  std::unique_ptr<ui::TimelineView> view;

  Fixture() {
    const fs::path dir = fs::temp_directory_path() / "postline_timeline_bench";
    fs::create_directories(dir);
    std::vector<fs::path> files;
    for (int i = 1; i <= 4; ++i) {
      const fs::path p = dir / ("Shot_0" + std::to_string(i) + "_Take_01.mp4");
      if (!fs::exists(p)) {
        media::ffmpeg::VideoSpec spec;
        spec.frames = 24 + 12 * i;
        spec.audioTone = 300 + 50 * i;
        (void)media::ffmpeg::writeVideo(p, spec);
      }
      files.push_back(p);
    }
    ctl.newProject("Timeline Bench");
    auto plan = ingest::planImport(ctl.project(), files);
    ctl.apply(std::move(plan.value().changes), "Import");
    model::Project p = ctl.project();
    const model::Sequence& seq = *p.findSequence(ctl.currentSequence());
    const model::TrackId v1 = seq.tracks[0].id, a1 = seq.tracks[1].id;
    for (int i = 0; i < kClips; ++i) {
      const model::MediaItem& m = p.media[static_cast<std::size_t>(i) % p.media.size()];
      auto cs = edit::append(p, ctl.currentSequence(), v1, edit::SourceSpan{m.id, 0, m.info.duration}, a1);
      (void)model::apply(p, cs.value());
    }
    ctl.adopt(std::move(p));
    view = std::make_unique<ui::TimelineView>(ctl);
    view->resize(1900, 600);
    view->show();
    (void)QTest::qWaitForWindowExposed(view.get());
    view->zoomToFit();
  }

  // Zoomed in (4 px a frame) with the middle clip's start near the left.
  void zoomIn() {
    view->setZoom(4.0, 0.0);
    const model::Clip& c = ctl.sequence()->tracks[0].clips[kClips / 2];
    view->horizontalScrollBar()->setValue(static_cast<int>((c.start.value - 40) * 4));
    // Filmstrips and waveforms of the four files are ready before measuring.
    for (int i = 0; i < 40; ++i) {
      view->viewport()->repaint();
      view->summaries().waitIdle();
      QApplication::processEvents();
    }
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// CPU time of this process in ms (the machine is shared: wall time includes waiting for a core).
double cpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void repaintLoop(benchmark::State& state, Fixture& f) {
  double total = 0.0;
  const double cpu0 = cpuMs();
  for (auto _ : state) {
    const auto t0 = Clock::now();
    f.view->viewport()->repaint();
    total += msSince(t0);
  }
  state.counters["repaint_ms"] = total / static_cast<double>(state.iterations());
  state.counters["repaint_cpu_ms"] = (cpuMs() - cpu0) / static_cast<double>(state.iterations());
  state.counters["clips"] = 2.0 * kClips;
}

void BM_RepaintZoomedToFit(benchmark::State& state) {
  Fixture& f = fixture();
  f.view->zoomToFit();
  repaintLoop(state, f);
}
BENCHMARK(BM_RepaintZoomedToFit)->Unit(benchmark::kMillisecond);

void BM_RepaintZoomedIn(benchmark::State& state) {
  Fixture& f = fixture();
  f.zoomIn();
  repaintLoop(state, f);
}
BENCHMARK(BM_RepaintZoomedIn)->Unit(benchmark::kMillisecond);

void sendMouse(QWidget* w, QEvent::Type type, QPoint pos, Qt::MouseButtons buttons) {
  QMouseEvent e(type, pos, w->mapToGlobal(pos), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                Qt::NoModifier);
  QApplication::sendEvent(w, &e);
}

// One drag of `steps` mouse moves (a frame each, back and forth over 30 frames) of the tool `kind`
// from viewport point `from`; each step is the edit plus a synchronous repaint.
void dragLoop(benchmark::State& state, ui::ToolKind kind, QPoint from, const char* what) {
  Fixture& f = fixture();
  f.zoomIn();
  f.view->setTool(kind);
  QWidget* vp = f.view->viewport();
  const int steps = 120;
  double total = 0.0, cpu = 0.0;
  std::int64_t updates = 0, changes = 0;
  auto counter = QObject::connect(&f.ctl, &ui::ProjectController::changed, [&changes] { ++changes; });
  for (auto _ : state) {
    sendMouse(vp, QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int i = 1; i <= steps; ++i) {
      const int phase = i % 60, frames = phase < 30 ? phase : 60 - phase;
      const auto t0 = Clock::now();
      const double c0 = cpuMs();
      sendMouse(vp, QEvent::MouseMove, from - QPoint(frames * 4, 0), Qt::LeftButton);
      vp->repaint();
      total += msSince(t0);
      cpu += cpuMs() - c0;
      ++updates;
    }
    sendMouse(vp, QEvent::MouseButtonRelease, from, Qt::NoButton);
    f.ctl.undo();
  }
  const double perUpdate = total / static_cast<double>(updates);
  state.counters["drag_update_ms"] = perUpdate;
  state.counters["updates_per_s"] = 1000.0 / perUpdate;
  state.counters["drag_update_cpu_ms"] = cpu / static_cast<double>(updates);
  // Model changes per step (the drag really edits: about 1 per step; undo/redo inside a gesture count too).
  state.counters["changes_per_step"] = static_cast<double>(changes) / static_cast<double>(updates);
  QObject::disconnect(counter);
  state.SetLabel(what);
}

void BM_TrimDragRipple(benchmark::State& state) {
  Fixture& f = fixture();
  f.zoomIn();
  const model::Clip& c = f.ctl.sequence()->tracks[0].clips[kClips / 2];
  const auto at = f.view->viewportPoint(c.end() - postline::time::FrameCount{1}, f.ctl.sequence()->tracks[0].id);
  dragLoop(state, ui::ToolKind::Ripple, *at + QPoint(1, 0), "ripple trim of a clip's end (later 500 clips + audio follow)");
}
BENCHMARK(BM_TrimDragRipple)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_TrimDragSelectEdge(benchmark::State& state) {
  Fixture& f = fixture();
  f.zoomIn();
  const model::Clip& c = f.ctl.sequence()->tracks[0].clips[kClips / 2];
  const auto at = f.view->viewportPoint(c.end() - postline::time::FrameCount{1}, f.ctl.sequence()->tracks[0].id);
  dragLoop(state, ui::ToolKind::Select, *at + QPoint(1, 0), "trim of a clip's end with the select tool");
}
BENCHMARK(BM_TrimDragSelectEdge)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::fflush(nullptr);
  std::_Exit(0);
}
