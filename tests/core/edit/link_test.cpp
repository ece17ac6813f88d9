#include "core/edit/link.h"

#include <gtest/gtest.h>

#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using model::ClipId;
using test::appliesAndUndoes;
using test::EditFixture;

std::uint64_t groupOf(const model::Project& p, model::SequenceId seq, ClipId id) {
  return p.findSequence(seq)->findClip(id)->linkGroup;
}

TEST(LinkTest, LinkSetsOneFreshGroup) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  const ClipId a = f.place(f.a1, f.wav, 0, 10);
  const model::Project before = f.project;
  auto cs = link(f.project, f.seq, {v, a});
  EXPECT_EQ(f.project, before);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(groupOf(after, f.seq, v), f.project.nextId);
  EXPECT_EQ(groupOf(after, f.seq, a), f.project.nextId);
  EXPECT_EQ(after.nextId, f.project.nextId + 1);
}

TEST(LinkTest, LinkNeedsTwoClips) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  EXPECT_EQ(link(f.project, f.seq, {v}).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(link(f.project, f.seq, {v, v}).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(link(f.project, f.seq, {v, ClipId{999}}).error().code, ErrorCode::NotFound);
}

TEST(LinkTest, RelinkingLeavesNoLonePartner) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  const ClipId a = f.place(f.a1, f.video, 0, 10);
  const ClipId w = f.place(f.a2, f.wav, 0, 10);
  f.track(f.v1).clips[0].linkGroup = 3;
  f.track(f.a1).clips[0].linkGroup = 3;
  auto cs = link(f.project, f.seq, {v, w});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(groupOf(after, f.seq, v), groupOf(after, f.seq, w));
  EXPECT_NE(groupOf(after, f.seq, v), 3u);
  EXPECT_EQ(groupOf(after, f.seq, a), 0u);
}

TEST(LinkTest, UnlinkOneOfPairClearsBoth) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  const ClipId a = f.place(f.a1, f.video, 0, 10);
  f.track(f.v1).clips[0].linkGroup = 3;
  f.track(f.a1).clips[0].linkGroup = 3;
  auto cs = unlink(f.project, f.seq, {v});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(groupOf(after, f.seq, v), 0u);
  EXPECT_EQ(groupOf(after, f.seq, a), 0u);
}

TEST(LinkTest, UnlinkOneOfThreeKeepsTheOtherTwo) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  const ClipId a = f.place(f.a1, f.video, 0, 10);
  const ClipId b = f.place(f.a2, f.video, 0, 10);
  for (model::TrackId t : {f.v1, f.a1, f.a2}) f.track(t).clips[0].linkGroup = 3;
  auto cs = unlink(f.project, f.seq, {b});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(groupOf(after, f.seq, v), 3u);
  EXPECT_EQ(groupOf(after, f.seq, a), 3u);
  EXPECT_EQ(groupOf(after, f.seq, b), 0u);
}

TEST(LinkTest, UnlinkErrors) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  const ClipId a = f.place(f.a1, f.video, 0, 10);
  EXPECT_EQ(unlink(f.project, f.seq, {v}).error().code, ErrorCode::InvalidArgument);
  f.track(f.v1).clips[0].linkGroup = 3;
  f.track(f.a1).clips[0].linkGroup = 3;
  f.track(f.a1).locked = true;
  auto r = unlink(f.project, f.seq, {v});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Conflict);
  (void)a;
}

TEST(LinkTest, WithLinkedPartnersFindsGroupMembers) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 10);
  const ClipId a = f.place(f.a1, f.video, 0, 10);
  f.place(f.a2, f.video, 0, 10);
  f.track(f.v1).clips[0].linkGroup = 3;
  f.track(f.a1).clips[0].linkGroup = 3;
  auto ref = resolveSequence(f.project, f.seq);
  ASSERT_TRUE(ref.ok());
  auto clips = withLinkedPartners(*ref, {a});
  ASSERT_TRUE(clips.ok());
  ASSERT_EQ(clips->size(), 2u);
  EXPECT_EQ((*clips)[0].clip->id, v);
  EXPECT_FALSE((*clips)[0].selected);
  EXPECT_EQ((*clips)[1].clip->id, a);
  EXPECT_TRUE((*clips)[1].selected);
}

}  // namespace
}  // namespace postline::edit
