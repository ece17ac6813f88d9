// Scopes figures: computeScopes on a 1080p frame reduced to 512 px wide (budget: 5 ms a frame).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "core/render/scope_image.h"
#include "core/render/scopes.h"

namespace {

using postline::render::FramePixels;

// A 1920x1080 frame with gradients and colour in every region, so every scope has work.
FramePixels makeFrame(bool sixteenBit) {
  FramePixels f;
  f.width = 1920;
  f.height = 1080;
  const std::size_t n = static_cast<std::size_t>(f.width) * f.height * 4;
  if (sixteenBit) f.rgba16.resize(n);
  else f.rgba8.resize(n);
  for (int y = 0; y < f.height; ++y)
    for (int x = 0; x < f.width; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * f.width + x) * 4;
      const unsigned v[4] = {(x * 255u) / 1919u, (y * 255u) / 1079u, ((x ^ y) & 255u), 255u};
      for (int c = 0; c < 4; ++c) {
        if (sixteenBit) f.rgba16[i + c] = static_cast<std::uint16_t>(v[c] * 257u);
        else f.rgba8[i + c] = static_cast<std::uint8_t>(v[c]);
      }
    }
  return f;
}

void BM_ComputeScopes1080pRgba8(benchmark::State& state) {
  const FramePixels frame = makeFrame(false);
  for (auto _ : state) benchmark::DoNotOptimize(postline::render::computeScopes(frame.view()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ComputeScopes1080pRgba8)->Unit(benchmark::kMillisecond);

void BM_ComputeScopes1080pRgba16(benchmark::State& state) {
  const FramePixels frame = makeFrame(true);
  for (auto _ : state) benchmark::DoNotOptimize(postline::render::computeScopes(frame.view()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ComputeScopes1080pRgba16)->Unit(benchmark::kMillisecond);

void BM_RenderScopesImage(benchmark::State& state) {
  const auto scopes = postline::render::computeScopes(makeFrame(false).view());
  int w = 0, h = 0;
  for (auto _ : state) benchmark::DoNotOptimize(postline::render::renderScopesImage(scopes, w, h));
}
BENCHMARK(BM_RenderScopesImage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
