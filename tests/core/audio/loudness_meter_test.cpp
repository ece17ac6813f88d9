// core/audio/loudness Meter / Analyzer behaviour beyond the EBU cases: silence, peaks, reset,
// argument checks, maxima of momentary / short-term loudness, channel weights.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/audio/loudness/analyzer.h"
#include "core/audio/loudness/meter.h"
#include "tests/core/audio/loudness_signals.h"

namespace {

using namespace postline::audio::loudness;
using postline::media::ChannelPosition;
using testsig::Tone;

const std::vector<ChannelWeight> kStereo = {ChannelWeight::Left, ChannelWeight::Right};

TEST(LoudnessMeter, SilenceIsMinusInfinity) {
  auto meter = Meter::create(kStereo);
  ASSERT_TRUE(meter.ok());
  const std::vector<float> silence(48000 * 2 * 5, 0.0f);
  meter->add(silence.data(), silence.size() / 2);
  EXPECT_TRUE(std::isinf(meter->integratedLufs()) && meter->integratedLufs() < 0);
  EXPECT_TRUE(std::isinf(meter->momentaryLufs()) && meter->momentaryLufs() < 0);
  EXPECT_TRUE(std::isinf(meter->shortTermLufs()) && meter->shortTermLufs() < 0);
  EXPECT_TRUE(std::isinf(meter->samplePeakDbfs()) && meter->samplePeakDbfs() < 0);
  EXPECT_TRUE(std::isinf(meter->truePeakDbtp()) && meter->truePeakDbtp() < 0);
  EXPECT_EQ(meter->loudnessRangeLu(), 0.0);
}

TEST(LoudnessMeter, SilentProgrammeStats) {
  const std::vector<float> silence(48000 * 2 * 4, 0.0f);
  auto stats = measureStereo(silence.data(), silence.size() / 2);
  ASSERT_TRUE(stats.ok());
  EXPECT_TRUE(std::isinf(stats->integratedLufs));
  EXPECT_TRUE(std::isinf(stats->maxMomentaryLufs));
  EXPECT_TRUE(std::isinf(stats->maxShortTermLufs));
  EXPECT_TRUE(std::isinf(stats->truePeakDbtp));
}

TEST(LoudnessMeter, RejectsBadChannelCounts) {
  auto none = Meter::create({});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, postline::base::ErrorCode::InvalidArgument);
  EXPECT_FALSE(Meter::create(std::vector<ChannelWeight>(65, ChannelWeight::Left)).ok());
  EXPECT_FALSE(Analyzer::create({}).ok());
}

// Peaks count every channel, LFE included (clipping does not care about weights).
TEST(LoudnessMeter, PeaksIncludeUnusedChannels) {
  auto meter = Meter::create({ChannelWeight::Left, ChannelWeight::Unused});
  ASSERT_TRUE(meter.ok());
  std::vector<float> sig(48000 * 2, 0.0f);
  sig[1000 * 2 + 1] = 0.5f;   // one sample of 0.5 on the unused channel
  sig[3000 * 2 + 0] = -0.25f;
  meter->add(sig.data(), sig.size() / 2);
  EXPECT_NEAR(meter->samplePeakDbfs(), 20.0 * std::log10(0.5), 1e-9);
  EXPECT_GE(meter->truePeakDbtp(), meter->samplePeakDbfs());
}

TEST(LoudnessMeter, OptionalModesReadNaN) {
  auto meter = Meter::create(kStereo, false, false);
  ASSERT_TRUE(meter.ok());
  const auto sig = testsig::stereoTones({{-23, 4}});
  meter->add(sig.data(), sig.size() / 2);
  EXPECT_TRUE(std::isnan(meter->truePeakDbtp()));
  EXPECT_TRUE(std::isnan(meter->loudnessRangeLu()));
  EXPECT_NEAR(meter->integratedLufs(), -23.0, 0.1);
}

TEST(LoudnessMeter, ResetForgetsEverything) {
  auto meter = Meter::create(kStereo);
  ASSERT_TRUE(meter.ok());
  const auto loud = testsig::stereoTones({{-10, 5}});
  const auto quiet = testsig::stereoTones({{-33, 5}});
  meter->add(loud.data(), loud.size() / 2);
  meter->reset();
  meter->add(quiet.data(), quiet.size() / 2);
  EXPECT_NEAR(meter->integratedLufs(), -33.0, 0.1);
  EXPECT_NEAR(meter->samplePeakDbfs(), -33.0, 0.01);
  EXPECT_EQ(meter->channels(), 2);
}

TEST(LoudnessMeter, MovedMeterKeepsMeasuring) {
  auto created = Meter::create(kStereo);
  ASSERT_TRUE(created.ok());
  Meter a = std::move(created).value();
  const auto sig = testsig::stereoTones({{-23, 3}});
  a.add(sig.data(), sig.size() / 2);
  Meter b = std::move(a);
  b.add(sig.data(), sig.size() / 2);
  EXPECT_NEAR(b.integratedLufs(), -23.0, 0.1);
}

// Mono counts once with weight 1.0: a -23 dBFS sine reads -26 LUFS (stereo would read -23).
TEST(LoudnessMeter, MonoIsOneChannelOfWeightOne) {
  const auto sig = testsig::sine({{-23, 10}});
  auto analyzer = Analyzer::create({weightFor(ChannelPosition::Center)});
  ASSERT_TRUE(analyzer.ok());
  analyzer->add(sig.data(), sig.size());
  EXPECT_NEAR(analyzer->stats().integratedLufs, -23.0 - 10.0 * std::log10(2.0), 0.1);
}

// A 1 s burst at -20 dBFS (stereo) in 10 s of silence: the highest momentary window lies
// wholly inside the burst (-20 LUFS); the highest short-term window holds all of it, a third
// of 3 s (-20 - 4.77 LUFS).
TEST(LoudnessAnalyzer, MaximaOfMomentaryAndShortTerm) {
  const auto sig = testsig::stereoTones({{-200, 4}, {-20, 1}, {-200, 5}});
  auto stats = measureStereo(sig.data(), sig.size() / 2);
  ASSERT_TRUE(stats.ok());
  EXPECT_NEAR(stats->maxMomentaryLufs, -20.0, 0.1);
  EXPECT_NEAR(stats->maxShortTermLufs, -20.0 + 10.0 * std::log10(1.0 / 3.0), 0.1);
  EXPECT_NEAR(stats->samplePeakDbfs, -20.0, 0.01);
  EXPECT_NEAR(stats->truePeakDbtp, -20.0, 0.2);
}

// Splitting the input into odd-sized pieces changes nothing.
TEST(LoudnessAnalyzer, ChunkingDoesNotMatter) {
  const auto sig = testsig::stereoTones({{-30, 2.5}, {-18, 1.2}, {-26, 3.3}});
  auto whole = measureStereo(sig.data(), sig.size() / 2);
  ASSERT_TRUE(whole.ok());
  auto pieces = Analyzer::create(kStereo);
  ASSERT_TRUE(pieces.ok());
  std::size_t at = 0;
  for (std::size_t step = 1; at < sig.size() / 2; step = step * 3 + 7) {
    const std::size_t n = std::min(step, sig.size() / 2 - at);
    pieces->add(sig.data() + at * 2, n);
    at += n;
  }
  const LoudnessStats s = pieces->stats();
  EXPECT_DOUBLE_EQ(s.integratedLufs, whole->integratedLufs);
  EXPECT_NEAR(s.maxMomentaryLufs, whole->maxMomentaryLufs, 1e-9);
  EXPECT_NEAR(s.maxShortTermLufs, whole->maxShortTermLufs, 1e-9);
  EXPECT_DOUBLE_EQ(s.truePeakDbtp, whole->truePeakDbtp);
}

TEST(LoudnessAnalyzer, WeightsFromPositions) {
  EXPECT_EQ(weightFor(ChannelPosition::Left), ChannelWeight::Left);
  EXPECT_EQ(weightFor(ChannelPosition::Right), ChannelWeight::Right);
  EXPECT_EQ(weightFor(ChannelPosition::Center), ChannelWeight::Center);
  EXPECT_EQ(weightFor(ChannelPosition::Lfe), ChannelWeight::Unused);
  EXPECT_EQ(weightFor(ChannelPosition::LeftSurround), ChannelWeight::LeftSurround);
  EXPECT_EQ(weightFor(ChannelPosition::RightSurround), ChannelWeight::RightSurround);
  EXPECT_EQ(weightFor(ChannelPosition::Other), ChannelWeight::Center);
}

}  // namespace
