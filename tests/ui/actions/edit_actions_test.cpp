// The keyboard shortcuts of EditActions, pressed on a shown window, give the same model as the
// core edit functions applied to a copy of the project, each as one undoable command.
#include <QAction>
#include <QLineEdit>
#include <QSignalSpy>

#include "core/edit/clipboard.h"
#include "core/edit/markers.h"
#include "core/edit/placement.h"
#include "core/edit/razor.h"
#include "core/edit/removal.h"
#include "core/edit/trim.h"
#include "core/time/convert.h"
#include "tests/ui/actions/actions_fixture.h"

namespace postline::ui::testing {
namespace {

using time::FrameCount;
using time::FramePos;

TEST_F(ActionsTest, CtrlKRazorsAtThePlayhead) {
  ctl.setPlayhead(FramePos{60});
  const model::Project before = ctl.project();
  const model::Project after = expected(edit::razor(before, ctl.currentSequence(), FramePos{60}, {}));
  press(Qt::Key_K, Qt::ControlModifier);
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(ctl.sequence()->findTrack(v1)->clips.size(), 4u);
  expectOneCommand(before, after, "Razor");
}

TEST_F(ActionsTest, CtrlKWithASelectionCutsOnlyItsTracks) {
  ctl.setPlayhead(FramePos{60});
  ctl.setSelection({clip(v1, 1).id});
  const model::Project after = expected(edit::razor(ctl.project(), ctl.currentSequence(), FramePos{60}, {v1, a1}));
  press(Qt::Key_K, Qt::ControlModifier);
  EXPECT_TRUE(ctl.project() == after);
}

TEST_F(ActionsTest, QRippleTrimsTheHeadToThePlayhead) {
  ctl.setPlayhead(FramePos{60});
  const model::Project before = ctl.project();
  const model::Project after = expected(
      edit::trimIn(before, ctl.currentSequence(), clip(v1, 1).id, FrameCount{12}, edit::TrimMode::Ripple));
  press(Qt::Key_Q);
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(clip(v1, 1).duration, FrameCount{36});
  EXPECT_EQ(clip(v1, 2).start, FramePos{84});
  EXPECT_EQ(ctl.playhead(), FramePos{48});
  expectOneCommand(before, after, "Ripple Trim Start");
}

TEST_F(ActionsTest, WRippleTrimsTheTailBackToThePlayhead) {
  ctl.setPlayhead(FramePos{60});
  const model::Project before = ctl.project();
  const model::Project after = expected(
      edit::trimOut(before, ctl.currentSequence(), clip(v1, 1).id, FrameCount{-36}, edit::TrimMode::Ripple));
  press(Qt::Key_W);
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(clip(v1, 1).end(), FramePos{60});
  EXPECT_EQ(clip(v1, 2).start, FramePos{60});
  EXPECT_EQ(ctl.playhead(), FramePos{60});
  expectOneCommand(before, after, "Ripple Trim End");
}

TEST_F(ActionsTest, QWithoutAClipUnderThePlayheadReportsAndChangesNothing) {
  ctl.setPlayhead(FramePos{500});
  const model::Project before = ctl.project();
  QSignalSpy failed(&ctl, &ProjectController::editFailed);
  press(Qt::Key_Q);
  EXPECT_EQ(failed.count(), 1);
  EXPECT_TRUE(ctl.project() == before);
}

TEST_F(ActionsTest, DeleteLiftsAndShiftDeleteRippleDeletesTheSelection) {
  const model::ClipId middle = clip(v1, 1).id;
  ctl.setSelection({middle});
  const model::Project before = ctl.project();
  const model::Project lifted = expected(edit::lift(before, ctl.currentSequence(), {middle}));
  press(Qt::Key_Delete);
  EXPECT_TRUE(ctl.project() == lifted);
  expectOneCommand(before, lifted, "Lift");
  ASSERT_TRUE(ctl.undo());
  ctl.setSelection({middle});
  const model::Project rippled = expected(edit::rippleDelete(before, ctl.currentSequence(), {middle}));
  press(Qt::Key_Delete, Qt::ShiftModifier);
  EXPECT_TRUE(ctl.project() == rippled);
  EXPECT_EQ(clip(v1, 1).start, FramePos{48});
  expectOneCommand(before, rippled, "Ripple Delete");
}

TEST_F(ActionsTest, MAddsANamedMarkerAndShiftMRenamesIt) {
  ctl.setPlayhead(FramePos{30});
  const model::Project before = ctl.project();
  const model::Project after = expected(edit::addMarker(before, ctl.currentSequence(), FramePos{30}, "Marker 1"));
  press(Qt::Key_M);
  EXPECT_TRUE(ctl.project() == after);
  expectOneCommand(before, after, "Add Marker");
  ctl.setPlayhead(FramePos{40});
  whenDialogOpens([](QDialog& d) { d.findChild<QLineEdit*>("markerName")->setText("Hero enters"); });
  press(Qt::Key_M, Qt::ShiftModifier);
  ASSERT_EQ(ctl.sequence()->markers.size(), 1u);
  EXPECT_EQ(ctl.sequence()->markers[0].name, "Hero enters");
  EXPECT_EQ(ctl.sequence()->markers[0].position, FramePos{30});
  EXPECT_EQ(ctl.undoStack().undoLabel(), "Rename Marker");
  ASSERT_TRUE(ctl.undo());
  EXPECT_TRUE(ctl.project() == after);
}

// `,` / `.` with source media 3 marked in at source frame 10 and out at 29 (20 frames).
class SourceEditTest : public ActionsTest {
 protected:
  edit::SourceSpan markedSpan() {
    const model::MediaItem& m = *ctl.project().findMedia(media[2]);
    const time::Rational frame = time::Rational::make(1, 24).value();
    return {m.id, time::rescale(10, frame, m.info.timeBase).value(), time::rescale(30, frame, m.info.timeBase).value()};
  }
  void markSource() {
    ctl.setSourceMedia(media[2]);
    ctl.setSourceIn(FramePos{10});
    ctl.setSourceOut(FramePos{29});
    ctl.setPlayhead(FramePos{60});
  }
};

TEST_F(SourceEditTest, CommaInsertsTheMarkedSourceAtThePlayhead) {
  markSource();
  const model::Project before = ctl.project();
  const model::Project after =
      expected(edit::insert(before, ctl.currentSequence(), v1, FramePos{60}, markedSpan(), a1));
  press(Qt::Key_Comma);
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(clip(v1, 2).record(), (time::FrameRange{FramePos{60}, FramePos{80}}));
  EXPECT_EQ(clip(a1, 2).record(), clip(v1, 2).record());
  EXPECT_EQ(ctl.sequence()->end(), FramePos{164});
  EXPECT_EQ(ctl.playhead(), FramePos{80});
  expectOneCommand(before, after, "Insert");
}

TEST_F(SourceEditTest, PeriodOverwritesTheMarkedSourceAtThePlayhead) {
  markSource();
  const model::Project before = ctl.project();
  const model::Project after =
      expected(edit::overwrite(before, ctl.currentSequence(), v1, FramePos{60}, markedSpan(), a1));
  press(Qt::Key_Period);
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(ctl.sequence()->end(), FramePos{144});
  EXPECT_EQ(ctl.playhead(), FramePos{80});
  expectOneCommand(before, after, "Overwrite");
}

TEST_F(SourceEditTest, WithoutMarksTheWholeMediaGoesIn) {
  ctl.setSourceMedia(media[0]);
  ctl.setPlayhead(FramePos{144});
  const model::MediaItem& m = *ctl.project().findMedia(media[0]);
  const model::Project after = expected(
      edit::overwrite(ctl.project(), ctl.currentSequence(), v1, FramePos{144}, {m.id, 0, m.info.duration}, a1));
  press(Qt::Key_Period);
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(ctl.playhead(), FramePos{192});
}

TEST_F(ActionsTest, CopyAndPasteAtThePlayhead) {
  ctl.setSelection({clip(v1, 0).id});
  press(Qt::Key_C, Qt::ControlModifier);
  ASSERT_EQ(actions.clipboard().clips.size(), 2u);  // the clip and its linked audio
  ctl.setPlayhead(FramePos{160});
  const model::Project before = ctl.project();
  auto copied = edit::copyClips(before, ctl.currentSequence(), {clip(v1, 0).id});
  ASSERT_TRUE(copied.ok());
  const model::Project after = expected(edit::pasteClips(before, ctl.currentSequence(), *copied, FramePos{160}));
  press(Qt::Key_V, Qt::ControlModifier);
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(clip(v1, 3).record(), (time::FrameRange{FramePos{160}, FramePos{208}}));
  EXPECT_EQ(clip(v1, 3).sourceIn, clip(v1, 0).sourceIn);
  EXPECT_NE(clip(v1, 3).linkGroup, 0u);
  EXPECT_EQ(clip(v1, 3).linkGroup, clip(a1, 3).linkGroup);
  EXPECT_EQ(ctl.playhead(), FramePos{208});
  expectOneCommand(before, after, "Paste");
}

TEST_F(ActionsTest, UndoAndRedoShortcutsRestoreExactly) {
  const model::Project start = ctl.project();
  ctl.setPlayhead(FramePos{60});
  press(Qt::Key_K, Qt::ControlModifier);
  ctl.setPlayhead(FramePos{70});
  press(Qt::Key_Q);
  const model::Project edited = ctl.project();
  EXPECT_EQ(ctl.sequence()->findTrack(v1)->clips.size(), 4u);
  EXPECT_EQ(ctl.playhead(), FramePos{60});
  QCoreApplication::processEvents();  // the labels follow the undo stack on the next event-loop turn
  EXPECT_EQ(actions.action("edit.undo")->text().toStdString(), "Undo Ripple Trim Start");
  press(Qt::Key_Z, Qt::ControlModifier);
  press(Qt::Key_Z, Qt::ControlModifier);
  EXPECT_TRUE(ctl.project() == start);
  EXPECT_EQ(actions.action("edit.redo")->text().toStdString(), "Redo Razor");
  press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
  press(Qt::Key_Y, Qt::ControlModifier);
  EXPECT_TRUE(ctl.project() == edited);
  EXPECT_FALSE(actions.action("edit.redo")->isEnabled());
}

TEST_F(ActionsTest, ArrowsStepAFrameOrASecondHomeAndEndJump) {
  ctl.setPlayhead(FramePos{50});
  press(Qt::Key_Right);
  EXPECT_EQ(ctl.playhead(), FramePos{51});
  press(Qt::Key_Left);
  press(Qt::Key_Left);
  EXPECT_EQ(ctl.playhead(), FramePos{49});
  press(Qt::Key_Right, Qt::ShiftModifier);
  EXPECT_EQ(ctl.playhead(), FramePos{73});
  press(Qt::Key_Left, Qt::ShiftModifier);
  press(Qt::Key_Left, Qt::ShiftModifier);
  press(Qt::Key_Left, Qt::ShiftModifier);
  EXPECT_EQ(ctl.playhead(), FramePos{1});
  press(Qt::Key_Left, Qt::ShiftModifier);
  EXPECT_EQ(ctl.playhead(), FramePos{0});  // clamped at the start
  press(Qt::Key_End);
  EXPECT_EQ(ctl.playhead(), FramePos{144});
  press(Qt::Key_Home);
  EXPECT_EQ(ctl.playhead(), FramePos{0});
}

TEST_F(ActionsTest, InOutMarkTheProgramOrTheFocusedSource) {
  ctl.setPlayhead(FramePos{10});
  press(Qt::Key_I);
  ctl.setPlayhead(FramePos{20});
  press(Qt::Key_O);
  EXPECT_EQ(ctl.inPoint(), FramePos{10});
  EXPECT_EQ(ctl.outPoint(), FramePos{20});
  actions.setSourceFocused(true);
  ctl.setSourceMedia(media[1]);
  ctl.setSourcePlayhead(FramePos{5});
  press(Qt::Key_I);
  ctl.setSourcePlayhead(FramePos{9});
  press(Qt::Key_O);
  EXPECT_EQ(ctl.sourceIn(), FramePos{5});
  EXPECT_EQ(ctl.sourceOut(), FramePos{9});
  EXPECT_EQ(ctl.inPoint(), FramePos{10});
  press(Qt::Key_X, Qt::AltModifier);
  EXPECT_FALSE(ctl.sourceIn().has_value());
  EXPECT_EQ(ctl.inPoint(), FramePos{10});
  actions.setSourceFocused(false);
  press(Qt::Key_X, Qt::AltModifier);
  EXPECT_FALSE(ctl.inPoint().has_value());
  EXPECT_FALSE(ctl.outPoint().has_value());
}

TEST_F(ActionsTest, SnappingToggleAndSelectAll) {
  const bool snapping = ctl.snapping();
  press(Qt::Key_S);
  EXPECT_EQ(ctl.snapping(), !snapping);
  EXPECT_EQ(actions.action("timeline.snapping")->isChecked(), !snapping);
  press(Qt::Key_A, Qt::ControlModifier);
  EXPECT_EQ(ctl.selection().size(), 6u);
}

TEST_F(ActionsTest, PanelActionsFireOnTheirKeys) {
  const std::vector<std::pair<const char*, QKeySequence>> keys = {
      {"transport.play", QKeySequence(Qt::Key_Space)}, {"transport.reverse", QKeySequence(Qt::Key_J)},
      {"transport.pause", QKeySequence(Qt::Key_K)},    {"transport.forward", QKeySequence(Qt::Key_L)},
      {"tool.select", QKeySequence(Qt::Key_A)},        {"tool.blade", QKeySequence(Qt::Key_B)},
      {"tool.ripple", QKeySequence(Qt::Key_R)},        {"tool.roll", QKeySequence(Qt::Key_N)},
      {"tool.slip", QKeySequence(Qt::Key_Y)},          {"tool.slide", QKeySequence(Qt::Key_U)},
      {"view.zoom_in", QKeySequence(Qt::Key_Equal)},   {"view.zoom_out", QKeySequence(Qt::Key_Minus)},
      {"view.zoom_fit", QKeySequence(Qt::Key_Backslash)},
      {"page.color", QKeySequence(Qt::ShiftModifier | Qt::Key_2)}};
  for (const auto& [id, key] : keys) {
    QAction* a = actions.action(id);
    ASSERT_NE(a, nullptr) << id;
    QSignalSpy fired(a, &QAction::triggered);
    const QKeyCombination combo = key[0];
    press(combo.key(), combo.keyboardModifiers());
    EXPECT_EQ(fired.count(), 1) << id;
  }
  EXPECT_EQ(actions.action("no.such"), nullptr);
}

TEST_F(ActionsTest, EveryActionHasAUniqueIdAndASection) {
  QSet<QString> ids;
  int inSections = 0;
  for (const ActionSection& s : actions.menuSections()) inSections += static_cast<int>(s.actions.size());
  for (QAction* a : actions.allActions()) {
    EXPECT_FALSE(a->objectName().isEmpty());
    EXPECT_FALSE(ids.contains(a->objectName())) << a->objectName().toStdString();
    ids.insert(a->objectName());
    EXPECT_FALSE(a->shortcuts().isEmpty()) << a->objectName().toStdString();
  }
  EXPECT_EQ(inSections, static_cast<int>(actions.allActions().size()));
}

}  // namespace
}  // namespace postline::ui::testing
