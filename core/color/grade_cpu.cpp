// CPU reference of the grade (see grade_cpu.h). The definitions, in pipeline order:
//   working space (linear Rec.709):
//     white balance  x * gains, gains from math::whiteBalanceGains (luma-normalised)
//     exposure       x * 2^stops
//     contrast       pivot * (x / pivot)^contrast for x > 0; x <= 0 unchanged
//   grading space (code = sign(x) |x|^(1/2.4)):
//     primaries      per channel (lift/offset add the master, gamma/gain multiply by it):
//                    y = gain * (x + lift * (1 - x)); y = y^(1/gamma) where y > 0; y += offset
//     saturation     Y + s * (c - Y), Y = Rec.709 luma of the code values
//     tonal ranges   Y = clamp(luma, 0, 1); ws = 1 - smoothstep(0, .5, Y), wh = smoothstep(.5, 1, Y),
//                    wm = 1 - ws - wh; c += 0.25 * (shadows ws + midtones wm + highlights wh)
//     curves         the curves table (curves.h), master then channel, when not identity
//     split tone     Y = clamp(luma, 0, 1), p = 0.5 - 0.3 balance; ws = 1 - smoothstep(0, 2p, Y),
//                    wh = smoothstep(2p - 1, 1, Y); c += 0.3 (shadowAmount ws dirS + highlightAmount wh dirH),
//                    dir = math::hueDirection (zero luma, so luma is kept)
//     look LUT       c = c + (look(c) - c) * mix (OCIO CPU processor, tetrahedral)
//   back to working space: sign(c) |c|^2.4.
#include "core/color/grade_cpu.h"

#include <algorithm>
#include <cmath>

#include "core/color/curves.h"
#include "core/color/grade_math.h"
#include "core/color/ocio/ocio.h"

namespace postline::color {
namespace {

float lumaOf(const Rgb& c) { return math::luma(c); }

Rgb normaliseToCode(Rgb linear, const Normalise& n) {
  linear = applyWhiteBalance(linear, n.temperature, n.tint);
  linear = applyExposure(linear, n.exposure);
  linear = applyContrast(linear, n.contrast, n.pivot);
  Rgb code = encodeGrading(linear);
  code = applyPrimaries(code, n);
  code = applySaturation(code, n.saturation);
  return applyTonalRanges(code, n.shadows, n.midtones, n.highlights);
}

Rgb curvesFromTable(Rgb code, const std::vector<float>& table) {
  for (int c = 0; c < 3; ++c) code[c] = lookupCurve(table, math::kCurveEntries, c, code[c]);
  return code;
}

}  // namespace

Rgb encodeGrading(Rgb linear) {
  for (float& v : linear) v = math::signedPow(v, math::kEncodeExponent);
  return linear;
}

Rgb decodeGrading(Rgb code) {
  for (float& v : code) v = math::signedPow(v, math::kDecodeExponent);
  return code;
}

Rgb applyWhiteBalance(Rgb linear, double temperature, double tint) {
  const auto g = math::whiteBalanceGains(temperature, tint);
  for (int c = 0; c < 3; ++c) linear[c] *= g[c];
  return linear;
}

Rgb applyExposure(Rgb linear, double stops) {
  const float g = std::exp2(static_cast<float>(stops));
  for (float& v : linear) v *= g;
  return linear;
}

Rgb applyContrast(Rgb linear, double contrast, double pivot) {
  const float k = static_cast<float>(contrast);
  const float p = static_cast<float>(pivot);
  for (float& v : linear) {
    if (v > 0.0f) v = p * std::pow(v / p, k);
  }
  return linear;
}

Rgb applyPrimaries(Rgb code, const Normalise& n) {
  const auto p = math::primaries(n);
  for (int c = 0; c < 3; ++c) {
    float y = p.gain[c] * (code[c] + p.lift[c] * (1.0f - code[c]));
    if (y > 0.0f) y = std::pow(y, p.invGamma[c]);
    code[c] = y + p.offset[c];
  }
  return code;
}

Rgb applySaturation(Rgb code, double saturation) {
  const float s = static_cast<float>(saturation);
  const float y = lumaOf(code);
  for (float& v : code) v = y + s * (v - y);
  return code;
}

Rgb applyTonalRanges(Rgb code, double shadows, double midtones, double highlights) {
  const float y = std::clamp(lumaOf(code), 0.0f, 1.0f);
  const float ws = 1.0f - math::smoothstep(0.0f, 0.5f, y);
  const float wh = math::smoothstep(0.5f, 1.0f, y);
  const float wm = 1.0f - ws - wh;
  const float d = 0.25f * (static_cast<float>(shadows) * ws + static_cast<float>(midtones) * wm +
                           static_cast<float>(highlights) * wh);
  for (float& v : code) v += d;
  return code;
}

Rgb applyNormalise(Rgb linear, const Normalise& n) { return decodeGrading(normaliseToCode(linear, n)); }

Rgb applyCurves(Rgb code, const Curves& c) {
  if (curvesAreIdentity(c)) return code;
  return curvesFromTable(code, curveTable(c, math::kCurveEntries));
}

Rgb applySplitTone(Rgb code, const SplitTone& s) {
  const float y = std::clamp(lumaOf(code), 0.0f, 1.0f);
  const float p2 = 2.0f * math::splitPoint(s.balance);
  const float ws = 1.0f - math::smoothstep(0.0f, p2, y);
  const float wh = math::smoothstep(p2 - 1.0f, 1.0f, y);
  const auto ds = math::hueDirection(s.shadowHue);
  const auto dh = math::hueDirection(s.highlightHue);
  const float as = 0.3f * static_cast<float>(s.shadowAmount) * ws;
  const float ah = 0.3f * static_cast<float>(s.highlightAmount) * wh;
  for (int c = 0; c < 3; ++c) code[c] += as * ds[c] + ah * dh[c];
  return code;
}

base::Result<void> applyGradeCpu(ImageF& working, const Grade& g) {
  const bool curvesOn = !curvesAreIdentity(g.creative.curves);
  const std::vector<float> table = curvesOn ? curveTable(g.creative.curves, math::kCurveEntries) : std::vector<float>{};
  const std::size_t n = working.pixels();
  for (std::size_t i = 0; i < n; ++i) {
    float* px = &working.rgba[i * 4];
    Rgb c = normaliseToCode({px[0], px[1], px[2]}, g.normalise);
    if (curvesOn) c = curvesFromTable(c, table);
    c = applySplitTone(c, g.creative.split);
    std::copy(c.begin(), c.end(), px);
  }
  base::Result<void> status;
  const Lut& lut = g.creative.lut;
  if (!lut.path.empty() && lut.mix > 0.0) {
    auto look = ocio::lookTransform(lut.path);
    if (!look) {
      status = look.error();
    } else {
      std::vector<float> looked = working.rgba;
      (*look)->applyCpu(looked.data(), n);
      const float m = static_cast<float>(lut.mix);
      for (std::size_t i = 0; i < n; ++i) {
        for (int c = 0; c < 3; ++c) {
          float& v = working.rgba[i * 4 + c];
          v = v + (looked[i * 4 + c] - v) * m;
        }
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    float* px = &working.rgba[i * 4];
    const Rgb w = decodeGrading({px[0], px[1], px[2]});
    std::copy(w.begin(), w.end(), px);
  }
  return status;
}

}  // namespace postline::color
