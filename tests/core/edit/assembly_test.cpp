#include "core/edit/assembly.h"

#include <gtest/gtest.h>

#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using test::appliesAndUndoes;
using test::EditFixture;
using time::FrameCount;
using time::FramePos;

TEST(AssemblyTest, ChoosesTakesPerShotInShotOrder) {
  EditFixture f;
  const auto s2t1 = f.addVideoMedia("Shot_02_Take_01.mov", 48, 2, 1, 3);
  const auto s2t2 = f.addVideoMedia("Shot_02_Take_02.mov", 72, 2, 2, 3);
  const auto s1t5 = f.addVideoMedia("Shot_01_Take_05.mov", 24, 1, 5, 1);
  const auto s1t2 = f.addVideoMedia("Shot_01_Take_02.mov", 36, 1, 2, 4);
  const auto x = f.addVideoMedia("broll.mov", 12);
  const std::vector<model::MediaId> takes{x, s2t1, s1t5, f.wav, s2t2, s1t2, f.still};
  const model::Project before = f.project;
  auto cs = assemblyEdit(f.project, f.seq, takes, f.v1, f.a1);
  EXPECT_EQ(f.project, before);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  const auto& v = s.findTrack(f.v1)->clips;
  const auto& a = s.findTrack(f.a1)->clips;
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].name, "Shot_01_Take_02.mov");
  EXPECT_EQ(v[0].record(), (time::FrameRange{FramePos{0}, FramePos{36}}));
  EXPECT_EQ(v[1].name, "Shot_02_Take_02.mov");
  EXPECT_EQ(v[1].record(), (time::FrameRange{FramePos{36}, FramePos{108}}));
  EXPECT_EQ(v[2].name, "broll.mov");
  EXPECT_EQ(v[2].start, FramePos{108});
  // the wav (audio only) sits on A1 between broll and the still
  EXPECT_EQ(v[3].name, "logo.png");
  EXPECT_EQ(v[3].start, FramePos{120 + 240});
  EXPECT_EQ(v[3].duration, FrameCount{120});
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[3].name, "music.wav");
  EXPECT_EQ(a[3].record(), (time::FrameRange{FramePos{120}, FramePos{360}}));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(a[i].start, v[i].start);
    EXPECT_NE(a[i].linkGroup, 0u);
    EXPECT_EQ(a[i].linkGroup, v[i].linkGroup);
    EXPECT_EQ(v[i].sourceIn, 0);
  }
  EXPECT_NE(a[0].linkGroup, a[1].linkGroup);
  EXPECT_EQ(a[3].linkGroup, 0u);
}

TEST(AssemblyTest, RatingTieGoesToHigherTake) {
  EditFixture f;
  const auto t3 = f.addVideoMedia("Shot_04_Take_03.mov", 10, 4, 3, 2);
  const auto t7 = f.addVideoMedia("Shot_04_Take_07.mov", 10, 4, 7, 2);
  const auto t1 = f.addVideoMedia("Shot_04_Take_01.mov", 10, 4, 1, 2);
  auto chosen = chooseTakes(f.project, {t3, t7, t1});
  ASSERT_TRUE(chosen.ok());
  ASSERT_EQ(chosen->size(), 1u);
  EXPECT_EQ((*chosen)[0]->id, t7);
}

TEST(AssemblyTest, StartsAfterExistingContentWithoutAudioTrack) {
  EditFixture f;
  f.place(f.v1, f.video, 0, 30);
  f.place(f.a1, f.wav, 0, 50);  // ignored: no audio track given
  auto cs = assemblyEdit(f.project, f.seq, {f.video}, f.v1, model::TrackId{});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& v = after.findSequence(f.seq)->findTrack(f.v1)->clips;
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1].start, FramePos{30});
  EXPECT_EQ(v[1].duration, FrameCount{240});
  EXPECT_EQ(v[1].linkGroup, 0u);
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.a1)->clips.size(), 1u);
}

TEST(AssemblyTest, Errors) {
  EditFixture f;
  EXPECT_EQ(assemblyEdit(f.project, f.seq, {}, f.v1, f.a1).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(assemblyEdit(f.project, f.seq, {model::MediaId{999}}, f.v1, f.a1).error().code, ErrorCode::NotFound);
  EXPECT_EQ(assemblyEdit(f.project, f.seq, {f.wav}, f.v1, {}).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(assemblyEdit(f.project, f.seq, {f.video}, f.a1, f.a2).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(assemblyEdit(f.project, f.seq, {f.video}, f.v1, f.v2).error().code, ErrorCode::InvalidArgument);
  f.track(f.v1).locked = true;
  EXPECT_EQ(assemblyEdit(f.project, f.seq, {f.video}, f.v1, f.a1).error().code, ErrorCode::Conflict);
}

}  // namespace
}  // namespace postline::edit
