#include "app/cli/demo/demo_scene.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace postline::cli::demo {
namespace {

constexpr double kPi = 3.14159265358979323846;

// A 256x256 tile of smooth value noise in [0, 1], built once.
const std::array<float, 256 * 256>& noiseTile() {
  static const auto tile = [] {
    std::array<float, 256 * 256> t{};
    std::array<float, 32 * 32> coarse{};
    std::uint32_t s = 12345;
    for (float& v : coarse) {
      s = s * 1664525u + 1013904223u;
      v = static_cast<float>(s >> 8) / static_cast<float>(1u << 24);
    }
    for (int y = 0; y < 256; ++y) {
      for (int x = 0; x < 256; ++x) {
        const float fx = x / 8.0f, fy = y / 8.0f;
        const int x0 = static_cast<int>(fx) & 31, y0 = static_cast<int>(fy) & 31;
        const int x1 = (x0 + 1) & 31, y1 = (y0 + 1) & 31;
        const float tx = fx - std::floor(fx), ty = fy - std::floor(fy);
        const float a = coarse[y0 * 32 + x0] + (coarse[y0 * 32 + x1] - coarse[y0 * 32 + x0]) * tx;
        const float b = coarse[y1 * 32 + x0] + (coarse[y1 * 32 + x1] - coarse[y1 * 32 + x0]) * tx;
        t[y * 256 + x] = a + (b - a) * ty;
      }
    }
    return t;
  }();
  return tile;
}

float noise(int x, int y) { return noiseTile()[(y & 255) * 256 + (x & 255)]; }

struct Rgb {
  double r, g, b;
};

// The scene colour at normalised position (u, v) in [0,1], time t in seconds.
Rgb scene(int shot, double u, double v, double t, float tex) {
  switch (shot) {
    case 1: {  // roasted beans drifting
      const double bean = 0.5 + 0.5 * std::sin(18 * u + 3 * t) * std::sin(14 * v - 2 * t);
      const double k = 0.35 + 0.4 * bean + 0.25 * tex;
      return {0.55 * k, 0.33 * k, 0.18 * k};
    }
    case 2: {  // a stream of coffee pouring into a cup
      const double stream = std::exp(-std::pow((u - 0.5 - 0.02 * std::sin(6 * v + 8 * t)) * 28, 2)) * (v < 0.62);
      const double cup = (std::pow((u - 0.5) / 0.22, 2) + std::pow((v - 0.75) / 0.16, 2)) < 1.0 ? 1.0 : 0.0;
      const double bg = 0.12 + 0.1 * v + 0.08 * tex;
      return {bg + 0.35 * stream + 0.75 * cup, bg + 0.2 * stream + 0.72 * cup, bg + 0.1 * stream + 0.7 * cup};
    }
    case 3: {  // hero cup with rising steam
      const double cup = (std::pow((u - 0.5) / 0.18, 2) + std::pow((v - 0.7) / 0.2, 2)) < 1.0 ? 1.0 : 0.0;
      const double steam = std::max(0.0, std::sin(20 * u + 4 * std::sin(3 * v - 1.5 * t)) * (0.55 - v)) * tex;
      const double bg = 0.25 + 0.3 * (1 - v);
      return {bg * 0.9 + 0.55 * cup + steam, bg * 0.75 + 0.45 * cup + steam, bg * 0.6 + 0.4 * cup + steam};
    }
    default: {  // morning kitchen: window light sweeping
      const double sun = std::exp(-std::pow((u - 0.2 - 0.05 * t) * 5, 2));
      const double k = 0.3 + 0.5 * sun + 0.2 * tex;
      return {k * 1.0, k * 0.9, k * 0.75};
    }
  }
}

std::uint8_t toByte(double v) { return static_cast<std::uint8_t>(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5); }

}  // namespace

void paintFrame(const TakeLook& look, std::int64_t index, std::int64_t total, int w, int h,
                std::vector<std::uint8_t>& rgb) {
  rgb.resize(static_cast<std::size_t>(w) * h * 3);
  const double t = static_cast<double>(index) / 24.0 + look.phase;
  const std::int64_t edge = std::min(index, total - 1 - index);
  const bool artifact = edge < look.artifactFrames;
  // Generation artifacts: brightness flicker and a horizontal warp that fade out away from the edges.
  const double strength = artifact ? 1.0 - static_cast<double>(edge) / look.artifactFrames : 0.0;
  const double flicker = 1.0 + strength * 0.35 * std::sin(static_cast<double>(index) * 2.7 + look.phase * 5);
  const int drift = static_cast<int>(t * 40);
  for (int y = 0; y < h; ++y) {
    const double v = static_cast<double>(y) / h;
    const double warp = strength * 0.04 * std::sin(v * 9 * kPi + static_cast<double>(index));
    std::uint8_t* row = rgb.data() + static_cast<std::size_t>(y) * w * 3;
    for (int x = 0; x < w; ++x) {
      const double u = static_cast<double>(x) / w + warp;
      const Rgb c = scene(look.shot, u, v, t, noise(x / 3 + drift, y / 3));
      row[x * 3 + 0] = toByte(c.r * look.gainR * flicker);
      row[x * 3 + 1] = toByte(c.g * look.gainG * flicker);
      row[x * 3 + 2] = toByte(c.b * look.gainB * flicker);
    }
  }
}

std::vector<std::uint8_t> paintLogo(int w, int h) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4, 0);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const double u = (x + 0.5) / w * 2 - 1, v = (y + 0.5) / h * 2 - 1;
      const double r = std::sqrt(u * u + v * v);
      const bool ring = r > 0.8 && r < 0.95;
      const bool bean = (u * u) / 0.16 + (v * v) / 0.36 < 1.0 && std::abs(u - 0.15 * std::sin(v * 4)) > 0.04;
      if (!ring && !bean) continue;
      std::uint8_t* p = rgba.data() + (static_cast<std::size_t>(y) * w + x) * 4;
      p[0] = 111, p[1] = 78, p[2] = 55, p[3] = ring ? 255 : 230;
    }
  }
  return rgba;
}

std::vector<std::uint8_t> paintReference(int w, int h) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4, 255);
  const std::array<std::array<std::uint8_t, 3>, 6> patches = {{{191, 0, 0}, {0, 191, 0}, {0, 0, 191},
                                                              {194, 150, 130}, {118, 118, 118}, {235, 235, 235}}};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = rgba.data() + (static_cast<std::size_t>(y) * w + x) * 4;
      if (y < h / 2) {  // grey ramp
        p[0] = p[1] = p[2] = static_cast<std::uint8_t>(x * 255 / std::max(1, w - 1));
      } else {          // colour and skin patches
        const auto& c = patches[static_cast<std::size_t>(x * 6 / w)];
        p[0] = c[0], p[1] = c[1], p[2] = c[2];
      }
    }
  }
  return rgba;
}

}  // namespace postline::cli::demo
