#pragma once
// Shared by the mixer graph and mix action tests: IEEE-float WAV fixtures written by the tests
// (so NaN, Inf and any level survive exactly), a fixture that places them, and measurements with
// analytic meaning (tone frequency by a Goertzel scan, levels in dB).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "tests/core/audio/audio_fixture.h"

namespace mix_test {

using namespace audio_test;

inline constexpr double kRate = 48000.0;

inline double dB(double ratio) { return 20.0 * std::log10(ratio); }
inline double gainOf(double db) { return std::pow(10.0, db / 20.0); }

// Writes interleaved stereo float32 at 48 kHz as a WAVE_FORMAT_IEEE_FLOAT (tag 3) file.
inline void writeFloatWav(const fs::path& path, const std::vector<float>& interleaved) {
  std::ofstream f(path, std::ios::binary);
  auto u32 = [&](std::uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); };
  auto u16 = [&](std::uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); };
  const auto bytes = static_cast<std::uint32_t>(interleaved.size() * 4);
  f.write("RIFF", 4);
  u32(4 + (8 + 18) + (8 + 4) + (8 + bytes));
  f.write("WAVEfmt ", 8);
  u32(18);
  u16(3);              // IEEE float
  u16(2);              // channels
  u32(48000);          // rate
  u32(48000 * 2 * 4);  // bytes a second
  u16(2 * 4);          // block align
  u16(32);             // bits
  u16(0);              // cbSize
  f.write("fact", 4);
  u32(4);
  u32(static_cast<std::uint32_t>(interleaved.size() / 2));
  f.write("data", 4);
  u32(bytes);
  f.write(reinterpret_cast<const char*>(interleaved.data()), static_cast<std::streamsize>(bytes));
}

// A float WAV fixture under the build's test_fixtures/mix-v1, written once per process (renamed
// into place, so parallel test processes never see half a file).
inline fs::path floatWav(const std::string& name, const std::vector<float>& interleaved) {
  const fs::path dir = fs::path(POSTLINE_BINARY_DIR) / "test_fixtures" / "mix-v1";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  const fs::path tmp = dir / (name + ".tmp" + std::to_string(::getpid()) + ".wav");
  writeFloatWav(tmp, interleaved);
  fs::rename(tmp, p);
  return p;
}

// `seconds` of a constant (l, r) pair.
inline std::vector<float> dcPair(double seconds, float l, float r) {
  std::vector<float> s(static_cast<std::size_t>(seconds * kRate) * 2);
  for (std::size_t i = 0; i < s.size(); i += 2) {
    s[i] = l;
    s[i + 1] = r;
  }
  return s;
}

// A sine of `hz` and peak `amp` on both channels, `seconds` long.
inline std::vector<float> sinePair(double seconds, double hz, double amp) {
  std::vector<float> s(static_cast<std::size_t>(seconds * kRate) * 2);
  for (std::size_t i = 0; i < s.size() / 2; ++i) {
    const auto v = static_cast<float>(amp * std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(i) / kRate));
    s[2 * i] = s[2 * i + 1] = v;
  }
  return s;
}

// Gaussian white noise of standard deviation `sigma`, the same on both channels (seeded).
inline std::vector<float> noisePair(double seconds, double sigma, unsigned seed) {
  std::mt19937 gen(seed);
  std::normal_distribution<double> d(0.0, sigma);
  std::vector<float> s(static_cast<std::size_t>(seconds * kRate) * 2);
  for (std::size_t i = 0; i < s.size(); i += 2) s[i] = s[i + 1] = static_cast<float>(d(gen));
  return s;
}

// Pink-ish noise (white noise through Paul Kellet's economy -3 dB/octave filter), scaled to an
// RMS of `rms`, the same on both channels (seeded).
inline std::vector<float> pinkPair(double seconds, double rms, unsigned seed) {
  std::mt19937 gen(seed);
  std::normal_distribution<double> d(0.0, 1.0);
  const auto n = static_cast<std::size_t>(seconds * kRate);
  std::vector<double> mono(n);
  double b0 = 0, b1 = 0, b2 = 0, acc = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double w = d(gen);
    b0 = 0.99765 * b0 + w * 0.0990460;
    b1 = 0.96300 * b1 + w * 0.2965164;
    b2 = 0.57000 * b2 + w * 1.0526913;
    mono[i] = b0 + b1 + b2 + w * 0.1848;
    acc += mono[i] * mono[i];
  }
  const double scale = rms / std::sqrt(acc / static_cast<double>(n));
  std::vector<float> s(2 * n);
  for (std::size_t i = 0; i < n; ++i) s[2 * i] = s[2 * i + 1] = static_cast<float>(mono[i] * scale);
  return s;
}

// Adds `b` into `a` sample by sample (both interleaved, `a` at least as long).
inline void mixInto(std::vector<float>& a, const std::vector<float>& b) {
  for (std::size_t i = 0; i < b.size() && i < a.size(); ++i) a[i] += b[i];
}

// Power of the Hann-windowed left channel of `s` (interleaved) at `hz` over frames [from, from + n).
inline double goertzelPower(const std::vector<float>& s, std::int64_t from, std::int64_t n, double hz) {
  const double w = 2.0 * std::numbers::pi * hz / kRate;
  const double c = 2.0 * std::cos(w);
  double s1 = 0.0, s2 = 0.0;
  for (std::int64_t i = 0; i < n; ++i) {
    const double win = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n));
    const double x = win * s[static_cast<std::size_t>(from + i) * 2];
    const double s0 = x + c * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - c * s1 * s2;
}

// Frequency (Hz) of the strongest component in [loHz, hiHz] of the left channel over frames
// [from, from + n): 1 Hz scan, refined by a parabola through the log powers around the maximum.
inline double peakFrequency(const std::vector<float>& s, std::int64_t from, std::int64_t n, double loHz, double hiHz) {
  double best = loHz, bestP = -1.0;
  for (double f = loHz; f <= hiHz; f += 1.0) {
    const double p = goertzelPower(s, from, n, f);
    if (p > bestP) {
      bestP = p;
      best = f;
    }
  }
  const double a = std::log(goertzelPower(s, from, n, best - 1.0) + 1e-30);
  const double b = std::log(bestP + 1e-30);
  const double c = std::log(goertzelPower(s, from, n, best + 1.0) + 1e-30);
  const double d = a - 2.0 * b + c;
  return d < 0.0 ? best + 0.5 * (a - c) / d : best;
}

// RMS of both channels of `s` over frames [from, to).
inline double rmsBoth(const std::vector<float>& s, std::int64_t from, std::int64_t to) {
  double acc = 0.0;
  for (std::int64_t i = from * 2; i < to * 2; ++i) acc += static_cast<double>(s[static_cast<std::size_t>(i)]) * s[static_cast<std::size_t>(i)];
  return std::sqrt(acc / static_cast<double>(2 * (to - from)));
}

// AudioFixture plus float-WAV media of any length.
struct MixFixture : AudioFixture {
  // Adds `interleaved` (written as float WAV `name`) as an audio media item; its duration is exact.
  model::MediaId addFloat(const std::string& name, const std::vector<float>& interleaved) {
    const model::MediaId id = addWav(floatWav(name, interleaved));
    project.media.back().info.duration = static_cast<std::int64_t>(interleaved.size() / 2);
    project.media.back().info.audioCodec = "pcm_f32le";
    return id;
  }
  // Applies a ChangeSet (asserting that it applies).
  void applyChanges(const model::ChangeSet& cs) {
    auto r = model::apply(project, cs);
    ASSERT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  }
  // The mix of sequence samples [0, frames) as OfflineMix renders it in one call.
  std::vector<float> renderSamples(std::int64_t from, std::int64_t frames, bool limiter = false) {
    sequence().settings.mix.limiter = limiter;
    auto mix = audio::OfflineMix::open(project, seq);
    EXPECT_TRUE(mix.ok()) << (mix.ok() ? "" : mix.error().message);
    if (!mix.ok()) return {};
    return mix.value()->render(from, frames);
  }
};

}  // namespace mix_test
