// The trim-family tools driven through a test ToolHost with synthetic presses/moves/releases: each
// drag must leave the model the core edit leaves, as one undo step, with the named preview frames.
#include <QImage>
#include <QPainter>

#include "core/edit/slip_slide.h"
#include "core/edit/transitions.h"
#include "tests/ui/timeline_tools/tools_fixture.h"

namespace postline::ui::testing {
namespace {

using time::FrameCount;
using time::FramePos;

class EdgeToolsTest : public ToolsTest {};

TEST_F(EdgeToolsTest, TrimOutDragShortensTheClipByTheDraggedFrames) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId a = clipAt(0).id;
  auto tool = makeEdgeTool(*host, EdgeMode::Trim);
  // Grab A's out edge 2 px inside, overshoot to -20 frames, come back to -10.
  ASSERT_TRUE(drag(*tool, xOf(48) - 2, {xOf(44) - 2, xOf(28) - 2, xOf(35) - 2, xOf(38) - 2}));
  EXPECT_EQ(clipAt(0).duration.value, 38);
  EXPECT_EQ(clipAt(0).id, a);
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimOut(before, ctl->currentSequence(), a, FrameCount{-10}, edit::TrimMode::Normal)));
  ASSERT_GE(host->previews.size(), 2u);
  EXPECT_EQ(host->previews[host->previews.size() - 2], std::make_pair(qint64{37}, qint64{-1}));  // A's new last frame
  EXPECT_EQ(host->previews.back(), std::make_pair(qint64{-1}, qint64{-1}));
  EXPECT_EQ(failures->count(), 0);
  expectOneUndoStep(before, undo0, "Trim");
}

TEST_F(EdgeToolsTest, TrimInDragMovesTheClipStart) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId b = clipAt(1).id;
  auto tool = makeEdgeTool(*host, EdgeMode::Trim);
  const ToolInput at = input(xOf(48) + 4, v1Y());
  ASSERT_EQ(at.hit.part, TimelineHit::Part::InEdge);
  ASSERT_EQ(at.hit.clip, b);
  EXPECT_EQ(tool->cursor(at.hit, Qt::NoModifier), Qt::SizeHorCursor);
  ASSERT_TRUE(drag(*tool, xOf(48) + 4, {xOf(50) + 4, xOf(53) + 4, xOf(56) + 4}));
  EXPECT_EQ(clipAt(1).start.value, 56);
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimIn(before, ctl->currentSequence(), b, FrameCount{8}, edit::TrimMode::Normal)));
  EXPECT_EQ(host->previews[host->previews.size() - 2], std::make_pair(qint64{56}, qint64{-1}));  // B's new first frame
  expectOneUndoStep(before, undo0, "Trim");
}

TEST_F(EdgeToolsTest, RippleOutDragMovesLaterClipsAndLinkedAudio) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId a = clipAt(0).id;
  auto tool = makeEdgeTool(*host, EdgeMode::Ripple);
  ASSERT_TRUE(drag(*tool, xOf(48) - 2, {xOf(50) - 2, xOf(55) - 2, xOf(60) - 2}));
  EXPECT_EQ(clipAt(0).duration.value, 60);
  EXPECT_EQ(clipAt(1).start.value, 60);
  EXPECT_EQ(track(model::TrackKind::Audio).clips.at(1).start.value, 60);
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimOut(before, ctl->currentSequence(), a, FrameCount{12}, edit::TrimMode::Ripple)));
  EXPECT_EQ(host->previews[host->previews.size() - 2], std::make_pair(qint64{59}, qint64{-1}));
  expectOneUndoStep(before, undo0, "Ripple Trim");
}

TEST_F(EdgeToolsTest, CtrlOnTheTrimToolRipplesTheInEdge) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId c = clipAt(2).id;
  auto tool = makeEdgeTool(*host, EdgeMode::Trim);
  ASSERT_TRUE(drag(*tool, xOf(96) + 4, {xOf(100) + 4, xOf(105) + 4}, Qt::ControlModifier));
  EXPECT_EQ(clipAt(2).start.value, 96);  // a ripple keeps the start
  EXPECT_EQ(clipAt(2).duration.value, 39);
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimIn(before, ctl->currentSequence(), c, FrameCount{9}, edit::TrimMode::Ripple)));
  EXPECT_EQ(host->previews[host->previews.size() - 2], std::make_pair(qint64{96}, qint64{-1}));
  expectOneUndoStep(before, undo0, "Ripple Trim");
}

TEST_F(EdgeToolsTest, RollMovesTheCutAndPreviewsBothSides) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId a = clipAt(0).id;
  auto tool = makeEdgeTool(*host, EdgeMode::Roll);
  const ToolInput at = input(xOf(48) - 2, v1Y());
  EXPECT_EQ(tool->cursor(at.hit, Qt::NoModifier), Qt::SplitHCursor);
  ASSERT_TRUE(drag(*tool, xOf(48) - 2, {xOf(45) - 2, xOf(40) - 2, xOf(58) - 2}));
  EXPECT_EQ(clipAt(0).end().value, 58);
  EXPECT_EQ(clipAt(1).start.value, 58);
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::roll(before, ctl->currentSequence(), a, FrameCount{10})));
  EXPECT_EQ(host->previews[host->previews.size() - 2], std::make_pair(qint64{57}, qint64{58}));  // two-up
  expectOneUndoStep(before, undo0, "Roll");
}

TEST_F(EdgeToolsTest, RollGrabbedOnTheIncomingClipsInEdge) {
  const model::Project before = ctl->project();
  const model::ClipId b = clipAt(1).id;
  auto tool = makeEdgeTool(*host, EdgeMode::Roll);
  ASSERT_TRUE(drag(*tool, xOf(96) + 4, {xOf(90) + 4, xOf(89) + 4}));
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::roll(before, ctl->currentSequence(), b, FrameCount{-7})));
}

TEST_F(EdgeToolsTest, RollRefusesAnEdgeWithoutACut) {
  auto tool = makeEdgeTool(*host, EdgeMode::Roll);
  const ToolInput at = input(xOf(0) + 1, v1Y());
  ASSERT_EQ(at.hit.part, TimelineHit::Part::InEdge);
  EXPECT_EQ(tool->cursor(at.hit, Qt::NoModifier), Qt::ForbiddenCursor);
  EXPECT_FALSE(tool->press(at));
}

TEST_F(EdgeToolsTest, SlipMovesTheSourceAgainstTheMouse) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId b = clipAt(1).id;
  auto tool = makeSlipTool(*host);
  ASSERT_TRUE(drag(*tool, xOf(70), {xOf(72), xOf(60), xOf(75)}));
  EXPECT_EQ(clipAt(1).start.value, 48);
  EXPECT_EQ(clipAt(1).duration.value, 48);
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::slip(before, ctl->currentSequence(), b, FrameCount{-5})));
  EXPECT_EQ(host->previews[host->previews.size() - 2], std::make_pair(qint64{48}, qint64{95}));  // first | last
  expectOneUndoStep(before, undo0, "Slip");
}

TEST_F(EdgeToolsTest, SlideMovesTheClipBetweenItsNeighbours) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const model::ClipId b = clipAt(1).id;
  auto tool = makeSlideTool(*host);
  ASSERT_TRUE(drag(*tool, xOf(70), {xOf(71), xOf(80), xOf(76)}));
  EXPECT_EQ(clipAt(1).start.value, 54);
  EXPECT_EQ(clipAt(0).end().value, 54);
  EXPECT_EQ(clipAt(2).start.value, 102);
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::slide(before, ctl->currentSequence(), b, FrameCount{6})));
  EXPECT_EQ(host->previews[host->previews.size() - 2], std::make_pair(qint64{53}, qint64{102}));
  expectOneUndoStep(before, undo0, "Slide");
}

TEST_F(EdgeToolsTest, DragsClampAtTheMediaWithoutErrors) {
  const model::Project before = ctl->project();
  const model::SequenceId seq = ctl->currentSequence();
  const model::ClipId a = clipAt(0).id, b = clipAt(1).id;
  auto ripple = makeEdgeTool(*host, EdgeMode::Ripple);
  ASSERT_TRUE(drag(*ripple, xOf(48) - 2, {xOf(60) - 2, xOf(90) - 2, xOf(140) - 2}));  // 24 frames of tail handle
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::trimOut(before, seq, a, FrameCount{24}, edit::TrimMode::Ripple)));
  ASSERT_TRUE(ctl->undo());
  auto slip = makeSlipTool(*host);
  ASSERT_TRUE(drag(*slip, xOf(70), {xOf(30), xOf(10)}));  // wants +60 of source, 24 available
  EXPECT_TRUE(*ctl->sequence() == expected(before, edit::slip(before, seq, b, FrameCount{24})));
  ASSERT_TRUE(ctl->undo());
  auto trim = makeEdgeTool(*host, EdgeMode::Trim);
  EXPECT_EQ(failures->count(), 0);
  ASSERT_TRUE(drag(*trim, xOf(48) - 2, {xOf(52) - 2, xOf(60) - 2}));  // B is in the way: nothing to gain
  EXPECT_TRUE(*ctl->sequence() == *before.findSequence(seq));
  EXPECT_EQ(failures->count(), 1);  // said once, at release
  ASSERT_TRUE(drag(*trim, xOf(48) - 2, {xOf(2) - 2, xOf(-10) - 2}));  // at least one frame stays
  EXPECT_EQ(clipAt(0).duration.value, 1);
  EXPECT_EQ(failures->count(), 1);
}

TEST_F(EdgeToolsTest, DraggingBackRestoresWhatTheDragPassedThrough) {
  // A dissolve on the A|B cut disappears while A's out edge is pulled off the cut; dragging back to
  // the cut must bring it back (the drag is re-applied from its start state) and leave no command.
  ASSERT_TRUE(ctl->apply(edit::addTransition(ctl->project(), ctl->currentSequence(), clipAt(0).id, clipAt(1).id,
                                             FrameCount{8}, model::TransitionAlign::CenterOnCut),
                         "Add Transition"));
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  auto tool = makeEdgeTool(*host, EdgeMode::Trim);
  ASSERT_TRUE(tool->press(input(xOf(48) - 2, v1Y())));
  tool->move(input(xOf(43) - 2, v1Y()));
  EXPECT_EQ(clipAt(0).end().value, 43);
  EXPECT_TRUE(ctl->sequence()->transitions.empty());
  tool->move(input(xOf(48) - 2, v1Y()));
  tool->release(input(xOf(48) - 2, v1Y()));
  EXPECT_TRUE(*ctl->sequence() == *before.findSequence(ctl->currentSequence()));
  EXPECT_EQ(ctl->sequence()->transitions.size(), 1u);
  EXPECT_EQ(ctl->undoStack().undoCount(), undo0);
  EXPECT_EQ(ctl->undoStack().undoLabel(), "Add Transition");
}

TEST_F(EdgeToolsTest, EscapeCancelRestoresTheModel) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  auto tool = makeEdgeTool(*host, EdgeMode::Roll);
  ASSERT_TRUE(tool->press(input(xOf(48) - 2, v1Y())));
  tool->move(input(xOf(55) - 2, v1Y()));
  EXPECT_EQ(clipAt(0).end().value, 55);
  tool->cancel();
  EXPECT_TRUE(*ctl->sequence() == *before.findSequence(ctl->currentSequence()));
  EXPECT_EQ(ctl->undoStack().undoCount(), undo0);
  EXPECT_EQ(host->previews.back(), std::make_pair(qint64{-1}, qint64{-1}));
  tool->release(input(xOf(60), v1Y()));  // a release after cancel changes nothing
  EXPECT_EQ(ctl->undoStack().undoCount(), undo0);
}

TEST_F(EdgeToolsTest, LockedTracksRefuse) {
  model::Project locked = ctl->project();
  for (model::Track& t : locked.findSequence(ctl->currentSequence())->tracks) t.locked = true;
  ctl->adopt(locked);
  host->relayout();
  const ToolInput edge = input(xOf(48) - 2, v1Y());
  const ToolInput body = input(xOf(70), v1Y());
  for (EdgeMode mode : {EdgeMode::Trim, EdgeMode::Ripple, EdgeMode::Roll}) {
    auto tool = makeEdgeTool(*host, mode);
    EXPECT_EQ(tool->cursor(edge.hit, Qt::NoModifier), Qt::ForbiddenCursor);
    EXPECT_FALSE(tool->press(edge));
  }
  EXPECT_FALSE(makeSlipTool(*host)->press(body));
  EXPECT_FALSE(makeSlideTool(*host)->press(body));
  EXPECT_EQ(ctl->undoStack().undoCount(), 0u);
}

TEST_F(EdgeToolsTest, EdgesSnapToThePlayhead) {
  const model::Project before = ctl->project();
  const model::ClipId a = clipAt(0).id;
  ctl->setPlayhead(FramePos{40});
  host->snapToPlayhead = true;
  auto tool = makeEdgeTool(*host, EdgeMode::Trim);
  ASSERT_TRUE(drag(*tool, xOf(48) - 2, {xOf(45) - 2, xOf(42) - 2}));  // 2 frames = 8 px from the playhead
  EXPECT_TRUE(*ctl->sequence() ==
              expected(before, edit::trimOut(before, ctl->currentSequence(), a, FrameCount{-8}, edit::TrimMode::Normal)));
}

TEST_F(EdgeToolsTest, OverlayShowsTheDelta) {
  auto tool = makeEdgeTool(*host, EdgeMode::Ripple);
  ASSERT_TRUE(tool->press(input(xOf(48) - 2, v1Y())));
  tool->move(input(xOf(60) - 2, v1Y()));
  QImage image(600, 240, QImage::Format_ARGB32);
  const QColor background(30, 30, 30);
  image.fill(background);
  {
    QPainter p(&image);
    tool->paintOverlay(p);
  }
  int changed = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) changed += image.pixelColor(x, y) != background;
  }
  EXPECT_GT(changed, 200);
  image.save("/tmp/i8/shots/tools_overlay.png");
  tool->release(input(xOf(60) - 2, v1Y()));
  QImage after(600, 240, QImage::Format_ARGB32);
  after.fill(background);
  {
    QPainter p(&after);
    tool->paintOverlay(p);  // nothing once the drag ended
  }
  EXPECT_EQ(after.pixelColor(xOf(60) + 30, v1Y() + 20), background);
}

}  // namespace
}  // namespace postline::ui::testing
