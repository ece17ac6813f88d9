#include <gtest/gtest.h>

#include "core/edit/speed.h"
#include "core/edit/transitions.h"
#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using base::ErrorCode;
using model::ClipId;

// V1: A [0,48) src 10, B [48,96) src 0.
struct FreezeTest : ::testing::Test {
  EditFixture f;
  ClipId a, b;
  void SetUp() override {
    a = f.place(f.v1, f.video, 0, 48, 10, "A");
    b = f.place(f.v1, f.video, 48, 48, 0, "B");
  }
  const model::Clip* holdOf(const model::Project& p) {
    const model::Track& v1 = *p.findSequence(f.seq)->findTrack(f.v1);
    return v1.clips.size() > 1 ? &v1.clips[1] : nullptr;
  }
};

TEST_F(FreezeTest, HoldsTheLastFrameAndRipplesLaterClips) {
  auto cs = freezeFrameHold(f.project, f.seq, a, frames(24));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Clip* h = holdOf(after);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->name, "A (hold)");
  EXPECT_TRUE(h->freeze);
  EXPECT_EQ(h->start.value, 48);
  EXPECT_EQ(h->duration.value, 24);
  EXPECT_EQ(h->sourceIn, 57);  // A's last frame shows source 10 + 47
  EXPECT_EQ(h->media, f.video);
  EXPECT_EQ(h->id.value, f.project.nextId);
  EXPECT_EQ(after.nextId, f.project.nextId + 1);
  EXPECT_EQ(after.findSequence(f.seq)->findClip(b)->start.value, 72);
  for (std::int64_t p = 48; p < 72; ++p) EXPECT_EQ(tickAt(after, f.seq, h->id, p), tickAt(f.project, f.seq, a, 47));
}

TEST_F(FreezeTest, HoldsAGivenSourceTick) {
  auto cs = freezeFrameHold(f.project, f.seq, a, frames(5), 30);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(holdOf(after)->sourceIn, 30);
  EXPECT_TRUE(failsWith(freezeFrameHold(f.project, f.seq, a, frames(5), 240), ErrorCode::OutOfRange, {"'A'", "240"}));
  EXPECT_TRUE(failsWith(freezeFrameHold(f.project, f.seq, a, frames(5), -1), ErrorCode::OutOfRange, {"'A'"}));
}

TEST_F(FreezeTest, ReversedClipHoldsItsSourceStart) {
  f.track(f.v1).clips[0].reverse = true;
  auto cs = freezeFrameHold(f.project, f.seq, a, frames(12));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(holdOf(after)->sourceIn, 10);
  EXPECT_FALSE(holdOf(after)->reverse);
}

TEST_F(FreezeTest, SlowClipEndingAtTheMediaEndHoldsItsLastSourceFrame) {
  // Half speed over source [200,240): the last frame's tick rounds up to 240, past the media.
  f.track(f.v1).clips[1].start = time::FramePos{100};
  f.track(f.v1).clips[0].sourceIn = 200;
  f.track(f.v1).clips[0].duration = frames(80);
  f.track(f.v1).clips[0].speed = time::Rational::make(1, 2).value();
  auto cs = freezeFrameHold(f.project, f.seq, a, frames(10));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(holdOf(after)->sourceIn, 239);
}

TEST_F(FreezeTest, TransitionOnTheOutCutIsRemoved) {
  f.track(f.v1).clips[1].sourceIn = 10;  // B: 10 frames of head handle
  auto add = addTransition(f.project, f.seq, a, b, frames(8), model::TransitionAlign::CenterOnCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withT;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withT));
  auto cs = freezeFrameHold(withT, f.seq, a, frames(24));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_EQ(countOf<model::TransitionRemoved>(*cs), 1);
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(withT, *cs, &after));
  EXPECT_TRUE(after.findSequence(f.seq)->transitions.empty());
}

TEST_F(FreezeTest, LinkedAudioTrackRipplesToStayInSync) {
  const ClipId aa = f.place(f.a1, f.video, 0, 48, 10, "A-audio");
  const ClipId ba = f.place(f.a1, f.video, 48, 48, 0, "B-audio");
  f.track(f.v1).clips[0].linkGroup = 9;
  f.track(f.a1).clips[0].linkGroup = 9;
  auto cs = freezeFrameHold(f.project, f.seq, a, frames(24));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(aa)->start.value, 0);
  EXPECT_EQ(after.findSequence(f.seq)->findClip(ba)->start.value, 72);
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.a1)->clips.size(), 2u);  // no held audio
}

TEST_F(FreezeTest, RejectsAudioClipsAndEmptyHolds) {
  const ClipId music = f.place(f.a2, f.wav, 0, 48, 0, "music");
  EXPECT_TRUE(failsWith(freezeFrameHold(f.project, f.seq, music, frames(10)), ErrorCode::InvalidArgument,
                        {"'music'", "audio"}));
  EXPECT_TRUE(failsWith(freezeFrameHold(f.project, f.seq, a, frames(0)), ErrorCode::InvalidArgument, {"'A'"}));
}

TEST_F(FreezeTest, HoldClipCanBeTrimmedWithoutHandleAndCarryADissolve) {
  auto cs = freezeFrameHold(f.project, f.seq, a, frames(24));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const ClipId hold = holdOf(after)->id;
  // A freeze frame can lend any number of frames to a dissolve after its cut.
  auto add = addTransition(after, f.seq, hold, b, frames(20), model::TransitionAlign::StartAtCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  EXPECT_TRUE(appliesAndUndoes(after, *add));
}

}  // namespace
}  // namespace postline::edit::test
