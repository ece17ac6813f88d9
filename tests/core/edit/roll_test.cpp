#include <gtest/gtest.h>

#include "core/edit/transitions.h"
#include "core/edit/trim.h"
#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using base::ErrorCode;
using model::ClipId;

// V1: A [0,48) src 0, B [48,96) src 24, C [96,120) src 0, D [130,150) after a gap.
struct RollTest : ::testing::Test {
  EditFixture f;
  ClipId a, b, c, d;
  void SetUp() override {
    a = f.place(f.v1, f.video, 0, 48, 0, "A");
    b = f.place(f.v1, f.video, 48, 48, 24, "B");
    c = f.place(f.v1, f.video, 96, 24, 0, "C");
    d = f.place(f.v1, f.video, 130, 20, 0, "D");
  }
  const model::Clip& at(const model::Project& p, ClipId id) { return *p.findSequence(f.seq)->findClip(id); }
};

TEST_F(RollTest, RollLaterMovesOnlyTheCut) {
  auto cs = roll(f.project, f.seq, a, frames(5));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, a).duration.value, 53);
  EXPECT_EQ(at(after, a).sourceIn, 0);
  EXPECT_EQ(at(after, b).start.value, 53);
  EXPECT_EQ(at(after, b).duration.value, 43);
  EXPECT_EQ(at(after, b).sourceIn, 29);
  EXPECT_EQ(at(after, c), at(f.project, c));
  EXPECT_EQ(at(after, d), at(f.project, d));
  for (std::int64_t p = 53; p < 96; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p));
  for (std::int64_t p = 0; p < 48; ++p) EXPECT_EQ(tickAt(after, f.seq, a, p), tickAt(f.project, f.seq, a, p));
}

TEST_F(RollTest, RollEarlierUsesTheRightClipsHeadHandle) {
  auto cs = roll(f.project, f.seq, a, frames(-24));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, a).duration.value, 24);
  EXPECT_EQ(at(after, b).start.value, 24);
  EXPECT_EQ(at(after, b).sourceIn, 0);
  EXPECT_EQ(at(after, b).duration.value, 72);
  EXPECT_TRUE(failsWith(roll(f.project, f.seq, a, frames(-25)), ErrorCode::OutOfRange,
                        {"roll of the cut between 'A' and 'B' by -25 frames", "passes the start of the media of 'B'",
                         "24 frames of handle"}));
}

TEST_F(RollTest, RollPastTheLeftClipsTailHandleFails) {
  f.track(f.v1).clips[0].sourceIn = 180;  // A uses source [180,228): 12 frames of tail handle
  EXPECT_TRUE(failsWith(roll(f.project, f.seq, a, frames(13)), ErrorCode::OutOfRange,
                        {"the end of the media of 'A'", "12 frames of handle"}));
  EXPECT_TRUE(roll(f.project, f.seq, a, frames(12)).ok());
}

TEST_F(RollTest, RollThatEmptiesAClipFails) {
  EXPECT_TRUE(failsWith(roll(f.project, f.seq, b, frames(24)), ErrorCode::OutOfRange, {"'C'", "no frames"}));
  EXPECT_TRUE(failsWith(roll(f.project, f.seq, b, frames(-48)), ErrorCode::OutOfRange, {"'B'", "no frames"}));
}

TEST_F(RollTest, RollNeedsACutAtTheClipsEnd) {
  EXPECT_TRUE(failsWith(roll(f.project, f.seq, c, frames(2)), ErrorCode::NotFound, {"'C'", "V1"}));
  EXPECT_TRUE(failsWith(roll(f.project, f.seq, d, frames(2)), ErrorCode::NotFound, {"'D'"}));
}

TEST_F(RollTest, RollKeepsATransitionWhileItsHandlesLast) {
  auto add = addTransition(f.project, f.seq, a, b, frames(12), model::TransitionAlign::CenterOnCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withT;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withT));
  auto ok = roll(withT, f.seq, a, frames(-18));  // B keeps 6 frames of head handle: exactly enough
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(countOf<model::TransitionRemoved>(*ok), 0);
  ASSERT_TRUE(appliesAndUndoes(withT, *ok));
  EXPECT_TRUE(failsWith(roll(withT, f.seq, a, frames(-19)), ErrorCode::OutOfRange,
                        {"cross dissolve between 'A' and 'B'", "5 frames"}));
}

TEST_F(RollTest, LinkedAudioRollsWithTheVideo) {
  const ClipId la = f.place(f.a1, f.video, 0, 48, 0, "A-audio");
  const ClipId lb = f.place(f.a1, f.video, 48, 48, 24, "B-audio");
  f.track(f.v1).clips[0].linkGroup = 1;
  f.track(f.a1).clips[0].linkGroup = 1;
  f.track(f.v1).clips[1].linkGroup = 2;
  f.track(f.a1).clips[1].linkGroup = 2;
  auto cs = roll(f.project, f.seq, a, frames(6));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, la).end().value, 54);
  EXPECT_EQ(at(after, lb).start.value, 54);
  EXPECT_EQ(at(after, lb).sourceIn, 30);
}

TEST_F(RollTest, ReversedNeighboursRollWithTheirOwnHandles) {
  f.track(f.v1).clips[1].reverse = true;  // B's head shows source end 71; 168 frames after it
  auto cs = roll(f.project, f.seq, a, frames(-40));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, b).sourceIn, 24);
  for (std::int64_t p = 48; p < 96; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p));
}

}  // namespace
}  // namespace postline::edit::test
