#include "core/edit/slip_slide.h"

#include <gtest/gtest.h>

#include "core/edit/transitions.h"
#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using base::ErrorCode;
using model::ClipId;

// V1: A [0,48) src 0, B [48,72) src 100, C [72,120) src 48.
struct SlipSlideTest : ::testing::Test {
  EditFixture f;
  ClipId a, b, c;
  void SetUp() override {
    a = f.place(f.v1, f.video, 0, 48, 0, "A");
    b = f.place(f.v1, f.video, 48, 24, 100, "B");
    c = f.place(f.v1, f.video, 72, 48, 48, "C");
  }
  const model::Clip& at(const model::Project& p, ClipId id) { return *p.findSequence(f.seq)->findClip(id); }
};

TEST_F(SlipSlideTest, SlipMovesOnlyTheSource) {
  auto cs = slip(f.project, f.seq, b, frames(10));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, b).sourceIn, 110);
  EXPECT_EQ(at(after, b).record(), at(f.project, b).record());
  for (std::int64_t p = 48; p < 72; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p) + 10);
  EXPECT_EQ(at(after, a), at(f.project, a));
  EXPECT_EQ(at(after, c), at(f.project, c));
}

TEST_F(SlipSlideTest, SlipStopsAtBothMediaEdges) {
  // B uses [100,124) of 240: 100 frames before, 116 after.
  EXPECT_TRUE(failsWith(slip(f.project, f.seq, b, frames(117)), ErrorCode::OutOfRange,
                        {"slip of 'B' by 117 frames", "end", "116 frames of handle"}));
  EXPECT_TRUE(failsWith(slip(f.project, f.seq, b, frames(-101)), ErrorCode::OutOfRange, {"'B'", "start", "100 frames"}));
  for (std::int64_t d : {116, -100}) {
    auto cs = slip(f.project, f.seq, b, frames(d));
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    EXPECT_TRUE(appliesAndUndoes(f.project, *cs));
  }
}

TEST_F(SlipSlideTest, SlipOfReversedClipShowsLaterSource) {
  f.track(f.v1).clips[1].reverse = true;
  auto cs = slip(f.project, f.seq, b, frames(5));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  for (std::int64_t p = 48; p < 72; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p) + 5);
}

TEST_F(SlipSlideTest, SlipAt85PercentIn25fpsRoundsTicksByTheRule) {
  f.sequence().settings.frameRate = time::FrameRate::make(time::Rational(25)).value();
  const auto pal = addMediaAt(f, "pal.mov", time::Rational(25), time::Rational::make(1, 25).value(), 250);
  const ClipId d = f.place(f.v2, pal, 0, 50, 20, "D");
  f.track(f.v2).clips[0].speed = time::Rational::make(17, 20).value();
  auto cs = slip(f.project, f.seq, d, frames(10));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, d).sourceIn, 29);  // 10 frames at 85 % = 8.5 ticks -> 9
}

TEST_F(SlipSlideTest, SlipMovesLinkedPartnersWithTheSameRange) {
  const ClipId ba = f.place(f.a1, f.video, 48, 24, 100, "B-audio");
  f.track(f.v1).clips[1].linkGroup = 3;
  f.track(f.a1).clips[0].linkGroup = 3;
  auto cs = slip(f.project, f.seq, b, frames(-7));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, ba).sourceIn, 93);
}

TEST_F(SlipSlideTest, SlideTradesFramesWithBothNeighbours) {
  for (std::int64_t d : {6, -6}) {
    auto cs = slide(f.project, f.seq, b, frames(d));
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    model::Project after;
    ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
    EXPECT_EQ(at(after, a).duration.value, 48 + d);
    EXPECT_EQ(at(after, a).sourceIn, 0);
    EXPECT_EQ(at(after, b).start.value, 48 + d);
    EXPECT_EQ(at(after, b).sourceIn, 100);
    EXPECT_EQ(at(after, b).duration.value, 24);
    EXPECT_EQ(at(after, c).start.value, 72 + d);
    EXPECT_EQ(at(after, c).end().value, 120);
    EXPECT_EQ(at(after, c).sourceIn, 48 + d);
    for (std::int64_t p = 80; p < 120; ++p) EXPECT_EQ(tickAt(after, f.seq, c, p), tickAt(f.project, f.seq, c, p));
  }
}

TEST_F(SlipSlideTest, SlideIsLimitedByNeighbourHandlesAndLengths) {
  // C's head handle is 48 frames but C is only 48 long: sliding right by 48 empties it.
  EXPECT_TRUE(failsWith(slide(f.project, f.seq, b, frames(48)), ErrorCode::OutOfRange, {"'C'", "no frames"}));
  // A starts at source 0 but has 192 frames of tail; C has 48 frames of head handle.
  EXPECT_TRUE(failsWith(slide(f.project, f.seq, b, frames(-48)), ErrorCode::OutOfRange, {"'A'", "no frames"}));
  f.track(f.v1).clips[2].sourceIn = 4;
  EXPECT_TRUE(failsWith(slide(f.project, f.seq, b, frames(-5)), ErrorCode::OutOfRange,
                        {"slide of 'B' by -5 frames", "the media of 'C'", "4 frames of handle"}));
}

TEST_F(SlipSlideTest, SlideIntoAGapIsLimitedByTheGap) {
  f.track(f.v1).clips[2].start = time::FramePos{80};  // gap [72,80) after B
  auto cs = slide(f.project, f.seq, b, frames(8));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, a).duration.value, 56);
  EXPECT_EQ(at(after, b).start.value, 56);
  EXPECT_EQ(at(after, c), at(f.project, c));
  EXPECT_TRUE(failsWith(slide(f.project, f.seq, b, frames(9)), ErrorCode::Conflict, {"slide of 'B'", "overlap 'C'"}));
}

TEST_F(SlipSlideTest, SlideBeforeTheSequenceStartFails) {
  const ClipId lone = f.place(f.v2, f.video, 10, 10, 0, "lone");
  EXPECT_TRUE(failsWith(slide(f.project, f.seq, lone, frames(-11)), ErrorCode::OutOfRange, {"'lone'", "sequence start"}));
  auto cs = slide(f.project, f.seq, lone, frames(-10));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_TRUE(appliesAndUndoes(f.project, *cs));
}

TEST_F(SlipSlideTest, SlideKeepsTransitionsOnItsCutsWhenHandlesAllow) {
  auto add = addTransition(f.project, f.seq, b, c, frames(8), model::TransitionAlign::CenterOnCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withT;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withT));
  auto cs = slide(withT, f.seq, b, frames(-6));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(withT, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->transitions.size(), 1u);
  // C's head handle is 48 - 45 = 3 frames after sliding B left by 45; the dissolve needs 4.
  EXPECT_TRUE(failsWith(slide(withT, f.seq, b, frames(-45)), ErrorCode::OutOfRange,
                        {"8-frame cross dissolve between 'B' and 'C'", "3 frames"}));
}

}  // namespace
}  // namespace postline::edit::test
