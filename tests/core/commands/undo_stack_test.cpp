#include <gtest/gtest.h>

#include "../model/model_fixture.h"
#include "core/commands/undo_stack.h"

using namespace postline::model;
using postline::commands::Command;
using postline::commands::UndoStack;
using postline::model::testing::ModelFixture;
using postline::time::FrameCount;

namespace {

Command setGain(const ModelFixture& f, const Clip& before, double gainDb) {
  Clip after = before;
  after.audio.gainDb = gainDb;
  ChangeSet cs;
  cs.add(ClipUpdated{f.seq, f.v1, before, after});
  return Command{"Clip gain", cs, "gain:" + std::to_string(before.id.value)};
}

}  // namespace

TEST(UndoStack, PushUndoRedo) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 24)};
  const Project start = f.project;
  UndoStack stack(f.project);
  int notified = 0;
  stack.setListener([&](const ChangeSet&) { ++notified; });
  ASSERT_TRUE(stack.push(setGain(f, f.track().clips[0], -6)).ok());
  const Project after = f.project;
  EXPECT_EQ(f.track().clips[0].audio.gainDb, -6);
  EXPECT_EQ(stack.undoLabel(), "Clip gain");
  ASSERT_TRUE(stack.undo().ok());
  EXPECT_EQ(f.project, start);
  ASSERT_TRUE(stack.redo().ok());
  EXPECT_EQ(f.project, after);
  EXPECT_EQ(notified, 3);
  EXPECT_FALSE(stack.redo().ok());
}

TEST(UndoStack, SliderMovesMergeUntilTheGestureEnds) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 24)};
  const Project start = f.project;
  UndoStack stack(f.project);
  for (int i = 1; i <= 50; ++i) ASSERT_TRUE(stack.push(setGain(f, f.track().clips[0], -0.1 * i)).ok());
  EXPECT_EQ(stack.undoCount(), 1u);
  stack.closeMerge();
  ASSERT_TRUE(stack.push(setGain(f, f.track().clips[0], -12)).ok());
  EXPECT_EQ(stack.undoCount(), 2u);
  ASSERT_TRUE(stack.undo().ok());
  EXPECT_DOUBLE_EQ(f.track().clips[0].audio.gainDb, -5.0);
  ASSERT_TRUE(stack.undo().ok());
  EXPECT_EQ(f.project, start);
}

TEST(UndoStack, MacroIsOneStep) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 24), f.clip(30, 24)};
  const Project start = f.project;
  UndoStack stack(f.project);
  stack.beginMacro("Normalise gains");
  ASSERT_TRUE(stack.push(setGain(f, f.track().clips[0], -3)).ok());
  ASSERT_TRUE(stack.push(setGain(f, f.track().clips[1], -4)).ok());
  stack.endMacro();
  EXPECT_EQ(stack.undoCount(), 1u);
  EXPECT_EQ(stack.undoLabel(), "Normalise gains");
  ASSERT_TRUE(stack.undo().ok());
  EXPECT_EQ(f.project, start);
}

TEST(UndoStack, FailedCommandChangesNothing) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 24)};
  UndoStack stack(f.project);
  Clip stale = f.track().clips[0];
  stale.duration = FrameCount{99};
  const Project start = f.project;
  EXPECT_FALSE(stack.push(setGain(f, stale, -6)).ok());
  EXPECT_EQ(f.project, start);
  EXPECT_FALSE(stack.canUndo());
}

TEST(UndoStack, DirtyTracksTheSavedState) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 24)};
  UndoStack stack(f.project);
  EXPECT_FALSE(stack.isDirty());
  ASSERT_TRUE(stack.push(setGain(f, f.track().clips[0], -1)).ok());
  EXPECT_TRUE(stack.isDirty());
  stack.markClean();
  EXPECT_FALSE(stack.isDirty());
  ASSERT_TRUE(stack.undo().ok());
  EXPECT_TRUE(stack.isDirty());
  ASSERT_TRUE(stack.redo().ok());
  EXPECT_FALSE(stack.isDirty());
}
