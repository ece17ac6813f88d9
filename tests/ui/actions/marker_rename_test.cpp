// Renaming a marker from the editor is edit::renameMarker, one undoable command.
#include <gtest/gtest.h>

#include "core/edit/markers.h"
#include "ui/actions/edit_commands.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {
namespace {

TEST(MarkerRename, IsTheCoreEditAndOneUndoStep) {
  ProjectController ctl;
  ASSERT_TRUE(ctl.apply(edit::addMarker(ctl.project(), ctl.currentSequence(), time::FramePos{12}, "Beat"), "Add Marker"));
  const model::MarkerId id = ctl.sequence()->markers.at(0).id;
  model::Project expected = ctl.project();
  auto core = edit::renameMarker(expected, ctl.currentSequence(), id, "Drop");
  ASSERT_TRUE(core.ok());
  ASSERT_TRUE(model::apply(expected, *core).ok());
  const auto undoBefore = ctl.undoStack().undoCount();
  ASSERT_TRUE(commands::renameMarker(ctl, id, "Drop"));
  EXPECT_EQ(ctl.project(), expected);
  EXPECT_EQ(ctl.undoStack().undoCount(), undoBefore + 1);
  EXPECT_EQ(ctl.undoStack().undoLabel(), "Rename Marker");
  ASSERT_TRUE(ctl.undo());
  EXPECT_EQ(ctl.sequence()->markers.at(0).name, "Beat");
  EXPECT_FALSE(commands::renameMarker(ctl, model::MarkerId{9999}, "x"));  // unknown marker: nothing changes
  EXPECT_EQ(ctl.sequence()->markers.at(0).name, "Beat");
}

}  // namespace
}  // namespace postline::ui
