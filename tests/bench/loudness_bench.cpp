// Loudness figures: the whole-programme Analyzer (libebur128 M, S, I, LRA, sample and true peak,
// maxima every 100 ms) over 60 s of 48 kHz stereo programme (noise plus tones at changing
// levels). Counter realtime_x = seconds of audio analysed per second of CPU (target >= 200).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "core/audio/loudness/analyzer.h"
#include "core/audio/loudness/meter.h"

namespace {

using namespace postline::audio::loudness;

constexpr int kSeconds = 60;
constexpr std::size_t kFrames = kSeconds * 48000;
constexpr std::size_t kBlock = 1024;  // frames per add(), as a mixing worker would feed it

// 60 s of stereo: pink-ish noise plus two tones, level changing every 5 s (-30..-12 dBFS).
const std::vector<float>& programme() {
  static const std::vector<float> samples = [] {
    std::vector<float> out(kFrames * 2);
    std::mt19937 rng(2026);
    std::normal_distribution<double> noise(0.0, 1.0);
    double lowL = 0.0;
    double lowR = 0.0;
    for (std::size_t i = 0; i < kFrames; ++i) {
      const double t = static_cast<double>(i) / 48000.0;
      const double level = std::pow(10.0, (-30.0 + 6.0 * static_cast<double>((i / 240000) % 4)) / 20.0);
      lowL = 0.97 * lowL + 0.03 * noise(rng);
      lowR = 0.97 * lowR + 0.03 * noise(rng);
      out[i * 2] = static_cast<float>(level * (0.5 * std::sin(2.0 * std::numbers::pi * 440.0 * t) + 2.0 * lowL + 0.1 * noise(rng)));
      out[i * 2 + 1] = static_cast<float>(level * (0.5 * std::sin(2.0 * std::numbers::pi * 1250.0 * t) + 2.0 * lowR + 0.1 * noise(rng)));
    }
    return out;
  }();
  return samples;
}

void feed(auto& sink, const std::vector<float>& sig) {
  for (std::size_t at = 0; at < kFrames; at += kBlock) sink.add(sig.data() + at * 2, std::min(kBlock, kFrames - at));
}

void BM_AnalyzerStereo60s(benchmark::State& state) {
  const auto& sig = programme();
  for (auto _ : state) {
    auto analyzer = Analyzer::create({ChannelWeight::Left, ChannelWeight::Right});
    feed(*analyzer, sig);
    benchmark::DoNotOptimize(analyzer->stats());
  }
  state.counters["realtime_x"] = benchmark::Counter(static_cast<double>(kSeconds) * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzerStereo60s)->Unit(benchmark::kMillisecond);

// The same without true peak (which dominates the cost): what a live M/S/I meter costs.
void BM_MeterNoTruePeakStereo60s(benchmark::State& state) {
  const auto& sig = programme();
  for (auto _ : state) {
    auto meter = Meter::create({ChannelWeight::Left, ChannelWeight::Right}, false, true);
    feed(*meter, sig);
    benchmark::DoNotOptimize(meter->integratedLufs());
  }
  state.counters["realtime_x"] = benchmark::Counter(static_cast<double>(kSeconds) * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MeterNoTruePeakStereo60s)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
