// ProgramViewer / SourceViewer / ViewerWidget: the right frame after a playhead move, scrubbing
// with the mouse, resolution, two-up trims, overlays drawn where the guides belong, screenshots.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

#include "tests/ui/ui_fixtures.h"
#include "tests/ui/viewer/viewer_test_util.h"
#include "ui/viewer/program_viewer.h"
#include "ui/viewer/source_viewer.h"

namespace postline::ui {
namespace {

using testing::readBurntNumber;
using testing::waitFor;

constexpr const char* kShots = "/tmp/i8/shots/";

struct ProgramFixture {
  ProjectController ctl;
  std::vector<model::MediaId> media;
  std::unique_ptr<ProgramViewer> viewer;
  explicit ProgramFixture(const std::string& dir) {
    ctl.newProject("Viewer");
    media = testing::assembleClips(ctl, testing::freshDir(dir), 2);
    viewer = std::make_unique<ProgramViewer>(ctl);
    viewer->resize(800, 520);
    viewer->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(viewer.get()));
  }
  // Waits until the widget shows `frame`; returns the burnt number read from its picture.
  std::int64_t shownNumber(qint64 frame) {
    EXPECT_TRUE(waitFor([&] { return viewer->widget().shownFrame() == frame && !viewer->widget().shown().draft; }))
        << frame;
    return readBurntNumber(viewer->widget().shown().image, 320);
  }
};

TEST(ProgramViewer, ShowsTheFrameUnderThePlayhead) {
  ProgramFixture fx("pv_playhead");
  fx.viewer->resolutionBox().setCurrentIndex(1);
  EXPECT_EQ(fx.shownNumber(0), 0);
  fx.ctl.setPlayhead(time::FramePos{29});
  EXPECT_EQ(fx.shownNumber(29), 29);
  fx.ctl.setPlayhead(time::FramePos{75});
  EXPECT_EQ(fx.shownNumber(75), 75 - 48);
  EXPECT_EQ(fx.viewer->widget().shown().image.size(), QSize(960, 540));
  EXPECT_EQ(fx.viewer->timecodeText(), QStringLiteral("00:00:03:03"));
  QSignalSpy presented(&fx.viewer->widget(), &ViewerWidget::framePresented);
  fx.ctl.setPlayhead(time::FramePos{80});
  ASSERT_TRUE(waitFor([&] { return !presented.isEmpty() && presented.last().at(0).toLongLong() == 80; }));
  fx.viewer->widget().grabFramebuffer().save(QString(kShots) + "viewer_program.png");
}

TEST(ProgramViewer, QuickScrubEndsOnTheLastFrame) {
  ProgramFixture fx("pv_scrub");
  fx.viewer->resolutionBox().setCurrentIndex(2);
  for (qint64 f : {5, 12, 33, 60, 90, 41}) fx.ctl.setPlayhead(time::FramePos{f});
  EXPECT_EQ(fx.shownNumber(41), 41);
  QTest::qWait(300);
  EXPECT_EQ(fx.viewer->widget().shownFrame(), 41);
  EXPECT_EQ(fx.viewer->widget().shown().image.size(), QSize(480, 270));
}

TEST(ProgramViewer, MouseOnTheScrubBarMovesThePlayhead) {
  ProgramFixture fx("pv_mouse");
  ScrubBar& bar = fx.viewer->scrubBar();
  ASSERT_EQ(bar.frameCount(), 96);
  const int y = bar.height() / 2;
  const QPoint start(int(bar.xOfFrame(10)) + 1, y), end(int(bar.xOfFrame(70)) + 1, y);
  QTest::mousePress(&bar, Qt::LeftButton, {}, start);
  EXPECT_EQ(fx.ctl.playhead().value, 10);
  QTest::mouseMove(&bar, QPoint(int(bar.xOfFrame(40)) + 1, y));
  QTest::mouseMove(&bar, end);
  QTest::mouseRelease(&bar, Qt::LeftButton, {}, end);
  EXPECT_EQ(fx.ctl.playhead().value, 70);
  EXPECT_EQ(fx.shownNumber(70), 70 - 48);
  fx.ctl.setInPoint(time::FramePos{20});
  fx.ctl.setOutPoint(time::FramePos{60});
  QTest::qWait(50);
  fx.viewer->grab().save(QString(kShots) + "viewer_program_panel.png");
}

TEST(ProgramViewer, TrimPreviewShowsTwoUpThenThePlayhead) {
  ProgramFixture fx("pv_trim");
  fx.viewer->resolutionBox().setCurrentIndex(2);
  fx.ctl.setPlayhead(time::FramePos{3});
  fx.shownNumber(3);
  fx.viewer->showTrimPreview(47, 48);
  ASSERT_TRUE(waitFor([&] { return fx.viewer->widget().isTwoUp(); }));
  EXPECT_EQ(readBurntNumber(fx.viewer->widget().shown().image, 320), 47);
  EXPECT_EQ(readBurntNumber(fx.viewer->widget().shownRight().image, 320), 0);
  fx.viewer->widget().grabFramebuffer().save(QString(kShots) + "viewer_twoup.png");
  fx.viewer->showTrimPreview(-1, -1);
  ASSERT_TRUE(waitFor([&] { return !fx.viewer->widget().isTwoUp() && fx.viewer->widget().shownFrame() == 3; }));
}

TEST(ProgramViewer, PlaybackModeOnlyShowsWhatTheTransportHands) {
  ProgramFixture fx("pv_playback");
  fx.viewer->resolutionBox().setCurrentIndex(2);
  fx.shownNumber(0);
  fx.viewer->setPlaybackActive(true);
  fx.ctl.setPlayhead(time::FramePos{20});
  QTest::qWait(400);
  EXPECT_EQ(fx.viewer->widget().shownFrame(), 0);  // the panel asked for nothing
  RenderService& rs = fx.viewer->renderService();
  rs.prefetch(20, 2);
  ASSERT_TRUE(waitFor([&] { return rs.frame(21).has_value(); }));
  fx.viewer->widget().showImage(*rs.frame(21));
  EXPECT_EQ(readBurntNumber(fx.viewer->widget().shown().image, 320), 21);
  fx.viewer->setPlaybackActive(false);
  EXPECT_EQ(fx.shownNumber(20), 20);
}

TEST(ProgramViewer, ClipWhoseFileIsGoneShowsTheOfflineSlate) {
  ProjectController ctl;
  ctl.newProject("Offline");
  const auto dir = testing::freshDir("pv_offline");
  const auto ids = testing::assembleClips(ctl, dir, 1);
  std::filesystem::remove(dir / "Shot_01_Take_01.mp4");
  ProgramViewer viewer(ctl);
  QSignalSpy warn(&viewer.renderService(), &RenderService::renderWarning);
  viewer.resize(640, 420);
  viewer.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&viewer));
  ASSERT_TRUE(waitFor([&] { return viewer.widget().isOffline(); }));
  ASSERT_GE(warn.count(), 1);
  EXPECT_TRUE(warn.at(0).at(0).toString().contains(QStringLiteral("Shot_01_Take_01.mp4")));
  EXPECT_EQ(ctl.offlineMedia().count(ids[0]), 1u);
  viewer.grab().save(QString(kShots) + "viewer_program_offline.png");
}

TEST(SourceViewer, ShowsTheSourceMediaFrame) {
  ProjectController ctl;
  ctl.newProject("Source");
  const auto ids = testing::importFiles(ctl, testing::writeClips(testing::freshDir("sv_frame"), 2));
  SourceViewer viewer(ctl);
  viewer.resize(640, 420);
  viewer.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&viewer));
  ctl.setSourceMedia(ids[1]);
  ctl.setSourcePlayhead(time::FramePos{37});
  ASSERT_TRUE(waitFor([&] { return viewer.widget().shownFrame() == 37; }));
  EXPECT_EQ(readBurntNumber(viewer.widget().shown().image, 320), 37);
  EXPECT_EQ(viewer.scrubBar().frameCount(), 48);
  ScrubBar& bar = viewer.scrubBar();
  QTest::mouseClick(&bar, Qt::LeftButton, {}, QPoint(int(bar.xOfFrame(12)) + 1, bar.height() / 2));
  EXPECT_EQ(ctl.sourcePlayhead().value, 12);
  ASSERT_TRUE(waitFor([&] { return viewer.widget().shownFrame() == 12; }));
  EXPECT_EQ(readBurntNumber(viewer.widget().shown().image, 320), 12);
  viewer.grab().save(QString(kShots) + "viewer_source_panel.png");
}

// A flat grey 16:9 frame in a widget with every overlay on; guide pixels differ from the grey.
TEST(ViewerWidget, OverlaysDrawWhereTheGuidesBelong) {
  ViewerWidget w;
  w.resize(800, 450);
  w.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
  RenderedFrame f;
  f.frame = 1;
  f.image = QImage(1600, 900, QImage::Format_RGBA8888);
  f.image.fill(QColor(100, 100, 100));
  w.showImage(f);
  QImage plain = w.grabFramebuffer();
  w.setOverlays(ViewerWidget::TitleSafe | ViewerWidget::Crop4x5 | ViewerWidget::Crop9x16 | ViewerWidget::Crop1x1);
  QImage shot = w.grabFramebuffer();
  shot.save(QString(kShots) + "viewer_overlays.png");
  const double sx = double(shot.width()) / w.width();
  const auto at = [&](const QImage& img, double x, double y) { return img.pixelColor(int(x * sx), int(y * sx)); };
  const QRectF pic = w.pictureRect();
  ASSERT_NEAR(pic.width(), 800, 1);
  const double cx = pic.center().x(), h = pic.height();
  const double y = pic.top() + h * 0.5;
  EXPECT_EQ(at(plain, cx - h * 0.4, y), QColor(100, 100, 100));
  EXPECT_GT(at(shot, cx - h * 0.4, y).blue(), 200);          // 4:5 guide, left edge (blue)
  EXPECT_GT(at(shot, cx - h * 9 / 32.0, y).red(), 200);      // 9:16 guide (orange)
  EXPECT_GT(at(shot, cx + h * 0.5 - 1, y).green(), 200);     // 1:1 guide, right edge (green)
  int safe = 0;  // the action-safe rectangle's left edge (dashed): bright somewhere along it
  for (double yy = pic.top() + h * 0.3; yy < pic.top() + h * 0.4; yy += 1) {
    for (int dx = -1; dx <= 1; ++dx) safe = std::max(safe, at(shot, pic.left() + pic.width() * 0.05 + dx, yy).red());
  }
  EXPECT_GT(safe, 180);
  EXPECT_EQ(at(shot, cx, y), QColor(100, 100, 100));          // the middle stays the picture
  EXPECT_EQ(at(shot, 2, 2), at(plain, 2, 2));
}

TEST(ViewerWidget, OfflineSlateAndDroppedCounter) {
  ViewerWidget w;
  w.resize(640, 360);
  w.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
  w.setFrameSize(QSize(1920, 1080));
  w.setOffline(true, QStringLiteral("Shot_01_Take_01.mp4"));
  w.setDroppedFrames(3);
  QImage shot = w.grabFramebuffer();
  shot.save(QString(kShots) + "viewer_offline.png");
  const double s = double(shot.width()) / w.width();
  const QColor slate = shot.pixelColor(int(20 * s), int(180 * s));
  EXPECT_GT(slate.red(), slate.green() + 20);  // the dark red slate
  EXPECT_TRUE(w.isOffline());
}

}  // namespace
}  // namespace postline::ui
