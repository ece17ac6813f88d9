// Deliver figure of the editor: the Deliver page (its queue at concurrency 2) runs two real
// `postline-cli export` jobs of a 1080p24 sequence at once (YouTube 1080p and LinkedIn 16:9, 4 s
// each), while a 1 ms QTimer on the UI thread measures the gaps between its ticks: an event loop
// stall is a gap. Counters: max_stall_ms (target <= 50), p99_stall_ms, p50_tick_ms, ticks,
// both_running_s (time both jobs ran at once), jobs_done. The page is shown, as a user sees it; the
// jobs run at nice 10 as the page starts them. BM_IdleBaseline: the same timer with nothing running.
// Run under Xvfb: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" ...
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/bench/ui_bench_scene.h"
#include "core/media/ffmpeg/media_writer.h"
#include "ui/controller/project_controller.h"
#include "ui/deliver/deliver_page.h"
#include "ui/deliver/queue_panel.h"

namespace fs = std::filesystem;
using namespace postline;

namespace {

using bench::percentile;

constexpr int kFrames = 48;  // 2 s at 24 fps per clip, two clips

struct Scene {
  fs::path dir;
  std::unique_ptr<ui::ProjectController> ctl;
  std::unique_ptr<ui::DeliverPage> page;
};
Scene* g_scene = nullptr;

bool buildScene(Scene& s) {
  s.dir = fs::temp_directory_path() / "postline_ui_deliver_bench";
  fs::remove_all(s.dir);
  fs::create_directories(s.dir / "media");
  std::vector<fs::path> files;
  for (int i = 1; i <= 2; ++i) {
    media::ffmpeg::VideoSpec spec;
    spec.width = 1920;
    spec.height = 1080;
    spec.fps = time::Rational{24};
    spec.frames = kFrames;
    spec.audioTone = 400 + 60 * i;
    files.push_back(s.dir / "media" / ("Shot_0" + std::to_string(i) + "_Take_01.mp4"));
    if (!media::ffmpeg::writeVideo(files.back(), spec).ok()) return false;
  }
  s.ctl = std::make_unique<ui::ProjectController>();
  if (!bench::assembleProject(*s.ctl, "Deliver Bench", files)) return false;
  if (!s.ctl->saveAs(s.dir / "Deliver_Bench.postline").ok()) return false;
  s.page = std::make_unique<ui::DeliverPage>(*s.ctl);
  s.page->setCliPath(QString::fromUtf8(POSTLINE_BINARY_DIR "/app/postline-cli"));
  s.page->queue().setConcurrency(2);
  s.page->resize(1600, 1000);
  s.page->show();
  return QTest::qWaitForWindowExposed(s.page.get());
}

bool running(const ui::deliver::QueuePanel& q, int row) {
  auto j = q.job(row);
  return j && j->state == exporting::QueueState::Running;
}

// The same 1 ms timer for 10 s with the page shown and nothing exporting: what the machine alone
// costs (other processes, Xvfb), to read the figure against. Counters as above, idle_ prefixed.
void BM_IdleBaseline(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<double> gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
      const qint64 now = clock.nsecsElapsed();
      gaps.push_back(static_cast<double>(now - last) / 1e6);
      last = now;
    });
    tick.start();
    QTest::qWait(10000);
    tick.stop();
    state.SetIterationTime(10.0);
    state.counters["idle_max_stall_ms"] = percentile(gaps, 1.0);
    state.counters["idle_p99_stall_ms"] = percentile(gaps, 0.99);
    state.counters["idle_p50_tick_ms"] = percentile(gaps, 0.5);
    double load[1] = {0.0};
    if (getloadavg(load, 1) == 1) state.counters["loadavg"] = load[0];
  }
}

void BM_DeliverTwoExports(benchmark::State& state) {
  Scene& s = *g_scene;
  ui::deliver::QueuePanel& queue = s.page->queue();
  for (auto _ : state) {
    const int first = queue.rowCount();
    s.page->exportPreset(QStringLiteral("youtube-1080p"));
    s.page->exportPreset(QStringLiteral("linkedin-16x9"));
    std::vector<double> gaps;
    QElapsedTimer clock, both;
    clock.start();
    double bothMs = 0.0;
    qint64 last = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
      const qint64 now = clock.nsecsElapsed();
      const bool measuring = running(queue, first) && running(queue, first + 1);
      if (measuring) {
        gaps.push_back(static_cast<double>(now - last) / 1e6);
        bothMs += static_cast<double>(now - last) / 1e6;
      }
      last = now;
    });
    tick.start();
    const bool idle = QTest::qWaitFor([&] { return !queue.busy(); }, 600000);
    if (!idle) state.SkipWithError("the exports did not end within 10 minutes");
    tick.stop();
    int done = 0;
    for (int r = first; r < queue.rowCount(); ++r) done += queue.job(r)->state == exporting::QueueState::Done ? 1 : 0;
    state.SetIterationTime(bothMs / 1000.0);
    state.counters["max_stall_ms"] = percentile(gaps, 1.0);
    state.counters["p99_stall_ms"] = percentile(gaps, 0.99);
    state.counters["p50_tick_ms"] = percentile(gaps, 0.5);
    state.counters["ticks"] = static_cast<double>(gaps.size());
    state.counters["both_running_s"] = bothMs / 1000.0;
    state.counters["jobs_done"] = done;
    double load[1] = {0.0};
    if (getloadavg(load, 1) == 1) state.counters["loadavg"] = load[0];
    for (int r = first; r < queue.rowCount(); ++r) {
      if (queue.job(r)->state != exporting::QueueState::Done) {
        state.SkipWithError(("job failed: " + queue.job(r)->error).c_str());
      }
    }
  }
}

}  // namespace

BENCHMARK(BM_IdleBaseline)->Iterations(1)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeliverTwoExports)->Iterations(1)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  Scene scene;
  if (!buildScene(scene)) {
    std::fprintf(stderr, "cannot build the scene\n");
    return 1;
  }
  g_scene = &scene;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_scene = nullptr;
  scene.page.reset();
  std::fflush(nullptr);
  std::_Exit(0);
}
