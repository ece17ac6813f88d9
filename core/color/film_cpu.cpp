// CPU reference of the film look (applyFilmLookCpu in grade_cpu.h). The definitions:
//   halation (working space): a quarter-resolution buffer (math::quarterSize); texel (i, j) covers
//     pixels 4i..4i+3, 4j..4j+3 counted from the bottom-left as GL stores them (clamped to the
//     picture): each of its four 2x2 sub-blocks is averaged (GL's linear filter between four
//     texels), e = max(code - threshold, 0) per channel (code = grading space), the four e averaged;
//     blurred by a separable Gaussian (math::blurWeights as linear-filtered pairs, math::blurTaps;
//     horizontal then vertical, clamp-to-edge); sampled back bilinearly at uv = pixel centre / size
//     (GL's linear filter); working += amount * halationTint(warmth) * glow.
//   vignette (working space): p = 2 uv - 1; frame distance |p| / sqrt2, circular distance
//     |(p.x aspect, p.y)| / sqrt(aspect^2 + 1) (both 1 in the corners), d = mix by roundness;
//     working *= 1 - amount * smoothstep(1 - feather, 1, d).
//   highlight ceiling (grading space, ceiling < 1): above the knee x -> knee + r (1 - e^(-(x - knee)/r)),
//     r = ceiling - knee (slope 1 at the knee: C1, monotone, below the ceiling).
//   grain (grading space, last): c += amount * mix(1, 4Y(1 - Y), lumaWeight) * math::grainNoise
//     (Y = clamp(luma, 0, 1); same noise in all channels; pixel centres from the top-left).
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/color/grade_cpu.h"
#include "core/color/grade_math.h"

namespace postline::color {
namespace {

// A w x h RGB float buffer, row 0 at the bottom (GL order).
struct Plane {
  int w = 0, h = 0;
  std::vector<float> v;
  float* at(int x, int y) { return &v[(static_cast<std::size_t>(y) * w + x) * 3]; }
  const float* at(int x, int y) const { return &v[(static_cast<std::size_t>(y) * w + x) * 3]; }
};

// GL's linear filter (clamp-to-edge) at uv of a w x h texture read through `fetch(x, y)`
// (y from the bottom): t = uv * size - 0.5, weights from its fraction.
template <class Fetch>
math::Vec3 bilinear(Fetch fetch, int w, int h, float u, float v) {
  const float tx = u * static_cast<float>(w) - 0.5f;
  const float ty = v * static_cast<float>(h) - 0.5f;
  const float x0f = std::floor(tx);
  const float y0f = std::floor(ty);
  const float fx = tx - x0f;
  const float fy = ty - y0f;
  const int x0 = std::clamp(static_cast<int>(x0f), 0, w - 1);
  const int x1 = std::clamp(static_cast<int>(x0f) + 1, 0, w - 1);
  const int y0 = std::clamp(static_cast<int>(y0f), 0, h - 1);
  const int y1 = std::clamp(static_cast<int>(y0f) + 1, 0, h - 1);
  const float* a00 = fetch(x0, y0);
  const float* a10 = fetch(x1, y0);
  const float* a01 = fetch(x0, y1);
  const float* a11 = fetch(x1, y1);
  math::Vec3 out{};
  for (int c = 0; c < 3; ++c) {
    const float a = a00[c] + (a10[c] - a00[c]) * fx;
    const float b = a01[c] + (a11[c] - a01[c]) * fx;
    out[c] = a + (b - a) * fy;
  }
  return out;
}

Plane extractQuarter(const ImageF& img, float threshold) {
  const auto q = math::quarterSize(img.width, img.height);
  Plane out{q[0], q[1], std::vector<float>(static_cast<std::size_t>(q[0]) * q[1] * 3)};
  const auto fetch = [&](int x, int yb) { return img.at(x, img.height - 1 - yb); };
  const float invW = 1.0f / static_cast<float>(img.width);
  const float invH = 1.0f / static_cast<float>(img.height);
  for (int j = 0; j < out.h; ++j) {
    for (int i = 0; i < out.w; ++i) {
      float s[3] = {0, 0, 0};
      for (const auto& [dx, dy] : {std::pair{1, 1}, {3, 1}, {1, 3}, {3, 3}}) {
        const float u = static_cast<float>(4 * i + dx) * invW;
        const float v = static_cast<float>(4 * j + dy) * invH;
        const auto avg = bilinear(fetch, img.width, img.height, u, v);  // the 2x2 average
        for (int c = 0; c < 3; ++c) s[c] += std::max(math::signedPow(avg[c], math::kEncodeExponent) - threshold, 0.0f);
      }
      for (int c = 0; c < 3; ++c) out.at(i, j)[c] = s[c] * 0.25f;
    }
  }
  return out;
}

Plane blur(const Plane& in, const math::BlurTaps& taps, int dx, int dy) {
  Plane out{in.w, in.h, std::vector<float>(in.v.size())};
  const auto fetch = [&](int x, int y) { return in.at(x, y); };
  const float invW = 1.0f / static_cast<float>(in.w);
  const float invH = 1.0f / static_cast<float>(in.h);
  for (int y = 0; y < in.h; ++y) {
    for (int x = 0; x < in.w; ++x) {
      const float px = static_cast<float>(x) + 0.5f;
      const float py = static_cast<float>(y) + 0.5f;
      float s[3];
      for (int c = 0; c < 3; ++c) s[c] = taps.weights[0] * in.at(x, y)[c];
      for (std::size_t k = 1; k < taps.weights.size(); ++k) {
        const float ox = taps.offsets[k] * static_cast<float>(dx);
        const float oy = taps.offsets[k] * static_cast<float>(dy);
        const auto a = bilinear(fetch, in.w, in.h, (px - ox) * invW, (py - oy) * invH);
        const auto b = bilinear(fetch, in.w, in.h, (px + ox) * invW, (py + oy) * invH);
        for (int c = 0; c < 3; ++c) s[c] += taps.weights[k] * (a[c] + b[c]);
      }
      std::copy(s, s + 3, out.at(x, y));
    }
  }
  return out;
}

math::Vec3 sampleBilinear(const Plane& p, float u, float v) {
  return bilinear([&](int x, int y) { return p.at(x, y); }, p.w, p.h, u, v);
}

float vignetteGain(const Vignette& v, float u, float t, float aspect) {
  const float px = 2.0f * u - 1.0f;
  const float py = 2.0f * t - 1.0f;
  const float dFrame = std::sqrt(px * px + py * py) / std::sqrt(2.0f);
  const float ax = px * aspect;
  const float dCirc = std::sqrt(ax * ax + py * py) / std::sqrt(aspect * aspect + 1.0f);
  const float d = dFrame + (dCirc - dFrame) * static_cast<float>(v.roundness);
  return 1.0f - static_cast<float>(v.amount) * math::smoothstep(1.0f - static_cast<float>(v.feather), 1.0f, d);
}

float ceilingCurve(float x, float knee, float ceiling) {
  if (x <= knee) return x;
  const float r = ceiling - knee;
  if (r < 1e-6f) return std::min(x, ceiling);
  return knee + r * (1.0f - std::exp(-(x - knee) / r));
}

// The per-pixel part of the film look for one picture and frame.
struct FilmPixel {
  FilmPixel(const FilmLook& f, std::int64_t frameIndex, int w, int h)
      : look(f), halationOn(f.halation.amount > 0.0), tint(math::halationTint(f.halation.warmth)),
        amount(static_cast<float>(f.halation.amount)), width(static_cast<float>(w)), height(static_cast<float>(h)),
        seed(math::grainSeed(frameIndex)) {}

  // `c` working space, `glow` the sampled halation, (pcx, pcy) the pixel centre from the top-left.
  Rgb apply(Rgb c, const math::Vec3& glow, float pcx, float pcy) const {
    if (halationOn) {
      for (int k = 0; k < 3; ++k) c[k] += amount * tint[k] * glow[k];
    }
    if (look.vignette.amount > 0.0) {
      const float gain = vignetteGain(look.vignette, pcx / width, pcy / height, width / height);
      for (float& v : c) v *= gain;
    }
    c = encodeGrading(c);
    if (look.ceiling.ceiling < 1.0) {
      const float knee = static_cast<float>(look.ceiling.knee);
      for (float& v : c) v = ceilingCurve(v, knee, static_cast<float>(look.ceiling.ceiling));
    }
    if (look.grain.amount > 0.0) {
      const float yl = std::clamp(math::luma(c), 0.0f, 1.0f);
      const float wgt = 1.0f + (4.0f * yl * (1.0f - yl) - 1.0f) * static_cast<float>(look.grain.lumaWeight);
      const float n = math::grainNoise(pcx, pcy, static_cast<float>(look.grain.size), seed);
      for (float& v : c) v += static_cast<float>(look.grain.amount) * wgt * n;
    }
    return decodeGrading(c);
  }

  const FilmLook& look;
  bool halationOn;
  math::Vec3 tint;
  float amount, width, height;
  std::uint32_t seed;
};

}  // namespace

void applyFilmLookCpu(ImageF& working, const FilmLook& f, std::int64_t frameIndex) {
  const int w = working.width;
  const int h = working.height;
  if (w <= 0 || h <= 0) return;
  const FilmPixel film(f, frameIndex, w, h);
  Plane glow;
  if (film.halationOn) {
    const auto taps = math::blurTaps(f.halation.radius, h);
    glow = extractQuarter(working, static_cast<float>(f.halation.threshold));
    glow = blur(blur(glow, taps, 1, 0), taps, 0, 1);
  }
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      float* px = working.at(x, y);
      const float pcx = static_cast<float>(x) + 0.5f;
      const float pcy = static_cast<float>(y) + 0.5f;
      math::Vec3 g{};
      if (film.halationOn) g = sampleBilinear(glow, pcx / w, (static_cast<float>(h - 1 - y) + 0.5f) / h);
      const Rgb c = film.apply({px[0], px[1], px[2]}, g, pcx, pcy);
      std::copy(c.begin(), c.end(), px);
    }
  }
}

}  // namespace postline::color
