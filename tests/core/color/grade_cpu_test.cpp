#include "core/color/grade_cpu.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/color/grade_math.h"

namespace postline::color {
namespace {

float luma(const Rgb& c) { return 0.2126f * c[0] + 0.7152f * c[1] + 0.0722f * c[2]; }

ImageF ramp(int w, int h) {
  ImageF img(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      float* p = img.at(x, y);
      p[0] = 1.2f * x / (w - 1);
      p[1] = 0.9f * y / (h - 1);
      p[2] = 0.5f * (x + y) / (w + h - 2);
      p[3] = 0.5f;
    }
  return img;
}

TEST(GradeCpu, IdentityGradeLeavesThePicture) {
  ImageF img = ramp(16, 9);
  const ImageF before = img;
  Grade g;
  EXPECT_TRUE(g.isIdentity());
  ASSERT_TRUE(applyGradeCpu(img, g));
  for (std::size_t i = 0; i < img.rgba.size(); ++i) EXPECT_NEAR(img.rgba[i], before.rgba[i], 2e-6) << i;
}

TEST(GradeCpu, ExposurePlusOneDoublesLinear) {
  const Rgb out = applyExposure({0.1f, 0.5f, 2.0f}, 1.0);
  EXPECT_FLOAT_EQ(out[0], 0.2f);
  EXPECT_FLOAT_EQ(out[1], 1.0f);
  EXPECT_FLOAT_EQ(out[2], 4.0f);
  Normalise n;
  n.exposure = -2;
  const Rgb viaNormalise = applyNormalise({0.4f, 0.8f, 0.2f}, n);
  EXPECT_NEAR(viaNormalise[0], 0.1f, 1e-6);
  EXPECT_NEAR(viaNormalise[1], 0.2f, 1e-6);
}

TEST(GradeCpu, ContrastKeepsThePivotAndSteepens) {
  const Rgb out = applyContrast({0.18f, 0.36f, 0.09f}, 2.0, 0.18);
  EXPECT_NEAR(out[0], 0.18f, 1e-7);
  EXPECT_NEAR(out[1], 0.72f, 1e-6);   // one stop above -> two stops
  EXPECT_NEAR(out[2], 0.045f, 1e-7);  // one stop below -> two stops
  EXPECT_EQ(applyContrast({-0.1f, 0, 0}, 2.0, 0.18)[0], -0.1f);
}

TEST(GradeCpu, WhiteBalanceKeepsGreyLumaAndWarms) {
  const Rgb out = applyWhiteBalance({0.5f, 0.5f, 0.5f}, 60, 20);
  EXPECT_NEAR(luma(out), 0.5f, 1e-6);
  EXPECT_GT(out[0], out[2]);  // warmer: more red than blue
  const Rgb cool = applyWhiteBalance({0.5f, 0.5f, 0.5f}, -60, 0);
  EXPECT_LT(cool[0], cool[2]);
  const Rgb magenta = applyWhiteBalance({0.5f, 0.5f, 0.5f}, 0, 50);
  EXPECT_LT(magenta[1], magenta[0]);
}

TEST(GradeCpu, PrimariesLiftGammaGainOffset) {
  Normalise n;
  n.lift = {0.1, 0, 0, 0.1};   // red lift 0.2
  EXPECT_NEAR(applyPrimaries({0, 0, 0}, n)[0], 0.2f, 1e-7);   // black raised by lift
  EXPECT_NEAR(applyPrimaries({1, 1, 1}, n)[0], 1.0f, 1e-7);   // white fixed
  EXPECT_NEAR(applyPrimaries({0, 0, 0}, n)[1], 0.1f, 1e-7);   // master only
  n = {};
  n.gain = {2, 1, 1, 1};
  EXPECT_NEAR(applyPrimaries({0.3f, 0.3f, 0.3f}, n)[0], 0.6f, 1e-7);
  n = {};
  n.gamma = {1, 1, 1, 2};  // exponent 1/2
  EXPECT_NEAR(applyPrimaries({0.25f, 0.25f, 0.25f}, n)[2], 0.5f, 1e-6);
  n = {};
  n.offset = {0, 0, -0.1, 0.05};
  const Rgb o = applyPrimaries({0.5f, 0.5f, 0.5f}, n);
  EXPECT_NEAR(o[0], 0.55f, 1e-7);
  EXPECT_NEAR(o[2], 0.45f, 1e-7);
}

TEST(GradeCpu, SaturationZeroGivesRec709LumaGrey) {
  const Rgb in{0.8f, 0.3f, 0.1f};
  const Rgb out = applySaturation(in, 0.0);
  const float y = 0.2126f * 0.8f + 0.7152f * 0.3f + 0.0722f * 0.1f;
  for (float v : out) EXPECT_NEAR(v, y, 1e-7);
  const Rgb twice = applySaturation(in, 2.0);
  EXPECT_NEAR(luma(twice), y, 1e-6);
  EXPECT_NEAR(twice[0], y + 2 * (0.8f - y), 1e-6);
}

TEST(GradeCpu, TonalRangesActWhereTheyShould) {
  // Shadows move black, not white; highlights move white, not black; midtones move the middle most.
  EXPECT_NEAR(applyTonalRanges({0, 0, 0}, 1, 0, 0)[0], 0.25f, 1e-7);
  EXPECT_NEAR(applyTonalRanges({1, 1, 1}, 1, 0, 0)[0], 1.0f, 1e-7);
  EXPECT_NEAR(applyTonalRanges({1, 1, 1}, 0, 0, -1)[0], 0.75f, 1e-7);
  EXPECT_NEAR(applyTonalRanges({0, 0, 0}, 0, 0, -1)[0], 0.0f, 1e-7);
  EXPECT_NEAR(applyTonalRanges({0.5f, 0.5f, 0.5f}, 0, 1, 0)[0], 0.75f, 1e-7);
  EXPECT_NEAR(applyTonalRanges({0, 0, 0}, 0, 1, 0)[0], 0.0f, 1e-7);
}

TEST(GradeCpu, CurvesGoThroughTheirPoints) {
  Curves c;
  c.master = {{0, 0}, {0.25, 0.4}, {0.75, 0.8}, {1, 1}};
  c.green = {{0, 0}, {0.4, 0.3}, {1, 1}};
  const Rgb out = applyCurves({0.25f, 0.25f, 0.75f}, c);
  EXPECT_NEAR(out[0], 0.4f, 1e-5);
  EXPECT_NEAR(out[1], 0.3f, 1e-5);  // master 0.25 -> 0.4, green 0.4 -> 0.3
  EXPECT_NEAR(out[2], 0.8f, 1e-5);
}

TEST(GradeCpu, SplitToneKeepsLumaAndTints) {
  SplitTone s;
  s.shadowHue = 210;  // teal
  s.shadowAmount = 1;
  s.highlightHue = 30;  // orange
  s.highlightAmount = 1;
  const Rgb dark = applySplitTone({0.1f, 0.1f, 0.1f}, s);
  EXPECT_NEAR(luma(dark), 0.1f, 1e-6);
  EXPECT_GT(dark[2], dark[0]);
  const Rgb bright = applySplitTone({0.9f, 0.9f, 0.9f}, s);
  EXPECT_NEAR(luma(bright), 0.9f, 1e-6);
  EXPECT_GT(bright[0], bright[2]);
}

ImageF flat(int w, int h, float v) {
  ImageF img(w, h);
  for (std::size_t i = 0; i < img.pixels(); ++i) {
    for (int c = 0; c < 3; ++c) img.rgba[i * 4 + c] = v;
    img.rgba[i * 4 + 3] = 1.0f;
  }
  return img;
}

TEST(FilmCpu, CeilingNeverExceedsAndIsMonotone) {
  ImageF img(256, 1);
  for (int x = 0; x < 256; ++x) {
    const float code = 1.5f * x / 255.0f;
    for (int c = 0; c < 3; ++c) img.at(x, 0)[c] = std::pow(code, 2.4f);
  }
  FilmLook f;
  f.ceiling = {0.9, 0.7};
  applyFilmLookCpu(img, f, 0);
  float prev = -1.0f;
  for (int x = 0; x < 256; ++x) {
    const float code = std::pow(img.at(x, 0)[0], 1.0f / 2.4f);
    EXPECT_LE(code, 0.9f + 1e-6f);
    EXPECT_GE(code, prev) << x;
    if (1.5f * x / 255.0f <= 0.7f) {
      EXPECT_NEAR(code, 1.5f * x / 255.0f, 1e-5);
    }
    prev = code;
  }
}

TEST(FilmCpu, GrainIsDeterministicPerFrameAndZeroMean) {
  FilmLook f;
  f.grain = {0.05, 1.0, 0.0};
  ImageF a = flat(128, 64, 0.2f), b = a, c = a;
  applyFilmLookCpu(a, f, 7);
  applyFilmLookCpu(b, f, 7);
  applyFilmLookCpu(c, f, 8);
  EXPECT_EQ(a.rgba, b.rgba);
  EXPECT_NE(a.rgba, c.rgba);
  const float base = std::pow(0.2f, 1.0f / 2.4f);
  double sum = 0, sq = 0;
  for (std::size_t i = 0; i < a.pixels(); ++i) {
    const double d = std::pow(a.rgba[i * 4], 1.0 / 2.4) - base;
    sum += d;
    sq += d * d;
  }
  const double n = static_cast<double>(a.pixels());
  EXPECT_NEAR(sum / n, 0.0, 0.002);
  EXPECT_NEAR(std::sqrt(sq / n - (sum / n) * (sum / n)), 0.05, 0.005);  // amount = std-dev
}

TEST(FilmCpu, LargeGrainKeepsUnitVariance) {
  for (float size : {0.5f, 2.5f, 4.0f}) {
    double sq = 0;
    int n = 0;
    for (int y = 0; y < 200; ++y)
      for (int x = 0; x < 200; ++x, ++n) {
        const float v = math::grainNoise(x + 0.5f, y + 0.5f, size, math::grainSeed(3));
        sq += v * v;
      }
    EXPECT_NEAR(sq / n, 1.0, 0.15) << size;
  }
}

TEST(FilmCpu, VignetteDarkensCornersOnly) {
  FilmLook f;
  f.vignette = {0.3, 1.0, 0.5};
  ImageF img = flat(64, 36, 0.5f);
  applyFilmLookCpu(img, f, 0);
  EXPECT_NEAR(img.at(32, 18)[0], 0.5f, 1e-5);
  EXPECT_LT(img.at(0, 0)[0], 0.5f * (1 - 0.25f));
  EXPECT_NEAR(img.at(0, 0)[0], img.at(63, 35)[0], 1e-5);
}

TEST(FilmCpu, HalationGlowsWarmAroundHighlights) {
  FilmLook f;
  f.halation = {1.0, 0.75, 0.02, 1.0};
  ImageF img = flat(64, 64, 0.01f);
  for (int y = 28; y < 36; ++y)
    for (int x = 28; x < 36; ++x)
      for (int c = 0; c < 3; ++c) img.at(x, y)[c] = 4.0f;
  ImageF dark = flat(64, 64, 0.01f);
  const ImageF darkBefore = dark;
  applyFilmLookCpu(img, f, 0);
  applyFilmLookCpu(dark, f, 0);
  const float* near = img.at(40, 32);
  EXPECT_GT(near[0], 0.02f);      // glow reaches beyond the highlight
  EXPECT_GT(near[0], near[2]);    // warm
  for (std::size_t i = 0; i < dark.rgba.size(); ++i) ASSERT_NEAR(dark.rgba[i], darkBefore.rgba[i], 1e-6);
}

TEST(GradeValidate, MessagesNameTheField) {
  Grade g;
  EXPECT_TRUE(g.validate());
  g.normalise.exposure = 9;
  auto r = g.validate();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, base::ErrorCode::InvalidArgument);
  EXPECT_EQ(r.error().message, "normalise.exposure 9 is outside -8..8");
  g = {};
  g.normalise.saturation = std::nan("");
  ASSERT_FALSE(g.validate());
  EXPECT_NE(g.validate().error().message.find("normalise.saturation"), std::string::npos);
  g = {};
  g.normalise.gain[3] = -1;
  EXPECT_NE(g.validate().error().message.find("normalise.gain.master"), std::string::npos);
  g = {};
  g.creative.curves.red = {{0, 0}, {0.5, 0.5}, {0.5, 0.7}};
  EXPECT_NE(g.validate().error().message.find("creative.curves.red[2].x"), std::string::npos);
  g.creative.curves.red = {{0, 1.2}};
  EXPECT_NE(g.validate().error().message.find("creative.curves.red[0].y 1.2"), std::string::npos);
  FilmLook f;
  EXPECT_TRUE(f.validate());
  EXPECT_TRUE(f.isIdentity());
  f.ceiling = {0.9, 0.95};
  EXPECT_NE(f.validate().error().message.find("film.ceiling.knee"), std::string::npos);
  f = {};
  f.grain.size = 8;
  EXPECT_EQ(f.validate().error().message, "film.grain.size 8 is outside 0.5..4");
  TimelineGrade t;
  t.film.vignette.amount = 0.5;
  EXPECT_FALSE(t.validate());
  EXPECT_FALSE(t.isIdentity());
}

TEST(GradeIdentity, AnyChangedValueIsNotIdentity) {
  Grade g;
  g.normalise.gamma[1] = 1.1;
  EXPECT_FALSE(g.isIdentity());
  g = {};
  g.creative.lut.path = "/x.cube";
  EXPECT_FALSE(g.isIdentity());
  g.creative.lut.mix = 0;
  EXPECT_TRUE(g.isIdentity());
  g = {};
  g.creative.split.shadowHue = 100;  // no amount: still identity
  EXPECT_TRUE(g.isIdentity());
}

// A 2^3 .cube that inverts code values.
std::filesystem::path writeInvertCube() {
  const auto path = std::filesystem::temp_directory_path() / "postline_grade_cpu_invert.cube";
  std::ofstream f(path);
  f << "TITLE \"invert\"\nLUT_3D_SIZE 2\n";
  for (int b = 0; b < 2; ++b)
    for (int g = 0; g < 2; ++g)
      for (int r = 0; r < 2; ++r) f << 1 - r << ' ' << 1 - g << ' ' << 1 - b << '\n';
  return path;
}

TEST(GradeCpu, LutMixesInGradingSpace) {
  Grade g;
  g.creative.lut = {writeInvertCube().string(), 0.5};
  ImageF img = flat(4, 4, 0.2f);
  ASSERT_TRUE(applyGradeCpu(img, g));
  const float code = std::pow(0.2f, 1.0f / 2.4f);
  EXPECT_NEAR(std::pow(img.rgba[0], 1.0f / 2.4f), 0.5f * code + 0.5f * (1 - code), 1e-5);
}

TEST(GradeCpu, MissingLutIsAnErrorButThePictureIsStillGraded) {
  Grade g;
  g.normalise.exposure = 1;
  g.creative.lut.path = "/nonexistent/look.cube";
  ImageF img = flat(2, 2, 0.25f);
  auto r = applyGradeCpu(img, g);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("look.cube"), std::string::npos);
  EXPECT_NEAR(img.rgba[0], 0.5f, 1e-5);
}

}  // namespace
}  // namespace postline::color
