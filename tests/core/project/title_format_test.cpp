// Title media items in the project file: the "title" object, no file to find, validation on load.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/project/project_file.h"
#include "core/project/relink.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

model::Project projectWithTitle() {
  model::Project p = model::Project::createDefault("Titles");
  model::MediaItem m;
  m.id = model::MediaId{p.nextId++};
  m.name = "Slow mornings";
  m.kind = model::MediaKind::Title;
  m.info.hasVideo = true;
  m.info.still = true;
  m.title.text = "Slow mornings,\nmade better.";
  m.title.font = "DejaVu Serif";
  m.title.size = 0.125;
  m.title.color = {1.0, 0.75, 0.5, 0.25};
  m.title.x = 0.25;
  m.title.y = -0.5;
  m.title.shadow = false;
  p.media.push_back(m);
  p.bins.back().items.push_back(m.id);
  return p;
}

TEST(TitleFormat, ATitleRoundTripsWithEveryFieldAndIsNeverMissing) {
  TempDir dir;
  const model::Project p = projectWithTitle();
  ASSERT_TRUE(model::validate(p).ok());
  const fs::path file = dir.path() / "Titles.postline";
  ASSERT_TRUE(saveProject(p, file).ok());
  const auto doc = nlohmann::json::parse(testing::readText(file));
  const auto& media = doc.at("media").at(0);
  EXPECT_EQ(media.at("kind"), "title");
  EXPECT_EQ(media.at("path"), "");
  EXPECT_EQ(media.at("title").at("text"), "Slow mornings,\nmade better.");
  EXPECT_EQ(media.at("title").at("color"), nlohmann::json::array({1.0, 0.75, 0.5, 0.25}));
  auto loaded = loadProject(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->project, p);
  EXPECT_TRUE(loaded->missingMedia.empty());
  EXPECT_TRUE(findMissingMedia(loaded->project).empty());
}

TEST(TitleFormat, OtherMediaCarryNoTitleObject) {
  TempDir dir;
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  const auto doc = nlohmann::json::parse(toJson(p, dir.path() / "Full.postline"));
  for (const auto& m : doc.at("media")) EXPECT_FALSE(m.contains("title")) << m.at("name");
}

TEST(TitleFormat, BadTitlesAreRefusedNamingTheField) {
  TempDir dir;
  const fs::path file = dir.path() / "Titles.postline";
  auto doc = nlohmann::ordered_json::parse(toJson(projectWithTitle(), file));
  auto broken = doc;
  broken["media"][0]["title"]["color"] = nlohmann::ordered_json::array({1, 1, 1});
  auto r = fromJson(broken.dump(), file);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("media[0].title.color"), std::string::npos) << r.error().message;
  broken = doc;
  broken["media"][0].erase("title");
  r = fromJson(broken.dump(), file);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("media[0].title"), std::string::npos) << r.error().message;
  broken = doc;
  broken["media"][0]["title"]["text"] = "";
  r = fromJson(broken.dump(), file);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("has no text"), std::string::npos) << r.error().message;
  broken = doc;
  broken["media"][0]["title"]["size"] = 1.5;
  r = fromJson(broken.dump(), file);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("size"), std::string::npos) << r.error().message;
}

// Schema 3 only added titles: a schema 2 file loads unchanged, with the (empty) step reported.
TEST(TitleFormat, ASchema2FileLoadsUnchanged) {
  TempDir dir;
  const fs::path file = dir.path() / "Full.postline";
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  auto doc = nlohmann::ordered_json::parse(toJson(p, file));
  EXPECT_EQ(doc.at("version"), kSchemaVersion);
  EXPECT_EQ(kSchemaVersion, 5);
  doc["version"] = 2;
  auto r = fromJson(doc.dump(), file);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->fileVersion, 2);
  ASSERT_EQ(r->warnings.size(), 3u);  // 2 -> 3, 3 -> 4, 4 -> 5
  EXPECT_NE(r->warnings[0].find("upgraded from schema 2 to 3"), std::string::npos) << r->warnings[0];
  EXPECT_EQ(r->project, p);
}

}  // namespace
}  // namespace postline::project
