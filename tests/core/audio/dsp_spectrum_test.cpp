// FFT against a direct DFT; Welch levels against the analytic level of a sine and of white
// noise; the resonance finder on pink-ish noise with and without a 3100 Hz resonance.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <cstdio>
#include <numbers>
#include <random>
#include <vector>

#include "core/audio/dsp/fft.h"
#include "core/audio/dsp/spectrum.h"

namespace {

using namespace postline::audio::dsp;
constexpr double kRate = 48000.0;
constexpr double kPi = std::numbers::pi;

// Pink-ish noise: white noise through Paul Kellet's economy pink filter (-3 dB/octave), 4 s.
std::vector<float> pinkNoise(unsigned seed, int n = 192000) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> g(0.0, 0.05);
  std::vector<float> x(static_cast<std::size_t>(n));
  double b0 = 0, b1 = 0, b2 = 0;
  for (auto& v : x) {
    const double w = g(rng);
    b0 = 0.99765 * b0 + w * 0.0990460;
    b1 = 0.96300 * b1 + w * 0.2965164;
    b2 = 0.57000 * b2 + w * 1.0526913;
    v = static_cast<float>(b0 + b1 + b2 + w * 0.1848);
  }
  return x;
}

TEST(DspFft, MatchesDirectDft) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (std::size_t n : {1u, 2u, 8u, 64u, 256u}) {
    std::vector<std::complex<double>> x(n);
    for (auto& v : x) v = {u(rng), u(rng)};
    std::vector<std::complex<double>> y = x;
    fftInPlace(y);
    for (std::size_t k = 0; k < n; ++k) {
      std::complex<double> s = 0.0;
      for (std::size_t i = 0; i < n; ++i) s += x[i] * std::polar(1.0, -2.0 * kPi * double(k * i % n) / double(n));
      EXPECT_NEAR(std::abs(y[k] - s), 0.0, 1e-9) << n << " bin " << k;
    }
  }
}

TEST(DspSpectrum, SineAndWhiteNoiseLevels) {
  const int size = 1024;
  std::vector<float> x(48000);
  const double amp = 0.5, bin = 100;  // exactly on bin 100 (4687.5 Hz)
  for (int i = 0; i < 48000; ++i) x[i] = static_cast<float>(amp * std::sin(2 * kPi * bin * i / size));
  const std::vector<double> s = averageSpectrumDb(x.data(), x.size(), kRate, size);
  ASSERT_EQ(s.size(), size / 2 + 1u);
  // Hann: |X|^2 = (a sum(w) / 2)^2 with sum(w) = N/2 and sum(w^2) = 3N/8 -> a^2 N / 6.
  EXPECT_NEAR(s[100], 10.0 * std::log10(amp * amp * size / 6.0), 0.05);
  EXPECT_LT(s[110], s[100] - 100.0);
  std::mt19937 rng(9);
  std::normal_distribution<double> g(0.0, 0.1);
  for (auto& v : x) v = static_cast<float>(g(rng));
  const std::vector<double> w = averageSpectrumDb(x.data(), x.size(), kRate, size);
  double mean = 0.0;
  for (int k = 10; k < 500; ++k) mean += std::pow(10.0, w[k] / 10.0) / 490.0;
  EXPECT_NEAR(10.0 * std::log10(mean), 10.0 * std::log10(0.01), 0.2);  // white: sigma^2 per bin
}

TEST(DspSpectrum, FindsSinusoidalResonanceOnPinkNoise) {
  std::vector<float> x = pinkNoise(1);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] += static_cast<float>(0.01 * std::sin(2 * kPi * 3100.0 * i / kRate));
  const auto r = findResonance(x.data(), x.size(), kRate);
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(r->frequencyHz, 3100.0, 10.0);
  EXPECT_GE(r->prominenceDb, 6.0);
  EXPECT_GE(r->q, 2.0);
  EXPECT_LE(r->q, 30.0);
  EXPECT_FALSE(findResonance(x.data(), x.size(), kRate, 2000.0, 3000.0).has_value());  // out of range
}

TEST(DspSpectrum, FindsFilterResonanceOnPinkNoise) {
  std::vector<float> x = pinkNoise(2);
  // Two-pole resonator at 3100 Hz (pole radius 0.987: -3 dB width (1 - r) rate / pi = 199 Hz).
  const double r = 0.987, w0 = 2 * kPi * 3100.0 / kRate;
  double y1 = 0, y2 = 0;
  std::mt19937 rng(4);
  std::normal_distribution<double> g(0.0, 0.004);
  for (auto& v : x) {
    const double y = g(rng) + 2 * r * std::cos(w0) * y1 - r * r * y2;
    y2 = y1;
    y1 = y;
    v += static_cast<float>(y);
  }
  const auto found = findResonance(x.data(), x.size(), kRate);
  ASSERT_TRUE(found.has_value());
  EXPECT_NEAR(found->frequencyHz, 3100.0, 10.0);
  EXPECT_NEAR(found->q, 3100.0 / 199.0, 3100.0 / 199.0 * 0.3);
  std::printf("resonator: %.1f Hz, prominence %.1f dB, q %.1f\n", found->frequencyHz, found->prominenceDb, found->q);
}

TEST(DspSpectrum, NoResonanceInPlainNoise) {
  for (unsigned seed : {3u, 4u, 5u}) {
    const std::vector<float> x = pinkNoise(seed);
    EXPECT_FALSE(findResonance(x.data(), x.size(), kRate).has_value()) << seed;
  }
  std::mt19937 rng(6);
  std::normal_distribution<double> g(0.0, 0.1);
  std::vector<float> white(192000);
  for (auto& v : white) v = static_cast<float>(g(rng));
  EXPECT_FALSE(findResonance(white.data(), white.size(), kRate).has_value());
  EXPECT_FALSE(findResonance(white.data(), 0, kRate).has_value());
}

}  // namespace
