#include "ui/playback/transport.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QWindow>
#include <QThread>
#include <cmath>

#include "tests/ui/playback/playback_test_support.h"
#include "ui/playback/playback_clock.h"

namespace postline::ui {
namespace {

using testing::FakeFrames;
using testing::PlayheadLog;
using testing::loadClips;
using testing::noDevice;
using testing::waitClockRunning;

// Frames the clock should have advanced after `ms` at `rate`x (24 fps).
double expectedFrames(qint64 ms, int rate = 1) { return static_cast<double>(ms) * 24.0 * rate / 1000.0; }

TEST(Transport, PlaysTwoSecondsOnTheSystemClock) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  FakeFrames frames;
  std::vector<qint64> shown;
  t.setFrameProvider(&frames);
  t.setFrameSink([&](const RenderedFrame& f) { shown.push_back(f.frame); });
  PlayheadLog log(ctl);
  QSignalSpy playing(&t, &Transport::playingChanged);
  t.play();
  ASSERT_TRUE(waitClockRunning(t));
  QElapsedTimer clock;
  clock.start();
  QTest::qWait(2000);
  const qint64 ms = clock.elapsed();
  const qint64 at = ctl.playhead().value;
  t.pause();
  EXPECT_FALSE(t.audio().engine().hasDevice());
  EXPECT_NEAR(static_cast<double>(at), expectedFrames(ms), 3.0) << "after " << ms << " ms";
  EXPECT_GE(at, 45);
  EXPECT_TRUE(log.monotonic());
  ASSERT_FALSE(shown.empty());
  EXPECT_EQ(shown.front(), 0);
  for (std::size_t i = 1; i < shown.size(); ++i) EXPECT_GT(shown[i], shown[i - 1]);
  EXPECT_EQ(t.framesShown(), static_cast<int>(shown.size()));
  EXPECT_EQ(t.framesShown() + t.droppedFrames(), static_cast<int>(shown.back() + 1));
  EXPECT_LE(t.droppedFrames(), 1) << "instant frames on an idle UI thread";
  EXPECT_LT(t.avOffsetMaxMs(), 1000.0 / 24.0) << "A/V within one frame";
  EXPECT_GT(frames.prefetches, 10);
  ASSERT_EQ(playing.count(), 2);
  EXPECT_TRUE(playing.at(0).at(0).toBool());
  EXPECT_FALSE(playing.at(1).at(0).toBool());
}

TEST(Transport, PauseHoldsThePlayhead) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  t.togglePlay();
  ASSERT_TRUE(QTest::qWaitFor([&] { return ctl.playhead().value >= 10; }, 3000));
  t.togglePlay();
  EXPECT_FALSE(t.isPlaying());
  EXPECT_EQ(t.rate(), 0);
  const qint64 held = ctl.playhead().value;
  const std::int64_t sample = t.audio().engine().position();
  QTest::qWait(300);
  EXPECT_EQ(ctl.playhead().value, held);
  EXPECT_EQ(t.audio().engine().position(), sample);
  t.play();  // resumes from the held frame
  ASSERT_TRUE(QTest::qWaitFor([&] { return ctl.playhead().value > held; }, 2000));
  EXPECT_LE(ctl.playhead().value, held + 3);
}

TEST(Transport, LoopWrapsFromOutBackToIn) {
  ProjectController ctl;
  loadClips(ctl);
  ctl.setInPoint(time::FramePos{10});
  ctl.setOutPoint(time::FramePos{20});
  Transport t(ctl, noDevice());
  FakeFrames frames;
  t.setFrameProvider(&frames);
  t.setLooping(true);
  ctl.setPlayhead(time::FramePos{60});  // outside the loop: play starts at in
  PlayheadLog log(ctl);
  t.play();
  QTest::qWait(1200);  // 11 frames per lap: two wraps and more
  t.pause();
  ASSERT_GT(log.frames.size(), 15u);
  EXPECT_EQ(log.frames.front(), 10);
  int wraps = 0;
  for (std::size_t i = 0; i < log.frames.size(); ++i) {
    EXPECT_GE(log.frames[i], 10);
    EXPECT_LE(log.frames[i], 20);
    if (i > 0 && log.frames[i] < log.frames[i - 1]) {
      ++wraps;
      EXPECT_GE(log.frames[i - 1], 19);
      EXPECT_LE(log.frames[i], 11);
    }
  }
  EXPECT_GE(wraps, 1);
}

TEST(Transport, PlayInToOutStopsAtOut) {
  ProjectController ctl;
  loadClips(ctl);
  ctl.setInPoint(time::FramePos{5});
  ctl.setOutPoint(time::FramePos{14});
  Transport t(ctl, noDevice());
  FakeFrames frames;
  t.setFrameProvider(&frames);
  PlayheadLog log(ctl);
  t.playInToOut();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !t.isPlaying(); }, 3000));
  ASSERT_FALSE(log.frames.empty());
  EXPECT_EQ(log.frames.front(), 5);
  EXPECT_EQ(ctl.playhead().value, 14);
  EXPECT_TRUE(log.monotonic());
}

TEST(Transport, ShuttleLTwicePlaysAtDoubleSpeedJReversesKStops) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  FakeFrames frames;
  t.setFrameProvider(&frames);
  t.shuttleForward();
  t.shuttleForward();
  EXPECT_EQ(t.rate(), 2);
  ASSERT_TRUE(waitClockRunning(t));
  const qint64 from = ctl.playhead().value;
  QElapsedTimer clock;
  clock.start();
  QTest::qWait(1000);
  const double advanced = static_cast<double>(ctl.playhead().value - from);
  EXPECT_NEAR(advanced, expectedFrames(clock.elapsed(), 2), 5.0);
  EXPECT_FALSE(t.audio().engine().playing()) << "2x runs on the system clock without sound";

  t.shuttleReverse();  // from 2x forward: 1x reverse
  EXPECT_EQ(t.rate(), -1);
  PlayheadLog log(ctl);
  QTest::qWait(500);
  ASSERT_GT(log.frames.size(), 5u);
  EXPECT_TRUE(log.monotonic(-1));
  EXPECT_LT(log.frames.back(), log.frames.front());
  t.shuttleReverse();
  EXPECT_EQ(t.rate(), -2);

  t.pause();  // K
  EXPECT_EQ(t.rate(), 0);
  EXPECT_FALSE(t.isPlaying());
  const qint64 held = ctl.playhead().value;
  QTest::qWait(200);
  EXPECT_EQ(ctl.playhead().value, held);
}

TEST(Transport, ShuttleKeysRunThroughTheActions) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  QWidget window;
  window.addActions(t.actions());
  window.resize(320, 200);
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  QWidget* handle = &window;
  QTest::keyClick(handle, Qt::Key_L);
  EXPECT_EQ(t.rate(), 1);
  QTest::keyClick(handle, Qt::Key_L);
  EXPECT_EQ(t.rate(), 2);
  QTest::keyClick(handle, Qt::Key_L);
  QTest::keyClick(handle, Qt::Key_L);
  QTest::keyClick(handle, Qt::Key_L);
  EXPECT_EQ(t.rate(), 8);
  QTest::keyClick(handle, Qt::Key_K);
  EXPECT_EQ(t.rate(), 0);
  QTest::keyClick(handle, Qt::Key_J);
  EXPECT_EQ(t.rate(), -1);
  QTest::keyClick(handle, Qt::Key_Space);
  EXPECT_FALSE(t.isPlaying());
  ctl.setPlayhead(time::FramePos{30});
  QTest::keyClick(handle, Qt::Key_Right);
  EXPECT_EQ(ctl.playhead().value, 31);
  QTest::keyClick(handle, Qt::Key_Left);
  QTest::keyClick(handle, Qt::Key_Left);
  EXPECT_EQ(ctl.playhead().value, 29);
  QTest::keyClick(handle, Qt::Key_Slash, Qt::ControlModifier);
  EXPECT_TRUE(t.looping());
  QTest::keyClick(handle, Qt::Key_Space);
  EXPECT_TRUE(t.isPlaying());
  QTest::keyClick(handle, Qt::Key_Space);
  EXPECT_FALSE(t.isPlaying());
}

TEST(Transport, StopReturnsToWherePlayStartedAndSeeksFollowTheUser) {
  ProjectController ctl;
  loadClips(ctl);
  Transport t(ctl, noDevice());
  ctl.setPlayhead(time::FramePos{12});
  t.play();
  ASSERT_TRUE(QTest::qWaitFor([&] { return ctl.playhead().value >= 16; }, 3000));
  ctl.setPlayhead(time::FramePos{100});  // the user clicks the ruler while playing
  ASSERT_TRUE(QTest::qWaitFor([&] { return ctl.playhead().value > 100; }, 2000));
  EXPECT_LT(ctl.playhead().value, 110);
  EXPECT_TRUE(t.isPlaying());
  t.stop();
  EXPECT_FALSE(t.isPlaying());
  EXPECT_EQ(ctl.playhead().value, 12);
}

TEST(Transport, PlaysToTheEndAndStartsOverFromThere) {
  ProjectController ctl;
  loadClips(ctl, 1);
  Transport t(ctl, noDevice());
  ctl.setPlayhead(time::FramePos{40});
  t.play();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !t.isPlaying(); }, 3000));
  EXPECT_EQ(ctl.playhead().value, 47);
  t.play();
  EXPECT_TRUE(t.isPlaying());
  ASSERT_TRUE(QTest::qWaitFor([&] { return ctl.playhead().value < 40; }, 2000));
  EXPECT_LT(ctl.playhead().value, 10);
  t.pause();
}

}  // namespace
}  // namespace postline::ui
