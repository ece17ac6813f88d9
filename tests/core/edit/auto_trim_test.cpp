#include "core/edit/auto_trim.h"

#include <gtest/gtest.h>


#include "core/edit/transitions.h"
#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using base::ErrorCode;
using model::ClipId;

time::FrameRate rate(std::int64_t num, std::int64_t den = 1) {
  return time::FrameRate::make(time::Rational::make(num, den).value()).value();
}

TEST(DefaultAutoTrim, IsHalfASecondRoundedByTheRule) {
  EXPECT_EQ(defaultAutoTrim(rate(24)).value, 12);
  EXPECT_EQ(defaultAutoTrim(rate(24000, 1001)).value, 12);  // 11.988
  EXPECT_EQ(defaultAutoTrim(rate(25)).value, 13);           // 12.5, halves up
  EXPECT_EQ(defaultAutoTrim(rate(30000, 1001)).value, 15);  // 14.985
  EXPECT_EQ(defaultAutoTrim(rate(60)).value, 30);
}

// V1: three adjacent 48-frame AI clips from source 24, then an unselected clip at 150.
struct AutoTrimTest : ::testing::Test {
  EditFixture f;
  ClipId a, b, c, d;
  void SetUp() override {
    a = f.place(f.v1, f.video, 0, 48, 24, "A");
    b = f.place(f.v1, f.video, 48, 48, 24, "B");
    c = f.place(f.v1, f.video, 96, 48, 24, "C");
    d = f.place(f.v1, f.video, 150, 10, 0, "D");
  }
  const model::Clip& at(const model::Project& p, ClipId id) { return *p.findSequence(f.seq)->findClip(id); }
};

TEST_F(AutoTrimTest, RippleClosesUpAsIfEachClipShrankInPlace) {
  auto cs = autoTrim(f.project, f.seq, {c, a, b}, frames(12), frames(12));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  std::int64_t start = 0;
  for (ClipId id : {a, b, c}) {
    EXPECT_EQ(at(after, id).start.value, start);
    EXPECT_EQ(at(after, id).duration.value, 24);
    EXPECT_EQ(at(after, id).sourceIn, 36);
    start += 24;
  }
  EXPECT_EQ(at(after, d).start.value, 150 - 72);  // the gap before D is kept
}

TEST_F(AutoTrimTest, RippleOfOneClipPullsOnlyLaterClips) {
  auto cs = autoTrim(f.project, f.seq, {b}, frames(6), frames(10));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, a), at(f.project, a));
  EXPECT_EQ(at(after, b).start.value, 48);
  EXPECT_EQ(at(after, b).duration.value, 32);
  EXPECT_EQ(at(after, b).sourceIn, 30);
  EXPECT_EQ(at(after, c).start.value, 80);
  EXPECT_EQ(at(after, d).start.value, 134);
  for (std::int64_t p = 48; p < 80; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p + 6));
}

TEST_F(AutoTrimTest, NormalModeLeavesGaps) {
  auto cs = autoTrim(f.project, f.seq, {a, b, c}, frames(12), frames(12), TrimMode::Normal);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, a).start.value, 12);
  EXPECT_EQ(at(after, b).start.value, 60);
  EXPECT_EQ(at(after, c).start.value, 108);
  EXPECT_EQ(at(after, c).end().value, 132);
  EXPECT_EQ(at(after, d), at(f.project, d));
  for (std::int64_t p = 60; p < 84; ++p) EXPECT_EQ(tickAt(after, f.seq, b, p), tickAt(f.project, f.seq, b, p));
}

TEST_F(AutoTrimTest, ReversedClipLosesTheRightSourceEnds) {
  f.track(f.v1).clips[1].reverse = true;  // B shows source 71 .. 24
  auto cs = autoTrim(f.project, f.seq, {b}, frames(12), frames(6));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, b).sourceIn, 30);
  EXPECT_EQ(tickAt(after, f.seq, b, 48), 59);
  EXPECT_EQ(tickAt(after, f.seq, b, 77), 30);
}

TEST_F(AutoTrimTest, TooShortClipIsNamed) {
  f.track(f.v1).clips[1].duration = frames(24);
  EXPECT_TRUE(failsWith(autoTrim(f.project, f.seq, {a, b}, frames(12), frames(12)), ErrorCode::OutOfRange,
                        {"'B'", "24 frames", "25 frames"}));
  EXPECT_TRUE(autoTrim(f.project, f.seq, {a, b}, frames(12), frames(11)).ok());
  EXPECT_TRUE(failsWith(autoTrim(f.project, f.seq, {a}, frames(-1), frames(0)), ErrorCode::InvalidArgument, {}));
  EXPECT_TRUE(failsWith(autoTrim(f.project, f.seq, {ClipId{4242}}, frames(1), frames(1)), ErrorCode::NotFound, {}));
}

TEST_F(AutoTrimTest, TransitionsSurviveRippleAndGoInNormalMode) {
  auto add = addTransition(f.project, f.seq, a, b, frames(10), model::TransitionAlign::CenterOnCut);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withT;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withT));
  auto ripple = autoTrim(withT, f.seq, {a, b, c}, frames(12), frames(12));
  ASSERT_TRUE(ripple.ok()) << ripple.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(withT, *ripple, &after));
  EXPECT_EQ(after.findSequence(f.seq)->transitions.size(), 1u);
  auto normal = autoTrim(withT, f.seq, {a, b, c}, frames(12), frames(12), TrimMode::Normal);
  ASSERT_TRUE(normal.ok()) << normal.error().message;
  EXPECT_EQ(countOf<model::TransitionRemoved>(*normal), 1);
  ASSERT_TRUE(appliesAndUndoes(withT, *normal, &after));
  EXPECT_TRUE(after.findSequence(f.seq)->transitions.empty());
}

TEST_F(AutoTrimTest, LinkedAudioIsTrimmedWithItsVideo) {
  const ClipId aa = f.place(f.a1, f.video, 0, 48, 24, "A-audio");
  const ClipId ba = f.place(f.a1, f.video, 48, 48, 24, "B-audio");
  f.track(f.v1).clips[0].linkGroup = 1;
  f.track(f.a1).clips[0].linkGroup = 1;
  f.track(f.v1).clips[1].linkGroup = 2;
  f.track(f.a1).clips[1].linkGroup = 2;
  auto cs = autoTrim(f.project, f.seq, {a, b, aa}, frames(12), frames(12));
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(at(after, aa).duration.value, 24);
  EXPECT_EQ(at(after, ba).start.value, 24);
  EXPECT_EQ(at(after, ba).sourceIn, 36);
  EXPECT_EQ(at(after, c).start.value, 48);
}

// 10,000 clips on V1: an auto-trim of a few clips ripples correctly (speed: tests/bench).
TEST(TimingEditScale, TenThousandClipSequence) {
  EditFixture f;
  const auto media = f.addVideoMedia("long.mov", 1000000);
  std::vector<ClipId> ids;
  for (int i = 0; i < 10000; ++i) ids.push_back(f.place(f.v1, media, i * 50, 50, 100));
  auto trim = autoTrim(f.project, f.seq, {ids[5000], ids[5001], ids[9000]}, frames(12), frames(12));
  ASSERT_TRUE(trim.ok()) << trim.error().message;
  model::Project after = f.project;
  ASSERT_TRUE(model::apply(after, *trim).ok());
  EXPECT_EQ(after.findSequence(f.seq)->tracks[0].clips.back().start.value, 9999 * 50 - 72);
  EXPECT_EQ(after.findSequence(f.seq)->tracks[0].clips[9000].start.value, 9000 * 50 - 48);
  EXPECT_EQ(after.findSequence(f.seq)->tracks[0].clips[9000].duration.value, 26);
  EXPECT_EQ(after.findSequence(f.seq)->tracks[0].clips[9001].start.value, 9001 * 50 - 72);
  EXPECT_EQ(after.findSequence(f.seq)->tracks[0].clips[5001].start.value, 5001 * 50 - 24);
}

}  // namespace
}  // namespace postline::edit::test
