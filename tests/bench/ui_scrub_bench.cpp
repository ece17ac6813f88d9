// Scrub figure of the editor: from a playhead move (ProjectController::setPlayhead) to the new
// frame on screen (ViewerWidget::framePresented after the buffer swap), program viewer at half
// resolution (~960x540), on a 20 s long-GOP (250) 1080p H.264 clip at 24 fps; 60 random positions.
// Counters: p50_ms, p95_ms, max_ms: the first picture of the new frame on screen (the figure; with
// scrub drafts on, a half-size draft), full_p50/p95_ms: the frame at the viewer's resolution on
// screen, ready_*: frameReady on the UI thread, render_*: the render thread's time for the full frame.
// Run under Xvfb: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" ...
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QTest>
#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "tests/bench/ui_bench_scene.h"
#include "ui/controller/project_controller.h"
#include "ui/viewer/program_viewer.h"

namespace fs = std::filesystem;
using namespace postline;

namespace {

using bench::percentile;

constexpr int kFrames = 480;  // 20 s at 24 fps
constexpr int kPositions = 60;

struct Scene {
  ui::ProjectController ctl;
  std::unique_ptr<ui::ProgramViewer> viewer;
};
Scene* g_scene = nullptr;

fs::path longGopClip() {
  if (const char* other = std::getenv("POSTLINE_BENCH_CLIP"); other != nullptr && *other != '\0') return other;
  return bench::footageClip("postline_ui_scrub_bench", "long_gop_1080p_footage.mp4", kFrames, 250, 2, 6, {200, 160, 90});
}

bool buildScene(Scene& s, const fs::path& clip) {
  if (!bench::assembleProject(s.ctl, "Scrub", {clip})) return false;
  s.viewer = std::make_unique<ui::ProgramViewer>(s.ctl);
  s.viewer->resize(960, 540 + 60);
  s.viewer->show();
  s.viewer->resolutionBox().setCurrentIndex(1);  // half
  return QTest::qWaitForWindowExposed(s.viewer.get());
}

// CPU seconds this process has used (all threads: UI, render, llvmpipe's, the scrub cache's).
double processCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// One scrub: ms from setPlayhead(frame) to framePresented(frame); -1 on a 30 s timeout.
// Times of one scrub, ms from setPlayhead: the first picture of the frame on screen (a draft or
// the full frame), the full frame on screen, frameReady reaching the UI thread, the render thread's
// own time for the full frame.
struct Scrub {
  double firstMs = -1, fullMs = -1, readyMs = -1, renderMs = 0, draftRenderMs = 0;
};

Scrub scrubOnce(Scene& s, qint64 frame) {
  ui::ViewerWidget& w = s.viewer->widget();
  QElapsedTimer t;
  Scrub out;
  QEventLoop loop;  // event-driven wait (QTest::qWaitFor sleeps 10 ms between polls)
  auto conn = QObject::connect(&w, &ui::ViewerWidget::framePresented, [&](qint64 f) {
    if (f != frame) return;
    const double now = double(t.nsecsElapsed()) / 1e6;
    if (out.firstMs < 0) {
      out.firstMs = now;
      if (w.shown().draft) out.draftRenderMs = w.shown().renderMs;
    }
    if (!w.shown().draft && out.fullMs < 0) {
      out.fullMs = now;
      out.renderMs = w.shown().renderMs;
      loop.quit();
    }
  });
  auto ready = QObject::connect(&s.viewer->renderService(), &ui::RenderService::frameReady, [&](qint64 f) {
    if (f == frame && out.readyMs < 0) out.readyMs = double(t.nsecsElapsed()) / 1e6;
  });
  QTimer::singleShot(30000, &loop, &QEventLoop::quit);
  t.start();
  s.ctl.setPlayhead(time::FramePos{frame});
  if (out.fullMs < 0) loop.exec();
  QObject::disconnect(conn);
  QObject::disconnect(ready);
  return out;
}

enum class Cache { Off, Cold, Warm };
constexpr std::size_t kBudget = std::size_t{512} << 20;

void runScrub(benchmark::State& state, Cache cache) {
  Scene& s = *g_scene;
  ui::RenderService& rs = s.viewer->renderService();
  rs.setScrubCacheBudget(cache == Cache::Off ? 0 : kBudget);
  const char* drafts = std::getenv("POSTLINE_SCRUB_DRAFTS");  // "0": no half-size drafts (compare)
  rs.setScrubDrafts(drafts == nullptr || std::string(drafts) != "0");
  if (cache == Cache::Warm) state.counters["cache_ready"] = rs.waitScrubCacheIdle(180000) ? 1 : 0;
  std::mt19937 rng(7 + int(cache));
  std::uniform_int_distribution<int> pick(0, kFrames - 1);
  std::vector<double> times, fulls, renders, readies, draftRenders;
  qint64 last = s.ctl.playhead().value;
  const double cpu0 = processCpuSeconds();
  const quint64 misses0 = rs.scrubCacheMisses();
  for (auto _ : state) {
    qint64 f = pick(rng);
    while (f == last) f = pick(rng);
    last = f;
    const Scrub one = scrubOnce(s, f);
    if (std::getenv("POSTLINE_SCRUB_VERBOSE")) {
      std::fprintf(stderr, "frame %lld: first %.1f full %.1f ready %.1f render %.1f ms\n", static_cast<long long>(f),
                   one.firstMs, one.fullMs, one.readyMs, one.renderMs);
    }
    if (one.fullMs < 0) {
      state.SkipWithError("a frame never reached the screen");
      break;
    }
    state.SetIterationTime(one.firstMs / 1000.0);
    times.push_back(one.firstMs);
    fulls.push_back(one.fullMs);
    renders.push_back(one.renderMs);
    readies.push_back(one.readyMs);
    draftRenders.push_back(one.draftRenderMs);
    QTest::qWait(30);  // a person's next mouse move
  }
  // Process CPU per scrub (the 30 ms pause included): a load-independent view of the work, since
  // on a shared machine the wall times above stretch with the load average.
  state.counters["cpu_ms_per_scrub"] = (processCpuSeconds() - cpu0) * 1000.0 / double(std::max<std::size_t>(1, times.size()));
  double load[1] = {0};
  if (getloadavg(load, 1) == 1) state.counters["loadavg"] = load[0];
  state.counters["p50_ms"] = percentile(times, 0.5);
  state.counters["p95_ms"] = percentile(times, 0.95);
  state.counters["max_ms"] = percentile(times, 1.0);
  state.counters["full_p50_ms"] = percentile(fulls, 0.5);
  state.counters["full_p95_ms"] = percentile(fulls, 0.95);
  state.counters["render_p50_ms"] = percentile(renders, 0.5);
  state.counters["render_p95_ms"] = percentile(renders, 0.95);
  state.counters["draft_render_p50_ms"] = percentile(draftRenders, 0.5);
  state.counters["ready_p50_ms"] = percentile(readies, 0.5);
  state.counters["ready_p95_ms"] = percentile(readies, 0.95);
  state.counters["decoded_by_render"] = double(rs.scrubCacheMisses() - misses0);
  state.counters["cached_frames"] = double(rs.scrubCacheFrames());
}

// No scrub cache: every scrub decodes from the keyframe before it (the decoder's own seek).
void BM_ScrubNoCache(benchmark::State& state) { runScrub(state, Cache::Off); }
// The cache starts filling at the first scrub (what a person gets right after opening).
void BM_ScrubCold(benchmark::State& state) { runScrub(state, Cache::Cold); }
// The cache has decoded the clip (a few seconds after opening): the figure.
void BM_ScrubWarm(benchmark::State& state) { runScrub(state, Cache::Warm); }

}  // namespace

BENCHMARK(BM_ScrubNoCache)->Iterations(kPositions)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScrubCold)->Iterations(kPositions)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScrubWarm)->Iterations(kPositions)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  const fs::path clip = longGopClip();
  Scene scene;
  if (!buildScene(scene, clip)) {
    std::fprintf(stderr, "cannot build the scene\n");
    return 1;
  }
  g_scene = &scene;
  benchmark::AddCustomContext("clip", clip.string());
  benchmark::AddCustomContext("renderer", scene.viewer->renderService().rendererDescription().toStdString());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_scene = nullptr;
  scene.viewer.reset();
  std::fflush(nullptr);
  std::_Exit(0);
}
