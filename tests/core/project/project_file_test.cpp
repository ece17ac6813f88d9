// Round trips of project files: every field, stable bytes, media path resolution.
#include "core/project/project_file.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/project/autosave.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

TEST(ProjectFile, FullProjectIsValid) {
  TempDir dir;
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  auto valid = model::validate(p);
  ASSERT_TRUE(valid.ok()) << valid.error().message;
}

TEST(ProjectFile, SaveAndLoadKeepEveryField) {
  TempDir dir;
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  const fs::path file = dir.path() / "Demo.postline";
  ASSERT_TRUE(saveProject(p, file).ok());
  auto loaded = loadProject(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->project, p);
  EXPECT_TRUE(loaded->missingMedia.empty());
  EXPECT_TRUE(loaded->warnings.empty());
  EXPECT_EQ(loaded->fileVersion, kSchemaVersion);
}

TEST(ProjectFile, SaveLoadSaveGivesTheSameBytes) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  ASSERT_TRUE(saveProject(testing::makeFullProject(dir.path() / "media"), file).ok());
  const std::string first = testing::readText(file);
  auto loaded = loadProject(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_TRUE(saveProject(loaded->project, file).ok());
  EXPECT_EQ(testing::readText(file), first);
  EXPECT_EQ(toJson(loaded->project, file), first);
}

TEST(ProjectFile, WritesTheDocumentedShape) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  const auto doc = nlohmann::json::parse(toJson(p, file));
  EXPECT_EQ(doc.at("format"), "postline-project");
  EXPECT_EQ(doc.at("version"), 5);
  EXPECT_EQ(doc.at("name"), "Demo Project");
  EXPECT_EQ(doc.at("next_id"), p.nextId);
  EXPECT_EQ(doc.at("bins").size(), 6u);
  const auto& media = doc.at("media").at(0);
  EXPECT_EQ(media.at("path"), "media/Shot_01_Take_03.mov");
  EXPECT_EQ(media.at("absolute_path"), (dir.path() / "media" / "Shot_01_Take_03.mov").string());
  EXPECT_EQ(media.at("kind"), "video");
  EXPECT_EQ(media.at("info").at("frame_rate"), "24000/1001");
  EXPECT_EQ(media.at("info").at("time_base"), "1001/24000");
  const auto& seq = doc.at("sequences").at(0);
  EXPECT_EQ(seq.at("settings").at("frame_rate"), "30000/1001");
  EXPECT_EQ(seq.at("settings").at("color_space"), "rec2020");
  const auto& v1 = seq.at("tracks").at(0);
  EXPECT_EQ(v1.at("kind"), "video");
  EXPECT_EQ(v1.at("role"), "none");
  const auto& clip = v1.at("clips").at(0);
  EXPECT_EQ(clip.at("speed"), "17/20");
  EXPECT_EQ(clip.at("audio").at("fade_shape"), "s_curve");
  EXPECT_EQ(clip.at("grade").at("normalise").at("lift").size(), 4u);
  EXPECT_EQ(clip.at("grade").at("creative").at("curves").at("master").at(1), nlohmann::json::array({0.5, 0.55}));
  EXPECT_EQ(clip.at("grade").at("creative").at("split").at("shadow_hue"), 210.0);
  EXPECT_EQ(clip.at("grade").at("creative").at("lut").at("mix"), 0.65);
  EXPECT_EQ(clip.at("grade").at("creative").at("lut").at("absolute_path"), "/luts/film look.cube");
  EXPECT_EQ(seq.at("timeline_grade").at("film").at("grain").at("luma_weight"), 0.6);
  EXPECT_EQ(seq.at("timeline_grade").at("grade").at("normalise").at("exposure"), -0.25);
  EXPECT_FALSE(seq.at("timeline_grade").at("grade").at("creative").contains("lut"));  // default sections omitted
  EXPECT_FALSE(doc.at("sequences").at(1).contains("timeline_grade"));
  EXPECT_EQ(clip.at("reframe").at("scale"), 1.25);
  EXPECT_EQ(seq.at("tracks").at(2).at("role"), "dialogue");
  EXPECT_EQ(seq.at("transitions").at(1).at("kind"), "audio_crossfade");
  EXPECT_EQ(seq.at("transitions").at(1).at("align"), "end_at_cut");
  // Default groups are left out: the second clip has no grade, audio or reframe.
  const auto& plain = v1.at("clips").at(1);
  EXPECT_FALSE(plain.contains("grade"));
  EXPECT_FALSE(plain.contains("audio"));
  EXPECT_FALSE(plain.contains("reframe"));
  // The format marker comes first, so a person opening the file sees what it is.
  EXPECT_EQ(toJson(p, file).rfind("{\n\t\"format\": \"postline-project\",\n\t\"version\": 5,", 0), 0u);
}

TEST(ProjectFile, RelativePathsFollowAMovedProjectFolder) {
  TempDir dir;
  const fs::path oldRoot = dir.path() / "job";
  const model::Project p = testing::makeFullProject(oldRoot / "media");
  ASSERT_TRUE(saveProject(p, oldRoot / "Demo.postline").ok());
  const fs::path newRoot = dir.path() / "moved" / "job";
  fs::create_directories(newRoot.parent_path());
  fs::rename(oldRoot, newRoot);
  auto loaded = loadProject(newRoot / "Demo.postline");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_TRUE(loaded->missingMedia.empty());
  EXPECT_EQ(loaded->project.media[0].path, (newRoot / "media" / "Shot_01_Take_03.mov").string());
  EXPECT_EQ(loaded->project.media[1].path, (newRoot / "media" / "Title Card.png").string());
}

TEST(ProjectFile, AbsolutePathIsTheFallback) {
  TempDir dir;
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  fs::create_directories(dir.path() / "a");
  ASSERT_TRUE(saveProject(p, dir.path() / "a" / "Demo.postline").ok());
  // A copy of the file two folders deeper: "../media/..." now points nowhere.
  fs::create_directories(dir.path() / "b" / "c");
  fs::copy_file(dir.path() / "a" / "Demo.postline", dir.path() / "b" / "c" / "Demo.postline");
  auto loaded = loadProject(dir.path() / "b" / "c" / "Demo.postline");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_TRUE(loaded->missingMedia.empty());
  EXPECT_EQ(loaded->project, p);
}

TEST(ProjectFile, MissingMediaIsReportedAndTheProjectStillLoads) {
  TempDir dir;
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  const fs::path file = dir.path() / "Demo.postline";
  ASSERT_TRUE(saveProject(p, file).ok());
  fs::remove(dir.path() / "media" / "VO_take2.wav");
  auto loaded = loadProject(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_EQ(loaded->missingMedia.size(), 1u);
  EXPECT_EQ(loaded->missingMedia[0], p.media[2].id);
  EXPECT_EQ(loaded->project.media[2].path, p.media[2].path);  // the last known absolute path is kept
  EXPECT_EQ(loaded->project, p);
}

TEST(ProjectFile, RelativeProjectFileNameUsesTheCurrentFolder) {
  TempDir dir;
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  const std::string text = toJson(p, "Demo.postline");
  auto loaded = fromJson(text, "Demo.postline");
  fs::current_path(cwd);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_NE(text.find("\"path\": \"media/VO_take2.wav\""), std::string::npos);
  EXPECT_EQ(loaded->project, p);
}

// 10,000 clips: correctness here; the timing is printed (Release figures come from tests/bench).
TEST(ProjectFile, TenThousandClipsRoundTrip) {
  TempDir dir;
  model::Project p = testing::makeFullProject(dir.path() / "media");
  p.media[0].info.duration = 24 * 3600 * 10;
  model::Track& v1 = p.sequences[1].tracks[0];
  for (int i = 0; i < 10000; ++i) {
    model::Clip c = testing::plainClip(p, p.media[0].id, i * 24, 24, i, "Clip " + std::to_string(i));
    // The worst case: every clip graded, with audio settings and a reframe.
    c.grade.normalise.exposure = 0.0007 * i;
    c.audio.gainDb = -0.5 * (i % 7);
    c.reframe.scale = 1.0 + 0.001 * i;
    v1.clips.push_back(std::move(c));
  }
  const fs::path file = dir.path() / "Big.postline";
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(saveProject(p, file).ok());
  const auto t1 = std::chrono::steady_clock::now();
  auto loaded = loadProject(file);
  const auto t2 = std::chrono::steady_clock::now();
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->project, p);
  using ms = std::chrono::milliseconds;
  std::printf("10000 clips, %zu bytes: save %lld ms, load %lld ms\n", static_cast<std::size_t>(fs::file_size(file)),
              static_cast<long long>(std::chrono::duration_cast<ms>(t1 - t0).count()),
              static_cast<long long>(std::chrono::duration_cast<ms>(t2 - t1).count()));
}

}  // namespace
}  // namespace postline::project
