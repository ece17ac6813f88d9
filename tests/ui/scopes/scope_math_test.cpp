// Pure scope helpers: the vectorscope centroid and cell chroma, the density curve, frame copies.
#include <gtest/gtest.h>

#include <cmath>

#include "core/render/scopes.h"
#include "tests/ui/scopes/scopes_test_util.h"
#include "ui/scopes/scope_math.h"

namespace postline::ui {
namespace {

render::Scopes scopesOf(const QImage& img) {
  return render::computeScopes(framePixelsFrom(img, 0).view());
}

// The most populated vectorscope cell.
std::array<int, 2> peakCell(const render::Scopes& s) {
  std::array<int, 2> best{0, 0};
  for (int row = 0; row < render::kVectorscopeSize; ++row) {
    for (int col = 0; col < render::kVectorscopeSize; ++col) {
      if (s.vectorscopeAt(col, row) > s.vectorscopeAt(best[0], best[1])) best = {col, row};
    }
  }
  return best;
}

TEST(ScopeMath, CellChromaInvertsTheCoreGrid) {
  for (const auto& [cb, cr] : {std::pair{0.0, 0.0}, std::pair{-0.3, 0.2}, std::pair{0.45, -0.41}}) {
    const auto cell = render::vectorscopeCell(cb, cr);
    const QPointF back = vectorscopeCellChroma(cell[0], cell[1]);
    EXPECT_NEAR(back.x(), cb, 1.0 / 256) << cb;
    EXPECT_NEAR(back.y(), cr, 1.0 / 256) << cr;
  }
}

TEST(ScopeMath, RedFrameCentroidSitsOnTheRedTarget) {
  const render::Scopes s = scopesOf(testing::flatFrame(QColor(191, 0, 0)));
  const render::VectorTarget& red = s.targets[0];
  ASSERT_STREQ(red.name, "R");
  EXPECT_EQ(peakCell(s), render::vectorscopeCell(red.cb, red.cr));
  const QPointF c = vectorscopeCentroid(s);
  EXPECT_NEAR(c.x(), red.cb, 1.5 / 256);
  EXPECT_NEAR(c.y(), red.cr, 1.5 / 256);
}

TEST(ScopeMath, GreyCentroidIsTheCentreAndEmptyIsZero) {
  const QPointF grey = vectorscopeCentroid(scopesOf(testing::greyRamp()));
  EXPECT_LT(std::hypot(grey.x(), grey.y()), 1.0 / 256);
  EXPECT_EQ(vectorscopeCentroid(render::Scopes{}), QPointF(0, 0));
}

TEST(ScopeMath, OrangeTintMovesTheCentroidTowardsTheSkinToneLine) {
  const QPointF neutral = vectorscopeCentroid(scopesOf(testing::flatFrame(QColor(128, 128, 128))));
  const QPointF warm = vectorscopeCentroid(scopesOf(testing::flatFrame(QColor(170, 128, 90))));
  const QPointF cool = vectorscopeCentroid(scopesOf(testing::flatFrame(QColor(90, 128, 170))));
  EXPECT_GT(std::hypot(warm.x(), warm.y()), std::hypot(neutral.x(), neutral.y()) + 0.05);
  const double skin = render::skinToneAngleDegrees();
  EXPECT_LT(angleDistanceDegrees(chromaAngleDegrees(warm), skin), 25.0) << chromaAngleDegrees(warm);
  EXPECT_GT(angleDistanceDegrees(chromaAngleDegrees(cool), skin), 150.0) << chromaAngleDegrees(cool);
}

TEST(ScopeMath, AnglesAndDistances) {
  EXPECT_NEAR(chromaAngleDegrees(QPointF(1, 0)), 0.0, 1e-9);
  EXPECT_NEAR(chromaAngleDegrees(QPointF(0, 1)), 90.0, 1e-9);
  EXPECT_NEAR(chromaAngleDegrees(QPointF(0, -1)), 270.0, 1e-9);
  EXPECT_NEAR(angleDistanceDegrees(350, 10), 20.0, 1e-9);
  EXPECT_NEAR(angleDistanceDegrees(90, 270), 180.0, 1e-9);
}

TEST(ScopeMath, DensityLevelIsLogScaledAndMonotone) {
  EXPECT_EQ(densityLevel(0, 1000), 0.0);
  EXPECT_GE(densityLevel(1, 100000), 0.2);  // a single pixel shows
  EXPECT_DOUBLE_EQ(densityLevel(1000, 1000), 1.0);
  double last = 0.0;
  for (std::uint32_t c : {1u, 2u, 10u, 100u, 1000u, 99999u}) {
    const double l = densityLevel(c, 100000);
    EXPECT_GT(l, last) << c;
    last = l;
  }
  EXPECT_GT(densityLevel(10, 100000), 0.35);  // log: 1e-4 of the peak is far above linear (1e-4)
}

TEST(ScopeMath, FramePixelsConvertsToRgba8) {
  QImage argb(3, 2, QImage::Format_RGB32);
  argb.fill(QColor(10, 20, 30));
  argb.setPixelColor(2, 1, QColor(200, 100, 50));
  const render::FramePixels px = framePixelsFrom(argb, 42);
  ASSERT_EQ(px.width, 3);
  ASSERT_EQ(px.height, 2);
  EXPECT_EQ(px.frameIndex, 42);
  ASSERT_EQ(px.rgba8.size(), 3u * 2u * 4u);
  EXPECT_EQ(px.rgba8[0], 10);
  EXPECT_EQ(px.rgba8[1], 20);
  EXPECT_EQ(px.rgba8[2], 30);
  EXPECT_EQ(px.rgba8[3], 255);
  EXPECT_EQ(px.rgba8[(1 * 3 + 2) * 4 + 0], 200);
  EXPECT_EQ(px.rgba8[(1 * 3 + 2) * 4 + 2], 50);
  EXPECT_EQ(framePixelsFrom(QImage(), 1).width, 0);
}

}  // namespace
}  // namespace postline::ui
