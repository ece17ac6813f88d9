// Playback figure (issue 8): "Playback of the demo timeline with its grade, program viewer at half
// resolution: >= 24 fps with 0 dropped frames over 60 s". Opens the demo project (rendered once by
// postline-cli into the build dir), renders it through the viewers' RenderService at half size and
// plays it with the Transport (looping the whole timeline) for POSTLINE_PLAYBACK_SECONDS (60).
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/project/project_file.h"
#include "tests/bench/ui_bench_scene.h"
#include "ui/controller/project_controller.h"
#include "ui/playback/program_viewer_link.h"
#include "ui/playback/transport.h"
#include "ui/viewer/program_viewer.h"

namespace {

using postline::bench::percentile;

namespace fs = std::filesystem;
using namespace postline;

int envInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v ? std::max(1, std::atoi(v)) : fallback;
}

// The demo project file: POSTLINE_DEMO_DIR, else build/playback-bench-demo (rendered when missing).
fs::path demoProject() {
  const char* env = std::getenv("POSTLINE_DEMO_DIR");
  const fs::path dir = env ? fs::path(env) : fs::path(POSTLINE_BINARY_DIR) / "playback-bench-demo";
  const fs::path file = dir / (std::string("Origin_Coffee_Commercial") + project::kExtension);
  if (fs::exists(file)) return file;
  std::fprintf(stderr, "rendering the demo into %s (a few minutes) ...\n", dir.string().c_str());
  const std::string cmd = std::string("\"") + POSTLINE_CLI + "\" demo \"" + dir.string() + "\" > /dev/null";
  if (std::system(cmd.c_str()) != 0 || !fs::exists(file)) return {};
  return file;
}


void BM_PlaybackDemoHalfRes(benchmark::State& state) {
  const fs::path file = demoProject();
  if (file.empty()) {
    state.SkipWithError("could not render the demo project");
    return;
  }
  const int seconds = envInt("POSTLINE_PLAYBACK_SECONDS", 60);
  for (auto _ : state) {
    ui::ProjectController ctl;
    if (!ctl.open(file).ok()) {
      state.SkipWithError("could not open the demo project");
      return;
    }
    ui::ProgramViewer viewer(ctl);
    viewer.resize(1000, 640);
    viewer.show();
    if (!QTest::qWaitForWindowExposed(&viewer)) state.SkipWithError("the viewer window never showed");
    viewer.resolutionBox().setCurrentIndex(1);  // Half
    audio::PlaybackEngine::Options options;
    options.useDevice = false;
    ui::Transport transport(ctl, options);
    ui::linkProgramViewer(transport, viewer);
    std::vector<double> renderMs, sinkMs;
    transport.setFrameSink([&](const ui::RenderedFrame& f) {
      QElapsedTimer sink;
      sink.start();
      viewer.widget().showImage(f);
      sinkMs.push_back(static_cast<double>(sink.nsecsElapsed()) / 1e6);
      renderMs.push_back(f.renderMs);
    });
    int rendered = 0;
    std::vector<double> readyMs;  // every frameReady's render time (shown or not)
    QObject::connect(&viewer.renderService(), &ui::RenderService::frameReady, [&](qint64 f) {
      ++rendered;
      if (auto r = viewer.renderService().frame(f)) readyMs.push_back(r->renderMs);
      if (std::getenv("POSTLINE_PLAYBACK_TRACE")) std::fprintf(stderr, "ready %lld due %lld\n", static_cast<long long>(f), static_cast<long long>(ctl.playhead().value));
    });
    int presented = 0;
    QObject::connect(&viewer.widget(), &ui::ViewerWidget::framePresented, [&](qint64) { ++presented; });
    transport.setLooping(true);
    QElapsedTimer clock;
    clock.start();
    QTimer trace;
    QObject::connect(&trace, &QTimer::timeout, [&] {
      std::fprintf(stderr, "t=%lld playing=%d preroll=%d sample=%lld playhead=%lld shown=%d dropped=%d\n",
                   static_cast<long long>(clock.elapsed()), transport.isPlaying(), transport.prerolling(),
                   static_cast<long long>(transport.clockSample()), static_cast<long long>(ctl.playhead().value),
                   transport.framesShown(), transport.droppedFrames());
    });
    if (std::getenv("POSTLINE_PLAYBACK_TRACE")) trace.start(500);
    transport.play();
    if (!QTest::qWaitFor([&] { return !transport.prerolling(); }, 5000)) state.SkipWithError("no clock");
    clock.start();
    QTest::qWait(seconds * 1000);
    const double elapsed = static_cast<double>(clock.elapsed()) / 1000.0;
    transport.pause();
    if (const char* shot = std::getenv("POSTLINE_PLAYBACK_SHOT")) viewer.grab().save(QString::fromUtf8(shot));
    state.counters["seconds"] = elapsed;
    state.counters["fps_shown"] = transport.framesShown() / elapsed;
    state.counters["dropped"] = transport.droppedFrames();
    state.counters["av_offset_ms_max"] = transport.avOffsetMaxMs();
    state.counters["fps_rendered"] = rendered / elapsed;
    state.counters["ready_ms_p50"] = percentile(readyMs, 0.50);
    state.counters["fps_presented"] = presented / elapsed;
    state.counters["show_ms_p95"] = percentile(sinkMs, 0.95);
    state.counters["render_ms_p50"] = percentile(renderMs, 0.50);
    state.counters["render_ms_p95"] = percentile(renderMs, 0.95);
    state.SetLabel(viewer.renderService().rendererDescription().toStdString());
  }
}
BENCHMARK(BM_PlaybackDemoHalfRes)->Iterations(1)->Repetitions(1)->Unit(benchmark::kSecond);

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::fflush(nullptr);
  std::_Exit(0);
}
