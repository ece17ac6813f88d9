#include "core/edit/tracks.h"

#include <gtest/gtest.h>

#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using test::appliesAndUndoes;
using test::EditFixture;

const model::Track& trackOf(const model::Project& p, model::SequenceId seq, model::TrackId id) {
  return *p.findSequence(seq)->findTrack(id);
}

TEST(TracksTest, MuteSoloLockSetOneFlagAndUndo) {
  EditFixture f;
  f.place(f.a1, f.wav, 0, 24);
  model::Project after;
  auto mute = setTrackFlag(f.project, f.seq, f.a1, TrackFlag::Mute, true);
  ASSERT_TRUE(mute.ok()) << mute.error().message;
  ASSERT_TRUE(appliesAndUndoes(f.project, *mute, &after));
  EXPECT_TRUE(trackOf(after, f.seq, f.a1).muted);
  EXPECT_FALSE(trackOf(after, f.seq, f.a1).solo);
  EXPECT_EQ(trackOf(after, f.seq, f.a1).clips.size(), 1u);  // clips untouched

  auto solo = setTrackFlag(f.project, f.seq, f.a1, TrackFlag::Solo, true);
  ASSERT_TRUE(solo.ok());
  ASSERT_TRUE(appliesAndUndoes(f.project, *solo, &after));
  EXPECT_TRUE(trackOf(after, f.seq, f.a1).solo);
  EXPECT_FALSE(trackOf(after, f.seq, f.a1).muted);

  auto lock = setTrackFlag(f.project, f.seq, f.v1, TrackFlag::Lock, true);
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE(appliesAndUndoes(f.project, *lock, &after));
  EXPECT_TRUE(trackOf(after, f.seq, f.v1).locked);
}

TEST(TracksTest, LockedTrackCanBeUnlockedAndUnchangedFlagIsEmpty) {
  EditFixture f;
  f.track(f.v1).locked = true;
  auto unlock = setTrackFlag(f.project, f.seq, f.v1, TrackFlag::Lock, false);
  ASSERT_TRUE(unlock.ok()) << unlock.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *unlock, &after));
  EXPECT_FALSE(trackOf(after, f.seq, f.v1).locked);
  auto same = setTrackFlag(f.project, f.seq, f.v1, TrackFlag::Lock, true);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
}

TEST(TracksTest, SoloOnVideoAndUnknownTrackAreErrors) {
  EditFixture f;
  auto solo = setTrackFlag(f.project, f.seq, f.v1, TrackFlag::Solo, true);
  ASSERT_FALSE(solo.ok());
  EXPECT_EQ(solo.error().code, ErrorCode::InvalidArgument);
  auto unknown = setTrackFlag(f.project, f.seq, model::TrackId{999999}, TrackFlag::Mute, true);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
}

TEST(TracksTest, AddVideoTrackGoesAboveTheHighestVideoTrack) {
  EditFixture f;  // V1, V2 (fixture), A1..A5
  const model::Sequence& s = *f.project.findSequence(f.seq);
  const std::size_t videoCount = 2;
  auto add = addTrack(f.project, f.seq, model::TrackKind::Video);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &after));
  const model::Sequence& a = *after.findSequence(f.seq);
  ASSERT_EQ(a.tracks.size(), s.tracks.size() + 1);
  EXPECT_EQ(a.tracks[videoCount].kind, model::TrackKind::Video);
  EXPECT_EQ(a.tracks[videoCount].name, "V3");
  EXPECT_EQ(a.tracks[videoCount].role, model::AudioRole::None);
  EXPECT_EQ(a.tracks[videoCount + 1].kind, model::TrackKind::Audio);
  EXPECT_EQ(a.tracks[videoCount].id.value, f.project.nextId);
  EXPECT_EQ(after.nextId, f.project.nextId + 1);
}

TEST(TracksTest, AddAudioTrackWithRoleGoesLastAndNamesAreFree) {
  EditFixture f;
  auto add = addTrack(f.project, f.seq, model::TrackKind::Audio, model::AudioRole::Music);
  ASSERT_TRUE(add.ok());
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &after));
  const model::Track& t = after.findSequence(f.seq)->tracks.back();
  EXPECT_EQ(t.kind, model::TrackKind::Audio);
  EXPECT_EQ(t.role, model::AudioRole::Music);
  EXPECT_EQ(t.name, "A6");
  // A name already taken is skipped.
  f.track(f.a1).name = "A6";
  auto again = addTrack(f.project, f.seq, model::TrackKind::Audio, model::AudioRole::Sfx);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(appliesAndUndoes(f.project, *again, &after));
  EXPECT_EQ(after.findSequence(f.seq)->tracks.back().name, "A7");
  auto named = addTrack(f.project, f.seq, model::TrackKind::Audio, model::AudioRole::Sfx, "  Crowd ");
  ASSERT_TRUE(named.ok());
  ASSERT_TRUE(appliesAndUndoes(f.project, *named, &after));
  EXPECT_EQ(after.findSequence(f.seq)->tracks.back().name, "Crowd");
}

TEST(TracksTest, RenameTrimsAndRefusesEmpty) {
  EditFixture f;
  auto r = renameTrack(f.project, f.seq, f.a1, " Dialogue Main ");
  ASSERT_TRUE(r.ok());
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *r, &after));
  EXPECT_EQ(trackOf(after, f.seq, f.a1).name, "Dialogue Main");
  auto empty = renameTrack(f.project, f.seq, f.a1, "   ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::InvalidArgument);
  auto same = renameTrack(f.project, f.seq, f.a1, trackOf(f.project, f.seq, f.a1).name);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
}

}  // namespace
}  // namespace postline::edit
