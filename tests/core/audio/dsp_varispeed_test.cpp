// Varispeed: reading a sampled sine at positions pos0 + k * step must give the analytic sine at
// those positions (frequency scaled by step); tones above the stretched cutoff are removed.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

#include "core/audio/dsp/varispeed.h"

namespace {

using namespace postline::audio::dsp;
constexpr double kRate = 48000.0;
constexpr double kPi = std::numbers::pi;

double tone(double freq, double pos) { return std::sin(2.0 * kPi * freq * pos / kRate + 0.4); }

std::vector<float> sampled(double freq, int n) {
  std::vector<float> x(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) x[i] = static_cast<float>(tone(freq, i));
  return x;
}

// Largest |out[k] - tone(pos0 + k step)| over outputs whose position lies a margin inside the source.
double maxErrorDb(double freq, double pos0, double step, int outCount, std::int64_t srcFirst = 0) {
  const int srcCount = 48000;
  std::vector<float> src(srcCount);
  for (int i = 0; i < srcCount; ++i) src[i] = static_cast<float>(tone(freq, static_cast<double>(srcFirst + i)));
  std::vector<float> out(static_cast<std::size_t>(outCount));
  varispeed(src.data(), srcFirst, srcCount, pos0, step, out.data(), outCount);
  const int margin = varispeedMargin(step);
  double err = 0.0;
  int checked = 0;
  for (int k = 0; k < outCount; ++k) {
    const double pos = pos0 + k * step;
    if (pos < srcFirst + margin || pos > srcFirst + srcCount - 1 - margin) continue;
    err = std::max(err, std::abs(out[k] - tone(freq, pos)));
    ++checked;
  }
  EXPECT_GT(checked, outCount / 2);
  std::printf("f %.0f pos0 %.2f step %.2f: max error %.1f dB\n", freq, pos0, step, 20.0 * std::log10(std::max(err, 1e-20)));
  return 20.0 * std::log10(std::max(err, 1e-20));
}

TEST(DspVarispeed, SlowedSineMatchesAnalyticSine) {
  EXPECT_LT(maxErrorDb(1000.0, 100.3, 0.85, 40000), -80.0);  // plays as 850 Hz
  EXPECT_LT(maxErrorDb(1000.0, 57.0, 0.5, 60000), -80.0);
  EXPECT_LT(maxErrorDb(1000.0, 20.25, 1.0, 40000), -80.0);   // fractional offset at normal speed
  EXPECT_LT(maxErrorDb(5000.0, 40.7, 0.3, 60000), -80.0);
  EXPECT_LT(maxErrorDb(1000.0, 1234567.3, 0.85, 40000, 1234500), -80.0);  // far from position 0
}

TEST(DspVarispeed, ReversedAndFasterSinesMatch) {
  EXPECT_LT(maxErrorDb(1000.0, 47000.6, -0.85, 40000), -80.0);
  EXPECT_LT(maxErrorDb(1000.0, 47900.5, -1.0, 40000), -80.0);
  EXPECT_LT(maxErrorDb(2000.0, 80.1, 2.0, 20000), -80.0);  // 4 kHz out, well under the 11.4 kHz cutoff
  EXPECT_LT(maxErrorDb(500.0, 47800.2, -3.5, 12000), -80.0);
}

TEST(DspVarispeed, SpeedingUpRemovesWhatWouldAlias) {
  const std::vector<float> src = sampled(15000.0, 48000);  // at step 2 it would fold to 18 kHz
  std::vector<float> out(20000);
  varispeed(src.data(), 0, 48000, 100.5, 2.0, out.data(), 20000);
  double sum = 0.0;
  for (int k = 100; k < 20000 - 100; ++k) sum += out[k] * out[k];
  const double rmsDb = 10.0 * std::log10(sum / (20000 - 200));
  EXPECT_LE(rmsDb, -3.01 - 40.0);  // input RMS is -3 dB
}

TEST(DspVarispeed, UnitStepAtIntegerPositionsCopiesExactly) {
  std::vector<float> src(1000);
  for (int i = 0; i < 1000; ++i) src[i] = static_cast<float>(std::sin(i * 1.7) * 0.9 + 1e-3 * i);
  std::vector<float> out(1200);
  varispeed(src.data(), 500, 1000, 400.0, 1.0, out.data(), 1200);  // starts 100 before the source
  for (int k = 0; k < 1200; ++k) {
    const int i = 400 + k - 500;
    ASSERT_EQ(out[k], (i >= 0 && i < 1000) ? src[i] : 0.0f) << k;
  }
  varispeed(src.data(), 500, 1000, 1499.0, -1.0, out.data(), 1200);  // reverse from the last sample
  for (int k = 0; k < 1200; ++k) ASSERT_EQ(out[k], k < 1000 ? src[999 - k] : 0.0f) << k;
}

TEST(DspVarispeed, MarginCoversEverySampleRead) {
  EXPECT_EQ(varispeedMargin(1.0), kVarispeedHalfTaps);
  EXPECT_EQ(varispeedMargin(0.3), 16);
  EXPECT_EQ(varispeedMargin(-1.0), 16);
  EXPECT_EQ(varispeedMargin(2.0), 32);
  EXPECT_EQ(varispeedMargin(2.5), 40);
  EXPECT_EQ(varispeedMargin(-3.1), 50);
  const std::vector<float> src = sampled(3000.0, 4000);
  for (double step : {0.7, -1.6, 2.5}) {
    const double pos = 2000.37;
    const int m = varispeedMargin(step);
    const auto first = static_cast<std::int64_t>(std::floor(pos - m)) + 1;  // |i - pos| < m
    const auto last = static_cast<std::int64_t>(std::ceil(pos + m)) - 1;
    float full = 0.0f, cut = 0.0f;
    varispeed(src.data(), 0, 4000, pos, step, &full, 1);
    varispeed(src.data() + first, first, last - first + 1, pos, step, &cut, 1);
    EXPECT_EQ(full, cut) << step;
    if (m != 16.0 * std::max(1.0, std::abs(step))) continue;  // kernel width not a whole number
    varispeed(src.data() + first + 1, first + 1, last - first - 1, pos, step, &cut, 1);
    EXPECT_NE(full, cut) << step;  // and the margin is not larger than needed
  }
}

TEST(DspVarispeed, OutsideTheSourceReadsZero) {
  const std::vector<float> src = sampled(1000.0, 100);
  std::vector<float> out(10, 1.0f);
  varispeed(src.data(), 0, 100, 200.5, 0.9, out.data(), 10);
  for (float v : out) EXPECT_EQ(v, 0.0f);
  varispeed(src.data(), 0, 100, -50.5, -1.3, out.data(), 10);
  for (float v : out) EXPECT_EQ(v, 0.0f);
}

}  // namespace
