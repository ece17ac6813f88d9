// Hostile input: every broken file gives a clear error naming the file, never a crash.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "core/project/project_file.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using base::ErrorCode;
using testing::TempDir;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

class HostileInput : public ::testing::Test {
 protected:
  void SetUp() override {
    m_project = testing::makeFullProject(m_dir.path() / "media");
    m_doc = Json::parse(toJson(m_project, file()));
  }
  fs::path file() const { return m_dir.path() / "Demo.postline"; }
  // Loads `text` through the file system, as the editor would.
  base::Result<LoadReport> loadText(const std::string& text) {
    testing::writeText(file(), text);
    return loadProject(file());
  }
  // Loads the (edited) document.
  base::Result<LoadReport> loadDoc() { return loadText(m_doc.dump(1)); }
  // Expects failure with `code`, a message starting with the quoted file path and containing `needle`.
  void expectError(const base::Result<LoadReport>& r, ErrorCode code, const std::string& needle) {
    ASSERT_FALSE(r.ok()) << "loaded although it should not";
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_EQ(r.error().message.rfind("'" + file().string() + "'", 0), 0u) << r.error().message;
    EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
  }
  Json& firstClip() { return m_doc["sequences"][0]["tracks"][0]["clips"][0]; }

  TempDir m_dir;
  model::Project m_project;
  Json m_doc;
};

TEST_F(HostileInput, TheUntouchedDocumentLoads) {
  auto r = loadDoc();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->project, m_project);
}

TEST_F(HostileInput, EmptyFile) { expectError(loadText(""), ErrorCode::Parse, "is empty"); }

TEST_F(HostileInput, WhitespaceOnlyFile) { expectError(loadText(" \n\t\n"), ErrorCode::Parse, "is empty"); }

TEST_F(HostileInput, TruncatedJson) {
  const std::string text = m_doc.dump(2);
  expectError(loadText(text.substr(0, text.size() / 2)), ErrorCode::Parse, "is not valid JSON");
}

TEST_F(HostileInput, WrongTypeNamesTheFieldPath) {
  m_doc["sequences"][0]["tracks"][2]["clips"][1]["duration"] = "thirty";
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].tracks[2].clips[1].duration: expected an integer, found a string");
}

TEST_F(HostileInput, NumberWhereAStringBelongs) {
  m_doc["media"][1]["info"]["time_base"] = 25;
  expectError(loadDoc(), ErrorCode::Parse, "media[1].info.time_base: expected a string, found a number");
}

TEST_F(HostileInput, ObjectWhereAnArrayBelongs) {
  m_doc["sequences"][0]["tracks"] = Json::object();
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].tracks: expected an array, found an object");
}

TEST_F(HostileInput, ArrayElementOfTheWrongType) {
  m_doc["bins"][0]["items"][0] = "x";
  expectError(loadDoc(), ErrorCode::Parse, "bins[0].items[0]: expected an integer");
}

TEST_F(HostileInput, MissingField) {
  m_doc["media"][0].erase("name");
  expectError(loadDoc(), ErrorCode::Parse, "media[0].name: missing");
}

TEST_F(HostileInput, MissingFieldInAnOptionalGroup) {
  firstClip()["grade"]["normalise"].erase("pivot");
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].tracks[0].clips[0].grade.normalise.pivot: missing");
}

TEST_F(HostileInput, NegativeDuration) {
  firstClip()["duration"] = -5;
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].tracks[0].clips[0].duration: must be between 0 and");
}

TEST_F(HostileInput, ZeroDuration) {
  firstClip()["duration"] = 0;
  expectError(loadDoc(), ErrorCode::Parse, "clips[0].duration: must be positive, found 0");
}

TEST_F(HostileInput, ZeroSpeed) {
  firstClip()["speed"] = "0/1";
  expectError(loadDoc(), ErrorCode::Parse, "clips[0].speed: must be positive");
}

TEST_F(HostileInput, BadRational) {
  firstClip()["speed"] = "fast";
  expectError(loadDoc(), ErrorCode::Parse, "clips[0].speed: 'fast' is not an exact rational");
  firstClip()["speed"] = "1/0";
  expectError(loadDoc(), ErrorCode::Parse, "clips[0].speed: '1/0' is not an exact rational");
}

TEST_F(HostileInput, UnknownEnumValue) {
  m_doc["sequences"][0]["settings"]["color_space"] = "p3";
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].settings.color_space: unknown value 'p3' (expected one of rec709, rec2020)");
}

TEST_F(HostileInput, IdReferringToNothing) {
  firstClip()["media"] = 9999;
  expectError(loadDoc(), ErrorCode::InvalidArgument, "refers to media that is not in the project");
}

TEST_F(HostileInput, TransitionReferringToNothing) {
  m_doc["sequences"][0]["transitions"][0]["right"] = 9999;
  expectError(loadDoc(), ErrorCode::InvalidArgument, "transition refers to clips that are not on its track");
}

TEST_F(HostileInput, DuplicatedIds) {
  m_doc["sequences"][0]["tracks"][0]["clips"][1]["id"] = firstClip()["id"];
  expectError(loadDoc(), ErrorCode::InvalidArgument, "reuses id");
}

TEST_F(HostileInput, IdAtOrAboveNextId) {
  m_doc["next_id"] = 2;
  expectError(loadDoc(), ErrorCode::InvalidArgument, "outside the project's ids");
}

TEST_F(HostileInput, OverlappingClips) {
  m_doc["sequences"][0]["tracks"][0]["clips"][1]["start"] = 20;
  expectError(loadDoc(), ErrorCode::InvalidArgument, "overlap");
}

TEST_F(HostileInput, AbsurdValues) {
  m_doc["sequences"][0]["settings"]["width"] = 1000000000;
  expectError(loadDoc(), ErrorCode::Parse, "sequences[0].settings.width: must be between 1 and 65536, found 1000000000");
}

TEST_F(HostileInput, IntegerBeyondSixtyFourBits) {
  std::string text = m_doc.dump();
  const std::string key = "\"next_id\":" + std::to_string(m_project.nextId);
  text.replace(text.find(key), key.size(), "\"next_id\":123456789012345678901234567890");
  expectError(loadText(text), ErrorCode::Parse, "next_id: expected an integer, found a number");
}

TEST_F(HostileInput, FileLargerThanTheLimitIsRefusedUnread) {
  testing::writeText(file(), "{");
  fs::resize_file(file(), (std::uintmax_t{256} << 20) + 1);  // sparse: costs no disk
  expectError(loadProject(file()), ErrorCode::InvalidArgument, "is too large");
}

TEST_F(HostileInput, DeeplyNestedJson) {
  expectError(loadText(std::string(100000, '[')), ErrorCode::Parse, "nested deeper than");
  expectError(loadText(std::string(100000, '{')), ErrorCode::Parse, "nested deeper than");
}

TEST_F(HostileInput, BracketsInsideStringsAreNotNesting) {
  m_project.media[0].notes = std::string(5000, '[') + "\\\"" + std::string(5000, '{');
  m_doc = Json::parse(toJson(m_project, file()));
  auto r = loadDoc();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->project.media[0].notes, m_project.media[0].notes);
}

TEST_F(HostileInput, BinaryGarbage) {
  std::mt19937 rng(1234);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xff);
  expectError(loadText(bytes), ErrorCode::Parse, "is not valid JSON");
}

TEST_F(HostileInput, InvalidUtf8InAString) {
  std::string text = m_doc.dump();
  text.replace(text.find("Demo Project"), 4, "D\xff\xfeo");
  expectError(loadText(text), ErrorCode::Parse, "is not valid JSON");
}

TEST_F(HostileInput, FolderInsteadOfAFile) {
  fs::create_directories(file());
  expectError(loadProject(file()), ErrorCode::Io, "is a folder");
}

TEST_F(HostileInput, MissingFile) {
  expectError(loadProject(file()), ErrorCode::NotFound, "could not be opened: No such file or directory");
}

TEST_F(HostileInput, NewerSchemaVersion) {
  m_doc["version"] = 7;
  auto r = loadDoc();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Version);
  EXPECT_EQ(r.error().message,
            "'" + file().string() + "' was written by a newer Postline (schema 7); this build reads up to " +
                std::to_string(kSchemaVersion));
}

TEST_F(HostileInput, OlderSchemaWithoutAnUpgrader) {
  m_doc["version"] = 0;
  expectError(loadDoc(), ErrorCode::Version, "no upgrader from schema 0");
}

TEST_F(HostileInput, VersionOfTheWrongType) {
  m_doc["version"] = "1";
  expectError(loadDoc(), ErrorCode::Parse, "version: expected an integer");
}

TEST_F(HostileInput, MissingFormatMarker) {
  m_doc.erase("format");
  expectError(loadDoc(), ErrorCode::Parse, "is not a Postline project (no \"format\": \"postline-project\" marker)");
}

TEST_F(HostileInput, OtherFormatMarker) {
  m_doc["format"] = "some-other-editor";
  expectError(loadDoc(), ErrorCode::Parse, "is not a Postline project");
}

TEST_F(HostileInput, TopLevelIsNotAnObject) {
  expectError(loadText("[1, 2, 3]"), ErrorCode::Parse, "the top level is not a JSON object");
  expectError(loadText("42"), ErrorCode::Parse, "the top level is not a JSON object");
}

TEST_F(HostileInput, MissingStandardBinFailsValidation) {
  m_doc["bins"].erase(0);
  expectError(loadDoc(), ErrorCode::InvalidArgument, "invalid project: the standard bin 01_Source_Clips is missing");
}

// Every prefix of a valid file, and random byte flips, give an error or a project: never a crash.
TEST_F(HostileInput, TruncationsAndByteFlipsNeverCrash) {
  const std::string text = m_doc.dump(1);
  for (std::size_t n = 0; n < text.size(); n += 1 + text.size() / 700) {
    auto r = fromJson(std::string_view(text).substr(0, n), file());
    EXPECT_FALSE(r.ok()) << "a " << n << "-byte prefix loaded";
  }
  std::mt19937 rng(99);
  int loaded = 0;
  for (int i = 0; i < 500; ++i) {
    std::string mutated = text;
    for (int k = 0; k < 3; ++k) mutated[rng() % mutated.size()] = static_cast<char>(rng() & 0xff);
    auto r = fromJson(mutated, file());
    if (r.ok()) ++loaded;
    else EXPECT_EQ(r.error().message.rfind("'" + file().string() + "'", 0), 0u) << r.error().message;
  }
  EXPECT_LT(loaded, 500);
}

}  // namespace
}  // namespace postline::project
