#include "ui/controller/project_controller.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <filesystem>
#include <fstream>

#include "core/edit/markers.h"
#include "core/project/autosave.h"
#include "core/project/project_file.h"

namespace postline::ui {
namespace {

namespace fs = std::filesystem;

fs::path tempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("postline_controller_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(ProjectController, NewProjectHasDefaultSequenceAndTargets) {
  ProjectController ctl;
  ctl.newProject("Spot");
  ASSERT_NE(ctl.sequence(), nullptr);
  EXPECT_EQ(ctl.displayName(), "Spot");
  EXPECT_FALSE(ctl.isDirty());
  EXPECT_EQ(ctl.targetTracks().size(), 2u);  // V1 and A1
}

TEST(ProjectController, ApplyUndoRedoTrackDirtyAndSnapshot) {
  ProjectController ctl;
  QSignalSpy changed(&ctl, &ProjectController::changed);
  QSignalSpy dirty(&ctl, &ProjectController::dirtyChanged);
  const auto before = ctl.snapshot();
  ASSERT_TRUE(ctl.apply(edit::addMarker(ctl.project(), ctl.currentSequence(), time::FramePos{12}, "cut here"), "Add Marker"));
  EXPECT_EQ(ctl.sequence()->markers.size(), 1u);
  EXPECT_TRUE(ctl.isDirty());
  EXPECT_NE(ctl.snapshot(), before);
  EXPECT_EQ(ctl.snapshot()->sequences.front().markers.size(), 1u);
  EXPECT_EQ(before->sequences.front().markers.size(), 0u);  // old snapshots never change
  ASSERT_TRUE(ctl.undo());
  EXPECT_TRUE(ctl.sequence()->markers.empty());
  EXPECT_FALSE(ctl.isDirty());
  ASSERT_TRUE(ctl.redo());
  EXPECT_EQ(ctl.sequence()->markers.size(), 1u);
  EXPECT_EQ(changed.count(), 3);
  EXPECT_GE(dirty.count(), 2);
}

TEST(ProjectController, FailedEditChangesNothingAndSaysWhy) {
  ProjectController ctl;
  QSignalSpy failed(&ctl, &ProjectController::editFailed);
  EXPECT_FALSE(ctl.apply(edit::addMarker(ctl.project(), model::SequenceId{999}, time::FramePos{1}, "x"), "Add Marker"));
  ASSERT_EQ(failed.count(), 1);
  EXPECT_FALSE(failed.at(0).at(0).toString().isEmpty());
  EXPECT_FALSE(ctl.isDirty());
}

TEST(ProjectController, SaveOpenRoundTripAndBrokenFileKeepsProject) {
  const fs::path dir = tempDir("save");
  ProjectController ctl;
  ctl.newProject("Round");
  ASSERT_TRUE(ctl.apply(edit::addMarker(ctl.project(), ctl.currentSequence(), time::FramePos{5}, "m"), "Add Marker"));
  EXPECT_FALSE(ctl.save().ok());  // no file yet
  ASSERT_TRUE(ctl.saveAs(dir / "Round.postline").ok());
  EXPECT_FALSE(ctl.isDirty());
  ProjectController other;
  ASSERT_TRUE(other.open(dir / "Round.postline").ok());
  EXPECT_EQ(other.project(), ctl.project());
  EXPECT_EQ(other.displayName(), "Round");

  { std::ofstream(dir / "Broken.postline") << "{ not json"; }
  auto r = other.open(dir / "Broken.postline");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Broken.postline"), std::string::npos);
  EXPECT_EQ(other.project(), ctl.project());  // the open project is kept
}

TEST(ProjectController, OpenFromAutosaveIsDirtyAndSavesToTheProjectFile) {
  const fs::path dir = tempDir("autosave");
  ProjectController ctl;
  ASSERT_TRUE(ctl.saveAs(dir / "A.postline").ok());
  model::Project edited = ctl.project();
  edited.name = "Recovered";
  ASSERT_TRUE(project::saveProject(edited, project::autosavePath(dir / "A.postline")).ok());
  ProjectController other;
  ASSERT_TRUE(other.open(dir / "A.postline", true).ok());
  EXPECT_EQ(other.project().name, "Recovered");
  EXPECT_TRUE(other.isDirty());
  EXPECT_EQ(other.filePath(), dir / "A.postline");
  ASSERT_TRUE(other.save().ok());
  EXPECT_FALSE(fs::exists(project::autosavePath(dir / "A.postline")));
}

TEST(ProjectController, EditorStateClampsAndOrdersMarks) {
  ProjectController ctl;
  ctl.setPlayhead(time::FramePos{-5});
  EXPECT_EQ(ctl.playhead().value, 0);
  ctl.setInPoint(time::FramePos{20});
  ctl.setOutPoint(time::FramePos{10});  // before in: in is dropped
  EXPECT_FALSE(ctl.inPoint().has_value());
  EXPECT_EQ(ctl.outPoint()->value, 10);
  ctl.setSelection({model::ClipId{3}, model::ClipId{3}});
  EXPECT_EQ(ctl.selection().size(), 1u);
}

}  // namespace
}  // namespace postline::ui

#include "tests/ui/ui_fixtures.h"

namespace postline::ui {
namespace {

TEST(ProjectControllerFixtures, AssemblyPutsClipsEndToEndOnV1AndA1) {
  ProjectController ctl;
  const auto dir = testing::freshDir("fixture");
  testing::assembleClips(ctl, dir, 2, 24);
  const model::Track* v1 = ctl.sequence()->findTrack(testing::firstTrack(ctl, model::TrackKind::Video));
  const model::Track* a1 = ctl.sequence()->findTrack(testing::firstTrack(ctl, model::TrackKind::Audio));
  ASSERT_EQ(v1->clips.size(), 2u);
  ASSERT_EQ(a1->clips.size(), 2u);
  EXPECT_EQ(v1->clips[1].start.value, 24);
  EXPECT_NE(v1->clips[0].linkGroup, 0u);
}

}  // namespace
}  // namespace postline::ui

#include <memory>

#include "ui/controller/media_mime.h"

namespace postline::ui {
namespace {

TEST(MediaMime, RoundTripsIdsInOrderAndRejectsJunk) {
  std::unique_ptr<QMimeData> mime(makeMediaMime({model::MediaId{12}, model::MediaId{7}}));
  const auto ids = mediaFromMime(mime.get());
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0].value, 12u);
  EXPECT_EQ(ids[1].value, 7u);
  QMimeData junk;
  junk.setData(kMediaMimeType, "12,x");
  EXPECT_TRUE(mediaFromMime(&junk).empty());
  QMimeData other;
  other.setText("12");
  EXPECT_TRUE(mediaFromMime(&other).empty());
}

}  // namespace
}  // namespace postline::ui
