#include "core/edit/trim.h"

#include <gtest/gtest.h>

#include "core/edit/transitions.h"
#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using base::ErrorCode;
using model::ClipId;

// V1: A [0,48) src 0, B [48,96) src 24, C [96,120) src 0; 10 s of 24 fps media (240 ticks of 1/24).
struct TrimTest : ::testing::Test {
  EditFixture f;
  ClipId a, b, c;
  void SetUp() override {
    a = f.place(f.v1, f.video, 0, 48, 0, "A");
    b = f.place(f.v1, f.video, 48, 48, 24, "B");
    c = f.place(f.v1, f.video, 96, 24, 0, "C");
  }
};

TEST_F(TrimTest, TrimInNormalShortensHeadAndKeepsFramesOnScreen) {
  auto cs = trimIn(f.project, f.seq, b, frames(10), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Clip* nb = after.findSequence(f.seq)->findClip(b);
  EXPECT_EQ(nb->start.value, 58);
  EXPECT_EQ(nb->duration.value, 38);
  EXPECT_EQ(nb->sourceIn, 34);
  for (std::int64_t p = 58; p < 96; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(c)->start.value, 96);  // nothing else moved
}

TEST_F(TrimTest, TrimInNormalExtendingOverPreviousClipIsConflict) {
  EXPECT_TRUE(failsWith(trimIn(f.project, f.seq, b, frames(-1), TrimMode::Normal), ErrorCode::Conflict,
                        {"'B'", "overlap 'A'"}));
}

TEST_F(TrimTest, TrimInNormalExtendsIntoGapAndHeadHandle) {
  f.track(f.v1).clips[1].start = time::FramePos{60};  // B [60,108) now, C moved out of the way
  f.track(f.v1).clips[2].start = time::FramePos{110};
  auto cs = trimIn(f.project, f.seq, b, frames(-10), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Clip* nb = after.findSequence(f.seq)->findClip(b);
  EXPECT_EQ(nb->start.value, 50);
  EXPECT_EQ(nb->duration.value, 58);
  EXPECT_EQ(nb->sourceIn, 14);
  for (std::int64_t p = 60; p < 108; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p));
}

TEST_F(TrimTest, TrimInPastMediaStartNamesClipAndHandle) {
  f.track(f.v1).clips[1].start = time::FramePos{60};
  f.track(f.v1).clips[1].sourceIn = 5;
  f.track(f.v1).clips[2].start = time::FramePos{110};
  EXPECT_TRUE(failsWith(trimIn(f.project, f.seq, b, frames(-10), TrimMode::Normal), ErrorCode::OutOfRange,
                        {"trim of 'B' by -10 frames passes the start of its media (5 frames of handle)"}));
  EXPECT_TRUE(trimIn(f.project, f.seq, b, frames(-5), TrimMode::Normal).ok());
}

TEST_F(TrimTest, TrimInAtMediaStartHasNoHandle) {
  EXPECT_TRUE(failsWith(trimIn(f.project, f.seq, a, frames(-1), TrimMode::Ripple), ErrorCode::OutOfRange,
                        {"'A'", "0 frames of handle"}));
}

TEST_F(TrimTest, TrimInRippleKeepsStartAndPullsLaterClips) {
  auto cs = trimIn(f.project, f.seq, b, frames(10), TrimMode::Ripple);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(b)->start.value, 48);
  EXPECT_EQ(s.findClip(b)->duration.value, 38);
  EXPECT_EQ(s.findClip(b)->sourceIn, 34);
  EXPECT_EQ(s.findClip(c)->start.value, 86);
  EXPECT_EQ(s.findClip(a)->end().value, 48);
}

TEST_F(TrimTest, TrimInRippleNegativePushesLaterClips) {
  auto cs = trimIn(f.project, f.seq, b, frames(-12), TrimMode::Ripple);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(b)->start.value, 48);
  EXPECT_EQ(s.findClip(b)->duration.value, 60);
  EXPECT_EQ(s.findClip(b)->sourceIn, 12);
  EXPECT_EQ(s.findClip(c)->start.value, 108);
}

TEST_F(TrimTest, TrimToNothingIsOutOfRange) {
  EXPECT_TRUE(failsWith(trimIn(f.project, f.seq, c, frames(24), TrimMode::Normal), ErrorCode::OutOfRange,
                        {"'C'", "no frames"}));
  EXPECT_TRUE(failsWith(trimOut(f.project, f.seq, c, frames(-30), TrimMode::Ripple), ErrorCode::OutOfRange,
                        {"'C'", "no frames"}));
}

TEST_F(TrimTest, TrimOutPastMediaEndMatchesTheMessage) {
  f.track(f.v1).clips[2].duration = frames(228);  // C [96,324) uses 228 of 240 frames: 12 frames of tail handle
  f.track(f.v1).clips[2].name = "Shot_01_Take_03";
  EXPECT_TRUE(failsWith(trimOut(f.project, f.seq, c, frames(30), TrimMode::Normal), ErrorCode::OutOfRange,
                        {"trim of 'Shot_01_Take_03' by 30 frames passes the end of its media (12 frames of handle)"}));
  auto cs = trimOut(f.project, f.seq, c, frames(12), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_TRUE(appliesAndUndoes(f.project, *cs));
  EXPECT_TRUE(failsWith(trimOut(f.project, f.seq, c, frames(13), TrimMode::Normal), ErrorCode::OutOfRange, {"12 frames"}));
}

TEST_F(TrimTest, TrimOutNormalIntoNextClipIsConflict) {
  EXPECT_TRUE(failsWith(trimOut(f.project, f.seq, a, frames(1), TrimMode::Normal), ErrorCode::Conflict,
                        {"'A'", "overlap 'B'", "V1"}));
}

TEST_F(TrimTest, TrimOutRippleMovesLaterClipsBothWays) {
  for (std::int64_t d : {-20, 20}) {
    auto cs = trimOut(f.project, f.seq, a, frames(d), TrimMode::Ripple);
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    model::Project after;
    ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
    const model::Sequence& s = *after.findSequence(f.seq);
    EXPECT_EQ(s.findClip(a)->duration.value, 48 + d);
    EXPECT_EQ(s.findClip(a)->sourceIn, 0);
    EXPECT_EQ(s.findClip(b)->start.value, 48 + d);
    EXPECT_EQ(s.findClip(c)->start.value, 96 + d);
  }
}

TEST_F(TrimTest, ReversedClipHeadTrimKeepsSourceInAndFrames) {
  f.track(f.v1).clips[1].reverse = true;  // B shows source 71 down to 24
  for (TrimMode mode : {TrimMode::Normal, TrimMode::Ripple}) {
    auto cs = trimIn(f.project, f.seq, b, frames(10), mode);
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    model::Project after;
    ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
    const model::Clip* nb = after.findSequence(f.seq)->findClip(b);
    EXPECT_EQ(nb->sourceIn, 24);
    EXPECT_EQ(nb->duration.value, 38);
    const std::int64_t shift = mode == TrimMode::Normal ? 0 : 10;
    for (std::int64_t p = 58; p < 96; ++p) {
      EXPECT_EQ(tickAt(after, f.seq, b, p - shift), tickAt(f.project, f.seq, b, p)) << "frame " << p;
    }
  }
}

TEST_F(TrimTest, ReversedClipTailTrimMovesSourceInAndKeepsFrames) {
  f.track(f.v1).clips[1].reverse = true;
  auto cs = trimOut(f.project, f.seq, b, frames(-10), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(b)->sourceIn, 34);
  for (std::int64_t p = 48; p < 86; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p));
}

TEST_F(TrimTest, ReversedClipUsesTheOppositeHandles) {
  f.track(f.v1).clips[1].reverse = true;  // source [24,72): 24 frames before, 168 after
  // Extending the tail shows source before sourceIn: only 24 frames there.
  EXPECT_TRUE(failsWith(trimOut(f.project, f.seq, b, frames(25), TrimMode::Ripple), ErrorCode::OutOfRange,
                        {"'B'", "passes the start of its media (24 frames of handle)"}));
  auto ok = trimOut(f.project, f.seq, b, frames(24), TrimMode::Ripple);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *ok, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(b)->sourceIn, 0);
  for (std::int64_t p = 48; p < 96; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p));
  // Extending the head shows source after the range: 168 frames there.
  auto head = trimIn(f.project, f.seq, b, frames(-100), TrimMode::Ripple);
  ASSERT_TRUE(head.ok()) << head.error().message;
  ASSERT_TRUE(appliesAndUndoes(f.project, *head, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(b)->sourceIn, 24);
  for (std::int64_t p = 48; p < 96; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p + 100), tickAt(f.project, f.seq, b, p));
}

TEST_F(TrimTest, SlowClipAt2997AdvancesSourceByRoundedTicks) {
  f.sequence().settings.frameRate = time::FrameRate::make(time::Rational::make(24000, 1001).value()).value();
  const auto media = addMediaAt(f, "ntsc.mov", time::Rational::make(24000, 1001).value(),
                                time::Rational::make(1, 24000).value(), 240 * 1001);
  const ClipId d = f.place(f.v2, media, 0, 100, 0, "D");
  f.track(f.v2).clips[0].speed = time::Rational::make(17, 20).value();
  auto cs = trimIn(f.project, f.seq, d, frames(10), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(d)->sourceIn, 8509);  // 10 * 1001 * 0.85 = 8508.5, halves up
  EXPECT_EQ(tickAt(after, f.seq, d, 10), tickAt(f.project, f.seq, d, 10));
}

TEST_F(TrimTest, LinkedPartnersAtTheSameEdgeAreTrimmedToo) {
  const ClipId va = f.place(f.v2, f.video, 48, 48, 24, "Bv");
  const ClipId aa = f.place(f.a1, f.video, 48, 48, 24, "Ba");
  const ClipId later = f.place(f.a1, f.video, 100, 10, 0, "later");
  const ClipId other = f.place(f.a2, f.video, 50, 46, 26, "other");  // linked but starts elsewhere
  for (auto& t : f.sequence().tracks) {
    for (auto& k : t.clips) {
      if (k.id == va || k.id == aa || k.id == other) k.linkGroup = 7;
    }
  }
  auto cs = trimIn(f.project, f.seq, va, frames(8), TrimMode::Ripple);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(aa)->duration.value, 40);
  EXPECT_EQ(s.findClip(aa)->sourceIn, 32);
  EXPECT_EQ(s.findClip(later)->start.value, 92);
  EXPECT_EQ(s.findClip(other)->duration.value, 46);  // different head frame: untouched
  // Only the partner's trim can fail: its error names the partner.
  f.track(f.a1).clips[0].sourceIn = 2;
  EXPECT_TRUE(failsWith(trimIn(f.project, f.seq, va, frames(-3), TrimMode::Ripple), ErrorCode::OutOfRange,
                        {"'Ba'", "2 frames of handle"}));
}

TEST_F(TrimTest, NormalTrimOpeningAGapRemovesTheTransition) {
  auto add = addTransition(f.project, f.seq, a, b, frames(12), model::TransitionAlign::CenterOnCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withT;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withT));
  auto cs = trimOut(withT, f.seq, a, frames(-5), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_EQ(countOf<model::TransitionRemoved>(*cs), 1);
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(withT, *cs, &after));
  EXPECT_TRUE(after.findSequence(f.seq)->transitions.empty());
  // A ripple trim keeps the cut, so the transition stays.
  auto ripple = trimOut(withT, f.seq, a, frames(-5), TrimMode::Ripple);
  ASSERT_TRUE(ripple.ok()) << ripple.error().message;
  EXPECT_EQ(countOf<model::TransitionRemoved>(*ripple), 0);
  ASSERT_TRUE(appliesAndUndoes(withT, *ripple, &after));
  EXPECT_EQ(after.findSequence(f.seq)->transitions.size(), 1u);
}

TEST_F(TrimTest, TrimLeavingTooLittleHandleForTheTransitionNamesIt) {
  auto add = addTransition(f.project, f.seq, a, b, frames(12), model::TransitionAlign::CenterOnCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withT;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withT));
  // B has 24 frames of head handle; the dissolve needs 6 of them. Extending B's head by 20 leaves 4.
  EXPECT_TRUE(failsWith(trimIn(withT, f.seq, b, frames(-20), TrimMode::Ripple), ErrorCode::OutOfRange,
                        {"12-frame cross dissolve between 'A' and 'B'", "4 frames"}));
  auto ok = trimIn(withT, f.seq, b, frames(-18), TrimMode::Ripple);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_TRUE(appliesAndUndoes(withT, *ok));
}

TEST_F(TrimTest, LockedTrackAndUnknownIdsAreRejected) {
  f.track(f.v1).locked = true;
  EXPECT_TRUE(failsWith(trimIn(f.project, f.seq, b, frames(1), TrimMode::Normal), ErrorCode::Conflict, {"locked"}));
  EXPECT_TRUE(failsWith(trimOut(f.project, f.seq, ClipId{9999}, frames(1), TrimMode::Normal), ErrorCode::NotFound, {}));
  EXPECT_TRUE(failsWith(trimOut(f.project, model::SequenceId{9999}, b, frames(1), TrimMode::Normal),
                        ErrorCode::NotFound, {}));
}

TEST_F(TrimTest, ZeroDeltaChangesNothing) {
  auto cs = trimIn(f.project, f.seq, b, frames(0), TrimMode::Ripple);
  ASSERT_TRUE(cs.ok());
  EXPECT_TRUE(cs->empty());
}

TEST_F(TrimTest, StillsTrimWithoutHandleLimits) {
  const ClipId s = f.place(f.v2, f.still, 100, 24, 0, "logo");
  auto cs = trimIn(f.project, f.seq, s, frames(-100), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(s)->start.value, 0);
  EXPECT_EQ(after.findSequence(f.seq)->findClip(s)->sourceIn, 0);
  EXPECT_TRUE(failsWith(trimIn(f.project, f.seq, s, frames(-101), TrimMode::Normal), ErrorCode::OutOfRange,
                        {"before the sequence start"}));
}

}  // namespace
}  // namespace postline::edit::test
