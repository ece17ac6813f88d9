// Compressor: the static curve against Giannoulis et al.'s soft-knee formula worked by hand, the
// steady-state level of sines, stereo linking, and the attack/release time constants.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

#include "core/audio/dsp/compressor.h"

namespace {

using namespace postline::audio::dsp;
using postline::model::Compressor;
constexpr double kRate = 48000.0;

Compressor comp(double threshold, double ratio, double knee, double attackMs = 10.0, double releaseMs = 120.0) {
  Compressor c;
  c.enabled = true;
  c.thresholdDb = threshold;
  c.ratio = ratio;
  c.kneeDb = knee;
  c.attackMs = attackMs;
  c.releaseMs = releaseMs;
  return c;
}

double dbToAmp(double db) { return std::pow(10.0, db / 20.0); }

// A 1 kHz sine whose amplitude is `dbA` for `samplesA` samples, then `dbB`; starts at phase 0.
std::vector<float> sine(double dbA, int samplesA, double dbB, int total) {
  std::vector<float> x(static_cast<std::size_t>(total));
  for (int i = 0; i < total; ++i)
    x[i] = static_cast<float>(dbToAmp(i < samplesA ? dbA : dbB) * std::sin(2.0 * std::numbers::pi * 1000.0 * i / kRate));
  return x;
}

TEST(DspCompressor, HardKneeCurve) {
  const Compressor c = comp(-12.0, 2.0, 0.0);
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, -30.0), -30.0);
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, -12.0), -12.0);
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, -6.0), -9.0);
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, 0.0), -6.0);
  Compressor made = comp(-20.0, 4.0, 0.0);
  made.makeupDb = 5.0;
  EXPECT_DOUBLE_EQ(compressorCurveDb(made, 0.0), -20.0 + 20.0 / 4.0 + 5.0);
  EXPECT_DOUBLE_EQ(compressorCurveDb(made, -40.0), -35.0);
}

TEST(DspCompressor, SoftKneeCurve) {
  const Compressor c = comp(-12.0, 2.0, 6.0);  // knee from -15 to -9 dB
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, -20.0), -20.0);
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, -15.0), -15.0);
  // inside: x + (1/R - 1) (x - T + W/2)^2 / (2W)
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, -13.5), -13.5 - 0.5 * 1.5 * 1.5 / 12.0);
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, -12.0), -12.375);
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, -9.0), -10.5);  // meets the 2:1 line at T + W/2
  EXPECT_DOUBLE_EQ(compressorCurveDb(c, 0.0), -6.0);
  for (double x = -16.0; x < -8.0; x += 0.01) {  // continuous and monotonic through the knee
    EXPECT_GT(compressorCurveDb(c, x + 0.01), compressorCurveDb(c, x));
    EXPECT_NEAR(compressorCurveDb(c, x + 0.01), compressorCurveDb(c, x), 0.0101);
  }
}

TEST(DspCompressor, SteadyStateSineLevels) {
  const std::pair<double, double> cases[] = {{-30.0, -30.0}, {-12.0, -12.0}, {-6.0, -9.0}, {0.0, -6.0}};
  for (const auto& [in, expected] : cases) {
    StereoCompressor c;
    c.configure(comp(-12.0, 2.0, 0.0), kRate);
    std::vector<float> l = sine(in, 0, in, 48000), r = l;
    c.process(l.data(), r.data(), 48000);
    float peak = 0.0f;
    for (int i = 43200; i < 48000; ++i) peak = std::max({peak, std::abs(l[i]), std::abs(r[i])});
    EXPECT_NEAR(20.0 * std::log10(peak), expected, 0.1) << in << " dBFS in";
    EXPECT_NEAR(c.gainReductionDb(), in - expected, 0.1);
  }
}

TEST(DspCompressor, StereoLinkedByTheLouderChannel) {
  StereoCompressor c;
  c.configure(comp(-20.0, 4.0, 0.0), kRate);
  std::vector<float> l = sine(-4.0, 0, -4.0, 24000), r = sine(-30.0, 0, -30.0, 24000);
  const std::vector<float> l0 = l, r0 = r;
  c.process(l.data(), r.data(), 24000);
  for (int i = 20000; i < 24000; i += 7) {
    if (std::abs(l0[i]) < 0.05f) continue;
    EXPECT_NEAR(r[i] / r0[i], l[i] / l0[i], 1e-5);  // the same gain on both channels
  }
  EXPECT_NEAR(c.gainReductionDb(), 12.0, 0.1);  // (-4 - -20) * (1 - 1/4)
}

// Sample index where the reduction first reaches `fraction` of the way from `from` to `to`.
int crossingIndex(StereoCompressor& c, std::vector<float>& l, std::vector<float>& r, int start, double from, double to,
                  double fraction) {
  const double level = from + fraction * (to - from);
  for (int i = start; i < static_cast<int>(l.size()); ++i) {
    c.process(&l[i], &r[i], 1);
    const double red = c.gainReductionDb();
    if (to > from ? red >= level : red <= level) return i;
  }
  return -1;
}

TEST(DspCompressor, AttackAndReleaseTimeConstants) {
  for (const auto& [attack, release] : {std::pair{5.0, 50.0}, std::pair{10.0, 120.0}, std::pair{30.0, 400.0}}) {
    StereoCompressor c;
    c.configure(comp(-20.0, 4.0, 0.0, attack, release), kRate);
    const int step = 24000, back = 96000;  // -30 dBFS, +20 dB step at 0.5 s, back down at 2 s
    std::vector<float> l = sine(-30.0, step, -10.0, back);
    const std::vector<float> tail = sine(-30.0, 0, -30.0, 96000);
    l.insert(l.end(), tail.begin(), tail.end());
    std::vector<float> r = l;
    c.process(l.data(), r.data(), step);
    EXPECT_EQ(c.gainReductionDb(), 0.0);
    const double full = 7.5;  // (-10 - -20) * (1 - 1/4)
    const int up = crossingIndex(c, l, r, step, 0.0, full, 1.0 - 1.0 / std::numbers::e);
    const double attackMs = (up - step + 1) / kRate * 1e3;
    EXPECT_NEAR(attackMs, attack, attack * 0.15) << "attack " << attack;
    std::printf("attack %.0f ms: 63 %% after %.2f ms\n", attack, attackMs);
    c.process(&l[up + 1], &r[up + 1], back - up - 1);
    EXPECT_NEAR(c.gainReductionDb(), full, 0.1);
    const int down = crossingIndex(c, l, r, back, full, 0.0, 1.0 - 1.0 / std::numbers::e);
    const double releaseMs = (down - back + 1) / kRate * 1e3;
    EXPECT_NEAR(releaseMs, release, release * 0.15) << "release " << release;
    std::printf("release %.0f ms: 63 %% after %.2f ms\n", release, releaseMs);
  }
}

TEST(DspCompressor, DisabledOrBelowThresholdIsUntouched) {
  Compressor off = comp(-40.0, 10.0, 0.0);
  off.enabled = false;
  StereoCompressor c;
  c.configure(off, kRate);
  std::vector<float> l = sine(0.0, 0, 0.0, 4800), r = l;
  const std::vector<float> l0 = l;
  c.process(l.data(), r.data(), 4800);
  EXPECT_EQ(l, l0);
  EXPECT_EQ(c.gainReductionDb(), 0.0);
  c.configure(comp(-12.0, 4.0, 0.0), kRate);  // hard knee, -20 dBFS: below the threshold
  std::vector<float> q = sine(-20.0, 0, -20.0, 4800), qr = q;
  const std::vector<float> q0 = q;
  c.process(q.data(), qr.data(), 4800);
  EXPECT_EQ(q, q0);
}

}  // namespace
