#include "core/edit/move.h"

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

model::Transition dissolve(EditFixture& f, model::TrackId track, ClipId l, ClipId r) {
  model::Transition t{model::TransitionId{f.project.nextId++}, track, l, r, model::TransitionKind::CrossDissolve,
                      FrameCount{4}, model::TransitionAlign::CenterOnCut};
  f.sequence().transitions.push_back(t);
  return t;
}

TEST(MoveTest, MovesClipInTime) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 10);
  const ClipId b = f.place(f.v1, f.video, 20, 10);
  const model::Project before = f.project;
  auto cs = moveClips(f.project, f.seq, {a}, FrameCount{40});
  EXPECT_EQ(f.project, before);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(a)->start, FramePos{40});
  EXPECT_EQ(s.findClip(b)->start, FramePos{20});
  EXPECT_EQ(s.findTrack(f.v1)->clips[1].id, a);
}

TEST(MoveTest, AdjacentClipsMoveTogetherOverTheirOldPlaces) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 10);
  const ClipId b = f.place(f.v1, f.video, 10, 10);
  auto cs = moveClips(f.project, f.seq, {a, b}, FrameCount{5});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(a)->start, FramePos{5});
  EXPECT_EQ(after.findSequence(f.seq)->findClip(b)->start, FramePos{15});
}

TEST(MoveTest, OverlapAndNegativeStartAreConflicts) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 10, 0, "A");
  f.place(f.v1, f.video, 20, 10, 0, "B");
  f.place(f.v2, f.video, 0, 10, 0, "C");
  auto overlap = moveClips(f.project, f.seq, {a}, FrameCount{15});
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().code, ErrorCode::Conflict);
  EXPECT_NE(overlap.error().message.find("'A'"), std::string::npos);
  EXPECT_NE(overlap.error().message.find("'B'"), std::string::npos);
  EXPECT_EQ(moveClips(f.project, f.seq, {a}, FrameCount{-1}).error().code, ErrorCode::Conflict);
  EXPECT_EQ(moveClips(f.project, f.seq, {a}, FrameCount{0}, 1).error().code, ErrorCode::Conflict);
  EXPECT_TRUE(moveClips(f.project, f.seq, {a}, FrameCount{10}).ok());  // ends exactly where B starts
  EXPECT_EQ(moveClips(f.project, f.seq, {ClipId{999}}, FrameCount{1}).error().code, ErrorCode::NotFound);
}

TEST(MoveTest, LinkedPartnerMovesInTimeButKeepsTrack) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  const ClipId a = f.place(f.a1, f.video, 0, 10);
  f.track(f.v1).clips[0].linkGroup = 8;
  f.track(f.a1).clips[0].linkGroup = 8;
  auto cs = moveClips(f.project, f.seq, {v}, FrameCount{12}, 1);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.trackOfClip(v)->id, f.v2);
  EXPECT_EQ(s.findClip(v)->start, FramePos{12});
  EXPECT_EQ(s.trackOfClip(a)->id, f.a1);
  EXPECT_EQ(s.findClip(a)->start, FramePos{12});
  EXPECT_TRUE(s.findTrack(f.v1)->clips.empty());
}

TEST(MoveTest, TrackOffsetErrors) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  auto far = moveClips(f.project, f.seq, {v}, FrameCount{0}, 2);
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().code, ErrorCode::OutOfRange);
  EXPECT_NE(far.error().message.find("V1"), std::string::npos);
  EXPECT_EQ(moveClips(f.project, f.seq, {v}, FrameCount{0}, -1).error().code, ErrorCode::OutOfRange);
  f.track(f.v2).locked = true;
  EXPECT_EQ(moveClips(f.project, f.seq, {v}, FrameCount{0}, 1).error().code, ErrorCode::Conflict);
  f.track(f.v2).locked = false;
  f.track(f.v1).locked = true;
  EXPECT_EQ(moveClips(f.project, f.seq, {v}, FrameCount{3}).error().code, ErrorCode::Conflict);
}

TEST(MoveTest, ZeroMoveIsEmpty) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  auto cs = moveClips(f.project, f.seq, {v}, FrameCount{0});
  ASSERT_TRUE(cs.ok());
  EXPECT_TRUE(cs->empty());
}

TEST(MoveTest, TransitionsFollowOrAreRemoved) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 50, 0);
  const ClipId b = f.place(f.v1, f.video, 50, 50, 60);
  const ClipId c = f.place(f.v1, f.video, 100, 50, 120);
  const model::Transition ab = dissolve(f, f.v1, a, b);
  const model::Transition bc = dissolve(f, f.v1, b, c);
  ASSERT_TRUE(model::validate(f.project).ok());
  {  // moving a and b together keeps a-b; b-c loses its cut
    auto cs = moveClips(f.project, f.seq, {a, b}, FrameCount{0}, 1);
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    model::Project after;
    ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
    const auto& ts = after.findSequence(f.seq)->transitions;
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0].id, ab.id);
    EXPECT_EQ(ts[0].track, f.v2);
  }
  {  // moving c alone removes b-c only
    auto cs = moveClips(f.project, f.seq, {c}, FrameCount{10});
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    model::Project after;
    ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
    const auto& ts = after.findSequence(f.seq)->transitions;
    ASSERT_EQ(ts.size(), 1u);
    EXPECT_EQ(ts[0], ab);
  }
  (void)bc;
}

TEST(MoveTest, SnapTargetsAreSortedUniqueAndSkipExcluded) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 10);
  f.place(f.v1, f.video, 10, 10);
  f.place(f.v2, f.video, 5, 30);
  f.sequence().markers.push_back({model::MarkerId{f.project.nextId++}, FramePos{50}, FrameCount{5}, "m", "blue", ""});
  f.sequence().markers.push_back({model::MarkerId{f.project.nextId++}, FramePos{60}, FrameCount{0}, "n", "blue", ""});
  const auto targets = snapTargets(f.sequence(), FramePos{12}, {a});
  const std::vector<FramePos> expected{FramePos{5}, FramePos{10}, FramePos{12}, FramePos{20},
                                       FramePos{35}, FramePos{50}, FramePos{55}, FramePos{60}};
  EXPECT_EQ(targets, expected);
}

TEST(MoveTest, SnapPicksNearestWithinToleranceTiesEarlier) {
  const std::vector<FramePos> t{FramePos{10}, FramePos{20}, FramePos{30}};
  EXPECT_EQ(snap(FramePos{12}, t, FrameCount{3}), FramePos{10});
  EXPECT_EQ(snap(FramePos{15}, t, FrameCount{5}), FramePos{10});  // tie goes to the earlier
  EXPECT_EQ(snap(FramePos{16}, t, FrameCount{5}), FramePos{20});
  EXPECT_EQ(snap(FramePos{14}, t, FrameCount{3}), FramePos{14});  // nothing within tolerance
  EXPECT_EQ(snap(FramePos{33}, t, FrameCount{3}), FramePos{30});
  EXPECT_EQ(snap(FramePos{7}, t, FrameCount{3}), FramePos{10});
  EXPECT_EQ(snap(FramePos{7}, {}, FrameCount{3}), FramePos{7});
}

TEST(MoveTest, SnapMoveDeltaSnapsStartOrEndEdge) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 10);
  const ClipId p = f.place(f.a1, f.video, 0, 12);  // linked partner: the group spans [0, 12)
  f.track(f.v1).clips[0].linkGroup = 2;
  f.track(f.a1).clips[0].linkGroup = 2;
  f.place(f.v2, f.video, 100, 10);  // targets 100 and 110
  // Start edge: 0 + 97 = 97 is 3 from 100; end 12 + 97 = 109 is 1 from 110: the end wins.
  EXPECT_EQ(snapMoveDelta(f.sequence(), {a}, FrameCount{97}, FramePos{500}, FrameCount{4}), FrameCount{98});
  // Start 99 is 1 from 100, end 111 is 1 from 110: tie goes to the start edge.
  EXPECT_EQ(snapMoveDelta(f.sequence(), {a}, FrameCount{99}, FramePos{500}, FrameCount{4}), FrameCount{100});
  // Nothing near: unchanged. The playhead is a target.
  EXPECT_EQ(snapMoveDelta(f.sequence(), {a}, FrameCount{60}, FramePos{500}, FrameCount{4}), FrameCount{60});
  EXPECT_EQ(snapMoveDelta(f.sequence(), {a}, FrameCount{60}, FramePos{62}, FrameCount{4}), FrameCount{62});
  // The moving clips' own edges are not targets.
  EXPECT_EQ(snapMoveDelta(f.sequence(), {p}, FrameCount{2}, FramePos{500}, FrameCount{4}), FrameCount{2});
}

TEST(MoveTest, MoveInTenThousandClips) {
  EditFixture f;
  for (int i = 0; i < 10000; ++i) f.place(f.v1, f.video, i * 10, 5);
  const ClipId mid = f.track(f.v1).clips[5000].id;
  Result<ChangeSet> cs = invalid("not run");
  cs = moveClips(f.project, f.seq, {mid}, FrameCount{3});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_EQ(cs->changes.size(), 1u);
}

}  // namespace
}  // namespace postline::edit
