// Frame scheduling under pressure: frames that are never ready, a sink that stalls the UI thread.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QThread>

#include "tests/ui/playback/playback_test_support.h"
#include "ui/playback/transport.h"

namespace postline::ui {
namespace {

using testing::FakeFrames;
using testing::loadClips;
using testing::noDevice;
using testing::waitClockRunning;

TEST(PlaybackDrops, FramesNeverReadyAreCountedAndNeverShown) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  FakeFrames frames;
  frames.neverIf = [](qint64 f) { return f % 3 == 2; };
  std::vector<qint64> shown;
  t.setFrameProvider(&frames);
  t.setFrameSink([&](const RenderedFrame& f) { shown.push_back(f.frame); });
  QSignalSpy dropped(&t, &Transport::droppedChanged);
  t.play();
  ASSERT_TRUE(waitClockRunning(t));
  QTest::qWait(1500);
  t.pause();
  ASSERT_FALSE(shown.empty());
  for (qint64 f : shown) EXPECT_NE(f % 3, 2) << "frame " << f << " was never ready";
  const qint64 last = shown.back();
  EXPECT_GE(t.droppedFrames(), static_cast<int>(last / 3) - 1);
  EXPECT_EQ(t.droppedFrames() + t.framesShown(), static_cast<int>(last + 1));
  ASSERT_FALSE(dropped.isEmpty());
  EXPECT_EQ(dropped.last().at(0).toInt(), t.droppedFrames());
}

TEST(PlaybackDrops, SlowSinkDropsFramesInsteadOfShowingThemLate) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  FakeFrames frames;
  t.setFrameProvider(&frames);
  t.setFrameSink([](const RenderedFrame&) { QThread::msleep(110); });  // ~2.6 frame periods
  t.play();
  ASSERT_TRUE(waitClockRunning(t));
  QTest::qWait(1500);
  t.pause();
  const qint64 at = ctl.playhead().value;
  EXPECT_GE(at, 30) << "the clock keeps real time while the UI stalls";
  EXPECT_GE(t.droppedFrames(), at / 2);
  EXPECT_LE(t.framesShown(), at / 2 + 2);
  EXPECT_LT(t.avOffsetMaxMs(), 1000.0 / 24.0) << "a late frame is dropped, never shown late";
}

TEST(PlaybackDrops, NoDropsWhenFramesAreReady) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  FakeFrames frames;
  t.setFrameProvider(&frames);
  int sunk = 0;
  t.setFrameSink([&](const RenderedFrame&) { ++sunk; });
  t.play();
  ASSERT_TRUE(waitClockRunning(t));
  QTest::qWait(1500);
  t.pause();
  EXPECT_GE(sunk, 30);
  EXPECT_LE(t.droppedFrames(), 1);
}

TEST(PlaybackDrops, PrerollWaitsForTheFirstFrames) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  FakeFrames frames;
  frames.neverIf = [](qint64 f) { return f < 2; };
  t.setFrameProvider(&frames);
  t.play();
  EXPECT_TRUE(t.prerolling());
  EXPECT_EQ(frames.lastFrom, 0);
  QTest::qWait(300);
  EXPECT_TRUE(t.prerolling()) << "frames 0 and 1 are not ready yet";
  EXPECT_EQ(ctl.playhead().value, 0);
  frames.neverIf = nullptr;
  ASSERT_TRUE(waitClockRunning(t));
  QTest::qWait(200);
  EXPECT_GE(t.framesShown(), 3);
  EXPECT_LE(t.droppedFrames(), 1);
  t.pause();
}

}  // namespace
}  // namespace postline::ui
