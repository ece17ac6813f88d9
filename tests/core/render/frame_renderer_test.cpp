// The whole per-frame pipeline on synthetic pictures: YUV -> R'G'B' by the stream's tags, the
// identity path Rec.709 in -> Rec.709 out, dissolves composited in linear light, placement,
// alpha, Y'CbCr readback for the encoder, and a layer that cannot be had being left out.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/render/frame_renderer.h"
#include "core/render/reframe_geometry.h"

namespace postline::render {
namespace {

using media::FrameFormat;
using media::VideoFrame;
using media::VideoFramePtr;

// A flat 8-bit 4:2:0 picture with codes (y, cb, cr), tagged BT.709 limited range.
std::shared_ptr<VideoFrame> flatYuv(int w, int h, int y, int cb, int cr) {
  auto f = std::make_shared<VideoFrame>();
  f->format = FrameFormat::Yuv420;
  f->width = w;
  f->height = h;
  f->color = {"bt709", "bt709", "bt709", "tv"};
  const int values[3] = {y, cb, cr};
  for (int i = 0; i < 3; ++i) {
    media::Plane& p = f->planes[static_cast<std::size_t>(i)];
    p.width = i == 0 ? w : w / 2;
    p.height = i == 0 ? h : h / 2;
    p.stride = p.width;
    p.data.assign(static_cast<std::size_t>(p.stride) * p.height, static_cast<std::uint8_t>(values[i]));
  }
  return f;
}

// A flat 8-bit RGBA picture (straight alpha), untagged (taken as Rec.709 code values).
VideoFramePtr flatRgba(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a) {
  auto f = std::make_shared<VideoFrame>();
  f->format = FrameFormat::Rgba;
  f->width = w;
  f->height = h;
  f->planeCount = 1;
  media::Plane& p = f->planes[0];
  p.width = w;
  p.height = h;
  p.stride = w * 4;
  for (int i = 0; i < w * h; ++i) p.data.insert(p.data.end(), {r, g, b, a});
  return f;
}

// Hands out one fixed picture per clip id; an unknown clip is an error.
class FakePictures final : public PictureSource {
 public:
  std::map<std::uint64_t, VideoFramePtr> byClip;
  base::Result<VideoFramePtr> picture(const Layer& layer) override {
    auto it = byClip.find(layer.clip.value);
    if (it == byClip.end()) return base::makeError(base::ErrorCode::NotFound, "missing.mp4: no such file");
    return it->second;
  }
};

Layer layerFor(std::uint64_t clip, float opacity = 1.0f) {
  Layer l;
  l.clip = model::ClipId{clip};
  l.opacity = opacity;
  return l;
}

struct Rendered {
  std::vector<float> px;
  RenderReport report;
};

Rendered renderPlan(FakePictures& pics, const std::vector<Layer>& layers, int w = 16, int h = 8) {
  RenderOptions opt;
  opt.width = w;
  opt.height = h;
  opt.working = gl::TexFormat::Rgba32F;
  auto r = FrameRenderer::create(opt);
  EXPECT_TRUE(r.ok()) << r.error().message;
  FramePlan plan;
  plan.width = w;
  plan.height = h;
  plan.layers = layers;
  auto rep = r.value()->render(plan, color::TimelineGrade{}, pics, 0);
  EXPECT_TRUE(rep.ok()) << rep.error().message;
  return {r.value()->readRgbaF(), rep.ok() ? rep.value() : RenderReport{}};
}

// BT.709 limited-range decode of 8-bit codes, computed here independently of the shader.
std::array<double, 3> bt709(int y, int cb, int cr) {
  const double Y = (y - 16) / 219.0, Cb = (cb - 128) / 224.0, Cr = (cr - 128) / 224.0;
  const double r = Y + 1.5748 * Cr, b = Y + 1.8556 * Cb;
  return {r, (Y - 0.2126 * r - 0.0722 * b) / 0.7152, b};
}

TEST(FrameRenderer, Rec709YuvPassesThroughToRec709CodeValues) {
  FakePictures pics;
  pics.byClip[1] = flatYuv(16, 8, 81, 90, 240);  // outside the gamut: R' > 1, B' < 0 survive
  pics.byClip[2] = flatYuv(16, 8, 110, 120, 150);
  for (int clip : {1, 2}) {
    const Rendered out = renderPlan(pics, {layerFor(static_cast<std::uint64_t>(clip))});
    const auto want = clip == 1 ? bt709(81, 90, 240) : bt709(110, 120, 150);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(out.px[static_cast<std::size_t>(c)], want[static_cast<std::size_t>(c)], 2e-4) << c;
    EXPECT_TRUE(out.report.warnings.empty());
  }
}

TEST(FrameRenderer, DissolveMixesInLinearLight) {
  FakePictures pics;
  pics.byClip[1] = flatYuv(16, 8, 16 + 44, 128, 128);   // code 44/219
  pics.byClip[2] = flatYuv(16, 8, 16 + 175, 128, 128);  // code 175/219
  const Rendered out = renderPlan(pics, {layerFor(1), layerFor(2, 0.25f)});
  const double a = std::pow(44 / 219.0, 2.4), b = std::pow(175 / 219.0, 2.4);
  const double want = std::pow(0.75 * a + 0.25 * b, 1 / 2.4);
  EXPECT_NEAR(out.px[0], want, 2e-4);
  EXPECT_NEAR(out.px[1], want, 2e-4);
}

TEST(FrameRenderer, PillarboxedSourceLeavesBlackBars) {
  FakePictures pics;
  pics.byClip[1] = flatYuv(8, 8, 235, 128, 128);  // square white picture in a 2:1 frame
  Layer l = layerFor(1);
  l.transform = reframeTransform(16, 8, SourceGeometry{8, 8, 1.0}, model::Reframe{}).value();
  const Rendered out = renderPlan(pics, {l});
  auto at = [&](int x, int y) { return out.px[(static_cast<std::size_t>(y) * 16 + x) * 4]; };
  EXPECT_NEAR(at(0, 4), 0.0f, 1e-6);
  EXPECT_NEAR(at(3, 4), 0.0f, 1e-6);
  EXPECT_NEAR(at(4, 4), 1.0f, 1e-4);
  EXPECT_NEAR(at(11, 4), 1.0f, 1e-4);
  EXPECT_NEAR(at(12, 4), 0.0f, 1e-6);
}

TEST(FrameRenderer, GraphicAlphaCompositesOverTheLayerBelow) {
  FakePictures pics;
  pics.byClip[1] = flatYuv(16, 8, 16, 128, 128);       // black
  pics.byClip[2] = flatRgba(16, 8, 255, 255, 255, 128);  // white at ~50 % alpha
  const Rendered out = renderPlan(pics, {layerFor(1), layerFor(2)});
  const double want = std::pow(128 / 255.0, 1 / 2.4);  // linear 1.0 * alpha, re-encoded
  EXPECT_NEAR(out.px[0], want, 2e-4);
}

TEST(FrameRenderer, AMissingPictureIsLeftOutAndReported) {
  FakePictures pics;
  pics.byClip[1] = flatYuv(16, 8, 126, 128, 128);
  const Rendered out = renderPlan(pics, {layerFor(1), layerFor(7)});
  ASSERT_EQ(out.report.warnings.size(), 1u);
  EXPECT_NE(out.report.warnings[0].find("missing.mp4"), std::string::npos);
  EXPECT_NEAR(out.px[0], 110 / 219.0, 2e-4);
}

TEST(FrameRenderer, YuvReadbackReproducesTheSourceCodes) {
  FakePictures pics;
  pics.byClip[1] = flatYuv(16, 8, 110, 120, 150);
  for (bool lumaInFinish : {false, true}) {
    RenderOptions opt;
    opt.width = 16;
    opt.height = 8;
    opt.lumaInFinish = lumaInFinish;
    auto r = FrameRenderer::create(opt);
    ASSERT_TRUE(r.ok());
    FramePlan plan{time::FramePos{0}, {layerFor(1)}, 16, 8};
    ASSERT_TRUE(r.value()->render(plan, color::TimelineGrade{}, pics, 0).ok());
    std::vector<std::uint8_t> y, cb, cr;
    ASSERT_TRUE(r.value()->readYuv420(y, cb, cr).ok());
    ASSERT_EQ(y.size(), 128u);
    ASSERT_EQ(cb.size(), 32u);
    ASSERT_EQ(cr.size(), 32u);
    for (std::uint8_t v : y) EXPECT_NEAR(v, 110, 1) << "luma in finish: " << lumaInFinish;
    for (std::uint8_t v : cb) EXPECT_NEAR(v, 120, 1);
    for (std::uint8_t v : cr) EXPECT_NEAR(v, 150, 1);
  }
}

TEST(FrameRenderer, ChromaIsTheMeanOfEachTwoByTwoBlock) {
  // Left half one colour, right half another, split on an odd column: the chroma sample that
  // straddles the edge is the mean of its block.
  auto f = flatYuv(8, 2, 110, 128, 128);
  f->planes[1].data = {100, 100, 156, 156};
  FakePictures pics;
  pics.byClip[1] = f;
  RenderOptions opt;
  opt.width = 8;
  opt.height = 2;
  opt.working = gl::TexFormat::Rgba32F;
  auto r = FrameRenderer::create(opt);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.value()->render(FramePlan{time::FramePos{0}, {layerFor(1)}, 8, 2}, color::TimelineGrade{}, pics, 0).ok());
  std::vector<std::uint8_t> y, cb, cr;
  ASSERT_TRUE(r.value()->readYuv420(y, cb, cr).ok());
  ASSERT_EQ(cb.size(), 4u);
  EXPECT_NEAR(cb[0], 100, 1);
  EXPECT_NEAR(cb[3], 156, 1);
}

TEST(FrameRenderer, OddSizesRenderButHaveNo420Readback) {
  RenderOptions opt;
  opt.width = 15;
  opt.height = 9;
  auto r = FrameRenderer::create(opt);
  ASSERT_TRUE(r.ok()) << r.error().message;
  FakePictures pics;
  pics.byClip[1] = flatYuv(16, 8, 126, 128, 128);
  ASSERT_TRUE(r.value()->render(FramePlan{time::FramePos{0}, {layerFor(1)}, 15, 9}, color::TimelineGrade{}, pics, 0).ok());
  EXPECT_EQ(r.value()->readRgba8().size(), 15u * 9u * 4u);
  std::vector<std::uint8_t> y, cb, cr;
  EXPECT_FALSE(r.value()->readYuv420(y, cb, cr).ok());
  opt.width = 0;
  EXPECT_FALSE(FrameRenderer::create(opt).ok());
}

}  // namespace
}  // namespace postline::render

namespace postline::render {
namespace {

TEST(FrameRenderer, CropCutsTheSourceAwayToTransparent) {
  FakePictures pics;
  pics.byClip[1] = flatYuv(16, 8, 16, 128, 128);    // black below
  pics.byClip[2] = flatYuv(16, 8, 235, 128, 128);   // white on top, its left quarter and top half cropped
  Layer top = layerFor(2);
  top.crop = {0.25f, 0.5f, 1.0f, 1.0f};
  const Rendered out = renderPlan(pics, {layerFor(1), top});
  auto at = [&](int x, int y) { return out.px[(static_cast<std::size_t>(y) * 16 + x) * 4]; };
  EXPECT_NEAR(at(2, 6), 0.0f, 1e-6) << "left quarter cropped";
  EXPECT_NEAR(at(8, 2), 0.0f, 1e-6) << "top half cropped";
  EXPECT_NEAR(at(8, 6), 1.0f, 1e-4) << "the rest shows";
  EXPECT_NEAR(at(15, 7), 1.0f, 1e-4);
}

}  // namespace
}  // namespace postline::render

#include "core/color/grade_cpu.h"

namespace postline::render {
namespace {

// A varied 8-bit RGBA picture (untagged: Rec.709 code values), with sharp edges and a highlight.
std::shared_ptr<VideoFrame> patternRgba(int w, int h) {
  auto f = std::make_shared<VideoFrame>(*flatRgba(w, h, 0, 0, 0, 255));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = &f->planes[0].data[(static_cast<std::size_t>(y) * w + x) * 4];
      p[0] = static_cast<std::uint8_t>((x * 255) / (w - 1));
      p[1] = static_cast<std::uint8_t>(((x / 4 + y / 4) % 2) != 0 ? 230 : 40);
      p[2] = static_cast<std::uint8_t>((y * 255) / (h - 1));
      if (x > w / 2 && x < w / 2 + 6 && y > h / 2 && y < h / 2 + 6) p[0] = p[1] = p[2] = 255;
    }
  return f;
}

// The same frame through the CPU references: Rec.709 decode, clip grade, timeline grade, film
// look, Rec.709 encode.
color::ImageF cpuPipeline(const VideoFrame& f, const color::Grade& clip, const color::TimelineGrade& tl, std::int64_t frame) {
  color::ImageF img(f.width, f.height);
  for (std::size_t i = 0; i < img.pixels(); ++i) {
    for (int c = 0; c < 3; ++c) img.rgba[i * 4 + c] = std::pow(f.planes[0].data[i * 4 + c] / 255.0f, 2.4f);
    img.rgba[i * 4 + 3] = 1.0f;
  }
  EXPECT_TRUE(color::applyGradeCpu(img, clip).ok());
  EXPECT_TRUE(color::applyGradeCpu(img, tl.grade).ok());
  color::applyFilmLookCpu(img, tl.film, frame);
  for (std::size_t i = 0; i < img.pixels(); ++i) {
    for (int c = 0; c < 3; ++c) {
      const float v = img.rgba[i * 4 + c];
      img.rgba[i * 4 + c] = std::copysign(std::pow(std::fabs(v), 1.0f / 2.4f), v);
    }
  }
  return img;
}

TEST(FrameRenderer, WholePipelineMatchesTheCpuReferences) {
  const int w = 64, h = 36;
  FakePictures pics;
  pics.byClip[1] = patternRgba(w, h);
  color::Grade clip;
  clip.normalise.temperature = 20;
  clip.normalise.exposure = 0.4;
  clip.normalise.contrast = 1.2;
  clip.normalise.gain = {1.05, 1.0, 0.95, 1.0};
  clip.normalise.saturation = 0.8;
  clip.creative.curves.master = {{0, 0.03}, {0.5, 0.55}, {1, 0.96}};
  color::TimelineGrade tl;
  tl.grade.normalise.tint = -10;
  tl.grade.creative.split = {30, 0.3, 200, 0.2, 0};
  tl.film.halation = {0.5, 0.6, 0.03, 1.0};
  tl.film.vignette = {0.2, 0.7, 0.5};
  tl.film.ceiling = {0.95, 0.8};
  tl.film.grain = {0.03, 1.5, 0.7};
  const color::ImageF want = cpuPipeline(*pics.byClip[1], clip, tl, 7);
  for (bool specialise : {true, false}) {
    RenderOptions opt{w, h, "Rec.709", gl::TexFormat::Rgba32F};
    opt.specialise = specialise;
    auto r = FrameRenderer::create(opt);
    ASSERT_TRUE(r.ok()) << r.error().message;
    Layer l = layerFor(1);
    l.grade = clip;
    auto rep = r.value()->render(FramePlan{time::FramePos{0}, {l}, w, h}, tl, pics, 7);
    ASSERT_TRUE(rep.ok()) << rep.error().message;
    EXPECT_TRUE(rep->warnings.empty());
    const std::vector<float> got = r.value()->readRgbaF();
    double worst = 0;
    for (std::size_t i = 0; i < want.pixels(); ++i)
      for (int c = 0; c < 3; ++c) worst = std::max(worst, static_cast<double>(std::fabs(got[i * 4 + c] - want.rgba[i * 4 + c])));
    EXPECT_LT(worst, 2e-4) << "largest difference in output code values, specialised shaders: " << specialise;
  }
}

}  // namespace
}  // namespace postline::render

namespace postline::render {
namespace {

TEST(FrameRenderer, AGapAfterAPictureIsBlackNotTheLastFrame) {
  FakePictures pics;
  pics.byClip[1] = flatYuv(16, 8, 235, 128, 128);
  RenderOptions opt{16, 8, "Rec.709", gl::TexFormat::Rgba32F};
  auto r = FrameRenderer::create(opt);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.value()->render(FramePlan{time::FramePos{0}, {layerFor(1)}, 16, 8}, color::TimelineGrade{}, pics, 0).ok());
  EXPECT_NEAR(r.value()->readRgbaF()[0], 1.0f, 1e-4);
  ASSERT_TRUE(r.value()->render(FramePlan{time::FramePos{1}, {}, 16, 8}, color::TimelineGrade{}, pics, 1).ok());
  for (float v : r.value()->readRgbaF()) EXPECT_TRUE(v == 0.0f || v == 1.0f);  // black, opaque
  EXPECT_EQ(r.value()->readRgbaF()[0], 0.0f);
  // Only a missing picture: also black.
  ASSERT_TRUE(r.value()->render(FramePlan{time::FramePos{0}, {layerFor(1)}, 16, 8}, color::TimelineGrade{}, pics, 0).ok());
  ASSERT_TRUE(r.value()->render(FramePlan{time::FramePos{2}, {layerFor(9)}, 16, 8}, color::TimelineGrade{}, pics, 2).ok());
  EXPECT_EQ(r.value()->readRgbaF()[0], 0.0f);
}

}  // namespace
}  // namespace postline::render
