// The select and blade tools through real mouse events on the timeline's viewport.
#include <QScrollBar>

#include "core/edit/move.h"
#include "core/edit/razor.h"
#include "tests/ui/timeline/timeline_fixture.h"

namespace postline::ui::testing {
namespace {

using time::FrameCount;
using time::FramePos;

model::Project applied(const model::Project& base, const base::Result<model::ChangeSet>& cs) {
  model::Project p = base;
  EXPECT_TRUE(cs.ok()) << (cs.ok() ? "" : cs.error().message);
  if (cs.ok()) {
    EXPECT_TRUE(model::apply(p, *cs).ok());
  }
  return p;
}

class TimelineSelectTest : public TimelineTest {
 protected:
  // Zoomed so a frame is `ppf` pixels, frame 0 at the left.
  void zoom(double ppf) {
    view->setZoom(ppf, 0.0);
    view->horizontalScrollBar()->setValue(0);
  }
  QPoint at(int frame, model::TrackId track) const { return *view->viewportPoint(FramePos{frame}, track); }
};

TEST_F(TimelineSelectTest, ClickSelectsCtrlTogglesShiftExtends) {
  assemble("tl_sel", 4, 24);
  zoom(6.0);
  const auto& clips = track(v1()).clips;
  click(at(12, v1()));
  EXPECT_EQ(ctl->selection(), std::vector<model::ClipId>{clips[0].id});
  click(at(60, v1()), Qt::ControlModifier);
  EXPECT_EQ(ctl->selection(), (std::vector<model::ClipId>{clips[0].id, clips[2].id}));
  click(at(12, v1()), Qt::ControlModifier);
  EXPECT_EQ(ctl->selection(), std::vector<model::ClipId>{clips[2].id});
  click(at(84, v1()));
  click(at(36, v1()), Qt::ShiftModifier);  // anchor clip 3 .. clip 1
  std::vector<model::ClipId> sel = ctl->selection();
  std::sort(sel.begin(), sel.end());
  EXPECT_EQ(sel, (std::vector<model::ClipId>{clips[1].id, clips[2].id, clips[3].id}));
}

TEST_F(TimelineSelectTest, RubberBandSelectsTheClipsItTouches) {
  assemble("tl_band", 4, 24);
  zoom(6.0);
  ctl->setSelection({});
  const auto& v = track(v1()).clips;
  const auto& a = track(a1()).clips;
  // From the empty area right of the last clip, up-left across clips 2 and 3 of V1 and A1.
  const QPoint from = at(120, a1()) + QPoint(0, 10);
  const QPoint to = at(40, v1());
  drag(from, to);
  std::vector<model::ClipId> sel = ctl->selection();
  std::sort(sel.begin(), sel.end());
  std::vector<model::ClipId> want{v[1].id, v[2].id, v[3].id, a[1].id, a[2].id, a[3].id};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(sel, want);
}

TEST_F(TimelineSelectTest, DraggingAClipGivesTheModelOfMoveClipsAndUndoesInOneStep) {
  assemble("tl_move", 3, 24);  // V1: [0,24) [24,48) [48,72)
  ctl->setSnapping(false);
  zoom(5.0);
  const model::ClipId last = track(v1()).clips[2].id;
  const model::Project before = ctl->project();
  drag(at(60, v1()), at(90, v1()));  // 30 frames right
  EXPECT_EQ(ctl->project(), applied(before, edit::moveClips(before, ctl->currentSequence(), {last}, FrameCount{30})));
  EXPECT_EQ(ctl->sequence()->findClip(last)->start, FramePos{78});
  ASSERT_TRUE(ctl->undo());
  EXPECT_EQ(ctl->project(), before);
}

TEST_F(TimelineSelectTest, DraggingToV2MovesAcrossTracks) {
  assemble("tl_move_v2", 2, 24);
  view->addTrack(true, 0);
  ASSERT_EQ(ctl->sequence()->tracks[1].name, "V2");
  const model::TrackId v2 = ctl->sequence()->tracks[1].id;
  ctl->setSnapping(false);
  zoom(5.0);
  const model::ClipId second = track(v1()).clips[1].id;
  const model::Project before = ctl->project();
  drag(at(30, v1()), at(40, v2));
  EXPECT_EQ(ctl->project(), applied(before, edit::moveClips(before, ctl->currentSequence(), {second}, FrameCount{10}, 1)));
  EXPECT_EQ(ctl->sequence()->trackOfClip(second)->id, v2);
}

TEST_F(TimelineSelectTest, SnappingPullsToThePlayheadWithinEightPixelsOnlyWhenOn) {
  assemble("tl_snap", 3, 24);  // V1: [0,24) [24,48) [48,72)
  zoom(4.0);                   // 8 px = 2 frames
  const model::ClipId last = track(v1()).clips[2].id;
  ctl->setPlayhead(FramePos{100});
  ctl->setSnapping(true);
  // The clip's start would land at 48 + 50 = 98 (two frames = 8 px before the playhead): snaps to 100.
  drag(at(60, v1()), at(110, v1()));
  EXPECT_EQ(ctl->sequence()->findClip(last)->start, FramePos{100});
  ASSERT_TRUE(ctl->undo());
  // Three frames away (12 px) does not snap.
  drag(at(60, v1()), at(109, v1()));
  EXPECT_EQ(ctl->sequence()->findClip(last)->start, FramePos{97});
  ASSERT_TRUE(ctl->undo());
  ctl->setSnapping(false);
  drag(at(60, v1()), at(110, v1()));
  EXPECT_EQ(ctl->sequence()->findClip(last)->start, FramePos{98});
  // ToolHost::snap directly.
  ctl->setSnapping(true);
  EXPECT_EQ(view->snap(FramePos{101}, {last}), FramePos{100});
  EXPECT_EQ(view->snap(FramePos{160}, {last}), FramePos{160});
}

TEST_F(TimelineSelectTest, EscCancelsAMoveDrag) {
  assemble("tl_esc", 2, 24);
  ctl->setSnapping(false);
  zoom(5.0);
  const model::Project before = ctl->project();
  const QPoint from = at(30, v1());
  QTest::mousePress(vp(), Qt::LeftButton, Qt::NoModifier, from);
  QTest::mouseMove(vp(), from + QPoint(10, 0));
  QTest::mouseMove(vp(), from + QPoint(100, 0));
  EXPECT_FALSE(ctl->project() == before);
  QTest::keyClick(view.get(), Qt::Key_Escape);
  EXPECT_EQ(ctl->project(), before);
  QTest::mouseRelease(vp(), Qt::LeftButton, Qt::NoModifier, from + QPoint(100, 0));
  EXPECT_EQ(ctl->project(), before);
}

TEST_F(TimelineSelectTest, BladeClickGivesTheModelOfRazor) {
  assemble("tl_blade", 2, 48);
  ctl->setSnapping(false);
  zoom(5.0);
  view->setTool(ToolKind::Blade);
  EXPECT_EQ(view->tool(), ToolKind::Blade);
  const model::Project before = ctl->project();
  const QPoint p = at(30, v1()) + QPoint(1, 0);
  const FramePos frame = view->geometry().frameAtX(p.x() - TimelineGeometry::kHeaderWidth);
  click(p);
  EXPECT_EQ(ctl->project(), applied(before, edit::razor(before, ctl->currentSequence(), frame, {v1()})));
  EXPECT_EQ(track(v1()).clips.size(), 3u);
  EXPECT_EQ(track(a1()).clips.size(), 2u);  // one track only
  // Shift: all tracks.
  const model::Project mid = ctl->project();
  const QPoint q = at(70, v1());
  const FramePos f2 = view->geometry().frameAtX(q.x() - TimelineGeometry::kHeaderWidth);
  click(q, Qt::ShiftModifier);
  EXPECT_EQ(ctl->project(), applied(mid, edit::razor(mid, ctl->currentSequence(), f2, {})));
  EXPECT_EQ(track(a1()).clips.size(), 3u);
}

TEST_F(TimelineSelectTest, RulerClickAndDragMoveThePlayheadAndSignalScrubbing) {
  assemble("tl_ruler", 2, 24);
  zoom(5.0);
  std::vector<bool> scrubs;
  QObject::connect(view.get(), &TimelineView::scrubbing, [&](bool on) { scrubs.push_back(on); });
  const int y = TimelineGeometry::kRulerHeight / 2;
  const int x0 = TimelineGeometry::kHeaderWidth + 100, x1 = TimelineGeometry::kHeaderWidth + 200;
  QTest::mousePress(vp(), Qt::LeftButton, Qt::NoModifier, QPoint(x0, y));
  EXPECT_EQ(ctl->playhead(), FramePos{20});
  QTest::mouseMove(vp(), QPoint(x1, y));
  EXPECT_EQ(ctl->playhead(), FramePos{40});
  QTest::mouseRelease(vp(), Qt::LeftButton, Qt::NoModifier, QPoint(x1, y));
  EXPECT_EQ(scrubs, (std::vector<bool>{true, false}));
}

}  // namespace
}  // namespace postline::ui::testing
