// The master bus: the true-peak limiter (ceiling held, transparent below it, latency compensated
// so timeline sample N comes out at N) and the NaN/Inf guard (nothing non-finite reaches the
// output or the meters, and the filters recover once the bad samples have passed).
#include <numbers>

#include "core/audio/loudness/analyzer.h"
#include "core/audio/mixer.h"
#include "tests/core/audio/mix_signals.h"

namespace {

using namespace mix_test;

struct MixerMaster : MixFixture {
  fs::path tone3k() {
    media::ffmpeg::AudioSpec s;
    s.seconds = 10.0;
    s.toneHz = 3000.0;
    return wav("mix_tone_3k.wav", s);
  }
  // A click of 0.5 at source sample 10000 of 2 s of silence.
  model::MediaId click() {
    std::vector<float> s(96000 * 2, 0.0f);
    s[20000] = s[20001] = 0.5f;
    return addFloat("click_10000.wav", s);
  }
  double truePeak(const std::vector<float>& out) {
    auto stats = audio::loudness::measureStereo(out.data(), out.size() / 2);
    EXPECT_TRUE(stats.ok());
    return stats.ok() ? stats.value().truePeakDbtp : 0.0;
  }
};

TEST_F(MixerMaster, HotMixStaysUnderTheCeiling) {
  place(1, addWav(toneWav()), 0, 0, 96000).audio.gainDb = 6.0;
  place(2, addWav(tone3k()), 0, 0, 96000).audio.gainDb = 6.0;  // together up to ~2.0 (+6 dBFS)
  const auto out = sum(0, 48, true);
  EXPECT_LE(peak(out, 0, 96000), gainOf(-1.0));
  EXPECT_LE(truePeak(out), -1.0);
  EXPECT_GT(peak(out, 48000, 96000), gainOf(-1.5)) << "limited to the ceiling, not far under it";
}

TEST_F(MixerMaster, LowerCeilingIsHeld) {
  place(1, addWav(toneWav()), 0, 0, 96000).audio.gainDb = 6.0;
  place(2, addWav(tone3k()), 0, 0, 96000).audio.gainDb = 6.0;
  sequence().settings.mix.ceilingDbtp = -6.0;
  EXPECT_LE(truePeak(sum(0, 48, true)), -6.0);
}

TEST_F(MixerMaster, QuietMixPassesTheLimiterUnchanged) {
  place(1, addWav(toneWav()), 0, 0, 96000).audio.gainDb = -14.0;  // -20 dBFS crest
  place(2, addWav(tone3k()), 0, 0, 96000).audio.gainDb = -14.0;
  EXPECT_EQ(sum(0, 48, true), sum(0, 48, false)) << "same samples at the same positions";
}

TEST_F(MixerMaster, LimiterLatencyIsCompensated) {
  place(1, click(), 0, 0, 96000);
  for (bool limiter : {false, true}) {
    const auto out = sum(0, 48, limiter);
    EXPECT_EQ(left(out, 10000), 0.5f) << "limiter " << limiter;
    EXPECT_EQ(right(out, 10000), 0.5f);
    EXPECT_EQ(peak(out, 0, 10000), 0.0);
    EXPECT_EQ(peak(out, 10001, 96000), 0.0);
  }
  // Rendering from a seek point just before the click (a restart with pre-roll) lands it too.
  const auto seek = renderSamples(9990, 100, true);
  EXPECT_EQ(left(seek, 10), 0.5f);
  EXPECT_EQ(peak(seek, 0, 10), 0.0);
}

TEST_F(MixerMaster, TurningTheLimiterOnMidStreamKeepsTheTimeline) {
  place(1, click(), 0, 0, 96000);
  sequence().settings.mix.limiter = false;
  auto plan = audio::planMix(project, seq);
  ASSERT_TRUE(plan.ok());
  audio::Mixer mixer(std::make_shared<const audio::MixPlan>(plan.value()));
  std::vector<float> out(2 * 20480, 0.0f);
  for (int b = 0; b < 40; ++b) {
    if (b == 10) {  // samples 5120 on: limiter on (72 samples of latency)
      auto on = plan.value();
      on.mix.limiter = true;
      mixer.setPlan(std::make_shared<const audio::MixPlan>(on));
    }
    mixer.renderBlock(b * 512, out.data() + 2 * b * 512, 512);
  }
  EXPECT_EQ(mixer.latency(), 72);
  EXPECT_EQ(left(out, 10000), 0.5f);
  EXPECT_EQ(peak(out, 0, 10000), 0.0);
  EXPECT_EQ(peak(out, 10001, 20480), 0.0);
}

struct MixerNonFinite : MixerMaster {
  // 2 s of a 1 kHz sine, amplitude 0.25, with NaN over [24000, 24010), +Inf at 24100 and -Inf
  // at 24101 on the left, NaN at 30000 on the right.
  model::MediaId bad() {
    std::vector<float> s = sinePair(2.0, 1000.0, 0.25);
    for (std::size_t i = 24000; i < 24010; ++i) s[2 * i] = s[2 * i + 1] = std::numeric_limits<float>::quiet_NaN();
    s[2 * 24100] = std::numeric_limits<float>::infinity();
    s[2 * 24101] = -std::numeric_limits<float>::infinity();
    s[2 * 30000 + 1] = std::numeric_limits<float>::quiet_NaN();
    return addFloat("sine_with_nan_inf.wav", s);
  }
  void SetUp() override {
    place(1, bad(), 0, 0, 96000);
    place(2, addWav(dcWav()), 0, 0, 96000);  // DC 0.25: the normal clip
    model::EqBand b;
    b.frequencyHz = 1000.0;
    b.gainDb = 0.0001;  // an active filter whose state a NaN would poison (unity otherwise)
    audioTrack(1).eq.push_back(b);
    audioTrack(1).compressor.enabled = true;
    audioTrack(1).compressor.thresholdDb = -6.0;  // a -12 dBFS crest is never compressed
  }
  // Both clips sound over [from, from + 960) (20 periods): mean 0.25 (DC), AC RMS 0.25 / sqrt 2.
  static void expectBothSound(const std::vector<float>& out, std::int64_t from) {
    double mean = 0.0, ac = 0.0;
    for (std::int64_t i = from; i < from + 960; ++i) mean += left(out, i) / 960.0;
    for (std::int64_t i = from; i < from + 960; ++i) ac += std::pow(left(out, i) - mean, 2) / 960.0;
    EXPECT_NEAR(mean, 0.25, 1e-3) << from;
    EXPECT_NEAR(std::sqrt(ac), 0.25 / std::sqrt(2.0), 1e-3) << from;
  }
};

TEST_F(MixerNonFinite, OutputIsAlwaysFiniteAndRecovers) {
  for (bool limiter : {false, true}) {
    const auto out = sum(0, 48, limiter);
    ASSERT_EQ(out.size(), 96000u * 2);
    std::size_t bad = 0;
    for (float v : out) bad += std::isfinite(v) ? 0 : 1;
    EXPECT_EQ(bad, 0u) << "limiter " << limiter;
    expectBothSound(out, 12000);
    expectBothSound(out, 27000);  // between the two bad stretches
    expectBothSound(out, 36000);
    expectBothSound(out, 90000);
  }
}

TEST_F(MixerNonFinite, TimeStretchedClipRecoversToo) {
  clipAt(1, 0).speed = time::Rational::make(17, 20).value();  // same length, source read at 0.85
  const auto out = sum(0, 48, true);
  std::size_t bad = 0;
  for (float v : out) bad += std::isfinite(v) ? 0 : 1;
  EXPECT_EQ(bad, 0u);
  double mean = 0.0;
  for (std::int64_t i = 60000; i < 96000; ++i) mean += left(out, i) / 36000.0;
  EXPECT_NEAR(mean, 0.25, 0.01) << "the normal clip sounds after the bad samples";
  EXPECT_NEAR(rmsBoth(out, 60000, 96000), std::sqrt(0.0625 + 0.03125), 0.02) << "and so does the stretched sine";
}

TEST_F(MixerNonFinite, MetersNeverSeeNonFiniteSamples) {
  sequence().settings.mix.limiter = true;
  auto plan = audio::planMix(project, seq);
  ASSERT_TRUE(plan.ok());
  audio::Mixer mixer(std::make_shared<const audio::MixPlan>(plan.value()));
  mixer.setMetering(true);
  std::vector<float> block(2 * 1024);
  for (std::int64_t t = 0; t < 96000; t += 1024) mixer.renderBlock(t, block.data(), 1024);
  const audio::MeterSnapshot m = mixer.meters();
  ASSERT_EQ(m.tracks.size(), 5u);  // every audio track, A1 first (A3..A5 are empty)
  // 1.5 s after the last bad sample: a -12 dBFS 1 kHz sine reads about -12 LUFS momentary.
  for (const auto& [id, r] : m.tracks) {  // A2's DC reads -inf (K-weighting removes DC), never NaN
    EXPECT_FALSE(std::isnan(r.momentaryLufs)) << "track " << id.value;
    EXPECT_FALSE(std::isnan(r.shortTermLufs)) << "track " << id.value;
    EXPECT_FALSE(std::isnan(r.samplePeakDbfs)) << "track " << id.value;
  }
  EXPECT_NEAR(m.tracks[0].second.momentaryLufs, dB(0.25), 1.0) << "A1's meter reads its sine again";
  EXPECT_TRUE(std::isfinite(m.master.momentaryLufs));
  EXPECT_FALSE(std::isnan(m.master.truePeakDbtp));
}

}  // namespace
