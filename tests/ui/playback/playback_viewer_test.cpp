// The transport through the real program viewer: RenderService renders on its thread, the
// ViewerWidget shows what the transport hands it.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QThread>
#include <cstdio>

#include "tests/ui/playback/playback_test_support.h"
#include "ui/playback/program_viewer_link.h"
#include "ui/playback/transport.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui {
namespace {

using testing::loadClips;
using testing::noDevice;
using testing::waitClockRunning;

// The current sequence at w x h.
void setSequenceSize(ProjectController& ctl, int w, int h) {
  model::SequenceSettings after = ctl.sequence()->settings;
  after.width = w;
  after.height = h;
  model::ChangeSet cs;
  cs.add(model::SequenceSettingsChanged{ctl.currentSequence(), ctl.sequence()->settings, after});
  ASSERT_TRUE(ctl.apply(base::Result<model::ChangeSet>(cs), "Sequence Settings"));
}

TEST(PlaybackViewer, TinyTimelineAtQuarterResolutionDropsNothing) {
  ProjectController ctl;
  loadClips(ctl);
  setSequenceSize(ctl, 320, 180);
  ProgramViewer viewer(ctl);
  viewer.resize(640, 420);
  viewer.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&viewer));
  viewer.resolutionBox().setCurrentIndex(2);  // Quarter
  ASSERT_EQ(viewer.renderService().resolutionDivisor(), 4);
  // The viewer is up (renderer built, decoders open) before play, as when a user presses Space.
  ASSERT_TRUE(QTest::qWaitFor([&] { return viewer.widget().shownFrame() == 0 && viewer.widget().shown().image.width() == 80; }, 10000));
  Transport t(ctl, noDevice());
  linkProgramViewer(t, viewer);
  std::vector<std::pair<qint64, qint64>> drops;  // (dropped count, playhead) at each change
  QObject::connect(&t, &Transport::droppedChanged, [&](int n) { if (n > 0) drops.emplace_back(n, ctl.playhead().value); });
  // 2 s of play, up to 3 times: one run must drop nothing. The build machine has 2 cores shared with
  // parallel compiles; a run that loses the CPU for over a frame period is reported, not failed.
  int attempts = 0;
  for (; attempts < 3; ++attempts) {
    drops.clear();
    ctl.setPlayhead(time::FramePos{0});
    t.play();
    EXPECT_TRUE(viewer.playbackActive());
    ASSERT_TRUE(waitClockRunning(t));
    QTest::qWait(2000);
    t.pause();
    EXPECT_FALSE(viewer.playbackActive());
    EXPECT_GE(t.framesShown(), 40);
    EXPECT_LT(t.avOffsetMaxMs(), 1000.0 / 24.0);
    EXPECT_EQ(viewer.widget().shownFrame(), ctl.playhead().value);
    EXPECT_EQ(viewer.widget().shown().image.width(), 80);
    if (t.droppedFrames() == 0) break;
    for (const auto& [n, at] : drops) std::fprintf(stderr, "attempt %d: %lld dropped by frame %lld\n", attempts + 1, static_cast<long long>(n), static_cast<long long>(at));
  }
  EXPECT_LT(attempts, 3) << "every run dropped frames";
  EXPECT_EQ(t.droppedFrames(), 0);
  viewer.grab().save("/tmp/i8/shots/playback_viewer_paused_after_play.png");
}

TEST(PlaybackViewer, SlowRenderCountsDroppedFramesOnTheWidget) {
  ProjectController ctl;
  loadClips(ctl);  // 1920x1080 sequence of 320x180 clips: full resolution on llvmpipe
  ProgramViewer viewer(ctl);
  viewer.resize(640, 420);
  viewer.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&viewer));
  viewer.resolutionBox().setCurrentIndex(0);  // Full
  Transport t(ctl, noDevice());
  linkProgramViewer(t, viewer);
  t.setPrefetchCount(1);
  // Rendering takes longer than a frame period when the UI thread stalls for 3 of them per frame.
  t.setFrameSink([&](const RenderedFrame& f) {
    viewer.widget().showImage(f);
    QThread::msleep(130);
  });
  t.play();
  ASSERT_TRUE(waitClockRunning(t));
  QTest::qWait(1500);
  t.pause();
  EXPECT_GT(t.droppedFrames(), 10);
  EXPECT_GE(t.framesShown(), 1);
}

}  // namespace
}  // namespace postline::ui
