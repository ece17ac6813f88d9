#pragma once
// Generated clips for the reframing tests: a subject whose centre is known in every picture moves
// across a background (flat, textured, moving, or filmed by a panning camera). The pictures are
// painted here and encoded with libav; the truth is the painter's own subject position.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/media/ffmpeg/media_writer.h"
#include "core/model/project.h"

namespace postline::exporting::test {

// A smooth random texture of w x h RGB values 0..1 (sum of a few octaves of bilinear noise).
struct Texture {
  int w = 0, h = 0;
  std::vector<float> rgb;
  Texture(int width, int height, unsigned seed, double contrast, std::array<double, 3> base) : w(width), h(height) {
    rgb.assign(static_cast<std::size_t>(w) * h * 3, 0.0f);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (int cell : {64, 24, 9}) {
      const int gw = w / cell + 2, gh = h / cell + 2;
      std::vector<double> g(static_cast<std::size_t>(gw) * gh * 3);
      for (double& v : g) v = u(rng);
      for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
          const double fx = static_cast<double>(x) / cell, fy = static_cast<double>(y) / cell;
          const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
          const double ax = fx - x0, ay = fy - y0;
          for (int c = 0; c < 3; ++c) {
            const auto at = [&](int gx, int gy) { return g[(static_cast<std::size_t>(gy) * gw + gx) * 3 + c]; };
            const double v = (1 - ay) * ((1 - ax) * at(x0, y0) + ax * at(x0 + 1, y0)) +
                             ay * ((1 - ax) * at(x0, y0 + 1) + ax * at(x0 + 1, y0 + 1));
            rgb[(static_cast<std::size_t>(y) * w + x) * 3 + c] += static_cast<float>(contrast * v / 3.0);
          }
        }
      }
    }
    for (std::size_t i = 0; i < rgb.size(); ++i) rgb[i] = std::clamp(rgb[i] + static_cast<float>(base[i % 3]), 0.0f, 1.0f);
  }
  // Wrapping lookup.
  const float* at(int x, int y) const {
    x = ((x % w) + w) % w;
    y = ((y % h) + h) % h;
    return &rgb[(static_cast<std::size_t>(y) * w + x) * 3];
  }
};

// What one clip shows. Positions are frame-normalised (0..1), t = picture / (frames - 1).
struct Scene {
  std::string name;
  int frames = 96;
  std::function<double(double t)> x;             // subject centre across
  std::function<double(double t)> y = [](double) { return 0.55; };
  double radius = 0.09;                           // subject radius, fraction of the frame height
  enum class Look { BrightDisc, LowContrastDisc, Figure } look = Look::BrightDisc;
  enum class Ground { Flat, Texture, Drifting, Pan } ground = Ground::Flat;
  double panPixelsPerFrame = 0.0;                 // Pan/Drifting: background moves left by this much
  bool distractor = false;                        // a static bright square in a corner
};

inline constexpr int kWidth = 640;
inline constexpr int kHeight = 360;

inline double smoothstep(double t) { return t * t * (3.0 - 2.0 * t); }

// Paints picture `index` of `scene` as RGB24.
inline void paintScene(const Scene& s, const Texture& tex, std::int64_t index, std::vector<std::uint8_t>& rgb) {
  rgb.resize(static_cast<std::size_t>(kWidth) * kHeight * 3);
  const double t = s.frames > 1 ? static_cast<double>(index) / (s.frames - 1) : 0.0;
  const double sx = s.x(t) * kWidth, sy = s.y(t) * kHeight, r = s.radius * kHeight;
  const int shift = static_cast<int>(std::lround(s.panPixelsPerFrame * static_cast<double>(index)));
  const int drift = s.ground == Scene::Ground::Drifting ? static_cast<int>(index) : 0;
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      double c[3];
      if (s.ground == Scene::Ground::Flat) {
        const double g = 0.25 + 0.1 * x / kWidth;  // a gentle gradient, no texture
        c[0] = g, c[1] = g, c[2] = g * 1.1;
      } else {
        const float* p = tex.at(x + shift, y + drift);
        c[0] = p[0], c[1] = p[1], c[2] = p[2];
      }
      if (s.distractor && x > kWidth * 0.82 && x < kWidth * 0.95 && y > kHeight * 0.08 && y < kHeight * 0.3) {
        c[0] = 0.95, c[1] = 0.9, c[2] = 0.3;
      }
      const double dx = x + 0.5 - sx, dy = y + 0.5 - sy;
      bool inside = dx * dx + dy * dy <= r * r;
      if (s.look == Scene::Look::Figure) {  // a head over a body a little wider than the head
        const bool head = dx * dx + (dy + 1.3 * r) * (dy + 1.3 * r) <= 0.36 * r * r;
        const bool body = std::fabs(dx) <= 0.55 * r && dy >= -0.7 * r && dy <= 1.6 * r;
        inside = head || body;
      }
      if (inside) {
        if (s.look == Scene::Look::LowContrastDisc) {  // a flat disc barely off the ground's mean colour
          c[0] = 0.53, c[1] = 0.5, c[2] = 0.44;
        } else {
          const double stripe = 0.12 * std::sin((x + y) * 0.35);  // the subject's own texture
          c[0] = 0.85 + stripe, c[1] = s.look == Scene::Look::Figure ? 0.3 : 0.7 + stripe, c[2] = 0.25;
        }
      }
      for (int k = 0; k < 3; ++k) {
        rgb[(static_cast<std::size_t>(y) * kWidth + x) * 3 + k] = static_cast<std::uint8_t>(std::lround(std::clamp(c[k], 0.0, 1.0) * 255));
      }
    }
  }
}

// The subject's centre in picture `index` (frame-normalised). For the figure: the middle of its
// head-to-feet extent (-1.9 r .. 1.6 r about the painted centre).
inline std::array<double, 2> subjectAt(const Scene& s, std::int64_t index) {
  const double t = s.frames > 1 ? static_cast<double>(index) / (s.frames - 1) : 0.0;
  const double dy = s.look == Scene::Look::Figure ? -0.15 * s.radius : 0.0;
  return {s.x(t), s.y(t) + dy};
}

// Half the subject's width, frame-normalised.
inline double subjectHalfWidth(const Scene& s) {
  return (s.look == Scene::Look::Figure ? 0.55 : 1.0) * s.radius * kHeight / kWidth;
}

// A per-process folder for generated media (tests run in parallel processes).
inline std::filesystem::path scratchDir() {
  const auto d = std::filesystem::temp_directory_path() / ("postline_reframe_" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d;
}

// Encodes `scene` into `dir`/<name>.mp4 (H.264, 24 fps) and returns the path.
inline std::filesystem::path writeScene(const Scene& s, const std::filesystem::path& dir) {
  const Texture tex(kWidth * 2, kHeight * 2, static_cast<unsigned>(std::hash<std::string>{}(s.name)), 0.9,
                    {0.45, 0.45, 0.42});
  media::ffmpeg::VideoSpec spec;
  spec.width = kWidth;
  spec.height = kHeight;
  spec.frames = s.frames;
  spec.burnFrameNumbers = false;
  spec.gop = 24;
  spec.painter = [&](std::int64_t index, std::vector<std::uint8_t>& rgb) { paintScene(s, tex, index, rgb); };
  const auto path = dir / (s.name + ".mp4");
  auto r = media::ffmpeg::writeVideo(path, spec);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return path;
}

// A 640x360, 24 fps video item for a file written by writeScene (picture i = tick i).
inline model::MediaItem sceneMedia(const Scene& s, const std::filesystem::path& path) {
  model::MediaItem m;
  m.path = path.string();
  m.name = s.name;
  m.kind = model::MediaKind::Video;
  m.info.container = "mov,mp4,m4a,3gp,3g2,mj2";
  m.info.hasVideo = true;
  m.info.width = kWidth;
  m.info.height = kHeight;
  m.info.frameRate = time::Rational(24);
  m.info.timeBase = time::Rational::make(1, 24).value();
  m.info.duration = s.frames;
  m.info.videoCodec = "h264";
  return m;
}

}  // namespace postline::exporting::test
