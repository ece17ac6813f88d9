// Reframing keys in the project file (schema 5): written only when set, read back exactly, a
// schema 4 file upgraded, and bad keys refused with a message naming the clip and the key.
#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/model/validate.h"
#include "core/project/project_file.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using Json = nlohmann::ordered_json;

struct ReframeKeysFormat : ::testing::Test {
  testing::TempDir dir;
  model::Project p = testing::makeFullProject(dir.path() / "media");
  std::filesystem::path file = dir.path() / "Keys.postline";
  model::Clip& clip() { return p.sequences[0].tracks[0].clips[0]; }
  Json clipJson(const Json& doc) { return doc["sequences"][0]["tracks"][0]["clips"][0]; }
  // The error of loading `doc`, or "" when it loads.
  std::string loadError(const Json& doc) {
    auto r = fromJson(doc.dump(), file);
    return r.ok() ? "" : r.error().message;
  }
};

TEST_F(ReframeKeysFormat, RoundTripsAndIsLeftOutWhenUnset) {
  EXPECT_EQ(kSchemaVersion, 5);
  clip().reframeKeys.clear();
  EXPECT_FALSE(clipJson(Json::parse(toJson(p, file))).contains("reframe_keys"));
  clip().reframeKeys["9x16"] = {{0, 0.25, 0.5}, {48, 0.75, 0.4}};
  clip().reframeKeys["1x1"] = {{12, 0.125, 0.875}};
  const Json doc = Json::parse(toJson(p, file));
  EXPECT_EQ(doc["version"], 5);
  const Json keys = clipJson(doc)["reframe_keys"];
  EXPECT_EQ(keys["9x16"][1], (Json{{"source_frame", 48}, {"x", 0.75}, {"y", 0.4}}));
  ASSERT_TRUE(saveProject(p, file).ok());
  auto back = loadProject(file);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->project.sequences[0].tracks[0].clips[0].reframeKeys, clip().reframeKeys);
  EXPECT_TRUE(back->warnings.empty());
}

TEST_F(ReframeKeysFormat, ASchema4FileIsUpgradedWithoutKeys) {
  clip().reframeKeys.clear();
  Json doc = Json::parse(toJson(p, file));
  doc["version"] = 4;
  auto r = fromJson(doc.dump(), file);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->fileVersion, 4);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("upgraded from schema 4 to 5"), std::string::npos) << r->warnings[0];
  EXPECT_TRUE(r->project.sequences[0].tracks[0].clips[0].reframeKeys.empty());
  EXPECT_EQ(r->project, p);
}

TEST_F(ReframeKeysFormat, BadKeysAreRefusedNamingTheClipAndTheKey) {
  clip().reframeKeys["9x16"] = {{10, 0.5, 0.5}, {20, 0.5, 0.5}};
  const Json good = Json::parse(toJson(p, file));
  ASSERT_EQ(loadError(good), "");
  const std::string clipName = clip().name;
  const auto withKey = [&](const char* aspect, const Json& keys) {
    Json doc = good;
    doc["sequences"][0]["tracks"][0]["clips"][0]["reframe_keys"] = Json{{aspect, keys}};
    return doc;
  };
  const Json k0{{"source_frame", 10}, {"x", 0.5}, {"y", 0.5}};
  std::string e = loadError(withKey("9x16", Json::array({k0, {{"source_frame", 20}, {"x", 1.5}, {"y", 0.5}}})));
  EXPECT_NE(e.find("clip '" + clipName + "'"), std::string::npos) << e;
  EXPECT_NE(e.find("'9x16', key 1 (source frame 20): x and y must lie in 0..1"), std::string::npos) << e;
  e = loadError(withKey("9x16", Json::array({k0, k0})));
  EXPECT_NE(e.find("increasing source frame order"), std::string::npos) << e;
  e = loadError(withKey("9:16", Json::array({k0})));
  EXPECT_NE(e.find("width x height in lowest terms"), std::string::npos) << e;
  e = loadError(withKey("18x32", Json::array({k0})));
  EXPECT_NE(e.find("lowest terms"), std::string::npos) << e;
  e = loadError(withKey("9x16", Json::array()));
  EXPECT_NE(e.find("the list is empty"), std::string::npos) << e;
  e = loadError(withKey("9x16", Json::array({{{"source_frame", -3}, {"x", 0.5}, {"y", 0.5}}})));
  EXPECT_NE(e.find("reframe_keys.9x16[0].source_frame"), std::string::npos) << e;
  e = loadError(withKey("9x16", Json::array({{{"source_frame", 3}, {"x", "left"}, {"y", 0.5}}})));
  EXPECT_NE(e.find("reframe_keys.9x16[0].x"), std::string::npos) << e;
  e = loadError(withKey("9x16", Json{{"source_frame", 3}}));
  EXPECT_NE(e.find("reframe_keys.9x16"), std::string::npos) << e;
  // The model refuses the same values directly (edits, the CLI).
  clip().reframeKeys["9x16"][0].y = std::nan("");
  auto v = model::validate(p);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("x and y must lie in 0..1"), std::string::npos) << v.error().message;
}

}  // namespace
}  // namespace postline::project
