// Media figures (issue "Media") on a generated 1080p H.264 clip: 10 s at 24 fps (240 frames),
// one keyframe every 250 frames (so the whole clip is one GOP), up to 2 B-frames.
// Targets: sequential decode with 2 threads >= 150 fps; random frame access p95 <= 40 ms;
// the frame cache never holds more bytes than its limit.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/ffmpeg/media_writer.h"
#include "core/media/frame_cache.h"
#include "core/media/prober.h"

namespace {

using namespace postline;
using namespace postline::media;
using Clock = std::chrono::steady_clock;

constexpr int kFrames = 240;

// Picture `i` of the bench clip: footage-like content (a slow pan over soft gradients, a moving
// highlight and fine grain, roughly 10 Mbit/s at the writer's quality), not a worst-case pattern.
void paintFootage(std::int64_t i, std::vector<std::uint8_t>& rgb) {
  constexpr int w = 1920, h = 1080;
  rgb.resize(static_cast<std::size_t>(w) * h * 3);
  const int cx = 960 + static_cast<int>(500 * std::sin(static_cast<double>(i) * 0.04));
  const int cy = 540 + static_cast<int>(200 * std::cos(static_cast<double>(i) * 0.03));
  for (int y = 0; y < h; ++y) {
    std::uint8_t* row = rgb.data() + static_cast<std::size_t>(y) * w * 3;
    for (int x = 0; x < w; ++x) {
      const int gx = x + static_cast<int>(i) * 3;
      const int d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) >> 10;
      const int light = d2 < 160 ? 160 - d2 : 0;
      unsigned g = static_cast<unsigned>(x) * 73856093u ^ static_cast<unsigned>(y) * 19349663u ^
                   static_cast<unsigned>(i) * 83492791u;
      g ^= g >> 13;
      g *= 0x5bd1e995u;
      g ^= g >> 15;
      const int grain = static_cast<int>(g & 7);
      const int base = 40 + (gx % 1920) * 70 / 1920 + y * 50 / h + grain;
      row[x * 3 + 0] = static_cast<std::uint8_t>(std::min(255, base + light));
      row[x * 3 + 1] = static_cast<std::uint8_t>(std::min(255, base * 4 / 5 + light * 3 / 4));
      row[x * 3 + 2] = static_cast<std::uint8_t>(std::min(255, base * 3 / 5 + light / 2));
    }
  }
}

// The clip, written once into the temp folder (reused by later runs). POSTLINE_BENCH_CLIP names
// another file to measure instead (e.g. a real camera or AI-generated clip).
const std::filesystem::path& clip() {
  static const std::filesystem::path path = [] {
    if (const char* other = std::getenv("POSTLINE_BENCH_CLIP"); other != nullptr && *other != '\0') {
      return std::filesystem::path(other);
    }
    const auto dir = std::filesystem::temp_directory_path() / "postline_bench";
    std::filesystem::create_directories(dir);
    const auto p = dir / "h264_1080p_24_gop250_b2_footage_v4.mp4";
    if (!std::filesystem::exists(p)) {
      ffmpeg::VideoSpec s;
      s.width = 1920;
      s.height = 1080;
      s.frames = kFrames;
      s.gop = 250;
      s.bFrames = 2;
      s.painter = paintFootage;
      const auto tmp = dir / "writing.tmp.mp4";
      auto r = ffmpeg::writeVideo(tmp, s);
      if (!r.ok()) {
        std::fprintf(stderr, "cannot write the bench clip: %s\n", r.error().message.c_str());
        return std::filesystem::path();
      }
      std::filesystem::rename(tmp, p);
    }
    return p;
  }();
  return path;
}

std::unique_ptr<VideoDecoder> openClip(benchmark::State& state) {
  auto r = ffmpeg::openVideoDecoder(clip());
  if (!r.ok()) {
    state.SkipWithError(r.error().message.c_str());
    return nullptr;
  }
  return std::move(r).value();
}

// Opening the clip: probe, read every packet once to build the frame index, open the codec.
void BM_OpenAndIndex1080p(benchmark::State& state) {
  for (auto _ : state) {
    auto dec = openClip(state);
    if (!dec) break;
    benchmark::DoNotOptimize(dec);
  }
}

// Sequential decode: one iteration = the next frame (wrapping to frame 0 at the end), so the
// time is the time per frame and the "fps" counter the frames decoded per second.
void BM_DecodeSequential1080p(benchmark::State& state) {
  auto dec = openClip(state);
  if (!dec) return;
  std::int64_t next = 0;
  for (auto _ : state) {
    auto f = dec->frame(next);
    if (!f.ok()) {
      state.SkipWithError(f.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(f);
    next = (next + 1) % dec->frameCount();
  }
  state.counters["fps"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Random frame access: one iteration times kSamples random frames (fixed seed, random order,
// every request a seek unless it lies ahead in the same GOP) and reports their 95th percentile
// as the iteration's (manual) time; counters give p50/p95/max in ms.
void BM_RandomAccessP95(benchmark::State& state) {
  constexpr int kSamples = 20;  // each sample can decode up to a whole 240-frame GOP
  auto dec = openClip(state);
  if (!dec) return;
  std::mt19937 rng(1234);
  std::uniform_int_distribution<std::int64_t> pick(0, dec->frameCount() - 1);
  std::vector<double> ms;
  for (auto _ : state) {
    ms.clear();
    for (int i = 0; i < kSamples; ++i) {
      const std::int64_t n = pick(rng);
      const auto t0 = Clock::now();
      auto f = dec->frame(n);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (!f.ok()) state.SkipWithError(f.error().message.c_str());
    }
    std::sort(ms.begin(), ms.end());
    const double p95 = ms[static_cast<std::size_t>(0.95 * (kSamples - 1) + 0.5)];
    state.SetIterationTime(p95 / 1000.0);
    state.counters["p50_ms"] = ms[kSamples / 2];
    state.counters["p95_ms"] = p95;
    state.counters["max_ms"] = ms.back();
  }
}

// Frame cache bound: 4 threads put decoded-size frames (1080p 4:2:0 at 8 and 16 bits, 4K, small
// proxies) into a 256 MiB cache; reports the most bytes ever held against the limit.
void BM_FrameCacheBound(benchmark::State& state) {
  constexpr std::size_t kLimit = 256u << 20;
  const std::vector<std::size_t> sizes = {1920 * 1080 * 3 / 2, 1920 * 1080 * 3, 3840 * 2160 * 3 / 2, 480 * 270 * 3 / 2};
  std::vector<VideoFramePtr> frames;
  for (std::size_t s : sizes) {
    auto f = std::make_shared<VideoFrame>();
    f->planes[0].data.assign(s, 0);
    frames.push_back(f);
  }
  FrameCache cache(kLimit);
  std::atomic<bool> over{false};
  for (auto _ : state) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        std::mt19937 rng(static_cast<unsigned>(t));
        for (int i = 0; i < 500; ++i) {
          const auto& f = frames[rng() % frames.size()];
          cache.put({static_cast<std::uint64_t>(t), static_cast<std::int64_t>(rng() % 400)}, f);
          (void)cache.get({static_cast<std::uint64_t>(t), static_cast<std::int64_t>(rng() % 400)});
          if (cache.bytesUsed() > cache.limit()) over = true;
        }
      });
    }
    for (auto& th : threads) th.join();
  }
  const FrameCacheStats s = cache.stats();
  state.counters["limit_bytes"] = static_cast<double>(kLimit);
  state.counters["max_bytes_used"] = static_cast<double>(s.maxBytesUsed);
  state.counters["max_over_limit"] = static_cast<double>(s.maxBytesUsed) / static_cast<double>(kLimit);
  state.counters["seen_over_limit"] = over ? 1.0 : 0.0;
}



// Probing one clip the way import does (headers plus one pass over the packets of a 10 s file).
void BM_Probe1080p(benchmark::State& state) {
  for (auto _ : state) {
    auto r = probe(clip());
    if (!r.ok()) state.SkipWithError(r.error().message.c_str());
    benchmark::DoNotOptimize(r);
  }
}

}  // namespace

BENCHMARK(BM_Probe1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0)->UseRealTime();
BENCHMARK(BM_OpenAndIndex1080p)->Unit(benchmark::kMillisecond)->MinTime(1.0)->UseRealTime();
BENCHMARK(BM_DecodeSequential1080p)->Unit(benchmark::kMillisecond)->MinTime(3.0)->UseRealTime();
BENCHMARK(BM_RandomAccessP95)->Unit(benchmark::kMillisecond)->Iterations(1)->UseManualTime();
BENCHMARK(BM_FrameCacheBound)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_MAIN();
