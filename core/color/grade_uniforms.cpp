#include "core/color/grade_uniforms.h"

#include <cmath>
#include <string>

#include "core/color/curves.h"
#include "core/color/grade_math.h"

namespace postline::color {
namespace {

Uniform u1(const char* name, double a) { return {name, 1, {static_cast<float>(a), 0, 0, 0}}; }
Uniform u2(const char* name, double a, double b) {
  return {name, 2, {static_cast<float>(a), static_cast<float>(b), 0, 0}};
}
Uniform u3(const char* name, const math::Vec3& v) { return {name, 3, {v[0], v[1], v[2], 0}}; }
Uniform u4(const char* name, double a, double b, double c, double d) {
  return {name, 4, {static_cast<float>(a), static_cast<float>(b), static_cast<float>(c), static_cast<float>(d)}};
}

}  // namespace

std::vector<Uniform> gradeUniforms(const Grade& g) {
  const Normalise& n = g.normalise;
  const auto p = math::primaries(n);
  const auto ds = math::hueDirection(g.creative.split.shadowHue);
  const auto dh = math::hueDirection(g.creative.split.highlightHue);
  const bool lutOn = !g.creative.lut.path.empty();
  return {
      u3("u_wbGains", math::whiteBalanceGains(n.temperature, n.tint)),
      u1("u_exposure", std::exp2(static_cast<float>(n.exposure))),
      u2("u_contrast", n.contrast, n.pivot),
      u3("u_lift", p.lift),
      u3("u_invGamma", p.invGamma),
      u3("u_gain", p.gain),
      u3("u_offset", p.offset),
      u1("u_saturation", n.saturation),
      u4("u_tonal", n.shadows, n.midtones, n.highlights, 0.0),
      u1("u_curvesOn", curvesAreIdentity(g.creative.curves) ? 0.0 : 1.0),
      u4("u_splitShadow", ds[0], ds[1], ds[2], g.creative.split.shadowAmount),
      u4("u_splitHighlight", dh[0], dh[1], dh[2], g.creative.split.highlightAmount),
      u1("u_splitPoint2", 2.0f * math::splitPoint(g.creative.split.balance)),
      u1("u_lutMix", lutOn ? g.creative.lut.mix : 0.0),
  };
}

std::vector<Uniform> filmUniforms(const FilmLook& f, std::int64_t frameIndex, int width, int height) {
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  return {
      u2("u_filmSize", width, height),
      u1("u_halationAmount", f.halation.amount),
      u3("u_halationTint", math::halationTint(f.halation.warmth)),
      u4("u_vignette", f.vignette.amount, f.vignette.roundness, 1.0 - f.vignette.feather, aspect),
      u4("u_ceiling", f.ceiling.ceiling < 1.0 ? 1.0 : 0.0, f.ceiling.knee, f.ceiling.ceiling, 0.0),
      u4("u_grain", f.grain.amount, f.grain.size, f.grain.lumaWeight, static_cast<double>(math::grainSeed(frameIndex))),
  };
}

std::vector<Uniform> halationUniforms(const Halation& h, int height) {
  const auto t = math::blurTaps(h.radius, height);
  std::vector<Uniform> out{u1("u_threshold", h.threshold), u1("u_taps", static_cast<double>(t.weights.size() - 1))};
  for (std::size_t k = 0; k < t.weights.size(); ++k) {
    out.push_back({"u_tap[" + std::to_string(k) + "]", 2, {t.offsets[k], t.weights[k], 0, 0}});
  }
  return out;
}

namespace {

std::string defines(const std::vector<std::pair<const char*, bool>>& sections, bool specialise) {
  std::string out;
  for (const auto& [name, needed] : sections) {
    if (!specialise || needed) out += std::string("#define ") + name + "\n";
  }
  return out;
}

bool wheelIs(const Wheel& w, double v) { return w[0] == v && w[1] == v && w[2] == v && w[3] == v; }

}  // namespace

std::string gradeDefines(const Grade& g, bool specialise) {
  const Normalise& n = g.normalise;
  const bool primaries = !wheelIs(n.lift, 0) || !wheelIs(n.gamma, 1) || !wheelIs(n.gain, 1) || !wheelIs(n.offset, 0);
  const bool saturation = n.saturation != 1.0;
  const bool tonal = n.shadows != 0.0 || n.midtones != 0.0 || n.highlights != 0.0;
  const bool curves = !curvesAreIdentity(g.creative.curves);
  const bool split = g.creative.split.shadowAmount != 0.0 || g.creative.split.highlightAmount != 0.0;
  const bool look = !g.creative.lut.path.empty();
  return defines({{"PL_G_LINEAR", n.temperature != 0.0 || n.tint != 0.0 || n.exposure != 0.0},
                  {"PL_G_CONTRAST", n.contrast != 1.0},
                  {"PL_G_GRADING", primaries || saturation || tonal || curves || split || look},
                  {"PL_G_PRIMARIES", primaries},
                  {"PL_G_SATURATION", saturation},
                  {"PL_G_TONAL", tonal},
                  {"PL_G_CURVES", curves},
                  {"PL_G_SPLIT", split}},
                 specialise);
}

std::string filmDefines(const FilmLook& f, bool specialise) {
  return defines({{"PL_F_VIGNETTE", f.vignette.amount > 0.0},
                  {"PL_F_CEILING", f.ceiling.ceiling < 1.0},
                  {"PL_F_GRAIN", f.grain.amount > 0.0}},
                 specialise);
}

}  // namespace postline::color
