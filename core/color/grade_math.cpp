#include "core/color/grade_math.h"

#include <algorithm>
#include <cmath>

namespace postline::color::math {

float luma(const Vec3& c) { return kLumaR * c[0] + kLumaG * c[1] + kLumaB * c[2]; }

float smoothstep(float e0, float e1, float x) {
  const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

float signedPow(float x, float e) { return std::copysign(std::pow(std::fabs(x), e), x); }

Vec3 whiteBalanceGains(double temperature, double tint) {
  const float t = static_cast<float>(temperature / 100.0);
  const float m = static_cast<float>(tint / 100.0);
  Vec3 g{std::exp2(0.3f * t + 0.15f * m), std::exp2(-0.3f * m), std::exp2(-0.3f * t + 0.15f * m)};
  const float y = luma(g);
  for (float& v : g) v /= y;
  return g;
}

Primaries primaries(const Normalise& n) {
  Primaries p{};
  for (int c = 0; c < 3; ++c) {
    p.lift[c] = static_cast<float>(n.lift[c] + n.lift[3]);
    p.invGamma[c] = static_cast<float>(1.0 / (n.gamma[c] * n.gamma[3]));
    p.gain[c] = static_cast<float>(n.gain[c] * n.gain[3]);
    p.offset[c] = static_cast<float>(n.offset[c] + n.offset[3]);
  }
  return p;
}

Vec3 hueDirection(double hueDegrees) {
  double h = std::fmod(hueDegrees / 360.0, 1.0);
  if (h < 0) h += 1.0;
  // hsv2rgb(h, 1, 1) = clamp(|mod(6h + (0, 4, 2), 6) - 3| - 1, 0, 1)
  Vec3 rgb{};
  const double k[3] = {0.0, 4.0, 2.0};
  for (int c = 0; c < 3; ++c) {
    const double v = std::fabs(std::fmod(h * 6.0 + k[c], 6.0) - 3.0) - 1.0;
    rgb[c] = static_cast<float>(std::clamp(v, 0.0, 1.0));
  }
  const float y = luma(rgb);
  for (float& v : rgb) v -= y;
  return rgb;
}

float splitPoint(double balance) { return static_cast<float>(0.5 - 0.3 * balance); }

Vec3 halationTint(double warmth) {
  const float w = static_cast<float>(warmth);
  return {1.0f, 1.0f + (0.35f - 1.0f) * w, 1.0f + (0.1f - 1.0f) * w};
}

std::array<int, 2> quarterSize(int w, int h) { return {(w + 3) / 4, (h + 3) / 4}; }

std::vector<float> blurWeights(double radius, int height) {
  const double sigma = std::max(radius * height / 4.0, 0.5);
  const int taps = std::min(static_cast<int>(std::ceil(3.0 * sigma)), kMaxBlurTaps);
  std::vector<double> w(static_cast<std::size_t>(taps) + 1);
  double sum = 0.0;
  for (int k = 0; k <= taps; ++k) {
    w[k] = std::exp(-0.5 * k * k / (sigma * sigma));
    sum += (k == 0 ? 1.0 : 2.0) * w[k];
  }
  std::vector<float> out(w.size());
  for (std::size_t k = 0; k < w.size(); ++k) out[k] = static_cast<float>(w[k] / sum);
  return out;
}

BlurTaps blurTaps(double radius, int height) {
  const auto w = blurWeights(radius, height);
  BlurTaps t{{0.0f}, {w[0]}};
  for (std::size_t k = 1; k < w.size(); k += 2) {
    const float a = w[k];
    const float b = k + 1 < w.size() ? w[k + 1] : 0.0f;
    t.offsets.push_back(static_cast<float>(k) + b / (a + b));
    t.weights.push_back(a + b);
  }
  return t;
}

std::uint32_t pcgHash(std::uint32_t v) {
  const std::uint32_t state = v * 747796405u + 2891336453u;
  const std::uint32_t word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

std::uint32_t grainSeed(std::int64_t frameIndex) {
  const auto u = static_cast<std::uint64_t>(frameIndex);
  const auto lo = static_cast<std::uint32_t>(u & 0xffffffffu);
  const auto hi = static_cast<std::uint32_t>(u >> 32);
  return pcgHash(lo ^ pcgHash(hi)) & 0xffffffu;
}

namespace {
float latticeValue(int ix, int iy, std::uint32_t seedHash) {
  const std::uint32_t h =
      pcgHash(static_cast<std::uint32_t>(ix) + pcgHash(static_cast<std::uint32_t>(iy) + seedHash));
  const float u = static_cast<float>(h >> 8) * (1.0f / 16777216.0f);  // [0, 1)
  return (u * 2.0f - 1.0f) * 1.7320508f;                              // unit variance
}
float lerp(float a, float b, float t) { return a + (b - a) * t; }
}  // namespace

float grainNoise(float px, float py, float size, std::uint32_t seed) {
  const float qx = (px - 0.5f) / size;
  const float qy = (py - 0.5f) / size;
  const float fx0 = std::floor(qx);
  const float fy0 = std::floor(qy);
  const int ix = static_cast<int>(fx0);
  const int iy = static_cast<int>(fy0);
  const float fx = qx - fx0;
  const float fy = qy - fy0;
  const std::uint32_t s = pcgHash(seed);
  const float top = lerp(latticeValue(ix, iy, s), latticeValue(ix + 1, iy, s), fx);
  const float bottom = lerp(latticeValue(ix, iy + 1, s), latticeValue(ix + 1, iy + 1, s), fx);
  const float v = lerp(top, bottom, fy);
  const float gx = (1.0f - fx) * (1.0f - fx) + fx * fx;
  const float gy = (1.0f - fy) * (1.0f - fy) + fy * fy;
  return v / std::sqrt(gx * gy);
}

}  // namespace postline::color::math
