#include "core/edit/removal.h"

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

TEST(RemovalTest, LiftRemovesClipAndLinkedPartnerLeavingGap) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 50);
  const ClipId v = f.place(f.v1, f.video, 50, 50);
  const ClipId s = f.place(f.a1, f.video, 50, 50);
  const ClipId c = f.place(f.v1, f.video, 100, 50);
  f.track(f.v1).clips[1].linkGroup = 9;
  f.track(f.a1).clips[0].linkGroup = 9;
  const model::Project before = f.project;
  auto cs = lift(f.project, f.seq, {v});
  EXPECT_EQ(f.project, before);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& sq = *after.findSequence(f.seq);
  EXPECT_EQ(sq.findClip(v), nullptr);
  EXPECT_EQ(sq.findClip(s), nullptr);
  EXPECT_EQ(sq.findClip(a)->start, FramePos{0});
  EXPECT_EQ(sq.findClip(c)->start, FramePos{100});
}

TEST(RemovalTest, LiftRemovesTransitionsTouchingRemovedClips) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 50, 0);
  const ClipId b = f.place(f.v1, f.video, 50, 50, 60);
  const ClipId c = f.place(f.v1, f.video, 100, 50, 120);
  const ClipId d = f.place(f.v1, f.video, 150, 50, 180);
  auto dissolve = [&](ClipId l, ClipId r) {
    return model::Transition{model::TransitionId{f.project.nextId++}, f.v1, l, r,
                             model::TransitionKind::CrossDissolve, FrameCount{4}, model::TransitionAlign::CenterOnCut};
  };
  const model::Transition ab = dissolve(a, b), bc = dissolve(b, c), cd = dissolve(c, d);
  f.sequence().transitions = {ab, bc, cd};
  ASSERT_TRUE(model::validate(f.project).ok());
  auto cs = lift(f.project, f.seq, {b});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& ts = after.findSequence(f.seq)->transitions;
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0], cd);
}

TEST(RemovalTest, RippleDeleteClosesGap) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 10);
  const ClipId b = f.place(f.v1, f.video, 10, 20);
  const ClipId c = f.place(f.v1, f.video, 30, 10);
  const ClipId other = f.place(f.v2, f.video, 40, 10);
  auto cs = rippleDelete(f.project, f.seq, {b});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(a)->start, FramePos{0});
  EXPECT_EQ(s.findClip(b), nullptr);
  EXPECT_EQ(s.findClip(c)->start, FramePos{10});
  EXPECT_EQ(s.findClip(other)->start, FramePos{40});
}

TEST(RemovalTest, RippleDeleteSeveralClipsOnOneTrack) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 10);
  const ClipId b = f.place(f.v1, f.video, 10, 20);
  const ClipId c = f.place(f.v1, f.video, 30, 10);
  const ClipId d = f.place(f.v1, f.video, 50, 10);
  const ClipId e = f.place(f.v1, f.video, 60, 20);
  const ClipId g = f.place(f.v1, f.video, 80, 5);
  auto cs = rippleDelete(f.project, f.seq, {d, b, g});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(a)->start, FramePos{0});
  EXPECT_EQ(s.findClip(c)->start, FramePos{10});
  EXPECT_EQ(s.findClip(e)->start, FramePos{30});  // 60 - 20 (b) - 10 (d); the gap before d stays
  EXPECT_EQ(s.findTrack(f.v1)->clips.size(), 3u);
}

TEST(RemovalTest, RippleDeleteLinkedClipsRipplesEachTrack) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 24);
  const ClipId a = f.place(f.a1, f.video, 0, 24);
  const ClipId v2 = f.place(f.v1, f.video, 24, 24);
  const ClipId a2 = f.place(f.a1, f.wav, 30, 24);
  f.track(f.v1).clips[0].linkGroup = 5;
  f.track(f.a1).clips[0].linkGroup = 5;
  auto cs = rippleDelete(f.project, f.seq, {a});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(v), nullptr);
  EXPECT_EQ(s.findClip(v2)->start, FramePos{0});
  EXPECT_EQ(s.findClip(a2)->start, FramePos{6});
}

TEST(RemovalTest, ErrorsLeaveNothingChanged) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 10);
  const ClipId p = f.place(f.a1, f.video, 0, 10);
  f.track(f.v1).clips[0].linkGroup = 4;
  f.track(f.a1).clips[0].linkGroup = 4;
  EXPECT_EQ(lift(f.project, f.seq, {ClipId{999}}).error().code, ErrorCode::NotFound);
  EXPECT_EQ(rippleDelete(f.project, f.seq, {}).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(lift(f.project, model::SequenceId{999}, {a}).error().code, ErrorCode::NotFound);
  f.track(f.a1).locked = true;  // the partner's track is locked
  auto r = rippleDelete(f.project, f.seq, {a});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Conflict);
  EXPECT_NE(r.error().message.find("A1"), std::string::npos);
  EXPECT_NE(f.sequence().findClip(p), nullptr);
}

TEST(RemovalTest, RippleDeleteInTenThousandClips) {
  EditFixture f;
  for (int i = 0; i < 10000; ++i) f.place(f.v1, f.video, i * 10, 10);
  const ClipId mid = f.track(f.v1).clips[5000].id;
  Result<ChangeSet> cs = invalid("not run");
  cs = rippleDelete(f.project, f.seq, {mid});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_EQ(cs->changes.size(), 2u);
}

}  // namespace
}  // namespace postline::edit
