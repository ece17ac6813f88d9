// Mixer figures: the five-track programme of mix_fixture.h rendered through OfflineMix in
// 1024-sample blocks, and the same mix measured (mix + loudness analysis).
// Counter realtime_x = seconds of audio per second of CPU; the process is single-threaded.
#include <benchmark/benchmark.h>

#include "core/audio/offline_mix.h"
#include "tests/bench/mix_fixture.h"

namespace {

using namespace postline;
using bench::kSeconds;
using bench::project;

void BM_MixFiveTracks(benchmark::State& state) {
  const model::Project& p = project();
  const auto plan = audio::planMix(p, p.sequences.front().id).value();
  for (auto _ : state) {
    audio::OfflineMix mix(plan);
    for (std::int64_t t = 0; t < plan.length; t += 1024) {
      benchmark::DoNotOptimize(mix.render(t, std::min<std::int64_t>(1024, plan.length - t)).data());
    }
  }
  state.counters["realtime_x"] = benchmark::Counter(kSeconds * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MixFiveTracks)->Unit(benchmark::kMillisecond);

void BM_MixAndMeasureFiveTracks(benchmark::State& state) {
  const model::Project& p = project();
  const auto plan = audio::planMix(p, p.sequences.front().id).value();
  for (auto _ : state) benchmark::DoNotOptimize(audio::measureMix(plan).value().integratedLufs);
  state.counters["realtime_x"] = benchmark::Counter(kSeconds * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MixAndMeasureFiveTracks)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
