// Grade / FilmLook / TimelineGrade: identity and validation.
#include <cmath>
#include <sstream>
#include <string>

#include "core/color/curves.h"
#include "core/color/grade.h"

namespace postline::color {
namespace {

using base::ErrorCode;
using base::makeError;

std::string number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

// InvalidArgument "<field> <value> is outside <lo>..<hi>" (NaN and infinities included).
base::Result<void> checkRange(const std::string& field, double v, double lo, double hi) {
  if (std::isnan(v) || v < lo || v > hi) {
    return makeError(ErrorCode::InvalidArgument,
                     field + " " + number(v) + " is outside " + number(lo) + ".." + number(hi));
  }
  return {};
}

base::Result<void> checkWheel(const std::string& field, const Wheel& w, double lo, double hi) {
  static const char* kNames[4] = {"r", "g", "b", "master"};
  for (int i = 0; i < 4; ++i) PL_TRY(checkRange(field + "." + kNames[i], w[i], lo, hi));
  return {};
}

base::Result<void> checkCurve(const std::string& field, const std::vector<CurvePoint>& pts) {
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    PL_TRY(checkRange(at + ".x", pts[i].x, 0.0, 1.0));
    PL_TRY(checkRange(at + ".y", pts[i].y, 0.0, 1.0));
    if (i > 0 && !(pts[i].x > pts[i - 1].x)) {
      return makeError(ErrorCode::InvalidArgument, at + ".x " + number(pts[i].x) +
                                                       " must be greater than the previous point's x " +
                                                       number(pts[i - 1].x));
    }
  }
  return {};
}

base::Result<void> checkNormalise(const Normalise& n) {
  PL_TRY(checkRange("normalise.temperature", n.temperature, -100, 100));
  PL_TRY(checkRange("normalise.tint", n.tint, -100, 100));
  PL_TRY(checkRange("normalise.exposure", n.exposure, -8, 8));
  PL_TRY(checkRange("normalise.contrast", n.contrast, 0, 4));
  PL_TRY(checkRange("normalise.pivot", n.pivot, 0, 1));
  if (n.pivot <= 0) return makeError(ErrorCode::InvalidArgument, "normalise.pivot " + number(n.pivot) + " must be above 0");
  PL_TRY(checkWheel("normalise.lift", n.lift, -1, 1));
  PL_TRY(checkWheel("normalise.gamma", n.gamma, 0.1, 10));
  PL_TRY(checkWheel("normalise.gain", n.gain, 0, 8));
  PL_TRY(checkWheel("normalise.offset", n.offset, -1, 1));
  PL_TRY(checkRange("normalise.saturation", n.saturation, 0, 4));
  PL_TRY(checkRange("normalise.shadows", n.shadows, -1, 1));
  PL_TRY(checkRange("normalise.midtones", n.midtones, -1, 1));
  return checkRange("normalise.highlights", n.highlights, -1, 1);
}

base::Result<void> checkCreative(const Creative& c) {
  PL_TRY(checkCurve("creative.curves.master", c.curves.master));
  PL_TRY(checkCurve("creative.curves.red", c.curves.red));
  PL_TRY(checkCurve("creative.curves.green", c.curves.green));
  PL_TRY(checkCurve("creative.curves.blue", c.curves.blue));
  // Hues wrap around, any finite value is fine.
  PL_TRY(checkRange("creative.split.shadowHue", c.split.shadowHue, -1e6, 1e6));
  PL_TRY(checkRange("creative.split.shadowAmount", c.split.shadowAmount, 0, 1));
  PL_TRY(checkRange("creative.split.highlightHue", c.split.highlightHue, -1e6, 1e6));
  PL_TRY(checkRange("creative.split.highlightAmount", c.split.highlightAmount, 0, 1));
  PL_TRY(checkRange("creative.split.balance", c.split.balance, -1, 1));
  return checkRange("creative.lut.mix", c.lut.mix, 0, 1);
}

}  // namespace

bool Grade::isIdentity() const {
  const Normalise& n = normalise;
  const Normalise id{};
  const bool normId = n.temperature == 0 && n.tint == 0 && n.exposure == 0 && n.contrast == 1 &&
                      n.lift == id.lift && n.gamma == id.gamma && n.gain == id.gain && n.offset == id.offset &&
                      n.saturation == 1 && n.shadows == 0 && n.midtones == 0 && n.highlights == 0;
  const bool splitId = creative.split.shadowAmount == 0 && creative.split.highlightAmount == 0;
  const bool lutId = creative.lut.path.empty() || creative.lut.mix == 0;
  return normId && curvesAreIdentity(creative.curves) && splitId && lutId;
}

base::Result<void> Grade::validate() const {
  PL_TRY(checkNormalise(normalise));
  return checkCreative(creative);
}

bool FilmLook::isIdentity() const {
  return halation.amount == 0 && vignette.amount == 0 && ceiling.ceiling >= 1 && grain.amount == 0;
}

base::Result<void> FilmLook::validate() const {
  PL_TRY(checkRange("film.halation.amount", halation.amount, 0, 1));
  PL_TRY(checkRange("film.halation.threshold", halation.threshold, 0, 1));
  PL_TRY(checkRange("film.halation.radius", halation.radius, 0.001, 0.05));
  PL_TRY(checkRange("film.halation.warmth", halation.warmth, 0, 1));
  PL_TRY(checkRange("film.vignette.amount", vignette.amount, 0, 0.3));
  PL_TRY(checkRange("film.vignette.roundness", vignette.roundness, 0, 1));
  PL_TRY(checkRange("film.vignette.feather", vignette.feather, 0.05, 1));
  PL_TRY(checkRange("film.ceiling.ceiling", ceiling.ceiling, 0.8, 1));
  PL_TRY(checkRange("film.ceiling.knee", ceiling.knee, 0.5, ceiling.ceiling));
  PL_TRY(checkRange("film.grain.amount", grain.amount, 0, 0.1));
  PL_TRY(checkRange("film.grain.size", grain.size, 0.5, 4));
  return checkRange("film.grain.lumaWeight", grain.lumaWeight, 0, 1);
}

base::Result<void> TimelineGrade::validate() const {
  PL_TRY(grade.validate());
  return film.validate();
}

}  // namespace postline::color
