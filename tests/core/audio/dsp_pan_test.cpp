// Constant-power pan law, unity at centre.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/audio/dsp/pan.h"

namespace {

using postline::audio::dsp::panGains;

TEST(DspPan, EndsCentreAndConstantPower) {
  EXPECT_EQ(panGains(0.0).left, 1.0f);
  EXPECT_EQ(panGains(0.0).right, 1.0f);
  EXPECT_FLOAT_EQ(panGains(-1.0).left, std::sqrt(2.0f));
  EXPECT_EQ(panGains(-1.0).right, 0.0f);
  EXPECT_EQ(panGains(1.0).left, 0.0f);
  EXPECT_FLOAT_EQ(panGains(1.0).right, std::sqrt(2.0f));
  EXPECT_NEAR(panGains(0.5).left, 2.0 * std::cos(3.0 * std::numbers::pi / 8.0) / std::sqrt(2.0), 1e-6);  // theta 67.5 deg
  EXPECT_NEAR(panGains(0.5).right, 2.0 * std::sin(3.0 * std::numbers::pi / 8.0) / std::sqrt(2.0), 1e-6);
  for (double p = -1.0; p <= 1.0; p += 0.125) {
    const auto g = panGains(p);
    EXPECT_NEAR(g.left * g.left + g.right * g.right, 2.0, 1e-6) << p;
  }
  EXPECT_EQ(panGains(-7.0).right, 0.0f);  // clamped
  EXPECT_EQ(panGains(3.0).left, 0.0f);
}

}  // namespace
