// The mixer's routing against analytic values: the constant-power pan law, solo and mute, and
// sample-exact volume automation (linear in dB between keys, held outside them).
#include <numbers>

#include "core/edit/razor.h"
#include "core/edit/trim.h"
#include "tests/core/audio/mix_signals.h"

namespace {

using namespace mix_test;

struct MixerRouting : MixFixture {};

TEST_F(MixerRouting, CentrePanIsUnityOnBothSides) {
  place(1, addWav(dcWav()), 0, 0, 48000);
  const auto out = sum(0, 24);
  for (std::int64_t i : {0, 1, 24000, 47999}) {
    EXPECT_EQ(left(out, i), 0.25f) << i;
    EXPECT_EQ(right(out, i), 0.25f) << i;
  }
}

TEST_F(MixerRouting, HardLeftIsSqrt2OnTheLeftAndSilenceOnTheRight) {
  place(1, addWav(dcWav()), 0, 0, 48000);
  audioTrack(1).pan = -1.0;
  auto out = sum(0, 24);
  EXPECT_NEAR(left(out, 1000), std::numbers::sqrt2 * 0.25, 1e-6);
  EXPECT_EQ(right(out, 1000), 0.0f);
  audioTrack(1).pan = 1.0;
  out = sum(0, 24);
  EXPECT_EQ(left(out, 1000), 0.0f);
  EXPECT_NEAR(right(out, 1000), std::numbers::sqrt2 * 0.25, 1e-6);
}

TEST_F(MixerRouting, PanKeepsConstantPowerAndFollowsCosSin) {
  place(1, addWav(toneWav()), 0, 0, 48000);
  for (double pan : {-0.75, -0.3, 0.5, 0.9}) {
    audioTrack(1).pan = pan;
    const auto out = sum(0, 24);
    const double theta = (pan + 1.0) * std::numbers::pi / 4.0;
    for (std::int64_t i : {12, 500, 24012}) {  // 1 kHz, amplitude 0.5: sample 12 is the crest
      const double in = 0.5 * std::sin(2.0 * std::numbers::pi * 1000.0 * static_cast<double>(i) / 48000.0);
      const double l = left(out, i), r = right(out, i);
      EXPECT_NEAR(l * l + r * r, 2.0 * in * in, 2e-4) << "pan " << pan << " sample " << i;
      EXPECT_NEAR(l, std::numbers::sqrt2 * std::cos(theta) * in, 1e-4) << "pan " << pan;
      EXPECT_NEAR(r, std::numbers::sqrt2 * std::sin(theta) * in, 1e-4) << "pan " << pan;
    }
  }
}

class MixerSolo : public MixFixture {
 protected:
  void SetUp() override {
    const auto dc = addWav(dcWav());
    place(1, dc, 0, 0, 48000);                                         // A1: 0.25
    place(2, dc, 0, 0, 48000).audio.gainDb = -20.0 * std::log10(2.0);  // A2: 0.125
    place(3, dc, 0, 0, 48000).audio.gainDb = -20.0 * std::log10(4.0);  // A3: 0.0625
  }
  float level() { return left(sum(0, 24), 1000); }
};

TEST_F(MixerSolo, WithoutSoloEveryTrackSounds) { EXPECT_NEAR(level(), 0.4375, 1e-6); }

TEST_F(MixerSolo, OnlySoloedTracksSound) {
  audioTrack(2).solo = true;
  EXPECT_NEAR(level(), 0.125, 1e-6);
  audioTrack(3).solo = true;
  EXPECT_NEAR(level(), 0.1875, 1e-6);
}

TEST_F(MixerSolo, MuteBeatsSolo) {
  audioTrack(2).solo = true;
  audioTrack(2).muted = true;
  EXPECT_EQ(level(), 0.0f) << "a soloed and muted track is silent, and the solo still silences the others";
  audioTrack(1).muted = true;
  audioTrack(3).solo = true;
  EXPECT_NEAR(level(), 0.0625, 1e-6);
}

TEST_F(MixerSolo, SoloOnAVideoTrackDoesNotSilenceAudio) {
  for (auto& t : sequence().tracks) {
    if (t.kind == model::TrackKind::Video) t.solo = true;
  }
  EXPECT_NEAR(level(), 0.4375, 1e-6);
}

TEST_F(MixerRouting, VolumeAutomationIsLinearInDbAndSampleExact) {
  model::Clip& c = place(1, addWav(dcWav()), 10, 0, 96000);  // samples [20000, 116000)
  c.audio.volume.push_back({0, 0.0});
  c.audio.volume.push_back({24000, -20.0});
  const auto out = sum(0, 60);
  const std::int64_t at = 20000;
  EXPECT_EQ(left(out, at - 1), 0.0f);
  for (std::int64_t k : {0, 1, 6000, 12000, 18000, 23999}) {
    EXPECT_NEAR(left(out, at + k), 0.25 * gainOf(-20.0 * static_cast<double>(k) / 24000.0), 1e-7) << k;
  }
  EXPECT_NEAR(left(out, at + 12000), 0.25 * gainOf(-10.0), 1e-7);
  for (std::int64_t k : {24000, 24001, 50000, 95999}) EXPECT_NEAR(right(out, at + k), 0.025, 1e-7) << "held after the last key";
}

TEST_F(MixerRouting, AutomationHoldsItsFirstKeyBeforeIt) {
  model::Clip& c = place(1, addWav(dcWav()), 0, 0, 96000);
  c.audio.volume.push_back({10000, -6.0});
  c.audio.volume.push_back({20000, 6.0});
  const auto out = sum(0, 48);
  EXPECT_NEAR(left(out, 0), 0.25 * gainOf(-6.0), 1e-7);
  EXPECT_NEAR(left(out, 9999), 0.25 * gainOf(-6.0), 1e-7);
  EXPECT_NEAR(left(out, 15000), 0.25, 1e-7);
  EXPECT_NEAR(left(out, 20000), 0.25 * gainOf(6.0), 1e-7);
  EXPECT_NEAR(left(out, 95999), 0.25 * gainOf(6.0), 1e-7);
}

TEST_F(MixerRouting, RazorCutLeavesTheSoundUnchanged) {
  // Keys are offsets from the clip's start: a cut must rebase the right part's keys, or its
  // automation slides by the cut position (a ducked bed cut in two would duck in the wrong place).
  model::Clip& c = place(1, addWav(dcWav()), 0, 0, 96000);
  c.audio.volume.push_back({0, 0.0});
  c.audio.volume.push_back({48000, -20.0});
  c.audio.volume.push_back({72000, -20.0});
  c.audio.volume.push_back({96000, 0.0});
  const auto whole = sum(0, 48);
  auto cut = edit::razor(project, seq, FramePos{12}, {audioTrack(1).id});
  ASSERT_TRUE(cut.ok()) << cut.error().message;
  applyChanges(cut.value());
  ASSERT_EQ(audioTrack(1).clips.size(), 2u);
  const auto parts = sum(0, 48);
  for (std::int64_t i : {0, 12000, 23999, 24000, 36000, 48000, 60000, 80000, 95999}) {
    EXPECT_NEAR(left(parts, i), left(whole, i), 1e-6) << "at sample " << i;
  }
}

TEST_F(MixerRouting, HeadTrimLeavesTheRestOfTheSoundUnchanged) {
  model::Clip& c = place(1, addWav(dcWav()), 0, 0, 96000);
  c.audio.volume.push_back({0, 0.0});
  c.audio.volume.push_back({48000, -20.0});
  c.audio.volume.push_back({96000, 0.0});
  const model::ClipId id = c.id;
  const auto whole = sum(0, 48);
  auto trim = edit::trimIn(project, seq, id, time::FrameCount{12}, edit::TrimMode::Normal);
  ASSERT_TRUE(trim.ok()) << trim.error().message;
  applyChanges(trim.value());
  const auto trimmed = sum(0, 48);
  EXPECT_EQ(peak(trimmed, 0, 24000), 0.0);
  for (std::int64_t i : {24000, 36000, 48000, 72000, 95999}) {
    EXPECT_NEAR(left(trimmed, i), left(whole, i), 1e-6) << "at sample " << i;
  }
}

TEST_F(MixerRouting, AutomationFaderAndClipGainMultiply) {
  model::Clip& c = place(1, addWav(dcWav()), 0, 0, 48000);
  c.audio.gainDb = -6.0;
  c.audio.volume.push_back({0, -3.0});
  audioTrack(1).volumeDb = 4.0;
  sequence().settings.mix.masterGainDb = -2.0;
  EXPECT_NEAR(left(sum(0, 24), 100), 0.25 * gainOf(-6.0 - 3.0 + 4.0 - 2.0), 1e-7);
}

}  // namespace
