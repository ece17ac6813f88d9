#include "core/edit/razor.h"

#include <gtest/gtest.h>


#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using model::ClipId;
using test::appliesAndUndoes;
using test::EditFixture;
using time::FrameCount;
using time::FramePos;
using time::FrameRange;

TEST(RazorTest, SplitsClipAtPosition) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 10, 100, 20, "A");
  f.track(f.v1).clips[0].audio.fadeIn = FrameCount{5};
  f.track(f.v1).clips[0].audio.fadeOut = FrameCount{70};
  const model::Project before = f.project;
  auto cs = razor(f.project, f.seq, FramePos{40}, {});
  EXPECT_EQ(f.project, before);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& clips = after.findSequence(f.seq)->findTrack(f.v1)->clips;
  ASSERT_EQ(clips.size(), 2u);
  EXPECT_EQ(clips[0].id, a);
  EXPECT_EQ(clips[0].record(), (FrameRange{FramePos{10}, FramePos{40}}));
  EXPECT_EQ(clips[0].sourceIn, 20);
  EXPECT_EQ(clips[0].audio.fadeIn, FrameCount{5});
  EXPECT_EQ(clips[0].audio.fadeOut, FrameCount{0});
  EXPECT_EQ(clips[1].id.value, f.project.nextId);
  EXPECT_EQ(clips[1].record(), (FrameRange{FramePos{40}, FramePos{110}}));
  EXPECT_EQ(clips[1].sourceIn, 50);
  EXPECT_EQ(clips[1].name, "A");
  EXPECT_EQ(clips[1].audio.fadeIn, FrameCount{0});
  EXPECT_EQ(clips[1].audio.fadeOut, FrameCount{70});
}

TEST(RazorTest, ClipStartingAtPositionIsNotCut) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 40);
  const ClipId b = f.place(f.v1, f.video, 40, 40);
  const ClipId c = f.place(f.v2, f.video, 20, 40);
  auto cs = razor(f.project, f.seq, FramePos{40}, {});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findTrack(f.v1)->clips.size(), 2u);
  EXPECT_EQ(s.findClip(a)->duration, FrameCount{40});
  EXPECT_EQ(s.findClip(b)->duration, FrameCount{40});
  EXPECT_EQ(s.findClip(c)->duration, FrameCount{20});
  EXPECT_EQ(s.findTrack(f.v2)->clips.size(), 2u);
}

TEST(RazorTest, NothingToCutNamesTheTimecode) {
  EditFixture f;
  f.place(f.v1, f.video, 100, 40);
  auto cs = razor(f.project, f.seq, FramePos{100}, {});
  ASSERT_FALSE(cs.ok());
  EXPECT_EQ(cs.error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(cs.error().message, "nothing to cut at 00:00:04:04");
}

TEST(RazorTest, RazorDoesNotChangeAnyShownFrame) {
  EditFixture f;
  f.place(f.v1, f.video, 0, 100, 17);
  f.track(f.v1).clips[0].reverse = true;
  f.place(f.a1, f.wav, 0, 100, 4800);
  f.track(f.a1).clips[0].speed = time::Rational::make(3, 2).value();
  f.place(f.v2, f.video, 0, 100, 12);
  f.track(f.v2).clips[0].freeze = true;
  f.place(f.a2, f.video, 0, 100, 3);
  f.track(f.a2).clips[0].speed = time::Rational(2);
  f.track(f.a2).clips[0].reverse = true;
  for (std::int64_t at : {1, 33, 50, 94}) {
    auto cs = razor(f.project, f.seq, FramePos{at}, {});
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    model::Project after;
    ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
    for (model::TrackId t : {f.v1, f.a1, f.v2, f.a2}) {
      EXPECT_EQ(test::shownTicks(after, f.seq, t, 0, 110), test::shownTicks(f.project, f.seq, t, 0, 110))
          << "cut at " << at << " track " << t.value;
      EXPECT_EQ(after.findSequence(f.seq)->findTrack(t)->clips.size(), 2u);
    }
  }
}

TEST(RazorTest, ReversedClipLeftPartKeepsSourceEnd) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 100, 10);
  f.track(f.v1).clips[0].reverse = true;
  auto cs = razor(f.project, f.seq, FramePos{30}, {f.v1});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& clips = after.findSequence(f.seq)->findTrack(f.v1)->clips;
  EXPECT_EQ(clips[0].id, a);
  EXPECT_EQ(clips[0].sourceIn, 10 + 70);
  EXPECT_EQ(clips[1].sourceIn, 10);
  EXPECT_TRUE(clips[1].reverse);
}

TEST(RazorTest, SpeedAdvancesSourceBySpeedTimesFrames) {
  EditFixture f;
  f.place(f.v1, f.video, 0, 50, 0);
  f.track(f.v1).clips[0].speed = time::Rational(2);
  auto cs = razor(f.project, f.seq, FramePos{20}, {f.v1});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.v1)->clips[1].sourceIn, 40);
}

TEST(RazorTest, TransitionOnLeftClipMovesToRightPart) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 100, 0, "A");
  const ClipId b = f.place(f.v1, f.video, 100, 100, 120, "B");
  const ClipId c = f.place(f.v1, f.video, 200, 20, 30, "C");
  model::Transition ab{model::TransitionId{f.project.nextId++}, f.v1, a, b, model::TransitionKind::CrossDissolve,
                       FrameCount{10}, model::TransitionAlign::CenterOnCut};
  model::Transition bc{model::TransitionId{f.project.nextId++}, f.v1, b, c, model::TransitionKind::CrossDissolve,
                       FrameCount{4}, model::TransitionAlign::CenterOnCut};
  f.sequence().transitions = {ab, bc};
  ASSERT_TRUE(model::validate(f.project).ok());
  auto cs = razor(f.project, f.seq, FramePos{150}, {f.v1});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  const ClipId right = s.findTrack(f.v1)->clips[2].id;
  EXPECT_EQ(s.findTransition(ab.id)->left, a);
  EXPECT_EQ(s.findTransition(ab.id)->right, b);
  EXPECT_EQ(s.findTransition(bc.id)->left, right);
  EXPECT_EQ(s.findTransition(bc.id)->right, c);
}

TEST(RazorTest, CutInsideTransitionIsConflict) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 100, 0, "A");
  const ClipId b = f.place(f.v1, f.video, 100, 100, 120, "B");
  f.sequence().transitions.push_back({model::TransitionId{f.project.nextId++}, f.v1, a, b,
                                      model::TransitionKind::CrossDissolve, FrameCount{10},
                                      model::TransitionAlign::CenterOnCut});
  for (std::int64_t at : {96, 103}) {
    auto cs = razor(f.project, f.seq, FramePos{at}, {});
    ASSERT_FALSE(cs.ok()) << at;
    EXPECT_EQ(cs.error().code, ErrorCode::Conflict);
    EXPECT_NE(cs.error().message.find("transition"), std::string::npos);
  }
  EXPECT_TRUE(razor(f.project, f.seq, FramePos{95}, {}).ok());
  EXPECT_TRUE(razor(f.project, f.seq, FramePos{105}, {}).ok());
}

TEST(RazorTest, LinkedRightPartsShareANewGroup) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 100);
  const ClipId a = f.place(f.a1, f.video, 0, 100);
  f.track(f.v1).clips[0].linkGroup = 77;
  f.track(f.a1).clips[0].linkGroup = 77;
  f.project.nextId = std::max<std::uint64_t>(f.project.nextId, 78);
  auto cs = razor(f.project, f.seq, FramePos{60}, {});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  const model::Clip& vr = s.findTrack(f.v1)->clips[1];
  const model::Clip& ar = s.findTrack(f.a1)->clips[1];
  EXPECT_EQ(s.findClip(v)->linkGroup, 77u);
  EXPECT_EQ(s.findClip(a)->linkGroup, 77u);
  EXPECT_NE(vr.linkGroup, 0u);
  EXPECT_NE(vr.linkGroup, 77u);
  EXPECT_EQ(vr.linkGroup, ar.linkGroup);
  EXPECT_GE(vr.linkGroup, f.project.nextId);
}

TEST(RazorTest, LoneRightPartIsUnlinked) {
  EditFixture f;
  f.place(f.v1, f.video, 0, 100);
  f.place(f.a1, f.video, 0, 100);
  f.track(f.v1).clips[0].linkGroup = 3;
  f.track(f.a1).clips[0].linkGroup = 3;
  auto cs = razor(f.project, f.seq, FramePos{60}, {f.v1});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.v1)->clips[1].linkGroup, 0u);
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.a1)->clips.size(), 1u);
}

TEST(RazorTest, LockedTracksAreSkippedOrRefused) {
  EditFixture f;
  f.place(f.v1, f.video, 0, 100);
  f.place(f.v2, f.video, 0, 100);
  f.track(f.v2).locked = true;
  auto all = razor(f.project, f.seq, FramePos{50}, {});
  ASSERT_TRUE(all.ok()) << all.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *all, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.v2)->clips.size(), 1u);
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.v1)->clips.size(), 2u);
  auto named = razor(f.project, f.seq, FramePos{50}, {f.v2});
  ASSERT_FALSE(named.ok());
  EXPECT_EQ(named.error().code, ErrorCode::Conflict);
  EXPECT_NE(named.error().message.find("V2"), std::string::npos);
  EXPECT_EQ(razor(f.project, f.seq, FramePos{50}, {model::TrackId{999}}).error().code, ErrorCode::NotFound);
}

TEST(RazorTest, SplitClipRejectsPositionOutsideClip) {
  EditFixture f;
  f.place(f.v1, f.video, 10, 20, 0, "A");
  auto ref = resolveSequence(f.project, f.seq);
  ASSERT_TRUE(ref.ok());
  const model::Clip& c = f.track(f.v1).clips[0];
  EXPECT_FALSE(splitClip(*ref, c, FramePos{10}, ClipId{500}).ok());
  EXPECT_FALSE(splitClip(*ref, c, FramePos{30}, ClipId{500}).ok());
  EXPECT_TRUE(splitClip(*ref, c, FramePos{29}, ClipId{500}).ok());
}

TEST(RazorTest, RazorInTenThousandLinkedClips) {
  EditFixture f;
  for (int i = 0; i < 10000; ++i) {
    f.place(f.v1, f.video, i * 10, 10);
    f.place(f.a1, f.video, i * 10, 10);
    f.track(f.v1).clips.back().linkGroup = f.track(f.a1).clips.back().linkGroup = 100000 + i;
  }
  Result<ChangeSet> cs = invalid("not run");
  cs = razor(f.project, f.seq, FramePos{50005}, {});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_EQ(cs->changes.size(), 5u);  // ids, two updates, two added right parts
}

}  // namespace
}  // namespace postline::edit
