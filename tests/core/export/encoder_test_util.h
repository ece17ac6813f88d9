#pragma once
// Helpers for the export encoder tests: a fresh output folder per test, generated pictures and
// tones, and small pixel checks on decoded frames.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <numbers>
#include <string>
#include <vector>

#include "core/export/encoder.h"
#include "core/media/media_types.h"

namespace postline::exporting::test {

namespace fs = std::filesystem;

// An empty folder for the current test: <build>/test_output/export/<Suite>_<Test>.
inline fs::path freshDir() {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  const fs::path d = fs::path(POSTLINE_BINARY_DIR) / "test_output" / "export" /
                     (std::string(info->test_suite_name()) + "_" + info->name());
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// Files in `dir` (names only), to check nothing but the expected output is left behind.
inline std::vector<std::string> filesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  return names;
}

// Three 8-bit planes of a w x h 4:2:0 picture.
struct Yuv {
  int w = 0, h = 0;
  std::vector<std::uint8_t> y, u, v;
  Yuv(int width, int height)
      : w(width), h(height), y(static_cast<std::size_t>(w) * h), u(static_cast<std::size_t>(w / 2) * (h / 2)),
        v(u.size()) {}
};

// A flat picture of one colour.
inline Yuv flatYuv(int w, int h, std::uint8_t y, std::uint8_t u, std::uint8_t v) {
  Yuv p(w, h);
  std::fill(p.y.begin(), p.y.end(), y);
  std::fill(p.u.begin(), p.u.end(), u);
  std::fill(p.v.begin(), p.v.end(), v);
  return p;
}

// A moving ramp pattern, different for every frame index.
inline Yuv patternYuv(int w, int h, int frame) {
  Yuv p(w, h);
  for (int r = 0; r < h; ++r) {
    for (int c = 0; c < w; ++c) p.y[static_cast<std::size_t>(r * w + c)] = static_cast<std::uint8_t>(16 + (c + r + 3 * frame) % 200);
  }
  for (int r = 0; r < h / 2; ++r) {
    for (int c = 0; c < w / 2; ++c) {
      p.u[static_cast<std::size_t>(r * (w / 2) + c)] = static_cast<std::uint8_t>(64 + (c + frame) % 128);
      p.v[static_cast<std::size_t>(r * (w / 2) + c)] = static_cast<std::uint8_t>(64 + (r + frame) % 128);
    }
  }
  return p;
}

inline base::Result<void> push(Encoder& e, const Yuv& p) {
  return e.pushYuv420(p.y.data(), p.w, p.u.data(), p.w / 2, p.v.data(), p.w / 2);
}

// Stereo samples [first, first + count) of a 1 kHz sine at amplitude 0.5, 48 kHz, interleaved.
inline std::vector<float> tone(std::int64_t first, std::int64_t count) {
  std::vector<float> s(static_cast<std::size_t>(count) * 2);
  for (std::int64_t i = 0; i < count; ++i) {
    const auto x = static_cast<float>(0.5 * std::sin(2.0 * std::numbers::pi * 1000.0 * (first + i) / 48000.0));
    s[static_cast<std::size_t>(i) * 2] = x;
    s[static_cast<std::size_t>(i) * 2 + 1] = x;
  }
  return s;
}

// Mean of the samples of plane `p` of a decoded frame, in 8-bit units (10-bit values scaled down).
inline double planeMean(const media::VideoFrame& f, int p) {
  const media::Plane& pl = f.planes[static_cast<std::size_t>(p)];
  double sum = 0.0;
  for (int r = 0; r < pl.height; ++r) {
    for (int c = 0; c < pl.width; ++c) {
      const std::uint8_t* row = pl.data.data() + static_cast<std::ptrdiff_t>(r) * pl.stride;
      sum += f.bitDepth > 8 ? (row[2 * c] | (row[2 * c + 1] << 8)) / static_cast<double>(1 << (f.bitDepth - 8))
                            : row[c];
    }
  }
  return sum / (static_cast<double>(pl.width) * pl.height);
}

// Small settings for fast tests: 320x180, 24 fps, x264 ultrafast.
inline EncoderSettings smallSettings() {
  EncoderSettings s;
  s.width = 320;
  s.height = 180;
  s.fps = time::Rational(24);
  s.preset = "ultrafast";
  s.threads = 2;
  return s;
}

}  // namespace postline::exporting::test
