// The trim-family tools through the real TimelineView: QTest mouse events on its viewport must leave
// the model the core edits leave, as one undo step, and the view must emit the preview frames.
#include <QSignalSpy>
#include <QTest>

#include "core/edit/slip_slide.h"
#include "tests/ui/timeline_tools/tools_fixture.h"
#include "ui/timeline/timeline_view.h"

namespace postline::ui::testing {
namespace {

using time::FrameCount;
using time::FramePos;

class ViewToolsTest : public ToolsTest {
 protected:
  void SetUp() override {
    ToolsTest::SetUp();
    if (HasFatalFailure()) return;
    ctl->setSnapping(false);
    view = std::make_unique<TimelineView>(*ctl);
    view->resize(1200, 420);
    view->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    view->setZoom(4.0, 0.0);
    ASSERT_DOUBLE_EQ(view->geometry().pixelsPerFrame(), 4.0);
    ASSERT_DOUBLE_EQ(view->geometry().firstVisibleFrame(), 0.0);
    previews = std::make_unique<QSignalSpy>(view.get(), &TimelineView::trimPreview);
  }
  void TearDown() override {
    previews.reset();
    view.reset();
  }

  // Viewport x of the boundary before `frame` plus `dx`, and y in V1's row.
  QPoint at(std::int64_t frame, int dx = 0) const {
    const int x = TimelineGeometry::kHeaderWidth + static_cast<int>(view->geometry().xOfFrame(FramePos{frame}));
    const auto mid = view->viewportPoint(FramePos{frame}, track(model::TrackKind::Video).id);
    return QPoint(x + dx, mid ? mid->y() : 0);
  }
  QWidget* vp() const { return view->viewport(); }

  // A real left-button drag through `path`, released at its last point.
  void mouseDrag(QPoint from, const std::vector<QPoint>& path, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QTest::mouseMove(vp(), from);
    QTest::mousePress(vp(), Qt::LeftButton, mods, from);
    for (const QPoint& p : path) QTest::mouseMove(vp(), p);
    QTest::mouseRelease(vp(), Qt::LeftButton, mods, path.back());
  }
  std::pair<qint64, qint64> preview(qsizetype fromEnd) const {
    const QList<QVariant>& args = previews->at(previews->size() - 1 - fromEnd);
    return {args.at(0).toLongLong(), args.at(1).toLongLong()};
  }
  // Asserts the drag was one undo step named `label` whose undo restores `before`; then the
  // view's last preview was (-1, -1) and the one before it `last`.
  void expectDragResult(const model::Project& before, std::size_t undo0, const std::string& label,
                        std::pair<qint64, qint64> last) {
    ASSERT_GE(previews->size(), 2);
    EXPECT_EQ(preview(0), std::make_pair(qint64{-1}, qint64{-1}));
    EXPECT_EQ(preview(1), last);
    EXPECT_EQ(failures->count(), 0);
    expectOneUndoStep(before, undo0, label);
  }

  std::unique_ptr<TimelineView> view;
  std::unique_ptr<QSignalSpy> previews;
};

TEST_F(ViewToolsTest, SelectToolTrimsAnEdge) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId a = clipAt(0).id;
  ASSERT_EQ(view->hitAt(at(48, -2)).part, TimelineHit::Part::OutEdge);
  mouseDrag(at(48, -2), {at(46, -2), at(30, -2), at(38, -2)});
  EXPECT_EQ(clipAt(0).duration.value, 38);
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimOut(before, ctl->currentSequence(), a, FrameCount{-10}, edit::TrimMode::Normal)));
  expectDragResult(before, undo0, "Trim", {37, -1});
}

TEST_F(ViewToolsTest, SelectToolWithCtrlRipplesAnEdge) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId b = clipAt(1).id;
  mouseDrag(at(48, 4), {at(50, 4), at(54, 4)}, Qt::ControlModifier);
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimIn(before, ctl->currentSequence(), b, FrameCount{6}, edit::TrimMode::Ripple)));
  expectDragResult(before, undo0, "Ripple Trim", {48, -1});
}

TEST_F(ViewToolsTest, RippleToolExtendsIntoTheHandle) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId b = clipAt(1).id;
  view->setTool(ToolKind::Ripple);
  mouseDrag(at(96, -2), {at(99, -2), at(120, -2), at(109, -2)});
  EXPECT_EQ(clipAt(2).start.value, 109);
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimOut(before, ctl->currentSequence(), b, FrameCount{13}, edit::TrimMode::Ripple)));
  expectDragResult(before, undo0, "Ripple Trim", {108, -1});
}

TEST_F(ViewToolsTest, RollToolMovesTheCut) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId a = clipAt(0).id;
  view->setTool(ToolKind::Roll);
  mouseDrag(at(48, -2), {at(45, -2), at(36, -2), at(41, -2)});
  EXPECT_EQ(clipAt(1).start.value, 41);
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::roll(before, ctl->currentSequence(), a, FrameCount{-7})));
  expectDragResult(before, undo0, "Roll", {40, 41});
}

TEST_F(ViewToolsTest, SlipToolSlipsTheSource) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId b = clipAt(1).id;
  view->setTool(ToolKind::Slip);
  mouseDrag(at(70), {at(68), at(60), at(64)});
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::slip(before, ctl->currentSequence(), b, FrameCount{6})));
  expectDragResult(before, undo0, "Slip", {48, 95});
}

TEST_F(ViewToolsTest, SlideToolSlidesBetweenNeighbours) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId b = clipAt(1).id;
  view->setTool(ToolKind::Slide);
  mouseDrag(at(70), {at(68), at(55), at(61)});
  EXPECT_EQ(clipAt(1).start.value, 39);
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::slide(before, ctl->currentSequence(), b, FrameCount{-9})));
  expectDragResult(before, undo0, "Slide", {38, 87});
}

TEST_F(ViewToolsTest, SlideClampsAtTheNeighboursHandle) {
  const model::Project before = ctl->project();
  const model::ClipId b = clipAt(1).id;
  view->setTool(ToolKind::Slide);
  mouseDrag(at(70), {at(80), at(130), at(200)});  // C has 24 frames of head to give, not 130
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::slide(before, ctl->currentSequence(), b, FrameCount{24})));
  EXPECT_EQ(failures->count(), 0);
}

TEST_F(ViewToolsTest, EscapeDuringADragRestoresTheModel) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  view->setTool(ToolKind::Roll);
  QTest::mouseMove(vp(), at(48, -2));
  QTest::mousePress(vp(), Qt::LeftButton, Qt::NoModifier, at(48, -2));
  QTest::mouseMove(vp(), at(52, -2));
  QTest::mouseMove(vp(), at(58, -2));
  EXPECT_EQ(clipAt(0).end().value, 58);
  view->grab().save("/tmp/i8/shots/tools_roll_drag.png");
  QTest::keyClick(view.get(), Qt::Key_Escape);
  QTest::mouseRelease(vp(), Qt::LeftButton, Qt::NoModifier, at(58, -2));
  EXPECT_TRUE(*ctl->sequence() == *before.findSequence(ctl->currentSequence()));
  EXPECT_EQ(ctl->undoStack().undoCount(), undo0);
  EXPECT_EQ(preview(0), std::make_pair(qint64{-1}, qint64{-1}));
}

TEST_F(ViewToolsTest, TrimSnapsToThePlayhead) {
  ctl->setSnapping(true);
  ctl->setPlayhead(FramePos{30});
  const model::Project before = ctl->project();
  const model::ClipId a = clipAt(0).id;
  mouseDrag(at(48, -2), {at(40, -2), at(31, -2)});  // 4 px from the playhead
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimOut(before, ctl->currentSequence(), a, FrameCount{-18}, edit::TrimMode::Normal)));
}

}  // namespace
}  // namespace postline::ui::testing
