#include "core/edit/transitions.h"

#include <gtest/gtest.h>

#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using base::ErrorCode;
using model::ClipId;
using model::TransitionAlign;

// V1: A [0,48) src 100 (92 frames of tail handle), B [48,96) src 10 (10 frames of head handle), C [100,120).
struct TransitionsTest : ::testing::Test {
  EditFixture f;
  ClipId a, b, c;
  void SetUp() override {
    a = f.place(f.v1, f.video, 0, 48, 100, "A");
    b = f.place(f.v1, f.video, 48, 48, 10, "B");
    c = f.place(f.v1, f.video, 100, 20, 0, "C");
  }
  model::Project added(ClipId l, ClipId r, std::int64_t n, TransitionAlign align) {
    auto cs = addTransition(f.project, f.seq, l, r, frames(n), align);
    EXPECT_TRUE(cs.ok()) << cs.error().message;
    model::Project after;
    EXPECT_TRUE(appliesAndUndoes(f.project, *cs, &after));
    return after;
  }
};

TEST_F(TransitionsTest, AddsACrossDissolveOnVideo) {
  model::Project after = added(a, b, 20, TransitionAlign::CenterOnCut);
  const auto& ts = after.findSequence(f.seq)->transitions;
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].kind, model::TransitionKind::CrossDissolve);
  EXPECT_EQ(ts[0].left, a);
  EXPECT_EQ(ts[0].right, b);
  EXPECT_EQ(ts[0].duration.value, 20);
  EXPECT_EQ(ts[0].track, f.v1);
  EXPECT_EQ(ts[0].id.value, f.project.nextId);
}

TEST_F(TransitionsTest, AddsACrossfadeOnAudio) {
  const ClipId x = f.place(f.a2, f.wav, 0, 48, 48000);
  const ClipId y = f.place(f.a2, f.wav, 48, 48, 48000);
  auto cs = addTransition(f.project, f.seq, x, y, frames(12), TransitionAlign::CenterOnCut);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->transitions.at(0).kind, model::TransitionKind::AudioCrossfade);
}

TEST_F(TransitionsTest, LongerThanTheHandlesNamesBothClipsAndTheHandle) {
  // Centred 22 frames needs 11 before the cut from B's head handle, which has 10.
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, a, b, frames(22), TransitionAlign::CenterOnCut),
                        ErrorCode::OutOfRange, {"'A'", "'B'", "10 frames", "11 frames"}));
  added(a, b, 21, TransitionAlign::CenterOnCut);  // 10 before, 11 after: fits
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, a, b, frames(11), TransitionAlign::EndAtCut),
                        ErrorCode::OutOfRange, {"'B'", "10 frames"}));
  added(a, b, 10, TransitionAlign::EndAtCut);
  added(a, b, 48, TransitionAlign::StartAtCut);  // all of B's length, from A's tail handle
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, a, b, frames(49), TransitionAlign::StartAtCut),
                        ErrorCode::OutOfRange, {"'A'", "'B'", "longer than the clips"}));
}

TEST_F(TransitionsTest, AtTheMediaStartThereIsNoHeadHandle) {
  f.track(f.v1).clips[1].sourceIn = 0;
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, a, b, frames(2), TransitionAlign::CenterOnCut),
                        ErrorCode::OutOfRange, {"'B'", "0 frames"}));
}

TEST_F(TransitionsTest, ReversedClipsLendTheirOtherSourceEnd) {
  // A reversed: its timeline tail is its source start (100 frames before it).
  f.track(f.v1).clips[0].reverse = true;
  f.track(f.v1).clips[0].sourceIn = 5;
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, a, b, frames(6), TransitionAlign::StartAtCut),
                        ErrorCode::OutOfRange, {"'A'", "5 frames"}));
  added(a, b, 5, TransitionAlign::StartAtCut);
}

TEST_F(TransitionsTest, ReversedClipAtTheMediaEndStillHasATimelineTail) {
  // A reversed over source [192,240): nothing after its source range, 192 frames before it,
  // and its timeline tail shows what lies before. model::validate must agree (checkTransition fix).
  f.track(f.v1).clips[0].reverse = true;
  f.track(f.v1).clips[0].sourceIn = 192;
  model::Project after = added(a, b, 40, TransitionAlign::StartAtCut);
  EXPECT_TRUE(model::validate(after).ok());
  EXPECT_TRUE(model::checkTransition(after, *after.findSequence(f.seq), after.findSequence(f.seq)->transitions.at(0)).ok());
}

TEST_F(TransitionsTest, RejectsNonAdjacentClipsOtherTracksAndSecondTransitions) {
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, b, c, frames(4), TransitionAlign::CenterOnCut),
                        ErrorCode::InvalidArgument, {"'B'", "'C'"}));
  const ClipId other = f.place(f.v2, f.video, 48, 10, 20, "other");
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, a, other, frames(4), TransitionAlign::CenterOnCut),
                        ErrorCode::InvalidArgument, {"different tracks"}));
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, a, b, frames(0), TransitionAlign::CenterOnCut),
                        ErrorCode::InvalidArgument, {"'A'", "'B'"}));
  model::Project withT = added(a, b, 8, TransitionAlign::CenterOnCut);
  EXPECT_TRUE(failsWith(addTransition(withT, f.seq, a, b, frames(4), TransitionAlign::EndAtCut), ErrorCode::Conflict,
                        {"already has a transition"}));
  f.track(f.v1).locked = true;
  EXPECT_TRUE(failsWith(addTransition(f.project, f.seq, a, b, frames(4), TransitionAlign::CenterOnCut),
                        ErrorCode::Conflict, {"locked"}));
}

TEST_F(TransitionsTest, RemoveAndRetime) {
  model::Project withT = added(a, b, 8, TransitionAlign::CenterOnCut);
  const model::TransitionId id = withT.findSequence(f.seq)->transitions.at(0).id;
  auto rm = removeTransition(withT, f.seq, id);
  ASSERT_TRUE(rm.ok()) << rm.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(withT, *rm, &after));
  EXPECT_TRUE(after.findSequence(f.seq)->transitions.empty());
  EXPECT_TRUE(failsWith(removeTransition(withT, f.seq, model::TransitionId{777}), ErrorCode::NotFound, {"777"}));

  auto longer = setTransitionDuration(withT, f.seq, id, frames(20), TransitionAlign::StartAtCut);
  ASSERT_TRUE(longer.ok()) << longer.error().message;
  ASSERT_TRUE(appliesAndUndoes(withT, *longer, &after));
  EXPECT_EQ(after.findSequence(f.seq)->transitions.at(0).duration.value, 20);
  EXPECT_EQ(after.findSequence(f.seq)->transitions.at(0).align, TransitionAlign::StartAtCut);
  EXPECT_TRUE(failsWith(setTransitionDuration(withT, f.seq, id, frames(12), TransitionAlign::EndAtCut),
                        ErrorCode::OutOfRange, {"'A'", "'B'", "10 frames"}));
  EXPECT_TRUE(failsWith(setTransitionDuration(withT, f.seq, id, frames(0), TransitionAlign::EndAtCut),
                        ErrorCode::InvalidArgument, {}));
}

}  // namespace
}  // namespace postline::edit::test
