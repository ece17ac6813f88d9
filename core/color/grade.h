#pragma once
// Grade parameters: plain data shared by the model (what a clip or sequence stores), the CPU
// reference (core/color/grade_cpu.h) and the GLSL in shaders/ (whose uniforms mirror these
// fields one to one; see core/color/grade_uniforms.h). Identity values leave a picture unchanged.
//
// Colour spaces of the pipeline (docs/ARCHITECTURE.md "Pixels"):
//   working space  = linear light, Rec.709 primaries (what OCIO input transforms produce);
//   grading space  = Rec.709 code values, i.e. working space encoded with x^(1/2.4) (BT.1886
//                    inverse), the space where wheels, curves, .cube looks and grain act.
#include <array>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace postline::color {

// A colour wheel: {R, G, B, master}. The master applies to all three channels.
using Wheel = std::array<double, 4>;

// The "normalise" step: white balance, exposure, contrast, primaries, saturation, tonal ranges.
struct Normalise {
  double temperature = 0.0;   // white balance, -100 (cooler) .. +100 (warmer); linear-light gains
  double tint = 0.0;          // -100 (greener) .. +100 (more magenta)
  double exposure = 0.0;      // stops, -8 .. +8 (linear-light gain 2^exposure)
  double contrast = 1.0;      // 0 .. 4; slope in log2 around `pivot` (1 = unchanged)
  double pivot = 0.18;        // linear-light value contrast leaves unchanged, (0, 1]
  Wheel lift{0, 0, 0, 0};     // grading space: raises blacks, -1 .. 1 (0 = none)
  Wheel gamma{1, 1, 1, 1};    // grading space: midtone exponent divisor, 0.1 .. 10 (1 = none)
  Wheel gain{1, 1, 1, 1};     // grading space: multiplies, 0 .. 8 (1 = none)
  Wheel offset{0, 0, 0, 0};   // grading space: adds, -1 .. 1 (0 = none)
  double saturation = 1.0;    // 0 (grey) .. 4; Rec.709 luma kept
  double shadows = 0.0;       // -1 .. 1: lifts/lowers the darkest third (grading space)
  double midtones = 0.0;      // -1 .. 1: the middle
  double highlights = 0.0;    // -1 .. 1: the brightest third

  friend bool operator==(const Normalise&, const Normalise&) = default;
};

// A control point of a curve, both coordinates in grading-space code values [0, 1].
struct CurvePoint {
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const CurvePoint&, const CurvePoint&) = default;
};

// Curves through their points (monotone cubic; fewer than two points = identity).
// `master` applies first to all channels, then red/green/blue to their channel.
struct Curves {
  std::vector<CurvePoint> master;
  std::vector<CurvePoint> red;
  std::vector<CurvePoint> green;
  std::vector<CurvePoint> blue;
  friend bool operator==(const Curves&, const Curves&) = default;
};

// Split toning: a hue pushed into the shadows and another into the highlights.
struct SplitTone {
  double shadowHue = 30.0;       // degrees, 0 = red, 30 = orange, 210 = teal
  double shadowAmount = 0.0;     // 0 .. 1
  double highlightHue = 45.0;    // degrees
  double highlightAmount = 0.0;  // 0 .. 1
  double balance = 0.0;          // -1 (more shadows) .. 1 (more highlights); moves the split point
  friend bool operator==(const SplitTone&, const SplitTone&) = default;
};

// A .cube look applied to grading-space code values (tetrahedral), mixed by `mix`.
struct Lut {
  std::string path;              // .cube file; empty = none
  double mix = 1.0;              // 0 .. 1 strength
  friend bool operator==(const Lut&, const Lut&) = default;
};

// The creative step: curves, split tone, look LUT (applied in that order).
struct Creative {
  Curves curves;
  SplitTone split;
  Lut lut;
  friend bool operator==(const Creative&, const Creative&) = default;
};

// One grade (per clip, or over the whole timeline): normalise then creative.
struct Grade {
  Normalise normalise;
  Creative creative;

  // True when every value is the identity (the picture passes unchanged).
  bool isIdentity() const;
  // InvalidArgument naming the field and its allowed range when a value is out of range or NaN.
  base::Result<void> validate() const;
  friend bool operator==(const Grade&, const Grade&) = default;
};

// Halation: a warm glow bled from highlights into their surroundings.
struct Halation {
  double amount = 0.0;      // 0 .. 1 (0 = off)
  double threshold = 0.75;  // grading-space level where highlights start to glow, 0 .. 1
  double radius = 0.01;     // blur radius as a fraction of the frame height, 0.001 .. 0.05
  double warmth = 1.0;      // 0 (neutral glow) .. 1 (red-orange film halation)
  friend bool operator==(const Halation&, const Halation&) = default;
};

// Vignette: darkens towards the corners.
struct Vignette {
  double amount = 0.0;      // 0 .. 0.3: darkening at the corners (linear light)
  double roundness = 1.0;   // 0 (follows the frame's shape) .. 1 (circular)
  double feather = 0.5;     // 0.05 (hard edge) .. 1 (soft, reaches the centre)
  friend bool operator==(const Vignette&, const Vignette&) = default;
};

// Highlight ceiling: a soft shoulder so nothing reaches pure white.
struct HighlightCeiling {
  double ceiling = 1.0;     // grading-space maximum, 0.8 .. 1 (1 = off)
  double knee = 0.8;        // where the shoulder starts, 0.5 .. ceiling
  friend bool operator==(const HighlightCeiling&, const HighlightCeiling&) = default;
};

// Film grain, applied last: deterministic per frame, luma-weighted.
struct Grain {
  double amount = 0.0;      // 0 .. 0.1 standard deviation in grading space (0.02-0.05 typical)
  double size = 1.0;        // grain size in output pixels, 0.5 .. 4
  double lumaWeight = 0.7;  // 0 (even) .. 1 (strongest in the mids, none at black/white)
  friend bool operator==(const Grain&, const Grain&) = default;
};

// The film look of a timeline: halation, vignette, highlight ceiling, then grain.
struct FilmLook {
  Halation halation;
  Vignette vignette;
  HighlightCeiling ceiling;
  Grain grain;

  bool isIdentity() const;
  base::Result<void> validate() const;
  friend bool operator==(const FilmLook&, const FilmLook&) = default;
};

// The grade over a whole timeline: a grade, then the film look.
struct TimelineGrade {
  Grade grade;
  FilmLook film;

  bool isIdentity() const { return grade.isIdentity() && film.isIdentity(); }
  base::Result<void> validate() const;
  friend bool operator==(const TimelineGrade&, const TimelineGrade&) = default;
};

}  // namespace postline::color
