// The upgrader chain: shipped chain, custom chains, gaps, failures.
#include "core/project/schema_upgrade.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "project_test_support.h"

namespace postline::project {
namespace {

using base::ErrorCode;
using testing::TempDir;
using Json = nlohmann::ordered_json;

// Renames member `from` to `to` in `obj`.
void rename(Json& obj, const char* from, const char* to) {
  obj[to] = std::move(obj[from]);
  obj.erase(from);
}

class SchemaUpgrade : public ::testing::Test {
 protected:
  void SetUp() override {
    m_project = testing::makeFullProject(m_dir.path() / "media");
    m_doc = Json::parse(toJson(m_project, file()));
  }
  std::filesystem::path file() const { return m_dir.path() / "Demo.postline"; }

  TempDir m_dir;
  model::Project m_project;
  Json m_doc;
};

TEST_F(SchemaUpgrade, ThisBuildShipsTheUpgradersToSchema5) {
  EXPECT_EQ(kSchemaVersion, 5);
  ASSERT_EQ(shippedUpgraders().size(), 4u);
  EXPECT_EQ(shippedUpgraders()[0].fromVersion, 1);
  EXPECT_EQ(shippedUpgraders()[1].fromVersion, 2);
  EXPECT_EQ(shippedUpgraders()[2].fromVersion, 3);
  EXPECT_EQ(shippedUpgraders()[3].fromVersion, 4);
}

// A made-up schema 0 called the project name "title" and clip durations "length".
TEST_F(SchemaUpgrade, AnOlderFileIsUpgradedByTheChain) {
  m_doc["version"] = 0;
  rename(m_doc, "name", "title");
  for (Json& track : m_doc["sequences"][0]["tracks"]) {
    for (Json& clip : track["clips"]) rename(clip, "duration", "length");
  }
  const UpgraderChain chain = {{0, "clip 'length' became 'duration'", [](Json& doc) -> base::Result<void> {
                                  rename(doc, "title", "name");
                                  for (Json& seq : doc.at("sequences")) {
                                    for (Json& track : seq.at("tracks")) {
                                      for (Json& clip : track.at("clips")) rename(clip, "length", "duration");
                                    }
                                  }
                                  return {};
                                }}};
  auto plain = fromJson(m_doc.dump(), file());
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.error().code, ErrorCode::Version);

  auto r = fromJson(m_doc.dump(), file(), chain, 1);  // the made-up chain ends at schema 1
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->project, m_project);
  EXPECT_EQ(r->fileVersion, 0);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0], "upgraded from schema 0 to 1: clip 'length' became 'duration'");
}

// Steps run in version order whatever order they are listed in, and see the version they expect.
TEST_F(SchemaUpgrade, StepsRunInOrderToTheTargetVersion) {
  m_doc["version"] = 1;
  std::vector<int> seen;
  const UpgraderChain chain = {
      {2, "two", [&seen](Json& doc) -> base::Result<void> {
         seen.push_back(doc.at("version").get<int>());
         rename(doc, "title", "name");
         return {};
       }},
      {1, "one", [&seen](Json& doc) -> base::Result<void> {
         seen.push_back(doc.at("version").get<int>());
         rename(doc, "name", "title");
         return {};
       }},
  };
  auto r = fromJson(m_doc.dump(), file(), chain, 3);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(seen, (std::vector<int>{1, 2}));
  EXPECT_EQ(r->project, m_project);
  EXPECT_EQ(r->warnings, (std::vector<std::string>{"upgraded from schema 1 to 2: one", "upgraded from schema 2 to 3: two"}));
}

TEST_F(SchemaUpgrade, AGapInTheChainIsAVersionError) {
  m_doc["version"] = -1;
  const UpgraderChain chain = {{0, "", [](Json&) -> base::Result<void> { return {}; }}};
  auto r = fromJson(m_doc.dump(), file(), chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Version);
  EXPECT_EQ(r.error().message.rfind("'" + file().string() + "'", 0), 0u);
  EXPECT_NE(r.error().message.find("no upgrader from schema -1"), std::string::npos) << r.error().message;
}

TEST_F(SchemaUpgrade, AFailingStepKeepsItsError) {
  m_doc["version"] = 0;
  const UpgraderChain chain = {{0, "", [](Json&) -> base::Result<void> {
                                  return base::makeError(ErrorCode::Parse, "the old grade block is unreadable");
                                }}};
  auto r = fromJson(m_doc.dump(), file(), chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Parse);
  EXPECT_NE(r.error().message.find("upgrading from schema 0 to 1 failed: the old grade block is unreadable"),
            std::string::npos)
      << r.error().message;
}

TEST_F(SchemaUpgrade, AThrowingStepBecomesAParseError) {
  m_doc["version"] = 0;
  const UpgraderChain chain = {{0, "", [](Json& doc) -> base::Result<void> {
                                  doc.at("no_such_field");  // throws nlohmann::ordered_json::out_of_range
                                  return {};
                                }}};
  auto r = fromJson(m_doc.dump(), file(), chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Parse);
  EXPECT_NE(r.error().message.find("upgrading from schema 0 to 1 failed"), std::string::npos);
}

TEST_F(SchemaUpgrade, AStepThatBreaksTheDocumentIsCaught) {
  m_doc["version"] = 0;
  const UpgraderChain chain = {{0, "", [](Json& doc) -> base::Result<void> {
                                  doc = Json::array();
                                  return {};
                                }}};
  auto r = fromJson(m_doc.dump(), file(), chain);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("did not leave an object"), std::string::npos);
}

TEST_F(SchemaUpgrade, UpgradeDocumentSetsTheVersion) {
  Json doc = {{"version", 0}};
  const UpgraderChain chain = {{0, "", [](Json& d) -> base::Result<void> {
                                  d["added"] = true;
                                  return {};
                                }}};
  auto applied = upgradeDocument(doc, 0, 1, chain);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->size(), 1u);
  EXPECT_EQ(doc.at("version"), 1);
  EXPECT_EQ(doc.at("added"), true);
  auto none = upgradeDocument(doc, 1, 1, chain);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(SchemaUpgrade, NewerThanTheTargetIsRefused) {
  m_doc["version"] = 4;
  auto r = fromJson(m_doc.dump(), file(), UpgraderChain{}, 3);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Version);
  EXPECT_EQ(r.error().message,
            "'" + file().string() + "' was written by a newer Postline (schema 4); this build reads up to 3");
}

}  // namespace
}  // namespace postline::project
