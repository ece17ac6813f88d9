// Meters figure of the Audio page: a 5-track sequence (dialogue with EQ and the compressor, sfx,
// foley, music, ambient; 12 s each) plays for ~10 s with the page visible. No sound device: a
// thread calls the engine's device callback body every 256 frames at real time, so the ring, the
// mixing worker and underruns behave as with a sound card.
// Counters: meter_hz (distinct readings painted per second on the master meter; target >= 20),
// snapshot_hz (distinct mixer snapshots the page read per second), underruns (target 0),
// ring_fill_low_ms (the lowest ring fill a callback found), seconds.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

#include "core/edit/audio_mix.h"
#include "core/edit/placement.h"
#include "core/ingest/import.h"
#include "core/media/ffmpeg/media_writer.h"
#include "ui/controller/project_controller.h"
#include "ui/mixer/audio_page.h"
#include "ui/mixer/level_meter.h"
#include "ui/mixer/master_strip.h"
#include "ui/playback/playback_audio.h"

namespace fs = std::filesystem;
using namespace postline;

namespace {

constexpr double kRate = 48000.0;
constexpr double kSeconds = 12.0;

std::vector<float> signal(int track) {
  std::mt19937 rng(static_cast<unsigned>(track));
  std::normal_distribution<float> noise(0.0f, 0.03f);
  const auto n = static_cast<std::size_t>(kSeconds * kRate);
  std::vector<float> s(2 * n);
  const double hz = 110.0 * (track + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / kRate;
    const double tone = 0.2 * std::sin(2.0 * M_PI * hz * t) * (track == 0 ? (std::fmod(t, 2.0) < 1.2 ? 1.0 : 0.0) : 1.0);
    s[2 * i] = static_cast<float>(tone) + noise(rng);
    s[2 * i + 1] = static_cast<float>(tone * 0.8) + noise(rng);
  }
  return s;
}

bool buildProject(ui::ProjectController& ctl) {
  const fs::path dir = fs::temp_directory_path() / "postline_ui_meters_bench";
  fs::create_directories(dir);
  std::vector<model::TrackId> tracks;
  for (const model::Track& t : ctl.sequence()->tracks) {
    if (t.kind == model::TrackKind::Audio) tracks.push_back(t.id);
  }
  for (int k = 0; k < 5 && k < static_cast<int>(tracks.size()); ++k) {
    const fs::path file = dir / ("track_" + std::to_string(k + 1) + ".wav");
    media::ffmpeg::AudioSpec spec;
    spec.samples = signal(k);
    if (!media::ffmpeg::writeAudio(file, spec).ok()) return false;
    auto plan = ingest::planImport(ctl.project(), {file});
    if (!plan.ok() || !ctl.apply(std::move(plan.value().changes), "Import")) return false;
    const model::MediaId id = plan.value().added.at(0);
    const edit::SourceSpan span{id, 0, ctl.project().findMedia(id)->info.duration};
    if (!ctl.apply(edit::append(ctl.project(), ctl.currentSequence(), tracks[k], span), "Place")) return false;
  }
  edit::TrackAudio a1 = edit::trackAudioOf(*ctl.sequence()->findTrack(tracks[0]));
  a1.compressor.enabled = true;
  a1.eq = {model::EqBand{model::EqBandType::HighPass, 80.0, 0.0, 0.707, true},
           model::EqBand{model::EqBandType::Peak, 3000.0, 2.0, 1.0, true}};
  return ctl.apply(edit::setTrackAudio(ctl.project(), ctl.currentSequence(), tracks[0], a1), "A1");
}

// Stands in for the device: the callback body every 256 frames at real time.
struct Pacer {
  explicit Pacer(audio::PlaybackEngine& e) : engine(e), thread([this] { run(); }) {}
  ~Pacer() {
    quit = true;
    thread.join();
  }
  void run() {
    std::vector<float> buf(2 * 256);
    auto next = std::chrono::steady_clock::now();
    const auto period = std::chrono::nanoseconds(static_cast<long long>(256 / kRate * 1e9));
    while (!quit) {
      engine.renderForTest(buf.data(), 256);
      next += period;
      std::this_thread::sleep_until(next);
    }
  }
  audio::PlaybackEngine& engine;
  std::atomic<bool> quit{false};
  std::thread thread;
};

void BM_MetersWhilePlaying(benchmark::State& state) {
  ui::ProjectController ctl;
  if (!buildProject(ctl)) {
    state.SkipWithError("cannot build the project");
    return;
  }
  audio::PlaybackEngine::Options options;
  options.testDriven = true;
  ui::PlaybackAudio audio(ctl, options);
  ui::AudioPage page(ctl, audio);
  page.resize(1500, 980);
  page.show();
  if (!QTest::qWaitForWindowExposed(&page)) state.SkipWithError("the page never showed");
  const char* env = std::getenv("POSTLINE_METERS_SECONDS");
  const double seconds = env != nullptr ? std::atof(env) : 10.0;
  Pacer pacer(audio.engine());
  for (auto _ : state) {
    const std::uint64_t underruns0 = audio.engine().underruns();
    const int paints0 = page.master()->meter()->freshPaints();
    const int snaps0 = page.snapshotsShown();
    QElapsedTimer t;
    t.start();
    audio.engine().play(0);
    QTest::qWait(static_cast<int>(seconds * 500));
    if (const char* shot = std::getenv("POSTLINE_METERS_SHOT")) page.grab().save(shot);
    QTest::qWait(static_cast<int>(seconds * 500));
    const double elapsed = static_cast<double>(t.nsecsElapsed()) / 1e9;
    audio.engine().pause();
    state.SetIterationTime(elapsed);
    state.counters["meter_hz"] = (page.master()->meter()->freshPaints() - paints0) / elapsed;
    state.counters["snapshot_hz"] = (page.snapshotsShown() - snaps0) / elapsed;
    state.counters["underruns"] = static_cast<double>(audio.engine().underruns() - underruns0);
    state.counters["ring_fill_low_ms"] = audio.engine().ringFillLow() / 48.0;
    state.counters["seconds"] = elapsed;
  }
}

}  // namespace

BENCHMARK(BM_MetersWhilePlaying)->Iterations(1)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::fflush(nullptr);
  std::_Exit(0);
}
