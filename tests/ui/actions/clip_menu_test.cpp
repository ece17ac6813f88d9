// The clip context menu: each item gives the same model as its core edit function; items that
// cannot apply are disabled. Also the keyboard-shortcut list generated from the actions.
#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QTreeWidget>

#include "core/edit/auto_trim.h"
#include "core/edit/link.h"
#include "core/edit/speed.h"
#include "core/edit/transitions.h"
#include "tests/ui/actions/actions_fixture.h"
#include "ui/actions/clip_menu.h"
#include "ui/actions/shortcuts_dialog.h"

namespace postline::ui::testing {
namespace {

using time::FrameCount;
using time::FramePos;

class ClipMenuTest : public ActionsTest {
 protected:
  // Fills a fresh menu for `clicked` and triggers item `id`; false when the item is missing or disabled.
  bool trigger(model::ClipId clicked, const char* id, std::optional<FramePos> reference = std::nullopt) {
    QMenu menu;
    actions.fillClipMenu(menu, clicked, reference);
    QAction* a = menu.findChild<QAction*>(id);
    EXPECT_NE(a, nullptr) << id;
    if (a == nullptr || !a->isEnabled()) return false;
    a->trigger();
    return true;
  }
  // Whether item `id` of the menu for `clicked` is enabled (its tooltip into `why`).
  bool enabled(model::ClipId clicked, const char* id, QString* why = nullptr) {
    QMenu menu;
    actions.fillClipMenu(menu, clicked);
    QAction* a = menu.findChild<QAction*>(id);
    if (a == nullptr) return false;
    if (why != nullptr) *why = a->toolTip();
    return a->isEnabled();
  }
  model::SequenceId seq() const { return ctl.currentSequence(); }
};

TEST_F(ClipMenuTest, Speed85Ripples) {
  const model::ClipId c = clip(v1, 1).id;
  const model::Project before = ctl.project();
  const auto speed = time::Rational::make(17, 20).value();
  const model::Project after = expected(edit::setSpeed(before, seq(), c, speed, edit::TrimMode::Ripple));
  ASSERT_TRUE(trigger(c, "clip.speed.85"));
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(clip(v1, 1).duration, FrameCount{56});
  expectOneCommand(before, after, "Speed 85 %");
}

TEST_F(ClipMenuTest, CustomSpeedFromTheDialog) {
  const model::ClipId c = clip(v1, 1).id;
  const model::Project after =
      expected(edit::setSpeed(ctl.project(), seq(), c, time::Rational::make(1, 2).value(), edit::TrimMode::Ripple));
  whenDialogOpens([](QDialog& d) {
    d.findChild<QDoubleSpinBox*>("speedPercent")->setValue(50.0);
    d.findChild<QCheckBox*>("speedRipple")->setChecked(true);
  });
  ASSERT_TRUE(trigger(c, "clip.speed.custom"));
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(clip(v1, 1).duration, FrameCount{96});
}

TEST_F(ClipMenuTest, ReverseToggles) {
  const model::ClipId c = clip(v1, 1).id;
  const model::Project before = ctl.project();
  const model::Project after = expected(edit::setReverse(before, seq(), c, true));
  ASSERT_TRUE(trigger(c, "clip.reverse"));
  EXPECT_TRUE(ctl.project() == after);
  expectOneCommand(before, after, "Reverse");
  QMenu menu;
  actions.fillClipMenu(menu, c);
  EXPECT_TRUE(menu.findChild<QAction*>("clip.reverse")->isChecked());
  const model::Project back = expected(edit::setReverse(ctl.project(), seq(), c, false));
  ASSERT_TRUE(trigger(c, "clip.reverse"));
  EXPECT_TRUE(ctl.project() == back);
}

TEST_F(ClipMenuTest, FreezeOneSecondOnVideoOnly) {
  const model::ClipId c = clip(v1, 1).id;
  const model::Project before = ctl.project();
  const model::Project after = expected(edit::freezeFrameHold(before, seq(), c, FrameCount{24}));
  ASSERT_TRUE(trigger(c, "clip.freeze.1"));
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(clip(v1, 2).duration, FrameCount{24});
  expectOneCommand(before, after, "Freeze Frame");
  QString why;
  EXPECT_FALSE(enabled(clip(a1, 0).id, "clip.freeze.0.5", &why));
  EXPECT_FALSE(why.isEmpty());
  EXPECT_FALSE(enabled(clip(a1, 0).id, "clip.freeze.custom"));
}

TEST_F(ClipMenuTest, CrossDissolveNeedsHandlesThenGoesOnTheNearerCut) {
  const model::ClipId c = clip(v1, 1).id;
  QString why;
  EXPECT_FALSE(enabled(c, "clip.dissolve", &why));  // whole-media clips have no handles
  EXPECT_FALSE(why.isEmpty());
  std::vector<model::ClipId> all;
  for (const model::Clip& k : ctl.sequence()->findTrack(v1)->clips) all.push_back(k.id);
  ASSERT_TRUE(ctl.apply(edit::autoTrim(ctl.project(), seq(), all, FrameCount{12}, FrameCount{12}), "Auto-Trim"));
  const model::ClipId next = clip(v1, 2).id;
  const model::Project before = ctl.project();
  const model::Project after = expected(
      edit::addTransition(before, seq(), c, next, FrameCount{12}, model::TransitionAlign::CenterOnCut));
  ASSERT_TRUE(trigger(c, "clip.dissolve", FramePos{46}));  // clip 2 is [24, 48): its end is nearer
  EXPECT_TRUE(ctl.project() == after);
  ASSERT_EQ(ctl.sequence()->transitions.size(), 1u);
  EXPECT_EQ(ctl.sequence()->transitions[0].left, c);
  expectOneCommand(before, after, "Add Cross-Dissolve");
  ASSERT_TRUE(ctl.undo());
  const model::Project head = expected(edit::addTransition(ctl.project(), seq(), clip(v1, 0).id, c, FrameCount{12},
                                                           model::TransitionAlign::CenterOnCut));
  ASSERT_TRUE(trigger(c, "clip.dissolve", FramePos{26}));  // its start is nearer
  EXPECT_TRUE(ctl.project() == head);
}

TEST_F(ClipMenuTest, AutoTrimActsOnTheSelection) {
  const std::vector<model::ClipId> sel = {clip(v1, 0).id, clip(v1, 1).id};
  ctl.setSelection(sel);
  const model::Project before = ctl.project();
  const model::Project after =
      expected(edit::autoTrim(before, seq(), sel, FrameCount{7}, FrameCount{7}, edit::TrimMode::Ripple));
  ASSERT_TRUE(trigger(sel[1], "clip.autotrim.0.3"));
  EXPECT_TRUE(ctl.project() == after);
  EXPECT_EQ(clip(v1, 1).start, FramePos{34});
  expectOneCommand(before, after, "Auto-Trim");
  ASSERT_TRUE(ctl.undo());
  const model::Project custom =
      expected(edit::autoTrim(before, seq(), sel, FrameCount{10}, FrameCount{10}, edit::TrimMode::Ripple));
  whenDialogOpens([](QDialog& d) { d.findChild<QDoubleSpinBox*>("seconds")->setValue(0.4); });
  ASSERT_TRUE(trigger(sel[1], "clip.autotrim.custom"));
  EXPECT_TRUE(ctl.project() == custom);
}

TEST_F(ClipMenuTest, LinkAndUnlink) {
  const model::ClipId c = clip(v1, 1).id;
  EXPECT_FALSE(enabled(c, "clip.link"));  // one clip cannot be linked
  const model::Project before = ctl.project();
  const model::Project unlinked = expected(edit::unlink(before, seq(), {c}));
  ASSERT_TRUE(trigger(c, "clip.unlink"));
  EXPECT_TRUE(ctl.project() == unlinked);
  EXPECT_EQ(clip(v1, 1).linkGroup, 0u);
  expectOneCommand(before, unlinked, "Unlink");
  EXPECT_FALSE(enabled(c, "clip.unlink"));
  const std::vector<model::ClipId> pair = {c, clip(a1, 1).id};
  ctl.setSelection(pair);
  const model::Project linked = expected(edit::link(ctl.project(), seq(), pair));
  ASSERT_TRUE(trigger(c, "clip.link"));
  EXPECT_TRUE(ctl.project() == linked);
  EXPECT_NE(clip(v1, 1).linkGroup, 0u);
  EXPECT_EQ(clip(v1, 1).linkGroup, clip(a1, 1).linkGroup);
}

TEST_F(ClipMenuTest, ScreenshotOfTheMenu) {
  ctl.setPlayhead(FramePos{60});
  QMenu menu(&window);
  actions.fillClipMenu(menu, clip(v1, 1).id);
  menu.popup(window.mapToGlobal(QPoint(20, 20)));
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&menu));
  EXPECT_GE(menu.actions().size(), 8);
  shot(menu, "clip_menu");
  menu.close();
}

TEST_F(ActionsTest, ShortcutListIsGeneratedFromTheActionsAndSearchable) {
  ShortcutsDialog dialog(actions.menuSections(), &window);
  EXPECT_EQ(dialog.visibleRowCount(), static_cast<int>(actions.allActions().size()));
  dialog.setFilter("razor");
  EXPECT_EQ(dialog.visibleRowCount(), 1);
  dialog.setFilter("");
  QTest::keyClicks(&dialog.filterEdit(), "ctrl+k");
  EXPECT_EQ(dialog.visibleRowCount(), 1);
  dialog.setFilter("tools");
  EXPECT_EQ(dialog.visibleRowCount(), 6);
  dialog.setFilter("");
  dialog.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
  shot(dialog, "shortcuts");
  const QString md = shortcutsMarkdown(actions.menuSections());
  EXPECT_TRUE(md.contains("| Razor at Playhead | `Ctrl+K` |")) << md.toStdString();
  EXPECT_TRUE(md.contains("| Zoom In | `=`, `+` |")) << md.toStdString();
  EXPECT_TRUE(md.contains("| Undo | `Ctrl+Z` |")) << md.toStdString();
  QFile out(QStringLiteral(POSTLINE_BINARY_DIR "/actions_shortcuts.md"));
  EXPECT_TRUE(out.open(QIODevice::WriteOnly) && out.write(md.toUtf8()) > 0);
}

}  // namespace
}  // namespace postline::ui::testing
