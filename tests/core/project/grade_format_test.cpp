// Grades in the project file: schema 2 sections, defaults, errors, LUT paths, the 1 -> 2 upgrade.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/project/project_file.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using base::ErrorCode;
using testing::TempDir;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

class GradeFormat : public ::testing::Test {
 protected:
  void SetUp() override {
    m_project = testing::makeFullProject(m_dir.path() / "media");
    m_doc = Json::parse(toJson(m_project, file()));
  }
  fs::path file() const { return m_dir.path() / "Demo.postline"; }
  base::Result<LoadReport> loadDoc() { return fromJson(m_doc.dump(1), file()); }
  Json& firstClip() { return m_doc["sequences"][0]["tracks"][0]["clips"][0]; }
  model::Clip& projectClip() { return m_project.sequences[0].tracks[0].clips[0]; }
  // Expects failure with `code` and a message containing `needle`.
  static void expectError(const base::Result<LoadReport>& r, ErrorCode code, const std::string& needle) {
    ASSERT_FALSE(r.ok()) << "loaded although it should not";
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
  }

  TempDir m_dir;
  model::Project m_project;
  Json m_doc;
};

TEST_F(GradeFormat, EveryGradeFieldRoundTrips) {
  auto r = loadDoc();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->project.sequences[0].tracks[0].clips[0].grade, testing::fancyGrade());
  EXPECT_EQ(r->project.sequences[0].settings.timelineGrade, testing::fancyTimelineGrade());
  EXPECT_EQ(r->project, m_project);
}

TEST_F(GradeFormat, OnlyNonDefaultSectionsAreWritten) {
  model::Clip& c = projectClip();
  c.grade = color::Grade{};
  c.grade.creative.split.balance = 0.5;
  m_project.sequences[0].settings.timelineGrade = color::TimelineGrade{};
  m_project.sequences[0].settings.timelineGrade.film.grain.amount = 0.02;
  const Json doc = Json::parse(toJson(m_project, file()));
  const Json& grade = doc["sequences"][0]["tracks"][0]["clips"][0]["grade"];
  EXPECT_FALSE(grade.contains("normalise"));
  EXPECT_EQ(grade["creative"].size(), 1u);
  EXPECT_EQ(grade["creative"]["split"]["balance"], 0.5);
  const Json& timeline = doc["sequences"][0]["timeline_grade"];
  EXPECT_FALSE(timeline.contains("grade"));
  EXPECT_EQ(timeline["film"].size(), 1u);
  EXPECT_EQ(timeline["film"]["grain"]["amount"], 0.02);
  auto r = fromJson(doc.dump(), file());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->project, m_project);
}

TEST_F(GradeFormat, MissingSectionsAreTheIdentity) {
  firstClip()["grade"] = Json::object();
  m_doc["sequences"][0]["timeline_grade"] = {{"film", Json::object()}};
  firstClip()["grade"]["creative"] = {{"curves", {{"red", Json::array({Json::array({0.0, 0.1})})}}}};
  auto r = loadDoc();
  ASSERT_TRUE(r.ok()) << r.error().message;
  color::Grade expected;
  expected.creative.curves.red = {{0.0, 0.1}};
  EXPECT_EQ(r->project.sequences[0].tracks[0].clips[0].grade, expected);
  EXPECT_EQ(r->project.sequences[0].settings.timelineGrade, color::TimelineGrade{});
}

TEST_F(GradeFormat, WrongTypesNameTheJsonPath) {
  const std::string clip = "sequences[0].tracks[0].clips[0].grade.";
  Json saved = m_doc;
  firstClip()["grade"]["creative"]["curves"]["master"][1] = 0.5;
  expectError(loadDoc(), ErrorCode::Parse, clip + "creative.curves.master[1]: expected a point [x, y]");
  m_doc = saved;
  firstClip()["grade"]["creative"]["curves"]["blue"][0][1] = "high";
  expectError(loadDoc(), ErrorCode::Parse, clip + "creative.curves.blue[0][1]: expected a finite number");
  m_doc = saved;
  firstClip()["grade"]["normalise"]["gain"] = Json::array({1, 1, 1});
  expectError(loadDoc(), ErrorCode::Parse, clip + "normalise.gain: expected 4 numbers");
  m_doc = saved;
  firstClip()["grade"]["creative"]["lut"]["mix"] = "full";
  expectError(loadDoc(), ErrorCode::Parse, clip + "creative.lut.mix: expected a number, found a string");
  m_doc = saved;
  firstClip()["grade"]["creative"]["split"].erase("balance");
  expectError(loadDoc(), ErrorCode::Parse, clip + "creative.split.balance: missing");
  m_doc = saved;
  firstClip()["grade"]["creative"] = Json::array();
  expectError(loadDoc(), ErrorCode::Parse, clip + "creative: expected an object, found an array");
  m_doc = saved;
  m_doc["sequences"][0]["timeline_grade"]["film"]["grain"]["luma_weight"] = true;
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].timeline_grade.film.grain.luma_weight: expected a number");
  m_doc = saved;
  m_doc["sequences"][0]["timeline_grade"]["film"]["vignette"].erase("feather");
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].timeline_grade.film.vignette.feather: missing");
}

TEST_F(GradeFormat, OutOfRangeValuesNameTheClipAndField) {
  firstClip()["grade"]["normalise"]["exposure"] = 12.0;
  expectError(loadDoc(), ErrorCode::InvalidArgument, "clip 'Shot 1 \xe2\x80\x94 hero' on V1 has an invalid grade: "
                                                     "normalise.exposure 12 is outside -8..8");
  m_doc["sequences"][0]["tracks"][0]["clips"][0]["grade"]["normalise"]["exposure"] = 0.0;
  m_doc["sequences"][0]["timeline_grade"]["film"]["grain"]["amount"] = 0.5;
  expectError(loadDoc(), ErrorCode::InvalidArgument, "sequence 'Sequence 01' has an invalid timeline grade: film.grain.amount 0.5");
}

// A LUT inside the project folder is written relative and follows the folder when it moves.
TEST_F(GradeFormat, RelativeLutPathsFollowAMovedProjectFolder) {
  const fs::path oldRoot = m_dir.path() / "job";
  testing::writeText(oldRoot / "looks" / "teal.cube", "LUT_3D_SIZE 2\n");
  model::Project p = testing::makeFullProject(oldRoot / "media");
  p.sequences[0].tracks[0].clips[0].grade.creative.lut.path = (oldRoot / "looks" / "teal.cube").string();
  ASSERT_TRUE(saveProject(p, oldRoot / "Demo.postline").ok());
  const Json doc = Json::parse(testing::readText(oldRoot / "Demo.postline"));
  EXPECT_EQ(doc["sequences"][0]["tracks"][0]["clips"][0]["grade"]["creative"]["lut"]["path"], "looks/teal.cube");
  const fs::path newRoot = m_dir.path() / "moved" / "job";
  fs::create_directories(newRoot.parent_path());
  fs::rename(oldRoot, newRoot);
  auto r = loadProject(newRoot / "Demo.postline");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->project.sequences[0].tracks[0].clips[0].grade.creative.lut.path,
            (newRoot / "looks" / "teal.cube").string());
}

// A schema 1 file: the flat clip grade of the old format.
TEST_F(GradeFormat, ASchema1FileLoadsWithTheSameValues) {
  m_doc["version"] = 1;
  m_doc["sequences"][0].erase("timeline_grade");
  firstClip()["grade"] = Json::parse(R"({"temperature": 12.5, "tint": -3.25, "exposure": 0.75, "contrast": 1.2,
      "pivot": 0.2, "saturation": 1.1, "lift": [0.01, 0.02, 0.03, 0.04], "gamma": [1.1, 0.9, 1.05, 0.95],
      "gain": [1.2, 1.1, 0.8, 1.01], "offset": [-0.01, 0.0, 0.02, 0.001], "lut_path": "/luts/film look.cube",
      "lut_mix": 0.65})");
  Json& second = m_doc["sequences"][0]["tracks"][0]["clips"][1];
  second["grade"] = Json::parse(R"({"temperature": 0, "tint": 0, "exposure": -1.5, "contrast": 1, "pivot": 0.18,
      "saturation": 1, "lift": [0, 0, 0, 0], "gamma": [1, 1, 1, 1], "gain": [1, 1, 1, 1], "offset": [0, 0, 0, 0],
      "lut_path": "", "lut_mix": 1})");
  auto r = loadDoc();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->fileVersion, 1);
  ASSERT_EQ(r->warnings.size(), 4u);  // 1 -> 2, then 2 -> 3 (which changes nothing), 3 -> 4, 4 -> 5 (nothing)
  EXPECT_NE(r->warnings[0].find("upgraded from schema 1 to 2"), std::string::npos);

  color::Grade first;
  first.normalise = testing::fancyGrade().normalise;
  first.normalise.shadows = first.normalise.midtones = first.normalise.highlights = 0.0;
  first.creative.lut = {"/luts/film look.cube", 0.65};
  model::Project expected = m_project;
  expected.sequences[0].settings.timelineGrade = color::TimelineGrade{};
  expected.sequences[0].tracks[0].clips[0].grade = first;
  expected.sequences[0].tracks[0].clips[1].grade.normalise.exposure = -1.5;
  EXPECT_EQ(r->project.sequences[0].tracks[0].clips[0].grade, first);
  EXPECT_EQ(r->project.sequences[0].tracks[0].clips[1].grade.creative, color::Creative{});
  EXPECT_EQ(r->project, expected);
}

// A malformed schema 1 grade is reported by the reader at its new place, not by a crash.
TEST_F(GradeFormat, ABrokenSchema1GradeIsAParseError) {
  m_doc["version"] = 1;
  firstClip()["grade"] = {{"temperature", "warm"}};
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].tracks[0].clips[0].grade.normalise.temperature: expected a number");
  firstClip()["grade"] = Json::array();
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].tracks[0].clips[0].grade: expected an object");
}

}  // namespace
}  // namespace postline::project
