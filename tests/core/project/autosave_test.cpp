// Autosave timing, the sibling file, and recovery offers.
#include "core/project/autosave.h"

#include <gtest/gtest.h>

#include "core/project/project_file.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;
using Clock = Autosaver::Clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

const Clock::time_point t0 = Clock::time_point{} + std::chrono::hours(1);

TEST(Autosaver, NothingIsDueWithoutEdits) {
  Autosaver a;
  EXPECT_FALSE(a.hasUnsavedEdits());
  EXPECT_FALSE(a.due(t0));
  EXPECT_FALSE(a.due(t0 + std::chrono::hours(5)));
}

TEST(Autosaver, DueAfterTheIdleDelay) {
  Autosaver a;
  a.noteEdit(t0);
  EXPECT_TRUE(a.hasUnsavedEdits());
  EXPECT_FALSE(a.due(t0 + milliseconds(1999)));
  EXPECT_TRUE(a.due(t0 + seconds(2)));
  a.noteEdit(t0 + seconds(1));  // another edit restarts the idle wait
  EXPECT_FALSE(a.due(t0 + seconds(2)));
  EXPECT_TRUE(a.due(t0 + seconds(3)));
}

TEST(Autosaver, ContinuousEditingIsSavedEveryInterval) {
  Autosaver a;
  Clock::time_point firstDue{};
  for (int ms = 0; ms <= 70000; ms += 500) {
    const Clock::time_point now = t0 + milliseconds(ms);
    a.noteEdit(now);
    if (a.due(now) && firstDue == Clock::time_point{}) firstDue = now;
  }
  EXPECT_EQ(firstDue, t0 + seconds(60));
}

TEST(Autosaver, CustomIntervals) {
  Autosaver a(seconds(10), milliseconds(500));
  a.noteEdit(t0);
  EXPECT_TRUE(a.due(t0 + milliseconds(500)));
  a.noteSaved();
  EXPECT_FALSE(a.hasUnsavedEdits());
  EXPECT_FALSE(a.due(t0 + seconds(100)));
}

TEST(Autosaver, SaveWritesTheSiblingAndClearsTheEdits) {
  TempDir dir;
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  const fs::path file = dir.path() / "Demo.postline";
  Autosaver a;
  a.noteEdit(t0);
  ASSERT_TRUE(a.save(p, file, t0 + seconds(2)).ok());
  EXPECT_EQ(autosavePath(file), dir.path() / "Demo.postline.autosave");
  EXPECT_TRUE(fs::exists(dir.path() / "Demo.postline.autosave"));
  EXPECT_FALSE(fs::exists(file));  // the project file itself is not touched
  EXPECT_FALSE(a.hasUnsavedEdits());
  EXPECT_FALSE(a.due(t0 + seconds(100)));
  EXPECT_EQ(a.lastAutosave(), t0 + seconds(2));
  auto loaded = loadProject(autosavePath(file));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->project, p);
  EXPECT_TRUE(loaded->missingMedia.empty());
}

TEST(Autosaver, AFailedSaveKeepsTheEdits) {
  TempDir dir;
  testing::writeText(dir.path() / "file", "x");
  Autosaver a;
  a.noteEdit(t0);
  auto r = a.save(model::Project::createDefault("P"), dir.path() / "file" / "Demo.postline", t0 + seconds(2));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Demo.postline.autosave' could not be saved"), std::string::npos)
      << r.error().message;
  EXPECT_TRUE(a.hasUnsavedEdits());
  EXPECT_TRUE(a.due(t0 + seconds(3)));
}

TEST(Recovery, NoAutosaveNoOffer) {
  TempDir dir;
  testing::writeText(dir.path() / "Demo.postline", "{}");
  EXPECT_FALSE(checkRecovery(dir.path() / "Demo.postline").has_value());
}

TEST(Recovery, NewerAutosaveIsOffered) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  testing::writeText(file, "{}");
  testing::writeText(autosavePath(file), "{}");
  const auto now = fs::file_time_type::clock::now();
  fs::last_write_time(file, now - seconds(30));
  fs::last_write_time(autosavePath(file), now);
  auto offer = checkRecovery(file);
  ASSERT_TRUE(offer.has_value());
  EXPECT_EQ(offer->autosaveFile, autosavePath(file));
  EXPECT_EQ(offer->projectFile, file);
  EXPECT_EQ(offer->autosaveTime, now);
  ASSERT_TRUE(offer->projectTime.has_value());
  EXPECT_EQ(*offer->projectTime, now - seconds(30));
}

TEST(Recovery, OlderAutosaveIsNotOffered) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  testing::writeText(file, "{}");
  testing::writeText(autosavePath(file), "{}");
  const auto now = fs::file_time_type::clock::now();
  fs::last_write_time(autosavePath(file), now - seconds(30));
  fs::last_write_time(file, now);
  EXPECT_FALSE(checkRecovery(file).has_value());
  fs::last_write_time(autosavePath(file), now);  // same time: nothing newer to recover
  EXPECT_FALSE(checkRecovery(file).has_value());
}

TEST(Recovery, AutosaveOfANeverSavedProjectIsOffered) {
  TempDir dir;
  const fs::path file = dir.path() / "Untitled.postline";
  testing::writeText(autosavePath(file), "{}");
  auto offer = checkRecovery(file);
  ASSERT_TRUE(offer.has_value());
  EXPECT_FALSE(offer->projectTime.has_value());
}

TEST(Recovery, DiscardRemovesTheAutosave) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  testing::writeText(autosavePath(file), "{}");
  ASSERT_TRUE(discardAutosave(file).ok());
  EXPECT_FALSE(fs::exists(autosavePath(file)));
  EXPECT_TRUE(discardAutosave(file).ok());  // nothing to discard is fine
}

TEST(Recovery, SavingTheProjectRemovesAStaleAutosave) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  Autosaver a;
  a.noteEdit(t0);
  ASSERT_TRUE(a.save(p, file, t0).ok());
  ASSERT_TRUE(checkRecovery(file).has_value());
  ASSERT_TRUE(saveProject(p, file).ok());
  EXPECT_FALSE(fs::exists(autosavePath(file)));
  EXPECT_FALSE(checkRecovery(file).has_value());
}

TEST(Recovery, TheOfferedAutosaveLoads) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  model::Project p = testing::makeFullProject(dir.path() / "media");
  ASSERT_TRUE(saveProject(p, file).ok());
  p.name = "Edited after the last save";
  Autosaver a;
  a.noteEdit(t0);
  ASSERT_TRUE(a.save(p, file, t0 + seconds(2)).ok());
  fs::last_write_time(file, fs::last_write_time(autosavePath(file)) - seconds(5));
  auto offer = checkRecovery(file);
  ASSERT_TRUE(offer.has_value());
  auto recovered = loadProject(offer->autosaveFile);
  ASSERT_TRUE(recovered.ok()) << recovered.error().message;
  EXPECT_EQ(recovered->project, p);
}

}  // namespace
}  // namespace postline::project
