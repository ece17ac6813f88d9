#pragma once
// Curves as the grade evaluates them: a monotone cubic (Fritsch-Carlson) through the control
// points, and the 1024-entry table both the CPU reference and the GPU (u_curves) look up.
#include <vector>

#include "core/color/grade.h"

namespace postline::color {

// A monotone cubic through `points` (x strictly rising, all in [0, 1]), held flat outside the
// first/last point. Fewer than two points = identity.
class MonotoneCubic {
 public:
  explicit MonotoneCubic(const std::vector<CurvePoint>& points);
  // The curve at `x` (any real x; flat beyond the end points).
  double operator()(double x) const;
  bool identity() const { return m_x.size() < 2; }

 private:
  std::vector<double> m_x, m_y, m_m;  // points and tangents
};

// True when every curve of `c` has fewer than two points or lies on y = x at every point.
bool curvesAreIdentity(const Curves& c);

// The curves table: `entries` RGBA texels, texel i at code value x = i / (entries - 1),
// R,G,B = channel curve of (master curve of x), A = 1. Row-major floats, 4 per entry.
std::vector<float> curveTable(const Curves& c, int entries = 1024);

// Looks a code value up in `table` (as curveTable makes it, `entries` texels): x clamped to
// [0, 1], t = x * (entries - 1), linear between texels floor(t) and floor(t) + 1, plus the part of
// x outside [0, 1] (identity slope beyond the ends). `channel` 0..2.
float lookupCurve(const std::vector<float>& table, int entries, int channel, float x);

}  // namespace postline::color
