// Mixer DSP figures: one second of 48 kHz stereo through EQ (4 bands) + compressor + true-peak
// limiter, and each block alone; the `rt_factor` counter is seconds of audio per second of CPU.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "core/audio/dsp/compressor.h"
#include "core/audio/dsp/eq.h"
#include "core/audio/dsp/limiter.h"
#include "core/audio/dsp/varispeed.h"

namespace {

using namespace postline::audio::dsp;
using postline::model::EqBand;
using postline::model::EqBandType;
constexpr int kFrames = 48000;  // one second
constexpr int kBlock = 512;     // a typical callback size

struct Signal {
  std::vector<float> left, right;
};

// Loud music-like material: three tones plus noise, peaking near +3 dBFS so every block works.
Signal makeSignal() {
  Signal s;
  s.left.resize(kFrames);
  s.right.resize(kFrames);
  std::mt19937 rng(1);
  std::normal_distribution<double> g(0.0, 0.1);
  for (int i = 0; i < kFrames; ++i) {
    const double t = i / 48000.0, tau = 2.0 * std::numbers::pi;
    const double m = 0.6 * std::sin(tau * 110 * t) + 0.4 * std::sin(tau * 1320 * t) + 0.2 * std::sin(tau * 5100 * t);
    s.left[i] = static_cast<float>(m + g(rng));
    s.right[i] = static_cast<float>(0.9 * m + g(rng));
  }
  return s;
}

std::vector<EqBand> fourBands() {
  std::vector<EqBand> b(4);
  b[0].type = EqBandType::HighPass; b[0].frequencyHz = 80.0;
  b[1].type = EqBandType::LowShelf; b[1].frequencyHz = 200.0; b[1].gainDb = 3.0;
  b[2].type = EqBandType::Peak; b[2].frequencyHz = 3100.0; b[2].gainDb = -6.0; b[2].q = 8.0;
  b[3].type = EqBandType::HighShelf; b[3].frequencyHz = 9000.0; b[3].gainDb = 2.0;
  return b;
}

template <typename Process>
void runSeconds(benchmark::State& state, Process process) {
  const Signal src = makeSignal();
  Signal work = src;
  for (auto _ : state) {
    state.PauseTiming();
    work = src;
    state.ResumeTiming();
    for (int i = 0; i < kFrames; i += kBlock) process(&work.left[i], &work.right[i], std::min(kBlock, kFrames - i));
    benchmark::DoNotOptimize(work.left.data());
  }
  state.counters["rt_factor"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_MasterChain(benchmark::State& state) {
  StereoEq eq;
  eq.configure(fourBands(), 48000.0);
  postline::model::Compressor c;
  c.enabled = true;
  StereoCompressor comp;
  comp.configure(c, 48000.0);
  TruePeakLimiter lim;
  lim.configure(-1.0, 48000.0);
  runSeconds(state, [&](float* l, float* r, int n) {
    eq.process(l, r, n);
    comp.process(l, r, n);
    lim.process(l, r, n);
  });
}
BENCHMARK(BM_MasterChain)->Unit(benchmark::kMillisecond);

void BM_Eq4Bands(benchmark::State& state) {
  StereoEq eq;
  eq.configure(fourBands(), 48000.0);
  runSeconds(state, [&](float* l, float* r, int n) { eq.process(l, r, n); });
}
BENCHMARK(BM_Eq4Bands)->Unit(benchmark::kMillisecond);

void BM_Compressor(benchmark::State& state) {
  postline::model::Compressor c;
  c.enabled = true;
  StereoCompressor comp;
  comp.configure(c, 48000.0);
  runSeconds(state, [&](float* l, float* r, int n) { comp.process(l, r, n); });
}
BENCHMARK(BM_Compressor)->Unit(benchmark::kMillisecond);

void BM_TruePeakLimiter(benchmark::State& state) {
  TruePeakLimiter lim;
  lim.configure(-1.0, 48000.0);
  runSeconds(state, [&](float* l, float* r, int n) { lim.process(l, r, n); });
}
BENCHMARK(BM_TruePeakLimiter)->Unit(benchmark::kMillisecond);

// Varispeed at step 0.85 (and 2.0: the kernel twice as wide), one channel, one second out.
void BM_Varispeed(benchmark::State& state) {
  const double step = static_cast<double>(state.range(0)) / 100.0;
  const Signal src = makeSignal();
  std::vector<float> out(kFrames);
  std::vector<float> source(src.left);
  source.resize(static_cast<std::size_t>(kFrames * 2 + 64), 0.0f);
  for (auto _ : state) {
    varispeed(source.data(), 0, static_cast<std::int64_t>(source.size()), 16.5, step, out.data(), kFrames);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["rt_factor"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Varispeed)->Arg(85)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
