// Render figures on this machine's GL (Mesa llvmpipe on CI): one 1080p frame through the whole
// pipeline and read back. Target: full grade (normalise + curves + LUT + film look) <= 20 ms.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

#include "core/base/resources.h"
#include "core/render/frame_renderer.h"
#include "core/render/gl/context.h"

namespace {

using namespace postline;

// A 1080p 8-bit 4:2:0 picture with gradients, tagged BT.709.
media::VideoFramePtr testFrame() {
  auto f = std::make_shared<media::VideoFrame>();
  f->width = 1920;
  f->height = 1080;
  f->color = {"bt709", "bt709", "bt709", "tv"};
  for (int i = 0; i < 3; ++i) {
    media::Plane& p = f->planes[static_cast<std::size_t>(i)];
    p.width = i == 0 ? 1920 : 960;
    p.height = i == 0 ? 1080 : 540;
    p.stride = p.width;
    p.data.resize(static_cast<std::size_t>(p.width) * p.height);
    for (int y = 0; y < p.height; ++y)
      for (int x = 0; x < p.width; ++x)
        p.data[static_cast<std::size_t>(y) * p.width + x] = static_cast<std::uint8_t>(i == 0 ? 16 + (x + y) % 220 : 96 + (x ^ y) % 64);
  }
  return f;
}

class OnePicture final : public render::PictureSource {
 public:
  media::VideoFramePtr frame = testFrame();
  base::Result<media::VideoFramePtr> picture(const render::Layer&) override { return frame; }
};

color::Grade fullClipGrade() {
  color::Grade g;
  g.normalise.temperature = 12;
  g.normalise.tint = -4;
  g.normalise.exposure = 0.3;
  g.normalise.contrast = 1.1;
  g.normalise.lift = {0.01, 0, -0.01, 0.02};
  g.normalise.gamma = {1, 1.02, 0.98, 1.05};
  g.normalise.gain = {1.02, 1, 0.97, 1};
  g.normalise.saturation = 0.9;
  g.normalise.shadows = 0.05;
  g.normalise.highlights = -0.05;
  g.creative.curves.master = {{0, 0.02}, {0.5, 0.55}, {1, 0.97}};
  g.creative.curves.blue = {{0, 0.05}, {1, 0.95}};
  g.creative.split = {30, 0.2, 45, 0.15, 0.1};
  g.creative.lut = {base::resourcePath("looks/warm_negative.cube").string(), 0.8};
  return g;
}

color::TimelineGrade fullTimelineGrade() {
  color::TimelineGrade t;
  t.grade.normalise.saturation = 0.95;
  t.film.halation = {0.3, 0.75, 0.01, 1.0};
  t.film.vignette = {0.15, 0.8, 0.6};
  t.film.ceiling = {0.97, 0.85};
  t.film.grain = {0.03, 1.2, 0.7};
  return t;
}

struct Bench {
  std::unique_ptr<render::gl::ContextProvider> ctx;
  std::unique_ptr<render::FrameRenderer> renderer;
  OnePicture pictures;
  render::FramePlan plan;
  Bench() {
    auto c = render::gl::createEglSurfacelessContext();
    if (!c) {
      std::fprintf(stderr, "no GL: %s\n", c.error().message.c_str());
      std::abort();
    }
    ctx = std::move(c.value());
    (void)ctx->makeCurrent();
    render::RenderOptions opt{1920, 1080, "Rec.709", render::gl::TexFormat::Rgba16F};
    opt.lumaInFinish = true;  // as postline-cli render runs it
    renderer = std::move(render::FrameRenderer::create(opt).value());
    plan.width = 1920;
    plan.height = 1080;
    plan.layers.resize(1);
  }
};

Bench& bench() {
  static Bench b;
  return b;
}

void run(benchmark::State& state, bool graded, bool yuv) {
  Bench& b = bench();
  b.plan.layers[0].grade = graded ? fullClipGrade() : color::Grade{};
  const color::TimelineGrade t = graded ? fullTimelineGrade() : color::TimelineGrade{};
  std::vector<std::uint8_t> y, cb, cr;
  std::int64_t frame = 0;
  for (auto _ : state) {
    auto r = b.renderer->render(b.plan, t, b.pictures, frame++);
    if (!r || !r->warnings.empty()) state.SkipWithError("render failed or bypassed an operation");
    if (yuv) {
      (void)b.renderer->readYuv420(y, cb, cr);
      benchmark::DoNotOptimize(y.data());
    } else {
      auto px = b.renderer->readRgba8();
      benchmark::DoNotOptimize(px.data());
    }
  }
  state.counters["renderer"] = 0;
  state.SetLabel(b.ctx->describe());
}

void BM_Render1080pIdentityRgba8(benchmark::State& s) { run(s, false, false); }
void BM_Render1080pFullGradeRgba8(benchmark::State& s) { run(s, true, false); }
void BM_Render1080pFullGradeYuv420(benchmark::State& s) { run(s, true, true); }
BENCHMARK(BM_Render1080pIdentityRgba8)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Render1080pFullGradeRgba8)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Render1080pFullGradeYuv420)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
