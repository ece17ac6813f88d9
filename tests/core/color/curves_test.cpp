#include "core/color/curves.h"

#include <gtest/gtest.h>

#include <cmath>

namespace postline::color {
namespace {

TEST(Curves, FewerThanTwoPointsIsIdentity) {
  MonotoneCubic none({});
  MonotoneCubic one({{0.3, 0.7}});
  for (double x : {-0.5, 0.0, 0.25, 1.0, 1.5}) {
    EXPECT_DOUBLE_EQ(none(x), x);
    EXPECT_DOUBLE_EQ(one(x), x);
  }
  EXPECT_TRUE(curvesAreIdentity(Curves{}));
  EXPECT_TRUE(curvesAreIdentity(Curves{{{0, 0}, {0.5, 0.5}, {1, 1}}, {}, {}, {}}));
  EXPECT_FALSE(curvesAreIdentity(Curves{{{0, 0}, {0.5, 0.6}, {1, 1}}, {}, {}, {}}));
}

TEST(Curves, PassesThroughItsPointsAndHoldsFlatOutside) {
  const std::vector<CurvePoint> pts{{0.1, 0.05}, {0.3, 0.4}, {0.6, 0.65}, {0.9, 0.95}};
  MonotoneCubic c(pts);
  for (const auto& p : pts) EXPECT_NEAR(c(p.x), p.y, 1e-12);
  EXPECT_DOUBLE_EQ(c(0.0), 0.05);
  EXPECT_DOUBLE_EQ(c(1.0), 0.95);
}

TEST(Curves, MonotoneDataGivesMonotoneCurveWithoutOvershoot) {
  // A steep step that an ordinary natural spline would overshoot.
  MonotoneCubic c({{0, 0}, {0.4, 0.02}, {0.5, 0.9}, {1, 1}});
  double prev = -1;
  for (int i = 0; i <= 1000; ++i) {
    const double y = c(i / 1000.0);
    EXPECT_GE(y, prev - 1e-15) << "at " << i;
    EXPECT_GE(y, 0.0);
    EXPECT_LE(y, 1.0);
    prev = y;
  }
}

TEST(Curves, StraightLinePointsGiveTheLine) {
  MonotoneCubic c({{0, 0.2}, {0.5, 0.45}, {1, 0.7}});
  for (double x = 0; x <= 1.0; x += 0.05) EXPECT_NEAR(c(x), 0.2 + 0.5 * x, 1e-12);
}

TEST(Curves, TableIsMasterThenChannel) {
  Curves cv;
  cv.master = {{0, 0}, {1, 0.5}};        // halves
  cv.red = {{0, 0.2}, {1, 1}};           // r = 0.2 + 0.8 x
  const auto t = curveTable(cv, 1024);
  ASSERT_EQ(t.size(), 4096u);
  for (int i : {0, 100, 511, 1023}) {
    const double x = i / 1023.0;
    EXPECT_NEAR(t[i * 4 + 0], 0.2 + 0.8 * (0.5 * x), 1e-6);
    EXPECT_NEAR(t[i * 4 + 1], 0.5 * x, 1e-6);
    EXPECT_NEAR(t[i * 4 + 2], 0.5 * x, 1e-6);
    EXPECT_EQ(t[i * 4 + 3], 1.0f);
  }
}

TEST(Curves, LookupInterpolatesAndExtendsWithSlopeOne) {
  Curves cv;
  cv.master = {{0, 0.1}, {1, 0.9}};
  const auto t = curveTable(cv, 1024);
  EXPECT_NEAR(lookupCurve(t, 1024, 0, 0.5f), 0.5, 1e-6);
  EXPECT_NEAR(lookupCurve(t, 1024, 1, 0.123f), 0.1 + 0.8 * 0.123, 1e-6);
  EXPECT_NEAR(lookupCurve(t, 1024, 2, 1.0f), 0.9, 1e-6);
  EXPECT_NEAR(lookupCurve(t, 1024, 0, 1.5f), 1.4, 1e-6);
  EXPECT_NEAR(lookupCurve(t, 1024, 0, -0.25f), -0.15, 1e-6);
}

}  // namespace
}  // namespace postline::color
