#include "core/edit/speed.h"

#include <gtest/gtest.h>

#include "core/edit/transitions.h"
#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using base::ErrorCode;
using model::ClipId;

const time::Rational k85 = time::Rational::make(17, 20).value();

// V1: A [0,100) src 0, B [100,124) src 0 of 240 frames at 24 fps.
struct SpeedTest : ::testing::Test {
  EditFixture f;
  ClipId a, b;
  void SetUp() override {
    a = f.place(f.v1, f.video, 0, 100, 0, "A");
    b = f.place(f.v1, f.video, 100, 24, 0, "B");
  }
  const model::Clip& at(const model::Project& p, ClipId id) { return *p.findSequence(f.seq)->findClip(id); }
};

TEST_F(SpeedTest, SlowingTo85PercentRipplesAndKeepsTheSourceSpan) {
  auto cs = setSpeed(f.project, f.seq, a, k85, TrimMode::Ripple);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, a).duration.value, 118);  // round(100 / 0.85) = round(117.65)
  EXPECT_EQ(at(after, a).speed, k85);
  EXPECT_EQ(at(after, a).sourceIn, 0);
  EXPECT_EQ(at(after, b).start.value, 118);
  EXPECT_EQ(tickAt(after, f.seq, a, 117), 99);  // the last frame still shows (nearly) the old last source frame
}

TEST_F(SpeedTest, SlowingInNormalModeCannotOverlapTheNextClip) {
  EXPECT_TRUE(failsWith(setSpeed(f.project, f.seq, a, k85, TrimMode::Normal), ErrorCode::Conflict,
                        {"speed change of 'A' to 85%", "overlap 'B'"}));
}

TEST_F(SpeedTest, SpeedingUpInNormalModeLeavesAGapAndDropsTheTransition) {
  f.track(f.v1).clips[1].sourceIn = 20;  // B: 20 frames of head handle
  auto add = addTransition(f.project, f.seq, a, b, frames(10), model::TransitionAlign::EndAtCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withT;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withT));
  auto cs = setSpeed(withT, f.seq, a, time::Rational(2), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(withT, *cs, &after));
  EXPECT_EQ(at(after, a).duration.value, 50);
  EXPECT_EQ(at(after, b).start.value, 100);
  EXPECT_TRUE(after.findSequence(f.seq)->transitions.empty());
  // Ripple keeps the cut and the transition (EndAtCut uses only B's head, which does not change).
  auto ripple = setSpeed(withT, f.seq, a, time::Rational(2), TrimMode::Ripple);
  ASSERT_TRUE(ripple.ok()) << ripple.error().message;
  ASSERT_TRUE(appliesAndUndoes(withT, *ripple, &after));
  EXPECT_EQ(at(after, b).start.value, 50);
  EXPECT_EQ(after.findSequence(f.seq)->transitions.size(), 1u);
}

TEST_F(SpeedTest, At2398The85PercentDurationRoundsDownAtTheMediaEnd) {
  f.sequence().settings.frameRate = time::FrameRate::make(time::Rational::make(24000, 1001).value()).value();
  const auto ntsc = addMediaAt(f, "ntsc.mov", time::Rational::make(24000, 1001).value(),
                               time::Rational::make(1, 24000).value(), 100 * 1001);
  const ClipId d = f.place(f.v2, ntsc, 0, 100, 0, "D");  // uses all 100 frames of its media
  auto cs = setSpeed(f.project, f.seq, d, k85, TrimMode::Ripple);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  // round(117.65) = 118 frames would need 100400 ticks of a 100100-tick file: one frame less.
  EXPECT_EQ(at(after, d).duration.value, 117);
  // With room in the media, the rule's 118 stands.
  const auto longer = addMediaAt(f, "ntsc2.mov", time::Rational::make(24000, 1001).value(),
                                 time::Rational::make(1, 24000).value(), 200 * 1001);
  const ClipId e = f.place(f.v2, longer, 200, 100, 0, "E");
  auto cs2 = setSpeed(f.project, f.seq, e, k85, TrimMode::Ripple);
  ASSERT_TRUE(cs2.ok()) << cs2.error().message;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs2, &after));
  EXPECT_EQ(at(after, e).duration.value, 118);
}

TEST_F(SpeedTest, At25fpsTheDurationFollowsTheRule) {
  f.sequence().settings.frameRate = time::FrameRate::make(time::Rational(25)).value();
  const auto pal = addMediaAt(f, "pal.mov", time::Rational(25), time::Rational::make(1, 25).value(), 250);
  const ClipId d = f.place(f.v2, pal, 0, 50, 0, "D");
  auto cs = setSpeed(f.project, f.seq, d, k85, TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, d).duration.value, 59);  // round(58.82)
  // And back to 100 %: round(59 * 0.85) = round(50.15) = 50.
  auto back = setSpeed(after, f.seq, d, time::Rational(1), TrimMode::Normal);
  ASSERT_TRUE(back.ok()) << back.error().message;
  model::Project again;
  ASSERT_TRUE(appliesAndUndoes(after, *back, &again));
  EXPECT_EQ(at(again, d).duration.value, 50);
}

TEST_F(SpeedTest, SpeedMustBePositiveAndLeaveAFrame) {
  EXPECT_TRUE(failsWith(setSpeed(f.project, f.seq, a, time::Rational(0), TrimMode::Normal), ErrorCode::InvalidArgument,
                        {"'A'", "positive"}));
  EXPECT_TRUE(failsWith(setSpeed(f.project, f.seq, a, time::Rational(-1), TrimMode::Normal), ErrorCode::InvalidArgument,
                        {"'A'"}));
  EXPECT_TRUE(failsWith(setSpeed(f.project, f.seq, a, time::Rational(1000), TrimMode::Normal), ErrorCode::OutOfRange,
                        {"'A'", "no frames"}));
}

TEST_F(SpeedTest, ReversedClipKeepsItsSourceRange) {
  f.track(f.v1).clips[0].reverse = true;
  auto cs = setSpeed(f.project, f.seq, a, time::Rational(2), TrimMode::Ripple);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, a).sourceIn, 0);
  EXPECT_EQ(tickAt(after, f.seq, a, 49), 0);   // last frame: source start
  EXPECT_EQ(tickAt(after, f.seq, a, 0), 98);   // first frame: near the source end
}

TEST_F(SpeedTest, LinkedPartnerChangesSpeedToo) {
  const ClipId aa = f.place(f.a1, f.video, 0, 100, 0, "A-audio");
  f.track(f.v1).clips[0].linkGroup = 4;
  f.track(f.a1).clips[0].linkGroup = 4;
  auto cs = setSpeed(f.project, f.seq, a, k85, TrimMode::Ripple);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, aa).speed, k85);
  EXPECT_EQ(at(after, aa).duration.value, 118);
}

TEST_F(SpeedTest, SetReverseFlipsAndChecksTransitionHandles) {
  auto cs = setReverse(f.project, f.seq, a, true);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_TRUE(at(after, a).reverse);
  EXPECT_EQ(tickAt(after, f.seq, a, 0), 99);
  auto same = setReverse(after, f.seq, a, true);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
  // A dissolve after the cut uses A's tail; reversed, A's tail is its source start (no handle there).
  auto add = addTransition(f.project, f.seq, a, b, frames(10), model::TransitionAlign::StartAtCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withT;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withT));
  EXPECT_TRUE(failsWith(setReverse(withT, f.seq, a, true), ErrorCode::OutOfRange,
                        {"10-frame cross dissolve between 'A' and 'B'", "0 frames"}));
}

}  // namespace
}  // namespace postline::edit::test
