// True-peak limiter: the output's true peak, measured by an independent 8x band-limited
// reconstruction (a 129-tap Blackman-Harris windowed sinc, unlike the limiter's 4x Kaiser
// polyphase), stays under the ceiling; quiet signals pass bit-exact, delayed by latency().
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "core/audio/dsp/limiter.h"

namespace {

using postline::audio::dsp::TruePeakLimiter;
constexpr double kRate = 48000.0;
constexpr double kPi = std::numbers::pi;

// Largest |x(t)| over t = m + q/8, m in [from, to) (default all), of the band-limited signal
// through the samples (zeros outside).
double truePeakDb(const std::vector<float>& x, int from = 0, int to = -1) {
  constexpr int kHalf = 64;
  auto weight = [](double t) {  // sinc times a 4-term Blackman-Harris window of half-width kHalf
    if (std::abs(t) >= kHalf) return 0.0;
    const double u = (t + kHalf) / (2.0 * kHalf) * 2.0 * kPi;
    const double w = 0.35875 - 0.48829 * std::cos(u) + 0.14128 * std::cos(2 * u) - 0.01168 * std::cos(3 * u);
    return (t == 0.0 ? 1.0 : std::sin(kPi * t) / (kPi * t)) * w;
  };
  double peak = 0.0;
  const int n = static_cast<int>(x.size());
  for (int q = 0; q < 8; ++q) {
    std::vector<double> h(2 * kHalf);
    for (int j = 0; j < 2 * kHalf; ++j) h[j] = weight(q / 8.0 - (j - kHalf + 1));
    for (int m = from; m < (to < 0 ? n : to); ++m) {
      double s = 0.0;
      for (int j = std::max(0, kHalf - 1 - m); j < 2 * kHalf && m - kHalf + 1 + j < n; ++j) s += h[j] * x[m - kHalf + 1 + j];
      peak = std::max(peak, std::abs(s));
    }
  }
  return 20.0 * std::log10(peak);
}

// Runs a stereo signal (the same on both channels, plus `tail` zeros) through the limiter in
// blocks of 256; returns the left output.
std::vector<float> limit(TruePeakLimiter& lim, std::vector<float> x, int tail = 4800) {
  x.resize(x.size() + static_cast<std::size_t>(tail), 0.0f);
  std::vector<float> r = x;
  for (std::size_t i = 0; i < x.size(); i += 256) {
    const int frames = static_cast<int>(std::min<std::size_t>(256, x.size() - i));
    lim.process(&x[i], &r[i], frames);
  }
  EXPECT_EQ(x, r);
  return x;
}

TEST(DspLimiter, LatencyIsOnePointFiveMs) {
  TruePeakLimiter lim;
  lim.configure(-1.0, 48000.0);
  EXPECT_EQ(lim.latency(), 72);
  lim.configure(-1.0, 44100.0);
  EXPECT_EQ(lim.latency(), 66);
  lim.configure(-1.0, 96000.0);
  EXPECT_EQ(lim.latency(), 144);
}

TEST(DspLimiter, IndependentMeterSeesInterSamplePeaks) {  // checks the test's own meter
  std::vector<float> x(4800);
  for (int i = 0; i < 4800; ++i) x[i] = static_cast<float>(std::sin(kPi / 2 * i + kPi / 4));  // samples +-0.707
  EXPECT_NEAR(truePeakDb(x, 1000, 3800), 0.0, 0.01);  // away from the onset's Gibbs overshoot
}

TEST(DspLimiter, QuarterRateSineAtFortyFiveDegreesStaysUnderCeiling) {
  std::vector<float> x(24000);
  for (int i = 0; i < 24000; ++i) x[i] = static_cast<float>(std::sqrt(2.0) * std::sin(kPi / 2 * i + kPi / 4));
  for (double ceiling : {-1.0, -2.0, 0.0}) {
    TruePeakLimiter lim;
    lim.configure(ceiling, kRate);
    const std::vector<float> y = limit(lim, x);
    EXPECT_NEAR(truePeakDb(x, 1000, 23000), 3.01, 0.01);
    EXPECT_LE(truePeakDb(y), ceiling + 0.05) << "ceiling " << ceiling;
    EXPECT_GE(truePeakDb(y, 12000, 20000), ceiling - 0.3) << "over-limited at " << ceiling;  // not far under
  }
}

TEST(DspLimiter, LoudTonesAndTransientsStayUnderCeiling) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> phase(0.0, 2 * kPi);
  std::vector<float> x(48000, 0.0f);
  const double f[] = {310.0, 2730.0, 7110.0, 10900.0}, a[] = {0.9, 0.6, 0.5, 0.35};
  for (int burst = 0; burst < 4; ++burst) {  // abrupt onsets after silence, each louder
    const int start = 2400 + burst * 11000;
    const double p[] = {phase(rng), phase(rng), phase(rng), phase(rng)};
    for (int i = start; i < start + 6000; ++i)
      for (int k = 0; k < 4; ++k) x[i] += static_cast<float>((1.0 + burst) * a[k] * std::sin(2 * kPi * f[k] * i / kRate + p[k]));
  }
  x[1000] = 1.5f;   // isolated clicks
  x[1001] = -1.4f;
  x[46000] = 3.0f;
  TruePeakLimiter lim;
  lim.configure(-1.0, kRate, 60.0);
  const std::vector<float> y = limit(lim, x);
  EXPECT_GT(truePeakDb(x), 12.0);
  EXPECT_LE(truePeakDb(y), -1.0 + 0.05);
}

TEST(DspLimiter, HighToneStaysUnderCeiling) {
  std::vector<float> x(24000);
  for (int i = 0; i < 24000; ++i) x[i] = static_cast<float>(2.0 * std::sin(2 * kPi * 15000 * i / kRate + 0.3));
  TruePeakLimiter lim;
  lim.configure(-1.0, kRate);
  EXPECT_LE(truePeakDb(limit(lim, x)), -1.0 + 0.05);
}

TEST(DspLimiter, QuietSignalPassesBitExactApartFromTheDelay) {
  std::mt19937 rng(3);
  std::normal_distribution<double> noise(0.0, 0.02);
  std::vector<float> x(20000);
  for (int i = 0; i < 20000; ++i)
    x[i] = static_cast<float>(std::clamp(noise(rng), -0.1, 0.1) + 0.1 * std::sin(2 * kPi * 1000 * i / kRate));
  TruePeakLimiter lim;
  lim.configure(-1.0, kRate);
  const std::vector<float> y = limit(lim, x, lim.latency());
  for (int i = 0; i < lim.latency(); ++i) ASSERT_EQ(y[i], 0.0f);
  for (int i = 0; i < 20000; ++i) ASSERT_EQ(y[i + lim.latency()], x[i]) << i;
  EXPECT_EQ(lim.gainReductionDb(), 0.0);
}

TEST(DspLimiter, GainReturnsToExactlyOneAfterRelease) {
  std::vector<float> x(72000);
  for (int i = 0; i < 72000; ++i) {
    const double amp = i < 4800 ? 2.0 : 0.25;  // 0.1 s at +6 dBFS, then -12 dBFS
    x[i] = static_cast<float>(amp * std::sin(2 * kPi * 440 * i / kRate));
  }
  TruePeakLimiter lim;
  lim.configure(-1.0, kRate, 50.0);
  std::vector<float> l = x, r = x;
  lim.process(l.data(), r.data(), 4800);
  EXPECT_NEAR(lim.gainReductionDb(), 7.05, 0.1);  // 6.02 dB over, to 1.05 dB under full scale
  lim.process(l.data() + 4800, r.data() + 4800, 67200);
  EXPECT_EQ(lim.gainReductionDb(), 0.0);
  for (int i = 48000; i < 72000; ++i) ASSERT_EQ(l[i], x[i - lim.latency()]) << i;  // 18 release constants on
  lim.reset();
  std::vector<float> z(100, 0.5f), zr = z;
  lim.process(z.data(), zr.data(), 100);
  EXPECT_EQ(z[lim.latency() - 1], 0.0f);  // reset: silence in the delay line
  EXPECT_EQ(z[lim.latency()], 0.5f);
}

}  // namespace
