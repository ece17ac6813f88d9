#include <gtest/gtest.h>

#include "core/model/change_set.h"
#include "core/model/clip_timing.h"
#include "core/model/validate.h"
#include "model_fixture.h"

using namespace postline::model;
using postline::base::ErrorCode;
using postline::model::testing::ModelFixture;
using postline::time::FrameCount;
using postline::time::FramePos;

TEST(ChangeSet, ApplyAndInverseRestoreExactly) {
  ModelFixture f;
  Clip a = f.clip(0, 24);
  Clip b = f.clip(24, 24, 24);
  const Project start = f.project;
  ChangeSet cs;
  const auto first = reserveIds(f.project, cs, 2);
  a.id = ClipId{first};
  b.id = ClipId{first + 1};
  cs.add(ClipAdded{f.seq, f.v1, b});
  cs.add(ClipAdded{f.seq, f.v1, a});
  ASSERT_TRUE(apply(f.project, cs).ok());
  const Track& t = f.track();
  ASSERT_EQ(t.clips.size(), 2u);
  EXPECT_EQ(t.clips[0].id, a.id);  // kept sorted by start
  EXPECT_EQ(f.project.nextId, first + 2);
  EXPECT_TRUE(validate(f.project).ok());
  ASSERT_TRUE(apply(f.project, inverse(cs)).ok());
  EXPECT_EQ(f.project, start);
}

TEST(ChangeSet, OverlapRollsBackEverything) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 24)};
  Clip c = f.clip(10, 24);
  const Project start = f.project;
  ChangeSet cs;
  cs.add(MarkerAdded{f.seq, Marker{MarkerId{f.project.nextId}, FramePos{5}, FrameCount{0}, "m", "blue", ""}});
  cs.add(NextIdChanged{f.project.nextId, f.project.nextId + 2});
  cs.add(ClipAdded{f.seq, f.v1, c});
  auto r = apply(f.project, cs);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Conflict);
  EXPECT_NE(r.error().message.find("overlap"), std::string::npos);
  EXPECT_EQ(f.project, start);
}

TEST(ChangeSet, StaleBeforeIsRefused) {
  ModelFixture f;
  Clip c = f.clip(0, 24);
  f.track().clips = {c};
  Clip wrongBefore = c;
  wrongBefore.duration = FrameCount{30};
  Clip after = c;
  after.duration = FrameCount{12};
  ChangeSet cs;
  cs.add(ClipUpdated{f.seq, f.v1, wrongBefore, after});
  const Project start = f.project;
  EXPECT_FALSE(apply(f.project, cs).ok());
  EXPECT_EQ(f.project, start);
}

TEST(ChangeSet, ShiftMovesOnlyLaterClipsAndInverts) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 10), f.clip(20, 10), f.clip(40, 10)};
  const Project start = f.project;
  ChangeSet cs;
  cs.add(ClipsShifted{f.seq, f.v1, FramePos{20}, FrameCount{-10}});
  ASSERT_TRUE(apply(f.project, cs).ok());
  EXPECT_EQ(f.track().clips[0].start, FramePos{0});
  EXPECT_EQ(f.track().clips[1].start, FramePos{10});
  EXPECT_EQ(f.track().clips[2].start, FramePos{30});
  ASSERT_TRUE(apply(f.project, inverse(cs)).ok());
  EXPECT_EQ(f.project, start);
}

TEST(ChangeSet, ShiftMayNotPassOverAClip) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 10), f.clip(12, 2), f.clip(25, 10)};
  ChangeSet cs;  // would leave the clip at 12 inside [10, 20) and make the shift non-invertible
  cs.add(ClipsShifted{f.seq, f.v1, FramePos{20}, FrameCount{-10}});
  const Project start = f.project;
  EXPECT_FALSE(apply(f.project, cs).ok());
  EXPECT_EQ(f.project, start);
}

TEST(ChangeSet, MediaAndBinsUndoInPlace) {
  ModelFixture f;
  const Project start = f.project;
  MediaItem m = postline::model::testing::videoMedia(MediaId{f.project.nextId}, "Shot_02_Take_01");
  ChangeSet cs;
  reserveIds(f.project, cs, 1);
  cs.add(MediaAdded{m, f.project.bins[0].id, 0});
  ASSERT_TRUE(apply(f.project, cs).ok());
  EXPECT_EQ(f.project.bins[0].items.front(), m.id);
  ASSERT_TRUE(apply(f.project, inverse(cs)).ok());
  EXPECT_EQ(f.project, start);
}

TEST(ClipTiming, SpeedReverseAndFreezeMapFrames) {
  ModelFixture f;
  const MediaItem& m = f.project.media[0];
  const postline::time::FrameRate rate;
  Clip c = f.clip(100, 20, 48);
  EXPECT_EQ(sourceTickAt(c, FramePos{100}, m, rate).value(), 48);
  EXPECT_EQ(sourceTickAt(c, FramePos{119}, m, rate).value(), 67);
  EXPECT_FALSE(sourceTickAt(c, FramePos{120}, m, rate).ok());
  c.reverse = true;
  EXPECT_EQ(sourceTickAt(c, FramePos{100}, m, rate).value(), 67);
  EXPECT_EQ(sourceTickAt(c, FramePos{119}, m, rate).value(), 48);
  c.reverse = false;
  c.speed = postline::time::Rational::make(1, 2).value();  // 50 %: 20 frames use 10 source frames
  EXPECT_EQ(sourceOut(c, m, rate).value(), 58);
  EXPECT_EQ(tailHandle(c, m, rate)->value, (240 - 58) * 2);
  EXPECT_EQ(headHandle(c, m, rate)->value, 96);
  c.freeze = true;
  EXPECT_EQ(sourceTickAt(c, FramePos{115}, m, rate).value(), 48);
  EXPECT_EQ(sourceSpan(c, m, rate).value(), 1);
}
