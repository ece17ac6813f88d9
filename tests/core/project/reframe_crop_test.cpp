// Crop in the project file: written only when set, read back exactly, validated.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/model/validate.h"
#include "core/project/project_file.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using Json = nlohmann::ordered_json;

TEST(ReframeCrop, RoundTripsAndIsLeftOutWhenUnset) {
  testing::TempDir dir;
  model::Project p = testing::makeFullProject(dir.path() / "media");
  const auto file = dir.path() / "Crop.postline";
  model::Clip& clip = p.sequences[0].tracks[0].clips[0];
  clip.reframe = model::Reframe{};
  EXPECT_FALSE(Json::parse(toJson(p, file))["sequences"][0]["tracks"][0]["clips"][0].contains("reframe"));
  clip.reframe.cropLeft = 0.125;
  clip.reframe.cropBottom = 0.25;
  const Json doc = Json::parse(toJson(p, file));
  EXPECT_EQ(doc["sequences"][0]["tracks"][0]["clips"][0]["reframe"]["crop"]["left"], 0.125);
  auto back = fromJson(doc.dump(), file);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->project.sequences[0].tracks[0].clips[0].reframe, clip.reframe);
}

TEST(ReframeCrop, ACropBeyondHalfThePictureIsInvalid) {
  testing::TempDir dir;
  model::Project p = testing::makeFullProject(dir.path() / "media");
  p.sequences[0].tracks[0].clips[0].reframe.cropTop = 0.75;
  auto v = model::validate(p);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("crop"), std::string::npos) << v.error().message;
}

}  // namespace
}  // namespace postline::project
