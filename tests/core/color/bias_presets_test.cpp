// Generator-bias presets: valid Normalise values that push the picture the named way.
#include "core/color/bias_presets.h"

#include <gtest/gtest.h>

namespace postline::color {
namespace {

TEST(BiasPresets, CoolThenWarmAndEachValid) {
  const auto& presets = biasPresets();
  ASSERT_EQ(presets.size(), 2u);
  EXPECT_EQ(presets[0].id, "cool-bias");
  EXPECT_EQ(presets[1].id, "warm-bias");
  for (const BiasPreset& p : presets) {
    Grade g;
    g.normalise = p.normalise;
    EXPECT_TRUE(g.validate().ok()) << p.id;
    EXPECT_FALSE(g.isIdentity()) << p.id;
    EXPECT_FALSE(p.name.empty());
  }
}

TEST(BiasPresets, CoolBiasWarmsAndWarmBiasCools) {
  const auto& presets = biasPresets();
  EXPECT_GT(presets[0].normalise.temperature, 0.0);
  EXPECT_GT(presets[0].normalise.gain[0], presets[0].normalise.gain[2]);
  EXPECT_LT(presets[1].normalise.temperature, 0.0);
  EXPECT_LT(presets[1].normalise.gain[0], presets[1].normalise.gain[2]);
}

}  // namespace
}  // namespace postline::color
