#pragma once
// A float RGBA picture in memory: what CPU references, colour match and scopes work on.
#include <cstddef>
#include <vector>

namespace postline::color {

// Row-major, row 0 at the top, 4 floats per pixel (R, G, B, A); values are not clamped.
struct ImageF {
  int width = 0;
  int height = 0;
  std::vector<float> rgba;

  ImageF() = default;
  ImageF(int w, int h) : width(w), height(h), rgba(static_cast<std::size_t>(w) * h * 4, 0.0f) {}

  float* at(int x, int y) { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
  const float* at(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
  std::size_t pixels() const { return static_cast<std::size_t>(width) * height; }
};

}  // namespace postline::color
