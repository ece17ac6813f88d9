#pragma once
// Colour match fit (internal to match.cpp): regularised least squares from the quantiles of two
// pictures to a Normalise. See match.h for the method and the ranges it keeps to.
#include <vector>

#include "core/color/grade_cpu.h"
#include "core/color/match.h"

namespace postline::color {

// Sampled statistics of one picture (working space, linear).
struct MatchStats {
  std::vector<Rgb> quantiles;  // one triplet per level of matchQuantileLevel, each channel sorted alone
  double medianLuma = 0.0;     // Rec.709 luma, linear
  double clippedBelow = 0.0;   // quantile levels at or below this sit on a flat floor in some channel
  double clippedAbove = 1.0;   // quantile levels at or above this sit on a flat ceiling (clipped)
};

// The quantile level k of `count` (count >= 2), spread evenly over 2 % .. 98 %.
double matchQuantileLevel(int k, int count);

// The Normalise that maps `clip`'s statistics onto `reference`'s (same quantile count), within
// kMatchHard; options.iterations and options.colour as documented in match.h.
Normalise fitMatch(const MatchStats& clip, const MatchStats& reference, const MatchOptions& options);

}  // namespace postline::color
