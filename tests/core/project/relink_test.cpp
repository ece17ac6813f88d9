// Finding missing media and relinking it from a search folder.
#include "core/project/relink.h"

#include <gtest/gtest.h>

#include "core/model/change_set.h"
#include "core/project/project_file.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

class Relink : public ::testing::Test {
 protected:
  void SetUp() override { m_project = testing::makeFullProject(m_dir.path() / "media"); }
  // Moves media file `index` to `to` (folders created).
  void moveMedia(std::size_t index, const fs::path& to) {
    fs::create_directories(to.parent_path());
    fs::rename(m_project.media[index].path, to);
  }
  fs::path search() const { return m_dir.path() / "search"; }

  TempDir m_dir;
  model::Project m_project;
};

TEST_F(Relink, FindMissingMediaListsOnlyMissingFiles) {
  EXPECT_TRUE(findMissingMedia(m_project).empty());
  fs::remove(m_project.media[1].path);
  m_project.media[2].path.clear();
  EXPECT_EQ(findMissingMedia(m_project), (std::vector<model::MediaId>{m_project.media[1].id, m_project.media[2].id}));
}

TEST_F(Relink, FindsFilesInNestedFoldersAndTheChangeSetApplies) {
  const fs::path newVideo = search() / "day1" / "cam A" / "Shot_01_Take_03.mov";
  const fs::path newAudio = search() / "audio" / "VO_take2.wav";
  moveMedia(0, newVideo);
  moveMedia(2, newAudio);
  const auto missing = findMissingMedia(m_project);
  ASSERT_EQ(missing.size(), 2u);
  std::vector<model::MediaId> notFound{model::MediaId{12345}};
  auto cs = relinkMissing(m_project, missing, search(), &notFound);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_TRUE(notFound.size() == 1 && notFound[0] == model::MediaId{12345});  // only appended to
  ASSERT_EQ(cs->changes.size(), 2u);
  const auto& first = std::get<model::MediaUpdated>(cs->changes[0]);
  EXPECT_EQ(first.before, m_project.media[0]);
  EXPECT_EQ(first.after.path, newVideo.string());
  ASSERT_TRUE(model::apply(m_project, *cs).ok());
  EXPECT_TRUE(findMissingMedia(m_project).empty());
  EXPECT_EQ(m_project.media[2].path, newAudio.string());
}

TEST_F(Relink, ReportsWhatWasNotFound) {
  moveMedia(0, search() / "Shot_01_Take_03.mov");
  fs::remove(m_project.media[1].path);
  std::vector<model::MediaId> notFound;
  auto cs = relinkMissing(m_project, findMissingMedia(m_project), search(), &notFound);
  ASSERT_TRUE(cs.ok());
  EXPECT_EQ(cs->changes.size(), 1u);
  EXPECT_EQ(notFound, std::vector<model::MediaId>{m_project.media[1].id});
}

TEST_F(Relink, TheShallowestMatchWinsThenNameOrder) {
  fs::remove(m_project.media[0].path);
  testing::writeText(search() / "b" / "deep" / "Shot_01_Take_03.mov", "deep");
  testing::writeText(search() / "b" / "Shot_01_Take_03.mov", "b");
  testing::writeText(search() / "a" / "Shot_01_Take_03.mov", "a");
  auto cs = relinkMissing(m_project, {m_project.media[0].id}, search());
  ASSERT_TRUE(cs.ok());
  ASSERT_EQ(cs->changes.size(), 1u);
  EXPECT_EQ(std::get<model::MediaUpdated>(cs->changes[0]).after.path, (search() / "a" / "Shot_01_Take_03.mov").string());
}

TEST_F(Relink, SymlinkLoopsEndAndLinkedFoldersAreSearched) {
  fs::remove(m_project.media[0].path);
  moveMedia(2, m_dir.path() / "elsewhere" / "VO_take2.wav");
  fs::create_directories(search() / "sub");
  fs::create_directory_symlink(search(), search() / "sub" / "loop");
  fs::create_directory_symlink(m_dir.path() / "elsewhere", search() / "linked");
  std::vector<model::MediaId> notFound;
  auto cs = relinkMissing(m_project, {m_project.media[0].id, m_project.media[2].id}, search(), &notFound);
  ASSERT_TRUE(cs.ok());
  EXPECT_EQ(notFound, std::vector<model::MediaId>{m_project.media[0].id});
  ASSERT_EQ(cs->changes.size(), 1u);
  EXPECT_EQ(std::get<model::MediaUpdated>(cs->changes[0]).after.path, (search() / "linked" / "VO_take2.wav").string());
}

TEST_F(Relink, SearchDepthIsBounded) {
  fs::path deep = search();
  for (int i = 0; i < kMaxRelinkDepth; ++i) deep /= "d";
  moveMedia(0, deep / "Shot_01_Take_03.mov");           // 16 levels down: found
  moveMedia(2, deep / "d" / "VO_take2.wav");             // 17 levels down: too deep
  std::vector<model::MediaId> notFound;
  auto cs = relinkMissing(m_project, findMissingMedia(m_project), search(), &notFound);
  ASSERT_TRUE(cs.ok());
  EXPECT_EQ(cs->changes.size(), 1u);
  EXPECT_EQ(notFound, std::vector<model::MediaId>{m_project.media[2].id});
}

TEST_F(Relink, RepeatedIdsGiveOneChange) {
  moveMedia(0, search() / "Shot_01_Take_03.mov");
  auto cs = relinkMissing(m_project, {m_project.media[0].id, m_project.media[0].id}, search());
  ASSERT_TRUE(cs.ok());
  EXPECT_EQ(cs->changes.size(), 1u);
  EXPECT_TRUE(model::apply(m_project, *cs).ok());
}

TEST_F(Relink, BadArgumentsAreErrors) {
  fs::create_directories(search());
  auto unknown = relinkMissing(m_project, {model::MediaId{9999}}, search());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, base::ErrorCode::InvalidArgument);
  auto noFolder = relinkMissing(m_project, {}, m_dir.path() / "nope");
  ASSERT_FALSE(noFolder.ok());
  EXPECT_EQ(noFolder.error().code, base::ErrorCode::NotFound);
  auto nothing = relinkMissing(m_project, {}, search());
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->empty());
}

TEST_F(Relink, ARelinkedProjectSavesAndLoadsWithNothingMissing) {
  const fs::path file = m_dir.path() / "Demo.postline";
  moveMedia(1, search() / "gfx" / "Title Card.png");
  ASSERT_TRUE(saveProject(m_project, file).ok());
  auto loaded = loadProject(file);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->missingMedia.size(), 1u);
  auto cs = relinkMissing(loaded->project, loaded->missingMedia, search());
  ASSERT_TRUE(cs.ok());
  ASSERT_TRUE(model::apply(loaded->project, *cs).ok());
  ASSERT_TRUE(saveProject(loaded->project, file).ok());
  auto again = loadProject(file);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->missingMedia.empty());
  EXPECT_EQ(again->project.media[1].path, (search() / "gfx" / "Title Card.png").string());
}

}  // namespace
}  // namespace postline::project
