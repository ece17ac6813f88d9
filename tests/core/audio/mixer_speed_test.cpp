// Speed-changed and reversed clips in the mix: resampled (pitch follows the speed) or
// time-stretched (pitch kept), measured by the frequency of a 1 kHz tone and the clip's length.
#include "core/edit/speed.h"
#include "tests/core/audio/mix_signals.h"

namespace {

using namespace mix_test;

struct MixerSpeed : MixFixture {
  model::ClipId clip;
  void SetUp() override { clip = place(1, addWav(toneWav()), 0, 0, 96000).id; }  // 2 s of tone, 48 frames
  model::Clip& theClip() { return const_cast<model::Clip&>(*sequence().findClip(clip)); }
  void setSpeed(time::Rational speed, bool preservePitch, bool reverse = false) {
    auto cs = edit::setSpeed(project, seq, clip, speed, edit::TrimMode::Normal);
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    applyChanges(cs.value());
    if (reverse) {
      auto r = edit::setReverse(project, seq, clip, true);
      ASSERT_TRUE(r.ok()) << r.error().message;
      applyChanges(r.value());
    }
    theClip().audio.preservePitch = preservePitch;
  }
  // Frequency of the mix over 0.125 .. 0.375 s.
  double frequency(double lo, double hi) { return peakFrequency(sum(0, 48), 6000, 12000, lo, hi); }
};

TEST_F(MixerSpeed, DoubleSpeedWithoutPitchIsAnOctaveUpAndHalfAsLong) {
  setSpeed(time::Rational(2), false);
  EXPECT_EQ(theClip().duration.value, 24);
  const auto out = sum(0, 48);
  EXPECT_NEAR(peakFrequency(out, 6000, 12000, 1800, 2200), 2000.0, 0.5);
  EXPECT_NEAR(rms(out, 2000, 46000), 0.5 / std::sqrt(2.0), 0.01);
  EXPECT_EQ(peak(out, 48000, 96000), 0.0) << "the clip ends after half the time";
}

TEST_F(MixerSpeed, HalfSpeedWithoutPitchIsAnOctaveDownAndTwiceAsLong) {
  setSpeed(time::Rational::make(1, 2).value(), false);
  EXPECT_EQ(theClip().duration.value, 96);
  const auto out = sum(0, 100);
  EXPECT_NEAR(peakFrequency(out, 6000, 12000, 400, 600), 500.0, 0.5);
  EXPECT_NEAR(peakFrequency(out, 170000, 12000, 400, 600), 500.0, 0.5);
  EXPECT_GT(rms(out, 180000, 190000), 0.3);
  EXPECT_EQ(peak(out, 192000, 200000), 0.0);
}

TEST_F(MixerSpeed, DoubleSpeedFiltersWhatWouldAlias) {
  const auto high = [] {
    media::ffmpeg::AudioSpec s;
    s.seconds = 10.0;
    s.toneHz = 16000.0;  // 32 kHz after doubling: above Nyquist, must not fold back to 16 kHz
    return wav("mix_tone_16k.wav", s);
  }();
  theClip().media = addWav(high);
  setSpeed(time::Rational(2), false);
  const auto out = sum(0, 24);
  EXPECT_LT(dB(rms(out, 4000, 44000) / (0.5 / std::sqrt(2.0))), -60.0);
}

TEST_F(MixerSpeed, PitchKeptAtEightyFivePercent) {
  setSpeed(time::Rational::make(17, 20).value(), true);
  EXPECT_EQ(theClip().duration.value, 56) << "48 frames / 0.85 = 56.5, rounded";
  const auto out = sum(0, 60);
  EXPECT_NEAR(peakFrequency(out, 6000, 12000, 900, 1100), 1000.0, 5.0);
  EXPECT_NEAR(peakFrequency(out, 90000, 12000, 900, 1100), 1000.0, 5.0);
  EXPECT_NEAR(dB(rms(out, 6000, 100000) / (0.5 / std::sqrt(2.0))), 0.0, 1.0);
  EXPECT_GT(rms(out, 100000, 110000), 0.3) << "sound runs to the new end";
  EXPECT_EQ(peak(out, 112000, 120000), 0.0);
}

TEST_F(MixerSpeed, PitchKeptAtDoubleSpeed) {
  setSpeed(time::Rational(2), true);
  EXPECT_NEAR(frequency(900, 1100), 1000.0, 5.0);
}

TEST_F(MixerSpeed, ReversedAtEightyFivePercentKeepsPitch) {
  setSpeed(time::Rational::make(17, 20).value(), true, true);
  ASSERT_TRUE(theClip().reverse);
  const auto out = sum(0, 60);
  EXPECT_NEAR(peakFrequency(out, 6000, 12000, 900, 1100), 1000.0, 5.0);
  EXPECT_GT(rms(out, 6000, 100000), 0.3);
}

TEST_F(MixerSpeed, ReversedAtDoubleSpeedWithoutPitchIsTwoKilohertz) {
  setSpeed(time::Rational(2), false, true);
  const auto out = sum(0, 48);
  EXPECT_NEAR(peakFrequency(out, 6000, 12000, 1800, 2200), 2000.0, 0.5);
  EXPECT_NEAR(rms(out, 2000, 46000), 0.5 / std::sqrt(2.0), 0.01);
  EXPECT_EQ(peak(out, 48000, 96000), 0.0);
}

TEST_F(MixerSpeed, EightTimesWithPitchKeptStillSounds) {
  // setSpeed accepts any speed > 0 and preservePitch is the default; the time stretcher takes
  // 0.25 .. 4, so faster clips must still sound (resampled), not fall silent.
  setSpeed(time::Rational(8), true);
  EXPECT_EQ(theClip().duration.value, 6);
  sequence().settings.mix.limiter = false;
  auto mix = audio::OfflineMix::open(project, seq);
  ASSERT_TRUE(mix.ok());
  const auto out = mix.value()->render(0, 12000);
  EXPECT_GT(rms(out, 1000, 11000), 0.3);
  const auto warnings = mix.value()->takeWarnings();
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST_F(MixerSpeed, TwentyPercentWithPitchKeptStillSounds) {
  setSpeed(time::Rational::make(1, 5).value(), true);  // slower than the stretcher's 0.25
  EXPECT_EQ(theClip().duration.value, 240);
  sequence().settings.mix.limiter = false;
  auto mix = audio::OfflineMix::open(project, seq);
  ASSERT_TRUE(mix.ok());
  const auto out = mix.value()->render(0, 24000);
  EXPECT_GT(rms(out, 1000, 23000), 0.3);
  const auto warnings = mix.value()->takeWarnings();
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST_F(MixerSpeed, ResampledReverseReadsTheSourceBackwards) {
  // A ramp-free check of direction: a clip whose first half is 1 kHz and second half 3 kHz,
  // reversed at double speed, starts with the 3 kHz half (at 6 kHz) and ends with 1 kHz (at 2 kHz).
  std::vector<float> s = sinePair(1.0, 1000.0, 0.5);
  const std::vector<float> b = sinePair(1.0, 3000.0, 0.5);
  s.insert(s.end(), b.begin(), b.end());
  theClip().media = addFloat("tone_1k_then_3k.wav", s);
  setSpeed(time::Rational(2), false, true);
  const auto out = sum(0, 24);
  EXPECT_NEAR(peakFrequency(out, 4000, 12000, 5500, 6500), 6000.0, 0.5);
  EXPECT_NEAR(peakFrequency(out, 30000, 12000, 1500, 2500), 2000.0, 0.5);
}

}  // namespace
