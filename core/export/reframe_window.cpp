// Reframing window maths (core/export/reframe.h): mode names, aspect names, crop and letterbox
// windows, and the delivery -> sequence affine map of a window. Pure arithmetic.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/export/reframe.h"

namespace postline::exporting {

using base::ErrorCode;
using base::makeError;

const char* reframeModeName(ReframeMode mode) {
  switch (mode) {
    case ReframeMode::Auto:
      return "auto";
    case ReframeMode::Centre:
      return "centre";
    case ReframeMode::Letterbox:
      return "letterbox";
  }
  return "auto";
}

base::Result<ReframeMode> parseReframeMode(const std::string& name) {
  if (name == "auto") return ReframeMode::Auto;
  if (name == "centre" || name == "center") return ReframeMode::Centre;
  if (name == "letterbox") return ReframeMode::Letterbox;
  return makeError(ErrorCode::InvalidArgument,
                   "unknown reframe mode '" + name + "' (expected one of auto, centre, letterbox)");
}

std::string aspectName(int width, int height) {
  if (width <= 0 || height <= 0) return std::to_string(width) + "x" + std::to_string(height);
  const int g = std::gcd(width, height);
  return std::to_string(width / g) + "x" + std::to_string(height / g);
}

render::Mat3 windowTransform(const Window& w) {
  // u -> cx + (u - 0.5) * w, v -> cy + (v - 0.5) * h; column-major like render::Mat3.
  return {static_cast<float>(w.w), 0.0f, 0.0f, 0.0f, static_cast<float>(w.h), 0.0f,
          static_cast<float>(w.cx - 0.5 * w.w), static_cast<float>(w.cy - 0.5 * w.h), 1.0f};
}

render::Mat3 composeTransforms(const render::Mat3& a, const render::Mat3& b) {
  render::Mat3 out{};
  for (int col = 0; col < 3; ++col) {
    for (int row = 0; row < 3; ++row) {
      double sum = 0.0;  // in double: the products of two floats stay exact before one rounding
      for (int k = 0; k < 3; ++k) sum += static_cast<double>(a[k * 3 + row]) * static_cast<double>(b[col * 3 + k]);
      out[col * 3 + row] = static_cast<float>(sum);
    }
  }
  return out;
}

namespace {

// Delivery aspect over sequence aspect (display shapes, both > 0).
double aspectRatio(int seqWidth, int seqHeight, int outWidth, int outHeight) {
  const double seq = static_cast<double>(std::max(seqWidth, 1)) / std::max(seqHeight, 1);
  const double out = static_cast<double>(std::max(outWidth, 1)) / std::max(outHeight, 1);
  return out / seq;
}

// `c` moved so that [c - size/2, c + size/2] lies inside [0, 1] (centred when size >= 1).
double clampCentre(double c, double size) {
  if (size >= 1.0) return 0.5;
  const double half = size / 2.0;
  return std::clamp(c, half, 1.0 - half);
}

}  // namespace

Window cropWindow(int seqWidth, int seqHeight, int outWidth, int outHeight, double cx, double cy) {
  const double r = aspectRatio(seqWidth, seqHeight, outWidth, outHeight);
  Window w;
  // Narrower delivery: full height, a slice of the width; wider: full width, a slice of the height.
  w.w = r < 1.0 ? r : 1.0;
  w.h = r < 1.0 ? 1.0 : 1.0 / r;
  w.cx = clampCentre(std::isfinite(cx) ? cx : 0.5, w.w);
  w.cy = clampCentre(std::isfinite(cy) ? cy : 0.5, w.h);
  return w;
}

Window letterboxWindow(int seqWidth, int seqHeight, int outWidth, int outHeight) {
  const double r = aspectRatio(seqWidth, seqHeight, outWidth, outHeight);
  Window w;
  // Narrower delivery: the frame's width fills it, bars above and below (h > 1); wider: bars at the sides.
  w.w = r < 1.0 ? 1.0 : r;
  w.h = r < 1.0 ? 1.0 / r : 1.0;
  return w;
}

}  // namespace postline::exporting
