// Text titles rasterised with FreeType (core/render/text/title_raster.h): placement, colour,
// transparency outside the text, line layout, fonts.
#include "core/render/text/title_raster.h"

#include <gtest/gtest.h>

#include <string>

namespace postline::render {
namespace {

constexpr int kW = 640;
constexpr int kH = 360;

// The bounding box of pixels with alpha above `minAlpha`; empty (x0 > x1) when none.
struct Box {
  int x0 = kW, y0 = kH, x1 = -1, y1 = -1;
  int height() const { return y1 - y0 + 1; }
};

Box inkBox(const media::VideoFrame& f, int minAlpha = 0) {
  Box b;
  const media::Plane& p = f.planes[0];
  for (int y = 0; y < f.height; ++y) {
    for (int x = 0; x < f.width; ++x) {
      if (p.data[static_cast<std::size_t>(y * p.stride + x * 4 + 3)] > minAlpha) {
        b.x0 = std::min(b.x0, x);
        b.y0 = std::min(b.y0, y);
        b.x1 = std::max(b.x1, x);
        b.y1 = std::max(b.y1, y);
      }
    }
  }
  return b;
}

media::VideoFramePtr raster(const model::TitleSpec& spec) {
  auto r = rasterizeTitle(spec, kW, kH);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : nullptr;
}

TEST(TitleRaster, TextLandsAroundItsAnchorAndOutsideIsTransparent) {
  model::TitleSpec spec;
  spec.text = "Slow mornings";
  spec.shadow = false;
  spec.size = 0.1;  // 36 px
  spec.x = 0.3;
  spec.y = 0.25;
  auto f = raster(spec);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->format, media::FrameFormat::Rgba);
  EXPECT_EQ(f->planeCount, 1);
  EXPECT_EQ(f->width, kW);
  EXPECT_EQ(f->height, kH);
  EXPECT_EQ(f->planes[0].stride, kW * 4);
  const Box b = inkBox(*f);
  ASSERT_LE(b.x0, b.x1) << "nothing drawn";
  const double cx = (b.x0 + b.x1) / 2.0;
  const double cy = (b.y0 + b.y1) / 2.0;
  EXPECT_NEAR(cx, 0.3 * kW, 6.0);
  EXPECT_NEAR(cy, 0.25 * kH, 12.0);
  EXPECT_GT(b.x1 - b.x0, 100);   // 13 glyphs at 36 px
  EXPECT_LT(b.height(), 50);     // one line
  // Nothing outside a generous box around the text.
  const media::Plane& p = f->planes[0];
  for (int y = 0; y < kH; ++y) {
    for (int x = 0; x < kW; ++x) {
      if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1) continue;
      ASSERT_EQ(p.data[static_cast<std::size_t>(y * p.stride + x * 4 + 3)], 0) << x << "," << y;
    }
  }
}

TEST(TitleRaster, AFullyCoveredPixelHasTheSpecColour) {
  model::TitleSpec spec;
  spec.text = "I";
  spec.size = 0.5;
  spec.color = {1.0, 0.5, 0.2, 1.0};
  spec.x = 0.5;
  spec.y = 0.5;
  auto f = raster(spec);
  ASSERT_TRUE(f);
  // The middle of a thick "I" stroke is fully covered.
  const std::uint8_t* px = &f->planes[0].data[static_cast<std::size_t>((kH / 2) * f->planes[0].stride + (kW / 2) * 4)];
  EXPECT_EQ(px[0], 255);
  EXPECT_EQ(px[1], 128);
  EXPECT_EQ(px[2], 51);
  EXPECT_EQ(px[3], 255);
}

TEST(TitleRaster, ColourAlphaScalesCoverageAndTheShadowIsDarkAndBelowRight) {
  model::TitleSpec spec;
  spec.text = "I";
  spec.size = 0.5;
  spec.color = {1.0, 1.0, 1.0, 0.5};
  spec.y = 0.5;
  spec.shadow = false;
  auto plain = raster(spec);
  ASSERT_TRUE(plain);
  const media::Plane& p = plain->planes[0];
  const int row = kH / 2;  // inside the glyph at its anchor
  EXPECT_EQ(p.data[static_cast<std::size_t>(row * p.stride + (kW / 2) * 4 + 3)], 128);
  spec.shadow = true;
  spec.color[3] = 1.0;
  auto shadowed = raster(spec);
  ASSERT_TRUE(shadowed);
  const Box text = inkBox(*plain, 0);
  const Box all = inkBox(*shadowed, 0);
  EXPECT_GT(all.x1, text.x1);
  EXPECT_GT(all.y1, text.y1);
  // Right of the stroke, inside the shadow: dark and partly transparent.
  const media::Plane& s = shadowed->planes[0];
  const std::uint8_t* px = &s.data[static_cast<std::size_t>(row * s.stride + (text.x1 + 3) * 4)];
  EXPECT_GT(px[3], 40);
  EXPECT_LE(px[3], 160);
  EXPECT_LT(px[0], 40);
}

TEST(TitleRaster, TwoLinesAreTallerThanOne) {
  model::TitleSpec spec;
  spec.text = "Origin";
  spec.shadow = false;
  spec.y = 0.5;
  auto one = raster(spec);
  spec.text = "Origin\nCoffee";
  auto two = raster(spec);
  ASSERT_TRUE(one && two);
  const Box b1 = inkBox(*one);
  const Box b2 = inkBox(*two);
  EXPECT_GT(b2.height(), b1.height() + static_cast<int>(0.06 * kH));
  EXPECT_NEAR((b2.y0 + b2.y1) / 2.0, 0.5 * kH, 10.0);  // the block stays centred on y
}

TEST(TitleRaster, Utf8IsDecoded) {
  model::TitleSpec spec;
  spec.text = "Caf\xC3\xA9";  // "Café"
  spec.shadow = false;
  auto f = raster(spec);
  ASSERT_TRUE(f);
  EXPECT_LE(inkBox(*f).x0, inkBox(*f).x1);
  spec.text = "bad \xC3";
  auto bad = rasterizeTitle(spec, kW, kH);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, base::ErrorCode::InvalidArgument);
}

TEST(TitleRaster, UnknownFontIsNotFoundNamingIt) {
  model::TitleSpec spec;
  spec.text = "x";
  spec.font = "No Such Font Family";
  auto r = rasterizeTitle(spec, kW, kH);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(r.error().message.find("No Such Font Family"), std::string::npos);
  auto path = findFontFile("DejaVu Sans");
  ASSERT_TRUE(path.ok()) << path.error().message;
  EXPECT_EQ(path->filename(), "DejaVuSans.ttf");
}

}  // namespace
}  // namespace postline::render
