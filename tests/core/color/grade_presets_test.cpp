#include "core/color/grade_presets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

namespace postline::color {
namespace {

const GradePreset& preset(const std::string& id) {
  static const GradePreset none{};
  const auto r = findGradePreset(id);
  EXPECT_TRUE(r.ok()) << id;
  if (!r.ok()) return none;
  for (const auto& p : gradePresets())
    if (p.id == id) return p;
  return none;
}

TEST(GradePresetsTest, IdsAreTheDocumentedOnesAndUnique) {
  const std::vector<std::string> expected = {"normalise-only",        "warm-morning",    "cool-cinematic",
                                             "film-warm-negative",    "film-neutral-negative",
                                             "film-cool-slide",       "film-tungsten-halation"};
  std::vector<std::string> ids;
  for (const auto& p : gradePresets()) {
    ids.push_back(p.id);
    EXPECT_FALSE(p.name.empty()) << p.id;
    EXPECT_GT(p.description.size(), 20u) << p.id;
  }
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
}

TEST(GradePresetsTest, EveryPresetValidates) {
  for (const auto& p : gradePresets()) {
    const auto v = p.grade.validate();
    EXPECT_TRUE(v.ok()) << p.id << ": " << (v.ok() ? "" : v.error().message);
  }
}

TEST(GradePresetsTest, NormaliseOnlyIsNeutral) {
  const auto& p = preset("normalise-only");
  EXPECT_TRUE(p.grade.isIdentity());
  EXPECT_TRUE(p.grade.grade.creative.lut.path.empty());
  EXPECT_EQ(p.grade.film.grain.amount, 0.0);
}

TEST(GradePresetsTest, WarmMorningIsWarmSoftAndLight) {
  const auto& g = preset("warm-morning").grade;
  const auto& n = g.grade.normalise;
  EXPECT_GE(n.saturation, 0.85);
  EXPECT_LE(n.saturation, 0.9);
  EXPECT_GT(n.midtones, 0.0);  // lifted mids
  const auto& s = g.grade.creative.split;
  EXPECT_GT(s.shadowAmount, 0.0);
  EXPECT_GE(s.shadowHue, 10.0);  // orange/amber shadows
  EXPECT_LE(s.shadowHue, 60.0);
  EXPECT_GT(s.highlightAmount, 0.0);
  EXPECT_GE(s.highlightHue, 20.0);
  EXPECT_LE(s.highlightHue, 60.0);
  EXPECT_GT(g.film.grain.amount, 0.0);
  EXPECT_LE(g.film.grain.amount, 0.025);  // light
  EXPECT_GT(g.film.vignette.amount, 0.0);
  EXPECT_TRUE(g.grade.creative.lut.path.empty());
}

TEST(GradePresetsTest, CoolCinematicHasTealShadowsAndNoOrange) {
  const auto& g = preset("cool-cinematic").grade;
  EXPECT_DOUBLE_EQ(g.grade.normalise.contrast, 1.1);
  const auto& s = g.grade.creative.split;
  EXPECT_GT(s.shadowAmount, 0.0);
  EXPECT_GE(s.shadowHue, 170.0);  // teal
  EXPECT_LE(s.shadowHue, 220.0);
  EXPECT_TRUE(s.highlightAmount == 0.0 || (s.highlightHue >= 170.0 && s.highlightHue <= 250.0))
      << "highlights must stay cool, not orange";
  EXPECT_LT(g.grade.normalise.temperature, 0.0);
  EXPECT_GT(g.film.vignette.amount, 0.0);
  EXPECT_GT(g.film.grain.amount, 0.0);
}

TEST(GradePresetsTest, FilmPresetsUseTheShippedLooks) {
  const std::pair<const char*, const char*> films[] = {{"film-warm-negative", "warm_negative.cube"},
                                                       {"film-neutral-negative", "neutral_negative.cube"},
                                                       {"film-cool-slide", "cool_slide.cube"},
                                                       {"film-tungsten-halation", "tungsten_halation.cube"}};
  for (const auto& [id, file] : films) {
    const auto& g = preset(id).grade;
    const std::filesystem::path lut = g.grade.creative.lut.path;
    EXPECT_EQ(lut.filename(), file) << id;
    EXPECT_EQ(lut.parent_path().filename(), "looks") << id;
    EXPECT_TRUE(std::filesystem::exists(lut)) << lut;
    EXPECT_DOUBLE_EQ(g.grade.creative.lut.mix, 1.0) << id;
    EXPECT_GT(g.film.grain.amount, 0.0) << id;
    EXPECT_LT(g.film.ceiling.ceiling, 1.0) << id;
    EXPECT_FALSE(g.isIdentity()) << id;
  }
  // The tungsten look is the halation one.
  const double tungsten = preset("film-tungsten-halation").grade.film.halation.amount;
  for (const char* id : {"film-warm-negative", "film-neutral-negative", "film-cool-slide"})
    EXPECT_GT(tungsten, 2 * preset(id).grade.film.halation.amount) << id;
}

TEST(GradePresetsTest, UnknownIdListsTheValidOnes) {
  const auto r = findGradePreset("sepia");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(r.error().message.find("sepia"), std::string::npos);
  for (const auto& p : gradePresets()) EXPECT_NE(r.error().message.find(p.id), std::string::npos) << p.id;
  ASSERT_TRUE(findGradePreset("cool-cinematic").ok());
  EXPECT_EQ(findGradePreset("cool-cinematic")->name, "Cool cinematic");
}

}  // namespace
}  // namespace postline::color
