// Sync by links: every ripple edit keeps linked clips (a video clip and its audio) in sync by
// rippling the tracks that hold partners of the clips it moves, and leaves other tracks alone.
#include <gtest/gtest.h>

#include "core/edit/auto_trim.h"
#include "core/edit/placement.h"
#include "core/edit/removal.h"
#include "core/edit/speed.h"
#include "core/edit/trim.h"
#include "tests/core/edit/edit_fixture.h"
#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using base::ErrorCode;
using model::ClipId;
using time::FrameCount;
using time::FramePos;

// V1: Shot_01 [0,48) linked to its audio on A2, a video-only clip [48,96), Shot_03 [96,144) linked
// to its audio on A2; an unlinked music bed on A4 spans everything.
class SyncTest : public ::testing::Test {
 protected:
  EditFixture f;
  model::TrackId a4 = f.sequence().tracks[5].id;
  ClipId v1 = f.place(f.v1, f.video, 0, 48, 24, "Shot_01");
  ClipId a1 = f.place(f.a2, f.video, 0, 48, 24, "Shot_01 audio");
  ClipId mid = f.place(f.v1, f.video, 48, 48, 24, "Shot_02");
  ClipId v3 = f.place(f.v1, f.video, 96, 48, 24, "Shot_03");
  ClipId a3 = f.place(f.a2, f.video, 96, 48, 24, "Shot_03 audio");
  ClipId music = f.place(a4, f.wav, 0, 200, 0, "Music_Bed");

  SyncTest() {
    linkClips(v1, a1);
    linkClips(v3, a3);
  }

  void linkClips(ClipId a, ClipId b) {
    const std::uint64_t group = f.project.nextId++;
    for (model::Track& t : f.sequence().tracks) {
      for (model::Clip& k : t.clips) {
        if (k.id == a || k.id == b) k.linkGroup = group;
      }
    }
  }

  static const model::Clip& in(const model::Project& p, ClipId id) { return *p.sequences.front().findClip(id); }

  // The edit applies, validates and undoes exactly; both linked pairs share their start (and their
  // duration when `sameLength`); the music bed is untouched. `after` receives the edited project.
  ::testing::AssertionResult keepsSync(const base::Result<model::ChangeSet>& cs, model::Project& after,
                                       bool sameLength = true) {
    if (!cs.ok()) return ::testing::AssertionFailure() << cs.error().message;
    if (auto r = appliesAndUndoes(f.project, *cs, &after); !r) return r;
    for (auto [v, a] : {std::pair{v1, a1}, std::pair{v3, a3}}) {
      const model::Clip& vc = in(after, v);
      const model::Clip& ac = in(after, a);
      if (vc.start != ac.start) {
        return ::testing::AssertionFailure() << vc.name << " starts at " << vc.start.value << ", its audio at "
                                             << ac.start.value;
      }
      if (sameLength && vc.duration != ac.duration) {
        return ::testing::AssertionFailure() << vc.name << " and its audio differ in length";
      }
    }
    if (!(in(after, music) == *f.clip(music))) return ::testing::AssertionFailure() << "the music bed moved";
    return ::testing::AssertionSuccess();
  }
};

TEST_F(SyncTest, AutoTrimRippleOfTheWholeTrackKeepsAudioInSync) {
  model::Project after;
  ASSERT_TRUE(keepsSync(autoTrim(f.project, f.seq, {v1, mid, v3}, FrameCount{12}, FrameCount{12}), after));
  EXPECT_EQ(in(after, v3).start.value, 48);  // 96 - 2 * 24 removed before it
  EXPECT_EQ(in(after, a3).duration.value, 24);
  EXPECT_EQ(in(after, a3).sourceIn, 36);
}

TEST_F(SyncTest, AutoTrimRippleOfTheVideoOnlyClipPullsTheLaterPair) {
  model::Project after;
  ASSERT_TRUE(keepsSync(autoTrim(f.project, f.seq, {mid}, FrameCount{12}, FrameCount{12}), after));
  EXPECT_EQ(in(after, a3).start.value, 72);
  EXPECT_EQ(in(after, a1).start.value, 0);
}

TEST_F(SyncTest, TrimInRippleKeepsLaterPairsInSync) {
  model::Project after;
  ASSERT_TRUE(keepsSync(trimIn(f.project, f.seq, mid, FrameCount{10}, TrimMode::Ripple), after));
  EXPECT_EQ(in(after, a3).start.value, 86);
  ASSERT_TRUE(keepsSync(trimIn(f.project, f.seq, v1, FrameCount{-6}, TrimMode::Ripple), after));
  EXPECT_EQ(in(after, a1).duration.value, 54);
  EXPECT_EQ(in(after, a3).start.value, 102);
}

TEST_F(SyncTest, TrimOutRippleKeepsLaterPairsInSync) {
  model::Project after;
  ASSERT_TRUE(keepsSync(trimOut(f.project, f.seq, mid, FrameCount{-8}, TrimMode::Ripple), after));
  EXPECT_EQ(in(after, a3).start.value, 88);
  ASSERT_TRUE(keepsSync(trimOut(f.project, f.seq, v1, FrameCount{5}, TrimMode::Ripple), after));
  EXPECT_EQ(in(after, a3).start.value, 101);
}

TEST_F(SyncTest, SpeedRippleKeepsLaterPairsInSync) {
  model::Project after;
  ASSERT_TRUE(keepsSync(setSpeed(f.project, f.seq, mid, time::Rational::make(1, 2).value(), TrimMode::Ripple), after));
  EXPECT_EQ(in(after, a3).start.value, 144);
  ASSERT_TRUE(keepsSync(setSpeed(f.project, f.seq, v1, time::Rational(2), TrimMode::Ripple), after));
  EXPECT_EQ(in(after, a1).speed, time::Rational(2));
  EXPECT_EQ(in(after, a3).start.value, 72);
}

TEST_F(SyncTest, FreezeFrameHoldKeepsLaterPairsInSync) {
  model::Project after;
  ASSERT_TRUE(keepsSync(freezeFrameHold(f.project, f.seq, mid, FrameCount{12}), after));
  EXPECT_EQ(in(after, a3).start.value, 108);
}

TEST_F(SyncTest, RippleDeleteKeepsLaterPairsInSync) {
  model::Project after;
  ASSERT_TRUE(keepsSync(rippleDelete(f.project, f.seq, {mid}), after));
  EXPECT_EQ(in(after, a3).start.value, 48);
  // Deleting Shot_01 takes its audio along: both tracks close up once.
  auto cs = rippleDelete(f.project, f.seq, {v1});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(in(after, v3).start.value, 48);
  EXPECT_EQ(in(after, a3).start.value, 48);
  EXPECT_TRUE(in(after, music) == *f.clip(music));
}

TEST_F(SyncTest, InsertOfAClipWithoutPartnerKeepsLaterPairsInSync) {
  model::MediaItem silent = *f.project.findMedia(f.video);
  silent.name = "graphic_loop.mov";
  silent.info.hasAudio = false;
  const model::MediaId m = f.addMedia(silent);
  model::Project after;
  ASSERT_TRUE(keepsSync(insert(f.project, f.seq, f.v1, FramePos{48}, SourceSpan{m, 0, 24}, f.a2), after));
  EXPECT_EQ(in(after, a3).start.value, 120);
  ASSERT_TRUE(keepsSync(insert(f.project, f.seq, f.v1, FramePos{60}, SourceSpan{m, 0, 24}), after));  // splits Shot_02
  EXPECT_EQ(in(after, a3).start.value, 120);
  EXPECT_EQ(in(after, a1).start.value, 0);
}

TEST_F(SyncTest, RippleCarriesOnThroughAThirdTrack) {
  const model::TrackId a3Track = f.sequence().tracks[4].id;
  const ClipId sfx = f.place(f.a2, f.video, 150, 20, 0, "sfx");
  const ClipId foley = f.place(a3Track, f.video, 150, 20, 0, "foley");
  linkClips(sfx, foley);
  model::Project after;
  ASSERT_TRUE(keepsSync(rippleDelete(f.project, f.seq, {mid}), after));
  EXPECT_EQ(in(after, sfx).start.value, 102);
  EXPECT_EQ(in(after, foley).start.value, 102);  // A3 follows A2, which follows V1
}

TEST_F(SyncTest, PartnersWithDifferentEdgesRippleOnceEach) {
  // A J-cut: Shot_03's audio starts 4 frames before its video; Shot_01's audio ends 8 frames early.
  f.track(f.a2).clips[0].duration = FrameCount{40};
  f.track(f.a2).clips[1].start = FramePos{92};
  f.track(f.a2).clips[1].duration = FrameCount{52};
  auto cs = trimIn(f.project, f.seq, v1, FrameCount{8}, TrimMode::Ripple);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(in(after, v3).start.value, 88);
  EXPECT_EQ(in(after, a3).start.value, 84);  // still 4 frames early: one ripple of 8 frames on each track
}

TEST_F(SyncTest, AClipInTheWayOnAPartnerTrackBlocksTheRipple) {
  // Shot_03 and its audio move to 120; an unlinked effect on A2 straddles the ripple point (96).
  f.track(f.v1).clips[2].start = FramePos{120};
  f.track(f.a2).clips[1].start = FramePos{120};
  f.place(f.a2, f.video, 90, 20, 0, "Door_Slam");
  const model::Project before = f.project;
  EXPECT_TRUE(failsWith(rippleDelete(f.project, f.seq, {mid}), ErrorCode::Conflict, {"'Door_Slam'", "A2"}));
  EXPECT_TRUE(failsWith(trimOut(f.project, f.seq, mid, FrameCount{-20}, TrimMode::Ripple), ErrorCode::Conflict,
                        {"'Door_Slam'", "A2"}));
  EXPECT_TRUE(f.project == before);
  // A shorter ripple fits in the gap before Shot_03's audio; pushing right never collides.
  model::Project after;
  ASSERT_TRUE(keepsSync(trimOut(f.project, f.seq, mid, FrameCount{-10}, TrimMode::Ripple), after));
  ASSERT_TRUE(keepsSync(trimOut(f.project, f.seq, mid, FrameCount{30}, TrimMode::Ripple), after));
  EXPECT_EQ(in(after, a3).start.value, 150);
}

TEST_F(SyncTest, APartnerOnALockedTrackIsAConflict) {
  f.track(f.a2).locked = true;
  EXPECT_TRUE(failsWith(trimIn(f.project, f.seq, mid, FrameCount{10}, TrimMode::Ripple), ErrorCode::Conflict, {"A2"}));
  EXPECT_TRUE(failsWith(rippleDelete(f.project, f.seq, {mid}), ErrorCode::Conflict, {"A2"}));
}

TEST_F(SyncTest, TracksWithoutPartnersDoNotMove) {
  const ClipId vo = f.place(f.a1, f.wav, 100, 40, 0, "VO");  // unlinked, after the ripple point
  model::Project after;
  ASSERT_TRUE(keepsSync(rippleDelete(f.project, f.seq, {mid}), after));
  EXPECT_EQ(in(after, vo).start.value, 100);
}

}  // namespace
}  // namespace postline::edit::test
