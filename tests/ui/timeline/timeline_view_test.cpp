#include <gtest/gtest.h>

#include <QWheelEvent>

#include "tests/ui/timeline/timeline_fixture.h"

namespace postline::ui::testing {
namespace {

TEST_F(TimelineTest, OpeningAProjectShowsItsClipsWhereExpected) {
  assemble("tl_open", 3);
  const model::Track& v = track(v1());
  ASSERT_EQ(v.clips.size(), 3u);
  const TimelineGeometry& g = view->geometry();
  for (const model::Clip& c : v.clips) {
    const QRect r = view->clipViewportRect(c.id);
    EXPECT_NEAR(r.left(), TimelineGeometry::kHeaderWidth + g.xOfFrame(c.start), 1.0);
    EXPECT_NEAR(r.right() + 1, TimelineGeometry::kHeaderWidth + g.xOfFrame(c.end()), 1.5);
    const TimelineHit hit = view->hitAt(r.center());
    EXPECT_EQ(hit.part, TimelineHit::Part::Body);
    EXPECT_EQ(hit.clip, c.id);
  }
}

}  // namespace
}  // namespace postline::ui::testing

#include "core/edit/grade.h"
#include "core/edit/markers.h"
#include "core/edit/speed.h"
#include "core/edit/transitions.h"
#include "core/edit/trim.h"
#include "ui/timeline/timeline_paint.h"
#include "ui/timeline/timeline_summaries.h"

namespace postline::ui::testing {
namespace {

using time::FrameCount;
using time::FramePos;

// A cut with everything the timeline draws: a dissolve, speed, reverse, freeze, grade, markers, in/out.
void dressUp(ProjectController& ctl, model::TrackId v1) {
  const model::SequenceId seq = ctl.currentSequence();
  auto clips = [&] { return ctl.sequence()->findTrack(v1)->clips; };
  // Trim each clip's head and tail so dissolves have handles.
  for (const model::Clip& c : clips()) {
    EXPECT_TRUE(ctl.apply(edit::trimIn(ctl.project(), seq, c.id, FrameCount{6}, edit::TrimMode::Ripple), "Trim"));
  }
  for (const model::Clip& c : clips()) {
    EXPECT_TRUE(ctl.apply(edit::trimOut(ctl.project(), seq, c.id, FrameCount{-6}, edit::TrimMode::Ripple), "Trim"));
  }
  auto cs = clips();
  EXPECT_TRUE(ctl.apply(edit::addTransition(ctl.project(), seq, cs[0].id, cs[1].id, FrameCount{8},
                                            model::TransitionAlign::CenterOnCut), "Dissolve"));
  EXPECT_TRUE(ctl.apply(edit::setSpeed(ctl.project(), seq, cs[1].id, time::Rational::make(17, 20).value(),
                                       edit::TrimMode::Ripple), "Speed"));
  EXPECT_TRUE(ctl.apply(edit::setReverse(ctl.project(), seq, clips()[2].id, true), "Reverse"));
  color::Grade g;
  g.normalise.exposure = 0.5;
  EXPECT_TRUE(ctl.apply(edit::setClipGrade(ctl.project(), seq, clips()[3].id, g), "Grade"));
  EXPECT_TRUE(ctl.apply(edit::freezeFrameHold(ctl.project(), seq, clips()[3].id, FrameCount{12}), "Freeze"));
  EXPECT_TRUE(ctl.apply(edit::addMarker(ctl.project(), seq, FramePos{30}, "Hook"), "Marker"));
  EXPECT_TRUE(ctl.apply(edit::addMarker(ctl.project(), seq, FramePos{110}, "CTA"), "Marker"));
  ctl.setInPoint(FramePos{20});
  ctl.setOutPoint(FramePos{90});
  ctl.setPlayhead(FramePos{52});
}

TEST_F(TimelineTest, ZoomToFitShowsTheWholeSequenceAndSingleFramesAreWide) {
  assemble("tl_zoom", 6, 48);  // 288 frames: longer than the 10 s zoomToFit shows at least
  view->zoomToFit();
  const TimelineGeometry& g = view->geometry();
  const int clipW = vp()->width() - TimelineGeometry::kHeaderWidth;
  const double endX = g.xOfFrame(ctl->sequence()->end());
  EXPECT_LE(endX, clipW);
  EXPECT_GE(endX, clipW * 0.9);
  EXPECT_DOUBLE_EQ(g.firstVisibleFrame(), 0.0);
  ctl->setPlayhead(FramePos{100});
  view->zoomToFrames();
  EXPECT_DOUBLE_EQ(g.pixelsPerFrame(), TimelineGeometry::kMaxPixelsPerFrame);
  const double x = g.xOfFrame(FramePos{100});
  EXPECT_GE(x, 0.0);  // the playhead stays in view
  EXPECT_LT(x, clipW);
  const double before = g.pixelsPerFrame();
  view->zoomOut();
  EXPECT_DOUBLE_EQ(g.pixelsPerFrame(), before / 2);
  view->zoomIn();
  EXPECT_DOUBLE_EQ(g.pixelsPerFrame(), before);
  // Ctrl+wheel zooms around the mouse: the frame under it stays under it.
  view->zoomToFit();
  const QPoint mouse(TimelineGeometry::kHeaderWidth + 300, 100);
  const double frameUnder = g.firstVisibleFrame() + 300 / g.pixelsPerFrame();
  QWheelEvent wheel(mouse, vp()->mapToGlobal(mouse), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::ControlModifier,
                    Qt::NoScrollPhase, false);
  QApplication::sendEvent(vp(), &wheel);
  EXPECT_GT(g.pixelsPerFrame(), before / 64);
  EXPECT_NEAR(g.firstVisibleFrame() + 300 / g.pixelsPerFrame(), frameUnder, 0.5);
}

TEST_F(TimelineTest, HeaderTogglesAreCommandsAndTargetsGoToTheController) {
  assemble("tl_header", 1, 24);
  const TrackRow* row = view->geometry().row(a1());
  ASSERT_NE(row, nullptr);
  click(headerButtonRect(*row, HeaderButton::Mute).center());
  EXPECT_TRUE(track(a1()).muted);
  click(headerButtonRect(*row, HeaderButton::Solo).center());
  EXPECT_TRUE(track(a1()).solo);
  click(headerButtonRect(*row, HeaderButton::Lock).center());
  EXPECT_TRUE(track(a1()).locked);
  ASSERT_TRUE(ctl->undo());
  EXPECT_FALSE(track(a1()).locked);
  const bool targeted = ctl->targetTracks().count(a1()) > 0;
  click(headerButtonRect(*row, HeaderButton::Target).center());
  EXPECT_EQ(ctl->targetTracks().count(a1()) > 0, !targeted);
}

TEST_F(TimelineTest, AddTrackAddsV2AboveV1AsOneCommand) {
  assemble("tl_addtrack", 1, 24);
  ASSERT_EQ(ctl->sequence()->tracks.size(), 6u);  // V1 + A1..A5: nothing added silently
  view->addTrack(true, 0);
  ASSERT_EQ(ctl->sequence()->tracks.size(), 7u);
  const model::Track& v2 = ctl->sequence()->tracks[1];
  EXPECT_EQ(v2.name, "V2");
  const TrackRow* r2 = view->geometry().row(v2.id);
  const TrackRow* r1 = view->geometry().row(v1());
  ASSERT_TRUE(r1 && r2);
  EXPECT_LT(r2->top, r1->top);  // drawn above V1
  ASSERT_TRUE(ctl->undo());
  EXPECT_EQ(ctl->sequence()->tracks.size(), 6u);
}

TEST_F(TimelineTest, ScreenshotsAtSeveralZooms) {
  assemble("tl_shots", 5, 48);
  view->addTrack(true, 0);
  dressUp(*ctl, v1());
  ctl->setMediaOffline(track(v1()).clips.back().media, true);
  ctl->setSelection({track(v1()).clips[1].id});
  view->resize(1500, 560);
  view->zoomToFit();
  // Filmstrips and waveforms arrive from the worker.
  view->summaries().waitIdle();
  const model::MediaItem* m = ctl->project().findMedia(track(v1()).clips[0].media);
  ASSERT_TRUE(QTest::qWaitFor([&] { view->summaries().waitIdle(); return view->summaries().filmstrip(*m) != nullptr; }, 20000));
  ASSERT_TRUE(QTest::qWaitFor([&] { view->summaries().waitIdle(); return view->summaries().waveform(*m) != nullptr; }, 20000));
  const QImage fit = view->grab().toImage();
  EXPECT_TRUE(fit.save("/tmp/i8/shots/timeline_fit.png"));
  view->zoomIn();
  view->zoomIn();
  EXPECT_TRUE(view->grab().save("/tmp/i8/shots/timeline_zoom4x.png"));
  view->zoomToFrames();
  EXPECT_TRUE(view->grab().save("/tmp/i8/shots/timeline_frames.png"));
  // A clip's body is painted in the video colour (not the background) at its centre.
  view->zoomToFit();
  const QImage img = view->grab().toImage();
  const QRect r = view->clipViewportRect(track(a1()).clips[0].id);
  const QColor c = img.pixelColor(r.left() + 3, r.bottom() - 3);
  EXPECT_GT(c.green(), c.red());  // audio clips are green
}

}  // namespace
}  // namespace postline::ui::testing
