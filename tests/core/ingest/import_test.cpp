#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>

#include "core/ingest/import.h"
#include "core/ingest/media_info.h"
#include "tests/core/media/media_fixtures.h"

using namespace postline;
namespace fs = std::filesystem;
namespace fx = postline::media::fixtures;
using time::Rational;

namespace {

class Import : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("postline_import_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path copy(const fs::path& from, const std::string& name) {
    fs::create_directories((m_dir / name).parent_path());
    fs::copy_file(from, m_dir / name);
    return m_dir / name;
  }

  const model::MediaItem& added(const ingest::ImportReport& r, std::size_t i) {
    return std::get<model::MediaAdded>(r.changes.changes[i + 1]).item;
  }
  model::BinId binOf(const ingest::ImportReport& r, std::size_t i) {
    return std::get<model::MediaAdded>(r.changes.changes[i + 1]).bin;
  }

  model::Project m_project = model::Project::createDefault("Test");
  fs::path m_dir;
};

}  // namespace

TEST_F(Import, FilesGoToTheirBinsWithProbedFacts) {
  auto r = ingest::planImport(m_project, {fx::h264WithAudio(), fx::wavStereo(), fx::pngAlpha()});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->added.size(), 3u);
  EXPECT_TRUE(r->errors.empty());
  EXPECT_TRUE(r->warnings.empty());
  EXPECT_EQ(binOf(*r, 0), m_project.standardBin("01_Source_Clips")->id);
  EXPECT_EQ(binOf(*r, 1), m_project.standardBin("02_Audio")->id);
  EXPECT_EQ(binOf(*r, 2), m_project.standardBin("03_Graphics")->id);
  const model::MediaItem& v = added(*r, 0);
  EXPECT_EQ(v.kind, model::MediaKind::Video);
  EXPECT_TRUE(v.info.hasVideo && v.info.hasAudio);
  EXPECT_EQ(v.info.timeBase, Rational::make(1, 24).value());
  EXPECT_EQ(v.info.duration, 48);
  EXPECT_EQ(v.info.width, 320);
  EXPECT_EQ(v.info.colorSpace, "bt709");
  EXPECT_EQ(v.info.sampleRate, 48000);
  EXPECT_TRUE(fs::path(v.path).is_absolute());
  const model::MediaItem& a = added(*r, 1);
  EXPECT_EQ(a.kind, model::MediaKind::Audio);
  EXPECT_EQ(a.info.timeBase, Rational::make(1, 48000).value());
  EXPECT_EQ(a.info.duration, 96000);
  const model::MediaItem& g = added(*r, 2);
  EXPECT_EQ(g.kind, model::MediaKind::Image);
  EXPECT_TRUE(g.info.still);
  EXPECT_EQ(g.info.width, 64);
  // The plan applies and undoes cleanly.
  model::Project p = m_project;
  ASSERT_TRUE(model::apply(p, r->changes).ok());
  EXPECT_EQ(p.media.size(), 3u);
  EXPECT_EQ(p.findMedia(r->added[0])->name, fx::h264WithAudio().stem().string());
  ASSERT_TRUE(model::apply(p, model::inverse(r->changes)).ok());
  EXPECT_EQ(p, m_project);
}

TEST_F(Import, AsReferenceUsesTheReferenceBin) {
  ingest::ImportOptions o;
  o.asReference = true;
  auto r = ingest::planImport(m_project, {fx::h264BFrames(), fx::wavMono()}, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->added.size(), 2u);
  EXPECT_EQ(binOf(*r, 0), m_project.standardBin("04_Reference")->id);
  EXPECT_EQ(binOf(*r, 1), m_project.standardBin("04_Reference")->id);
}

TEST_F(Import, FoldersAreSearchedAndShotTakeReadFromNames) {
  copy(fx::h264At23976(), "gen/Shot_02_Take_01.mp4");
  copy(fx::h264BFrames(), "gen/sub/shot-1 take 3.mp4");
  copy(fx::wavMono(), "gen/vo.wav");
  copy(fx::textAsMp4(), "gen/readme.txt");
  auto r = ingest::planImport(m_project, {m_dir / "gen"});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->added.size(), 3u);  // readme.txt is not media
  EXPECT_TRUE(r->errors.empty());
  EXPECT_EQ(added(*r, 0).shot, 2);
  EXPECT_EQ(added(*r, 0).take, 1);
  EXPECT_EQ(added(*r, 1).shot, 1);  // gen/sub/... sorts after gen/Shot...
  EXPECT_EQ(added(*r, 1).take, 3);
  EXPECT_EQ(added(*r, 2).name, "vo");
}

TEST_F(Import, BadFilesAreReportedAndTheRestGoesOn) {
  auto r = ingest::planImport(m_project, {fx::zeroBytes(), fx::wavStereo(), fx::textAsMp4(), fx::missingPath(),
                                          fx::unsupportedCodec()});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->added.size(), 1u);
  ASSERT_EQ(r->errors.size(), 4u);
  for (const ingest::ImportIssue& e : r->errors) {
    EXPECT_NE(e.message.find(e.file), std::string::npos) << e.message;
  }
  EXPECT_NE(r->errors[1].message.find("not a media file"), std::string::npos) << r->errors[1].message;
  EXPECT_NE(r->errors[3].message.find("unsupported video codec"), std::string::npos) << r->errors[3].message;
}

TEST_F(Import, DuplicatesAreSkipped) {
  const fs::path original = copy(fx::h264WithAudio(), "Shot_01_Take_01.mp4");
  const fs::path renamed = copy(fx::h264WithAudio(), "copy of it.mp4");
  auto first = ingest::planImport(m_project, {original, original, m_dir / "." / "Shot_01_Take_01.mp4"});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->added.size(), 1u);
  EXPECT_EQ(first->duplicates.size(), 2u);
  ASSERT_TRUE(model::apply(m_project, first->changes).ok());

  auto again = ingest::planImport(m_project, {original, renamed, fx::wavMono()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added.size(), 1u);  // only the WAV
  ASSERT_EQ(again->duplicates.size(), 2u);
  EXPECT_NE(again->duplicates[0].message.find("duplicate of Shot_01_Take_01"), std::string::npos)
      << again->duplicates[0].message;
  EXPECT_NE(again->duplicates[1].message.find("same size and first 64 KiB"), std::string::npos)
      << again->duplicates[1].message;
}

TEST_F(Import, ForeignAndVariableRatesAreFlaggedNotReinterpreted) {
  auto r = ingest::planImport(m_project, {fx::vfr(), fx::h264At2997(), fx::h264LongGop(), fx::truncatedMp4()});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->added.size(), 4u);
  ASSERT_GE(r->warnings.size(), 3u);
  EXPECT_NE(r->warnings[0].message.find("variable frame rate"), std::string::npos) << r->warnings[0].message;
  EXPECT_EQ(r->warnings[0].fix, "conform to 24 fps");
  EXPECT_NE(r->warnings[1].message.find("30000/1001 fps (29.97) differs"), std::string::npos) << r->warnings[1].message;
  EXPECT_EQ(r->warnings[1].fix, "conform to 24 fps");
  EXPECT_NE(r->warnings[2].message.find("truncated"), std::string::npos) << r->warnings[2].message;
  const model::MediaItem& vfr = added(*r, 0);
  EXPECT_TRUE(vfr.info.variableFrameRate);
  EXPECT_NE(vfr.info.timeBase, Rational::make(1, 24).value());
  EXPECT_NEAR(vfr.info.duration * vfr.info.timeBase.toDouble(), 2.855, 0.01);  // last frame lasts 42 ms
  const model::MediaItem& ntsc = added(*r, 1);
  EXPECT_EQ(ntsc.info.frameRate, Rational::make(30000, 1001).value());
  EXPECT_EQ(ntsc.info.timeBase, Rational::make(1001, 30000).value());
  EXPECT_EQ(ntsc.info.duration, 60);
}

TEST_F(Import, UnknownSequenceIsAnError) {
  ingest::ImportOptions o;
  o.sequence = model::SequenceId{999999};
  EXPECT_FALSE(ingest::planImport(m_project, {fx::wavMono()}, o).ok());
}
