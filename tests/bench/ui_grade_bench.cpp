// Grade figure of the editor: from a drag event on the gain wheel (a real mouse move on the
// wheel's disc) to (a) the viewer presenting a frame rendered for the new grade
// (ViewerWidget::framePresented with the render generation the edit started) and (b) the scopes
// computed from that frame painted (ScopesPanel::scopesShown of that generation). Color page
// shown, program viewer at half resolution (960x540) of a 1080p sequence, a 1080p H.264 clip.
// BM_GradeDragStep: one move, wait for frame + scopes, ~30 ms pause (a hand's next move); the figure.
// BM_GradeDragContinuous: moves every 16 ms without waiting (a fast drag); for each move, the time
// to the first frame + scopes of its grade or a newer one (what the eye sees while dragging).
// Counters: p50_ms, p95_ms, max_ms (frame + scopes), frame_p50/p95_ms (frame alone), render_p50_ms.
// Run under Xvfb: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" ...
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <filesystem>
#include <map>
#include <numbers>
#include <vector>

#include "tests/bench/ui_bench_scene.h"
#include "ui/color/color_page.h"
#include "ui/color/color_wheel.h"
#include "ui/color/grade_sections.h"
#include "ui/controller/project_controller.h"
#include "ui/scopes/scopes_panel.h"
#include "ui/viewer/program_viewer.h"

namespace fs = std::filesystem;
using namespace postline;

namespace {

using bench::percentile;

constexpr int kMoves = 60;

struct Scene {
  ui::ProjectController ctl;
  std::unique_ptr<ui::ColorPage> page;
};
Scene* g_scene = nullptr;

bool buildScene(Scene& s, const fs::path& clip) {
  if (!bench::assembleProject(s.ctl, "Grade", {clip})) return false;
  s.ctl.setPlayhead(time::FramePos{12});
  s.page = std::make_unique<ui::ColorPage>(s.ctl);
  // The page's size (a 1080p-monitor editor window by default; POSTLINE_GRADE_PAGE=WxH to compare).
  int pw = 1600, ph = 1000;
  if (const char* size = std::getenv("POSTLINE_GRADE_PAGE")) std::sscanf(size, "%dx%d", &pw, &ph);
  s.page->resize(pw, ph);
  s.page->show();
  s.page->controls().setCurrentWidget(&s.page->primaries());
  s.page->viewer().resolutionBox().setCurrentIndex(1);  // half
  if (!QTest::qWaitForWindowExposed(s.page.get())) return false;
  ui::ProgramViewer& v = s.page->viewer();
  return QTest::qWaitFor([&] {
    return v.widget().shown().generation == v.renderService().generation() && !v.widget().shown().image.isNull() &&
           s.page->scopes().latestGeneration() == v.renderService().generation();
  }, 60000) && v.renderService().waitScrubCacheIdle(60000);
}

// The i-th point of the drag: a slow circle around the disc's centre (radius 0.3 of the disc).
QPoint dragPoint(const ui::ColorWheel& wheel, int i) {
  const double a = 2 * std::numbers::pi * i / kMoves;
  const double r = 0.3 * wheel.discRadius();
  return (wheel.discCentre() + QPointF(r * std::cos(a), r * std::sin(a))).toPoint();
}

// Records, per generation started by a move, when its frame and its scopes reached the screen.
struct Watch {
  std::map<quint64, double> frameAt, scopesAt;  // generation -> ms since the run started
  std::map<quint64, double> renderMs;
};

void report(benchmark::State& state, const std::vector<double>& both, const std::vector<double>& frames,
            const std::vector<double>& renders) {
  state.counters["p50_ms"] = percentile(both, 0.5);
  state.counters["p95_ms"] = percentile(both, 0.95);
  state.counters["max_ms"] = percentile(both, 1.0);
  state.counters["frame_p50_ms"] = percentile(frames, 0.5);
  state.counters["frame_p95_ms"] = percentile(frames, 0.95);
  state.counters["render_p50_ms"] = percentile(renders, 0.5);
  double load[1] = {0};
  if (getloadavg(load, 1) == 1) state.counters["loadavg"] = load[0];
}

void BM_GradeDragStep(benchmark::State& state) {
  Scene& s = *g_scene;
  ui::ColorWheel& wheel = *s.page->primaries().wheels[2];
  ui::ProgramViewer& v = s.page->viewer();
  QElapsedTimer clock;
  clock.start();
  Watch w;
  auto c1 = QObject::connect(&v.widget(), &ui::ViewerWidget::framePresented, [&](qint64) {
    const auto& shown = v.widget().shown();
    if (!w.frameAt.count(shown.generation)) {
      w.frameAt[shown.generation] = double(clock.nsecsElapsed()) / 1e6;
      w.renderMs[shown.generation] = shown.renderMs;
    }
  });
  auto c2 = QObject::connect(&s.page->scopes(), &ui::ScopesPanel::scopesShown, [&](qint64, quint64 gen) {
    if (!w.scopesAt.count(gen)) w.scopesAt[gen] = double(clock.nsecsElapsed()) / 1e6;
  });
  std::map<quint64, double> readyAt;  // frameReady on the UI thread
  auto c3 = QObject::connect(&v.renderService(), &ui::RenderService::frameReady, [&](qint64) {
    const quint64 g = v.renderService().generation();
    if (!readyAt.count(g)) readyAt[g] = double(clock.nsecsElapsed()) / 1e6;
  });
  std::vector<double> both, frames, renders, applies, readies;
  int i = 0;
  QTest::mousePress(&wheel.disc(), Qt::LeftButton, {}, wheel.discCentre().toPoint());
  for (auto _ : state) {
    const double t0 = double(clock.nsecsElapsed()) / 1e6;
    QTest::mouseMove(&wheel.disc(), dragPoint(wheel, ++i));
    applies.push_back(double(clock.nsecsElapsed()) / 1e6 - t0);
    const quint64 gen = v.renderService().generation() + (v.editPending() ? 1 : 0);
    const bool done = QTest::qWaitFor([&] { return w.frameAt.count(gen) && w.scopesAt.count(gen); }, 30000);
    if (!done) {
      state.SkipWithError("the frame or the scopes never reached the screen");
      break;
    }
    const double total = std::max(w.frameAt[gen], w.scopesAt[gen]) - t0;
    state.SetIterationTime(total / 1000.0);
    both.push_back(total);
    frames.push_back(w.frameAt[gen] - t0);
    renders.push_back(w.renderMs[gen]);
    readies.push_back(readyAt.count(gen) ? readyAt[gen] - t0 : -1);
    QTest::qWait(30);
  }
  QTest::mouseRelease(&wheel.disc(), Qt::LeftButton, {}, dragPoint(wheel, i));
  QObject::disconnect(c1);
  QObject::disconnect(c2);
  QObject::disconnect(c3);
  report(state, both, frames, renders);
  // Where the time goes: the move's UI-thread work (the edit, the controls), frameReady reaching
  // the UI thread (render included), then the frame and the scopes on screen.
  state.counters["apply_p50_ms"] = percentile(applies, 0.5);
  state.counters["ready_p50_ms"] = percentile(readies, 0.5);
}

void BM_GradeDragContinuous(benchmark::State& state) {
  Scene& s = *g_scene;
  ui::ColorWheel& wheel = *s.page->primaries().wheels[2];
  ui::ProgramViewer& v = s.page->viewer();
  QElapsedTimer clock;
  clock.start();
  Watch w;
  auto c1 = QObject::connect(&v.widget(), &ui::ViewerWidget::framePresented, [&](qint64) {
    const auto& shown = v.widget().shown();
    if (!w.frameAt.count(shown.generation)) {
      w.frameAt[shown.generation] = double(clock.nsecsElapsed()) / 1e6;
      w.renderMs[shown.generation] = shown.renderMs;
    }
  });
  auto c2 = QObject::connect(&s.page->scopes(), &ui::ScopesPanel::scopesShown, [&](qint64, quint64 gen) {
    if (!w.scopesAt.count(gen)) w.scopesAt[gen] = double(clock.nsecsElapsed()) / 1e6;
  });
  std::vector<std::pair<double, quint64>> moves;  // (time, generation after the move)
  int coalesced = 0;  // moves that waited for the frame in flight
  int i = 0;
  QTest::mousePress(&wheel.disc(), Qt::LeftButton, {}, wheel.discCentre().toPoint());
  for (auto _ : state) {
    const double t0 = double(clock.nsecsElapsed()) / 1e6;
    QTest::mouseMove(&wheel.disc(), dragPoint(wheel, ++i));
    // A move that waits for the frame in flight is rendered in the next generation.
    moves.emplace_back(t0, v.renderService().generation() + (v.editPending() ? 1 : 0));
    coalesced += v.editPending() ? 1 : 0;
    state.SetIterationTime(0.016);
    QTest::qWait(16);
  }
  const quint64 last = moves.empty() ? 0 : moves.back().second;
  if (!QTest::qWaitFor([&] { return w.frameAt.count(last) && w.scopesAt.count(last); }, 30000)) state.SkipWithError("the last move never reached the screen");
  QTest::mouseRelease(&wheel.disc(), Qt::LeftButton, {}, dragPoint(wheel, i));
  QObject::disconnect(c1);
  QObject::disconnect(c2);
  // Each move: the first generation >= its own with both frame and scopes on screen.
  std::vector<double> both, frames, renders;
  for (const auto& [t0, gen] : moves) {
    double f = -1, sc = -1;
    for (auto it = w.frameAt.lower_bound(gen); it != w.frameAt.end() && f < 0; ++it) f = it->second;
    for (auto it = w.scopesAt.lower_bound(gen); it != w.scopesAt.end() && sc < 0; ++it) sc = it->second;
    if (f < 0 || sc < 0) {
      state.SkipWithError("a move's grade never reached the screen");
      return;
    }
    both.push_back(std::max(f, sc) - t0);
    frames.push_back(f - t0);
  }
  for (const auto& [gen, ms] : w.renderMs) renders.push_back(ms);
  report(state, both, frames, renders);
  state.counters["frames_shown"] = double(w.frameAt.size());
  state.counters["coalesced_moves"] = coalesced;
}

}  // namespace

BENCHMARK(BM_GradeDragStep)->Iterations(kMoves)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GradeDragContinuous)->Iterations(kMoves)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  Scene scene;
  if (!buildScene(scene, bench::footageClip("postline_ui_grade_bench", "grade_1080p.mp4", 48, 12, 0, 0, {210, 150, 110}))) {
    std::fprintf(stderr, "cannot build the scene\n");
    return 1;
  }
  g_scene = &scene;
  benchmark::AddCustomContext("renderer", scene.page->viewer().renderService().rendererDescription().toStdString());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_scene = nullptr;
  scene.page.reset();
  std::fflush(nullptr);
  std::_Exit(0);
}
