// A project that could not be loaded back is never written: the previous file stays.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/project/project_file.h"

namespace fs = std::filesystem;
using namespace postline;

namespace {

model::Project projectWithOneClip() {
  model::Project p = model::Project::createDefault("Guard");
  model::MediaItem m;
  m.id = model::MediaId{p.nextId++};
  m.name = "Shot_01_Take_01";
  m.path = "/media/Shot_01_Take_01.mp4";
  m.info.hasVideo = true;
  m.info.frameRate = time::Rational(24);
  m.info.timeBase = time::Rational::make(1, 24).value();
  m.info.duration = 240;
  p.media.push_back(m);
  p.bins[0].items.push_back(m.id);
  model::Clip c;
  c.id = model::ClipId{p.nextId++};
  c.media = m.id;
  c.duration = time::FrameCount{48};
  c.name = "Shot_01_Take_01";
  p.sequences[0].tracks[0].clips.push_back(c);
  return p;
}

}  // namespace

TEST(SaveGuard, NonFiniteGradeIsRefusedAndTheOldFileKept) {
  const fs::path dir = fs::temp_directory_path() / ("postline_guard_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "Guard.postline";
  model::Project p = projectWithOneClip();
  ASSERT_TRUE(project::saveProject(p, file).ok());
  const auto goodSize = fs::file_size(file);

  p.sequences[0].tracks[0].clips[0].grade.normalise.exposure = std::numeric_limits<double>::quiet_NaN();
  auto r = project::saveProject(p, file);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find(file.string()), std::string::npos);
  EXPECT_NE(r.error().message.find("clip 'Shot_01_Take_01'"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("normalise.exposure"), std::string::npos) << r.error().message;
  EXPECT_EQ(fs::file_size(file), goodSize);
  EXPECT_TRUE(project::loadProject(file).ok());

  p.sequences[0].tracks[0].clips[0].grade.normalise.exposure = 0.5;
  p.sequences[0].tracks[0].clips[0].audio.gainDb = -std::numeric_limits<double>::infinity();
  EXPECT_FALSE(project::saveProject(p, file).ok());
  fs::remove_all(dir);
}

TEST(SaveGuard, OverlappingClipsAreNotWritten) {
  const fs::path dir = fs::temp_directory_path() / ("postline_guard2_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  model::Project p = projectWithOneClip();
  model::Clip second = p.sequences[0].tracks[0].clips[0];
  second.id = model::ClipId{p.nextId++};
  second.start = time::FramePos{10};
  p.sequences[0].tracks[0].clips.push_back(second);
  auto r = project::saveProject(p, dir / "Bad.postline");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("overlap"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "Bad.postline"));
  fs::remove_all(dir);
}
