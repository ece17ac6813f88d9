// Clip audio edits: gain and fades of an audio clip, their validation, locked tracks and undo.
#include "core/edit/clip_audio.h"

#include <gtest/gtest.h>

#include <limits>

#include "edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using test::appliesAndUndoes;
using test::EditFixture;
using time::FrameCount;

class ClipAudioEdit : public EditFixture, public ::testing::Test {
 protected:
  ClipAudioEdit() {
    shot = place(v1, video, 0, 48, 0, "Shot");
    music = place(a1, wav, 0, 48, 0, "Music");
    other = place(a1, wav, 48, 24, 0, "Bed");
  }
  // The clip `id` after applying `cs` to a copy of the project (checked to apply and undo).
  model::Clip after(const Result<ChangeSet>& cs, model::ClipId id) {
    EXPECT_TRUE(cs.ok()) << (cs.ok() ? "" : cs.error().message);
    model::Project p;
    EXPECT_TRUE(appliesAndUndoes(project, *cs, &p));
    return *p.findSequence(seq)->findClip(id);
  }
  model::ClipId shot, music, other;
};

TEST_F(ClipAudioEdit, SetClipGainChangesOnlyTheGainOfThatClip) {
  auto cs = setClipGain(project, seq, music, -6.5);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  ASSERT_EQ(cs->changes.size(), 1u);
  model::Clip expected = *clip(music);
  expected.audio.gainDb = -6.5;
  EXPECT_EQ(after(cs, music), expected);
  EXPECT_EQ(after(cs, other), *clip(other));
}

TEST_F(ClipAudioEdit, GainAtTheLimitsIsAcceptedBeyondThemRefusedNamingTheClip) {
  EXPECT_EQ(after(setClipGain(project, seq, music, 24.0), music).audio.gainDb, 24.0);
  EXPECT_EQ(after(setClipGain(project, seq, music, -96.0), music).audio.gainDb, -96.0);
  for (double bad : {24.01, -96.5, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    auto cs = setClipGain(project, seq, music, bad);
    ASSERT_FALSE(cs.ok()) << bad;
    EXPECT_EQ(cs.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(cs.error().message.find("'Music'"), std::string::npos) << cs.error().message;
  }
}

TEST_F(ClipAudioEdit, UnchangedGainOrFadesGiveAnEmptyChangeSet) {
  auto gain = setClipGain(project, seq, music, 0.0);
  ASSERT_TRUE(gain.ok());
  EXPECT_TRUE(gain->empty());
  auto fades = setClipFades(project, seq, music, FrameCount{0}, FrameCount{0});
  ASSERT_TRUE(fades.ok());
  EXPECT_TRUE(fades->empty());
}

TEST_F(ClipAudioEdit, SetClipFadesKeepsTheRestOfTheAudio) {
  track(a1).clips.front().audio.gainDb = -3.0;
  track(a1).clips.front().audio.volume = {{0, 0.0}, {48000, -9.0}};
  const model::Clip m = after(setClipFades(project, seq, music, FrameCount{12}, FrameCount{20}), music);
  EXPECT_EQ(m.audio.fadeIn.value, 12);
  EXPECT_EQ(m.audio.fadeOut.value, 20);
  EXPECT_EQ(m.audio.gainDb, -3.0);
  EXPECT_EQ(m.audio.volume.size(), 2u);
  // The whole clip may fade: in + out == length.
  const model::Clip full = after(setClipFades(project, seq, music, FrameCount{30}, FrameCount{18}), music);
  EXPECT_EQ(full.audio.fadeIn.value + full.audio.fadeOut.value, 48);
}

TEST_F(ClipAudioEdit, FadesThatDoNotFitAreInvalidNamingTheClip) {
  const std::pair<std::int64_t, std::int64_t> bad[] = {{-1, 0}, {0, -4}, {49, 0}, {0, 60}, {30, 19}};
  for (auto [in, out] : bad) {
    auto cs = setClipFades(project, seq, music, FrameCount{in}, FrameCount{out});
    ASSERT_FALSE(cs.ok()) << in << " " << out;
    EXPECT_EQ(cs.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(cs.error().message.find("'Music'"), std::string::npos) << cs.error().message;
  }
}

TEST_F(ClipAudioEdit, VideoClipsHaveNoClipAudio) {
  auto gain = setClipGain(project, seq, shot, -3.0);
  ASSERT_FALSE(gain.ok());
  EXPECT_EQ(gain.error().code, ErrorCode::InvalidArgument);
  EXPECT_NE(gain.error().message.find("'Shot'"), std::string::npos);
  auto fades = setClipFades(project, seq, shot, FrameCount{2}, FrameCount{2});
  ASSERT_FALSE(fades.ok());
  EXPECT_EQ(fades.error().code, ErrorCode::InvalidArgument);
}

TEST_F(ClipAudioEdit, ALockedTrackIsAConflictAndAnUnknownClipNotFound) {
  track(a1).locked = true;
  auto gain = setClipGain(project, seq, music, -3.0);
  ASSERT_FALSE(gain.ok());
  EXPECT_EQ(gain.error().code, ErrorCode::Conflict);
  auto fades = setClipFades(project, seq, music, FrameCount{2}, FrameCount{2});
  ASSERT_FALSE(fades.ok());
  EXPECT_EQ(fades.error().code, ErrorCode::Conflict);
  auto missing = setClipGain(project, seq, model::ClipId{999999}, 0.0);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST_F(ClipAudioEdit, ClampFadeKeepsTheOtherFadeAndTheClipLength) {
  model::Clip c = *clip(music);
  c.audio.fadeOut = FrameCount{10};
  EXPECT_EQ(clampFade(c, true, FrameCount{12}).value, 12);
  EXPECT_EQ(clampFade(c, true, FrameCount{45}).value, 38);
  EXPECT_EQ(clampFade(c, true, FrameCount{-5}).value, 0);
  c.audio.fadeIn = FrameCount{40};
  EXPECT_EQ(clampFade(c, false, FrameCount{20}).value, 8);
  EXPECT_TRUE(setClipFades(project, seq, music, FrameCount{40}, clampFade(c, false, FrameCount{20})).ok());
}

}  // namespace
}  // namespace postline::edit
