// Reframing arithmetic without media: window sizes, clamping, letterbox, the window transform and
// its composition, aspect and mode names, key interpolation, window paths and the pan estimate.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/export/reframe.h"
#include "core/export/reframe_analysis.h"

namespace postline::exporting {
namespace {

TEST(ReframeWindow, CropWindowsHaveTheDeliveryAspectAndStayInsideTheFrame) {
  const Window tall = cropWindow(1920, 1080, 1080, 1920, 0.5, 0.5);
  EXPECT_DOUBLE_EQ(tall.w, (9.0 / 16.0) / (16.0 / 9.0));  // 81/256 of the width
  EXPECT_DOUBLE_EQ(tall.h, 1.0);
  EXPECT_DOUBLE_EQ(cropWindow(1920, 1080, 1080, 1350, 0.5, 0.5).w, 0.8 / (16.0 / 9.0));
  EXPECT_DOUBLE_EQ(cropWindow(1920, 1080, 1080, 1080, 0.5, 0.5).w, 0.5625);
  const Window left = cropWindow(1920, 1080, 1080, 1920, 0.01, 0.9);
  EXPECT_DOUBLE_EQ(left.cx, tall.w / 2);  // clamped against the left edge
  EXPECT_DOUBLE_EQ(left.cy, 0.5);         // full height: no room to move
  EXPECT_DOUBLE_EQ(cropWindow(1920, 1080, 1080, 1920, 0.99, 0.5).cx, 1.0 - tall.w / 2);
  EXPECT_DOUBLE_EQ(cropWindow(1920, 1080, 1080, 1920, 0.4, 0.5).cx, 0.4);
  // Wider than the sequence: full width, a band of the height that moves vertically.
  const Window wide = cropWindow(1920, 1080, 2560, 1080, 0.2, 0.4);
  EXPECT_DOUBLE_EQ(wide.w, 1.0);
  EXPECT_DOUBLE_EQ(wide.h, (16.0 / 9.0) / (2560.0 / 1080.0));
  EXPECT_DOUBLE_EQ(wide.cx, 0.5);
  EXPECT_DOUBLE_EQ(wide.cy, 0.4);
  EXPECT_DOUBLE_EQ(cropWindow(1920, 1080, 2560, 1080, 0.5, 0.1).cy, wide.h / 2);
  EXPECT_DOUBLE_EQ(cropWindow(1920, 1080, 1080, 1920, std::nan(""), 0.5).cx, 0.5);
}

TEST(ReframeWindow, LetterboxFitsTheWholeFrameInside) {
  const Window box = letterboxWindow(1920, 1080, 1080, 1920);
  EXPECT_DOUBLE_EQ(box.w, 1.0);
  EXPECT_DOUBLE_EQ(box.h, 256.0 / 81.0);
  EXPECT_DOUBLE_EQ(box.cx, 0.5);
  // The sequence frame's top edge lands where the picture band starts in the delivery frame.
  const auto top = render::applyTransform(windowTransform(box), 0.5, 0.5 - 0.5 * 81.0 / 256.0);
  EXPECT_NEAR(top[1], 0.0, 1e-6);
  const Window pillar = letterboxWindow(1080, 1920, 1920, 1080);
  EXPECT_DOUBLE_EQ(pillar.h, 1.0);
  EXPECT_DOUBLE_EQ(pillar.w, 256.0 / 81.0);
}

TEST(ReframeWindow, TheWindowTransformMapsTheDeliveryCornersOntoTheWindow) {
  const Window w{0.3, 0.6, 0.25, 0.5};
  const render::Mat3 m = windowTransform(w);
  const auto a = render::applyTransform(m, 0.0, 0.0);
  const auto b = render::applyTransform(m, 1.0, 1.0);
  EXPECT_NEAR(a[0], 0.175, 1e-7);
  EXPECT_NEAR(a[1], 0.35, 1e-7);
  EXPECT_NEAR(b[0], 0.425, 1e-7);
  EXPECT_NEAR(b[1], 0.85, 1e-7);
}

TEST(ReframeWindow, CompositionAppliesTheRightHandSideFirst) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(-2.0f, 2.0f);
  for (int n = 0; n < 20; ++n) {
    render::Mat3 a{u(rng), u(rng), 0, u(rng), u(rng), 0, u(rng), u(rng), 1};
    render::Mat3 b{u(rng), u(rng), 0, u(rng), u(rng), 0, u(rng), u(rng), 1};
    const render::Mat3 ab = composeTransforms(a, b);
    const double x = u(rng), y = u(rng);
    const auto inner = render::applyTransform(b, x, y);
    const auto want = render::applyTransform(a, inner[0], inner[1]);
    const auto got = render::applyTransform(ab, x, y);
    EXPECT_NEAR(got[0], want[0], 1e-4);
    EXPECT_NEAR(got[1], want[1], 1e-4);
  }
  EXPECT_EQ(composeTransforms(render::identityTransform(), windowTransform(Window{0.25, 0.5, 0.5, 1.0})),
            windowTransform(Window{0.25, 0.5, 0.5, 1.0}));
}

TEST(ReframeWindow, AspectAndModeNames) {
  EXPECT_EQ(aspectName(1080, 1920), "9x16");
  EXPECT_EQ(aspectName(1920, 1080), "16x9");
  EXPECT_EQ(aspectName(1080, 1350), "4x5");
  EXPECT_EQ(aspectName(1080, 1080), "1x1");
  for (ReframeMode m : {ReframeMode::Auto, ReframeMode::Centre, ReframeMode::Letterbox}) {
    auto back = parseReframeMode(reframeModeName(m));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, m);
  }
  EXPECT_EQ(*parseReframeMode("center"), ReframeMode::Centre);
  auto bad = parseReframeMode("zoom");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("auto, centre, letterbox"), std::string::npos) << bad.error().message;
}

TEST(ReframeKeys, InterpolateBySourceFrameAndHoldAtTheEnds) {
  const std::vector<model::ReframeKey> keys{{10, 0.2, 0.4}, {30, 0.6, 0.8}, {40, 0.1, 0.8}};
  EXPECT_DOUBLE_EQ(detail::keyAt(keys, 0).x, 0.2);
  EXPECT_DOUBLE_EQ(detail::keyAt(keys, 20).x, 0.4);
  EXPECT_DOUBLE_EQ(detail::keyAt(keys, 20).y, 0.6);
  EXPECT_DOUBLE_EQ(detail::keyAt(keys, 35).x, 0.35);
  EXPECT_DOUBLE_EQ(detail::keyAt(keys, 99).x, 0.1);
  EXPECT_DOUBLE_EQ(detail::keyAt({{5, 0.7, 0.5}}, 1).x, 0.7);
}

detail::AxisTrack track(std::size_t n, const std::function<double(std::size_t)>& f) {
  detail::AxisTrack t;
  for (std::size_t i = 0; i < n; ++i) {
    t.target.push_back(f(i));
    t.confidence.push_back(1.0);
  }
  return t;
}

TEST(ReframePath, ASteadyMotionIsFollowedExactly) {
  const auto t = track(120, [](std::size_t i) { return 0.1 + 0.8 * static_cast<double>(i) / 119.0; });
  const auto path = detail::smoothPath(t, {24.0, 81.0 / 256.0});
  ASSERT_EQ(path.size(), 120u);
  for (std::size_t i = 0; i < path.size(); ++i) EXPECT_NEAR(path[i], t.target[i], 1e-9) << i;
}

TEST(ReframePath, GlitchesAndUnsureSamplesAreIgnored) {
  auto t = track(120, [](std::size_t i) { return 0.2 + 0.6 * static_cast<double>(i) / 119.0; });
  const std::vector<double> truth = t.target;
  for (std::size_t i = 50; i < 53; ++i) t.target[i] = 0.95;  // three frames of a wrong detection
  for (std::size_t i = 80; i < 95; ++i) {
    t.target[i] = 0.05;  // a stretch the analysis was unsure about
    t.confidence[i] = 0.05;
  }
  const auto path = detail::smoothPath(t, {24.0, 0.3});
  for (std::size_t i = 0; i < path.size(); ++i) EXPECT_NEAR(path[i], truth[i], 0.01) << i;
}

TEST(ReframePath, ASmallWobbleGivesAStillWindowAndAJumpIsFollowedAtOnce) {
  const auto wobble = track(96, [](std::size_t i) { return 0.4 + 0.03 * std::sin(0.5 * static_cast<double>(i)); });
  const auto still = detail::smoothPath(wobble, {24.0, 0.3});
  for (double v : still) EXPECT_DOUBLE_EQ(v, still.front());
  EXPECT_NEAR(still.front(), 0.4, 0.01);
  // The subject jumps from one side to the other: the window is never more than a quarter of its
  // width away from it, so a subject up to half the window wide stays whole.
  const auto jump = track(96, [](std::size_t i) { return i < 48 ? 0.2 : 0.8; });
  const auto path = detail::smoothPath(jump, {24.0, 0.3});
  for (std::size_t i = 0; i < path.size(); ++i) EXPECT_LE(std::fabs(path[i] - jump.target[i]), 0.25 * 0.3 + 1e-12) << i;
  EXPECT_EQ(detail::smoothPath(jump, {24.0, 1.0}), std::vector<double>(96, 0.5));  // nothing to move
}

detail::Plane texture(int w, int h, double ox, double oy) {
  detail::Plane p{w, h, std::vector<float>(static_cast<std::size_t>(w) * h)};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const double u = x + ox, v = y + oy;
      p.at(x, y) = static_cast<float>(0.5 + 0.2 * std::sin(0.31 * u + 0.5 * std::sin(0.13 * v)) +
                                      0.15 * std::cos(0.23 * v - 0.07 * u) + 0.1 * std::sin(0.05 * (u + v)));
    }
  }
  return p;
}

TEST(ReframeImage, TheGlobalPanIsFoundToAFractionOfACell) {
  const detail::Plane ref = texture(128, 72, 0.0, 0.0);
  for (const auto& [dx, dy] : {std::pair{3.4, -1.7}, {-7.25, 2.5}, {0.0, 0.0}, {9.0, -4.6}}) {
    // Content at x in `cur` was at x + (dx, dy) in `ref`.
    const detail::Plane cur = texture(128, 72, dx, dy);
    const detail::Shift s = detail::estimateShift(ref, cur, 10);
    EXPECT_NEAR(s.dx, dx, 0.2) << dx << ", " << dy;
    EXPECT_NEAR(s.dy, dy, 0.2) << dx << ", " << dy;
  }
}

TEST(ReframeImage, ADistinctBlobIsLocatedWithConfidenceAndAFlatMapHasNone) {
  detail::Plane map{128, 72, std::vector<float>(128 * 72, 0.0f)};
  EXPECT_EQ(detail::locateBlob(map).confidence, 0.0);
  for (int y = 0; y < 72; ++y) {
    for (int x = 0; x < 128; ++x) {
      const double d2 = (x + 0.5 - 30) * (x + 0.5 - 30) + (y + 0.5 - 40) * (y + 0.5 - 40);
      map.at(x, y) = static_cast<float>(std::exp(-d2 / 18.0) + 0.01 * ((x * 7 + y * 3) % 5));
    }
  }
  const detail::InterestPoint p = detail::locateBlob(map);
  EXPECT_NEAR(p.x, 30.0 / 128, 0.01);
  EXPECT_NEAR(p.y, 40.0 / 72, 0.01);
  EXPECT_GT(p.confidence, 0.5);
}

}  // namespace
}  // namespace postline::exporting
