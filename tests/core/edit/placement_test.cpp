#include "core/edit/placement.h"

#include <gtest/gtest.h>


#include "core/model/transition.h"
#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using model::ClipId;
using test::appliesAndUndoes;
using test::EditFixture;
using time::FrameCount;
using time::FramePos;

// Runs `edit` on the fixture's project and checks the project did not change.
template <class F>
Result<ChangeSet> pure(EditFixture& f, F edit) {
  const model::Project before = f.project;
  Result<ChangeSet> r = edit(f.project);
  EXPECT_EQ(f.project, before);
  return r;
}

TEST(PlacementTest, AppendToEmptyTrackStartsAtZero) {
  EditFixture f;
  auto cs = pure(f, [&](const model::Project& p) { return append(p, f.seq, f.v1, {f.video, 24, 72}); });
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& clips = after.findSequence(f.seq)->findTrack(f.v1)->clips;
  ASSERT_EQ(clips.size(), 1u);
  EXPECT_EQ(clips[0].start, FramePos{0});
  EXPECT_EQ(clips[0].duration, FrameCount{48});
  EXPECT_EQ(clips[0].sourceIn, 24);
  EXPECT_EQ(clips[0].name, "Shot_01_Take_01.mov");
  EXPECT_EQ(clips[0].linkGroup, 0u);
  EXPECT_EQ(clips[0].id.value, f.project.nextId);
}

TEST(PlacementTest, AppendGoesAfterLastClip) {
  EditFixture f;
  f.place(f.v1, f.video, 10, 40);
  auto cs = append(f.project, f.seq, f.v1, {f.video, 0, 24});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& clips = after.findSequence(f.seq)->findTrack(f.v1)->clips;
  ASSERT_EQ(clips.size(), 2u);
  EXPECT_EQ(clips[1].start, FramePos{50});
  EXPECT_EQ(clips[1].duration, FrameCount{24});
}

TEST(PlacementTest, AppendWithLinkedAudioPlacesBothLinked) {
  EditFixture f;
  auto cs = append(f.project, f.seq, f.v1, {f.video, 0, 48}, f.a1);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  ASSERT_EQ(s.findTrack(f.v1)->clips.size(), 1u);
  ASSERT_EQ(s.findTrack(f.a1)->clips.size(), 1u);
  const model::Clip& v = s.findTrack(f.v1)->clips[0];
  const model::Clip& a = s.findTrack(f.a1)->clips[0];
  EXPECT_NE(v.id, a.id);
  EXPECT_NE(v.linkGroup, 0u);
  EXPECT_EQ(v.linkGroup, a.linkGroup);
  EXPECT_EQ(a.start, v.start);
  EXPECT_EQ(a.duration, v.duration);
  EXPECT_EQ(a.sourceIn, v.sourceIn);
  EXPECT_EQ(after.nextId, f.project.nextId + 3);
}

TEST(PlacementTest, LinkedAudioSkippedForMediaWithoutAudio) {
  EditFixture f;
  auto cs = append(f.project, f.seq, f.v1, {f.still, 0, 0}, f.a1);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_TRUE(after.findSequence(f.seq)->findTrack(f.a1)->clips.empty());
  const model::Clip& c = after.findSequence(f.seq)->findTrack(f.v1)->clips.at(0);
  EXPECT_EQ(c.duration, FrameCount{5 * 24});  // the default still length
  EXPECT_EQ(c.linkGroup, 0u);
}

TEST(PlacementTest, AppendLinkedAudioOverlapIsConflict) {
  EditFixture f;
  f.place(f.a1, f.wav, 0, 100, 0, "music");
  auto cs = pure(f, [&](const model::Project& p) { return append(p, f.seq, f.v1, {f.video, 0, 48}, f.a1); });
  ASSERT_FALSE(cs.ok());
  EXPECT_EQ(cs.error().code, ErrorCode::Conflict);
  EXPECT_NE(cs.error().message.find("'music'"), std::string::npos) << cs.error().message;
  EXPECT_NE(cs.error().message.find("A1"), std::string::npos) << cs.error().message;
}

TEST(PlacementTest, AudioOnlyDurationUsesItsTimeBase) {
  EditFixture f;
  auto cs = append(f.project, f.seq, f.a2, {f.wav, 48000, 48000 + 96000});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Clip& c = after.findSequence(f.seq)->findTrack(f.a2)->clips.at(0);
  EXPECT_EQ(c.duration, FrameCount{48});
  EXPECT_EQ(c.sourceIn, 48000);
}

TEST(PlacementTest, SpanNeverReadsPastTheMediaEnd) {
  EditFixture f;
  // 1999 ticks at 1/48000 is 0.9995 frame: rounds to 1 frame, and 1 frame (2000 ticks) would pass the end.
  model::MediaItem short_ = *f.project.findMedia(f.wav);
  short_.info.duration = 2000 * 10 - 1;
  short_.path = "/media/short.wav";
  const model::MediaId id = f.addMedia(short_);
  auto cs = append(f.project, f.seq, f.a1, {id, 0, 2000 * 10 - 1});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.a1)->clips.at(0).duration, FrameCount{9});
}

TEST(PlacementTest, InvalidRequestsAreClearErrors) {
  EditFixture f;
  auto code = [&](Result<ChangeSet> r) { return r.ok() ? std::string("ok") : base::errorCodeName(r.error().code); };
  const model::Project before = f.project;
  EXPECT_EQ(code(append(f.project, f.seq, f.v1, {model::MediaId{999}, 0, 10})), "not_found");
  EXPECT_EQ(code(append(f.project, f.seq, model::TrackId{999}, {f.video, 0, 10})), "not_found");
  EXPECT_EQ(code(append(f.project, model::SequenceId{999}, f.v1, {f.video, 0, 10})), "not_found");
  EXPECT_EQ(code(append(f.project, f.seq, f.v1, {f.video, 200, 300})), "out_of_range");
  EXPECT_EQ(code(append(f.project, f.seq, f.v1, {f.video, -5, 10})), "out_of_range");
  EXPECT_EQ(code(append(f.project, f.seq, f.v1, {f.video, 10, 10})), "invalid_argument");
  EXPECT_EQ(code(append(f.project, f.seq, f.v1, {f.wav, 0, 48000})), "invalid_argument");  // no video
  EXPECT_EQ(code(append(f.project, f.seq, f.v1, {f.video, 0, 10}, f.v2)), "invalid_argument");
  EXPECT_EQ(code(insert(f.project, f.seq, f.v1, FramePos{-1}, {f.video, 0, 10})), "out_of_range");
  f.track(f.v1).locked = true;
  auto locked = overwrite(f.project, f.seq, f.v1, FramePos{0}, {f.video, 0, 10});
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::Conflict);
  EXPECT_NE(locked.error().message.find("V1"), std::string::npos);
  f.track(f.v1).locked = false;
  EXPECT_EQ(f.project, before);
  auto outside = append(f.project, f.seq, f.v1, {f.video, 200, 300});
  EXPECT_NE(outside.error().message.find("Shot_01_Take_01.mov"), std::string::npos) << outside.error().message;
}

TEST(PlacementTest, InsertSplitsClipUnderAndRipples) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 100, 10, "A");
  const ClipId b = f.place(f.v1, f.video, 100, 50, 0, "B");
  const ClipId other = f.place(f.v2, f.video, 60, 20, 0, "other");
  auto cs = pure(f, [&](const model::Project& p) { return insert(p, f.seq, f.v1, FramePos{40}, {f.video, 0, 48}); });
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  const auto& clips = s.findTrack(f.v1)->clips;
  ASSERT_EQ(clips.size(), 4u);
  EXPECT_EQ(clips[0].id, a);
  EXPECT_EQ(clips[0].record(), (time::FrameRange{FramePos{0}, FramePos{40}}));
  EXPECT_EQ(clips[0].sourceIn, 10);
  EXPECT_EQ(clips[1].record(), (time::FrameRange{FramePos{40}, FramePos{88}}));
  EXPECT_EQ(clips[1].sourceIn, 0);
  EXPECT_EQ(clips[2].record(), (time::FrameRange{FramePos{88}, FramePos{148}}));
  EXPECT_EQ(clips[2].sourceIn, 50);
  EXPECT_EQ(clips[2].name, "A");
  EXPECT_NE(clips[2].id, a);
  EXPECT_EQ(clips[3].id, b);
  EXPECT_EQ(clips[3].start, FramePos{148});
  EXPECT_EQ(s.findClip(other)->start, FramePos{60});  // other tracks do not move
}

TEST(PlacementTest, InsertKeepsShownFramesOfReversedClip) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 10, 100, 30, "rev");
  f.track(f.v1).clips[0].reverse = true;
  f.place(f.v1, f.video, 120, 30, 0);
  const auto before = test::shownTicks(f.project, f.seq, f.v1, 0, 160);
  auto cs = insert(f.project, f.seq, f.v1, FramePos{47}, {f.video, 0, 24});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto shown = test::shownTicks(after, f.seq, f.v1, 0, 160 + 24);
  for (int x = 0; x < 47; ++x) EXPECT_EQ(shown[x], before[x]) << "frame " << x;
  for (int x = 47; x < 160; ++x) EXPECT_EQ(shown[x + 24], before[x]) << "frame " << x;
  EXPECT_EQ(shown[47], 0);  // the inserted clip
  const model::Clip* left = after.findSequence(f.seq)->findClip(a);
  EXPECT_EQ(left->sourceIn, 30 + 63);  // the left part keeps the end of the source range
}

TEST(PlacementTest, InsertWithLinkedAudioRipplesBothTracks) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 50);
  const ClipId a = f.place(f.a1, f.wav, 20, 50);
  const ClipId a2 = f.place(f.a2, f.wav, 20, 50);
  auto cs = insert(f.project, f.seq, f.v1, FramePos{0}, {f.video, 0, 24}, f.a1);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(v)->start, FramePos{24});
  EXPECT_EQ(s.findClip(a)->start, FramePos{44});
  EXPECT_EQ(s.findClip(a2)->start, FramePos{20});
  EXPECT_EQ(s.findTrack(f.a1)->clips.front().start, FramePos{0});
  EXPECT_EQ(s.findTrack(f.a1)->clips.front().linkGroup, s.findTrack(f.v1)->clips.front().linkGroup);
}

// A with B on a cut at 100 and a 10-frame centred dissolve between them.
model::TransitionId addCutWithDissolve(EditFixture& f, ClipId& a, ClipId& b) {
  a = f.place(f.v1, f.video, 0, 100, 0, "A");
  b = f.place(f.v1, f.video, 100, 100, 120, "B");
  model::Transition t;
  t.id = model::TransitionId{f.project.nextId++};
  t.track = f.v1;
  t.left = a;
  t.right = b;
  t.duration = FrameCount{10};
  f.sequence().transitions.push_back(t);
  EXPECT_TRUE(model::validate(f.project).ok());
  return t.id;
}

TEST(PlacementTest, InsertAtCutRemovesItsTransition) {
  EditFixture f;
  ClipId a, b;
  addCutWithDissolve(f, a, b);
  auto cs = insert(f.project, f.seq, f.v1, FramePos{100}, {f.video, 0, 24});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_TRUE(after.findSequence(f.seq)->transitions.empty());
}

TEST(PlacementTest, InsertSplittingLeftClipMovesTransitionToRightPart) {
  EditFixture f;
  ClipId a, b;
  const model::TransitionId t = addCutWithDissolve(f, a, b);
  auto cs = insert(f.project, f.seq, f.v1, FramePos{50}, {f.video, 0, 24});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  const model::Transition* moved = s.findTransition(t);
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->right, b);
  EXPECT_EQ(s.findClip(moved->left)->start, FramePos{74});
  EXPECT_NE(moved->left, a);
}

TEST(PlacementTest, InsertInsideTransitionIsConflict) {
  EditFixture f;
  ClipId a, b;
  addCutWithDissolve(f, a, b);
  auto cs = insert(f.project, f.seq, f.v1, FramePos{97}, {f.video, 0, 24});
  ASSERT_FALSE(cs.ok());
  EXPECT_EQ(cs.error().code, ErrorCode::Conflict);
}

TEST(PlacementTest, OverwriteInsideClipSplitsIt) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 100, 0, "A");
  auto cs = pure(f, [&](const model::Project& p) { return overwrite(p, f.seq, f.v1, FramePos{30}, {f.video, 200, 220}); });
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& clips = after.findSequence(f.seq)->findTrack(f.v1)->clips;
  ASSERT_EQ(clips.size(), 3u);
  EXPECT_EQ(clips[0].id, a);
  EXPECT_EQ(clips[0].record(), (time::FrameRange{FramePos{0}, FramePos{30}}));
  EXPECT_EQ(clips[1].record(), (time::FrameRange{FramePos{30}, FramePos{50}}));
  EXPECT_EQ(clips[1].sourceIn, 200);
  EXPECT_EQ(clips[2].record(), (time::FrameRange{FramePos{50}, FramePos{100}}));
  EXPECT_EQ(clips[2].sourceIn, 50);
  EXPECT_NE(clips[2].id, a);
}

TEST(PlacementTest, OverwriteAcrossClipsTrimsRemovesAndDropsTransitions) {
  EditFixture f;
  const ClipId a = f.place(f.v1, f.video, 0, 50, 0, "A");
  const ClipId b = f.place(f.v1, f.video, 50, 50, 50, "B");
  const ClipId c = f.place(f.v1, f.video, 100, 50, 100, "C");
  model::Transition t{model::TransitionId{f.project.nextId++}, f.v1, a, b, model::TransitionKind::CrossDissolve,
                      FrameCount{4}, model::TransitionAlign::CenterOnCut};
  f.sequence().transitions.push_back(t);
  auto cs = overwrite(f.project, f.seq, f.v1, FramePos{40}, {f.video, 0, 80});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(a)->record(), (time::FrameRange{FramePos{0}, FramePos{40}}));
  EXPECT_EQ(s.findClip(b), nullptr);
  EXPECT_EQ(s.findClip(c)->record(), (time::FrameRange{FramePos{120}, FramePos{150}}));
  EXPECT_EQ(s.findClip(c)->sourceIn, 120);
  EXPECT_TRUE(s.transitions.empty());
  EXPECT_EQ(s.findTrack(f.v1)->clips.size(), 3u);
}

TEST(PlacementTest, OverwriteKeepsShownFramesOutsideTheRange) {
  EditFixture f;
  f.place(f.v1, f.video, 0, 100, 40);
  f.track(f.v1).clips[0].reverse = true;
  const auto before = test::shownTicks(f.project, f.seq, f.v1, 0, 100);
  auto cs = overwrite(f.project, f.seq, f.v1, FramePos{20}, {f.video, 0, 10});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto shown = test::shownTicks(after, f.seq, f.v1, 0, 100);
  for (int x = 0; x < 100; ++x) {
    const std::int64_t expected = x >= 20 && x < 30 ? x - 20 : before[x];
    EXPECT_EQ(shown[x], expected) << "frame " << x;
  }
}

TEST(PlacementTest, InsertIntoLinkedPairRelinksRightParts) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 100);
  const ClipId a = f.place(f.a1, f.video, 0, 100);
  f.track(f.v1).clips[0].linkGroup = 6;
  f.track(f.a1).clips[0].linkGroup = 6;
  auto cs = insert(f.project, f.seq, f.v1, FramePos{30}, {f.video, 0, 10}, f.a1);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  const auto& vc = s.findTrack(f.v1)->clips;
  const auto& ac = s.findTrack(f.a1)->clips;
  ASSERT_EQ(vc.size(), 3u);
  ASSERT_EQ(ac.size(), 3u);
  EXPECT_EQ(s.findClip(v)->linkGroup, 6u);
  EXPECT_EQ(s.findClip(a)->linkGroup, 6u);
  for (std::size_t i = 1; i < 3; ++i) {
    EXPECT_EQ(vc[i].start, ac[i].start);
    EXPECT_EQ(vc[i].linkGroup, ac[i].linkGroup);
    EXPECT_NE(vc[i].linkGroup, 0u);
    EXPECT_NE(vc[i].linkGroup, 6u);
  }
  EXPECT_NE(vc[1].linkGroup, vc[2].linkGroup);
  EXPECT_EQ(vc[2].record(), (time::FrameRange{FramePos{40}, FramePos{110}}));
}

TEST(PlacementTest, OverwriteWithLinkedAudioClearsBothTracks) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 100);
  const ClipId w = f.place(f.a1, f.wav, 20, 20);
  auto cs = overwrite(f.project, f.seq, f.v1, FramePos{10}, {f.video, 0, 48}, f.a1);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  EXPECT_EQ(s.findClip(v)->duration, FrameCount{10});
  EXPECT_EQ(s.findClip(w), nullptr);
  ASSERT_EQ(s.findTrack(f.a1)->clips.size(), 1u);
  EXPECT_EQ(s.findTrack(f.a1)->clips[0].record(), (time::FrameRange{FramePos{10}, FramePos{58}}));
  EXPECT_EQ(s.findTrack(f.v1)->clips.size(), 3u);
}

TEST(PlacementTest, InsertIntoTenThousandClipsIsOneSmallChangeSet) {
  EditFixture f;
  auto& clips = f.track(f.v1).clips;
  for (int i = 0; i < 10000; ++i) f.place(f.v1, f.video, i * 10, 10, 0);
  ASSERT_EQ(clips.size(), 10000u);
  auto cs = insert(f.project, f.seq, f.v1, FramePos{50005}, {f.video, 0, 24});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_LE(cs->changes.size(), 6u);
}

}  // namespace
}  // namespace postline::edit
