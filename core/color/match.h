#pragma once
// Colour match (the "normalise" step): finds editable Normalise values (white balance, exposure,
// contrast, lift, gamma, gain) that make a clip's neutrals and tonal statistics match a reference
// picture. Both pictures are in working space (linear Rec.709, see grade.h).
//
// Method: each picture is point-sampled (at most MatchOptions::maxSamples pixels) and its
// per-channel quantiles, 2 % .. 98 %, are taken in grading space; levels where either picture
// sits on a clipped ceiling or a crushed floor are left out. Normalise with saturation 1 and no
// tonal ranges acts on each channel alone and monotonically, so the quantiles of the graded clip
// are the graded quantiles of the clip; Levenberg-Marquardt (through applyNormalise) minimises
//  - data: quantile differences in a luma part and two chroma parts, mid-tone levels weighted up
//    to 4x the extremes, each part divided by its noise level (below), as a mean square; plus
//  - prior (Tikhonov) towards identity: each parameter over its prior scale, squared. Scales:
//    temperature and tint 30, exposure 2 stops, contrast log2 0.5 (their kMatchPlausible limit);
//    master lift 0.05, gamma and gain log2 0.25 and 0.2 (so exposure and contrast carry a tonal
//    change); per-channel differences lift 0.02, gamma log2 0.1, gain log2 0.15;
//  - within hard bounds kMatchHard.
// It fits in two stages: temperature, tint, exposure, contrast and master lift; then, white
// balance kept, the wheels on what white balance leaves (a cast is white balance first).
// Noise levels: a first fit of a global transform only (white balance unbounded, exposure,
// contrast, master wheels) measures the mismatch m (robust rms residual, code values, luma and
// chroma apart). The same scene under a cast leaves m <= 0.005: noise = max(0.002, m), the data
// dominates and the match is precise. Different content (or another part of a scene) leaves
// m = 0.03 .. 0.2: noise = m * m / 0.01, the prior dominates and values stay near identity, so
// a neutral in the clip stays neutral. A reframed shot of the same scene is different content
// to statistics: its cast is then left alone rather than guessed.
#include <span>
#include <vector>

#include "core/base/result.h"
#include "core/color/grade.h"
#include "core/color/image.h"

namespace postline::color {

// A range of Normalise values; contrast, gamma and gain as min .. max, the rest as +-limit.
// Bounds hold for every field of a wheel (R, G, B and master) separately.
struct MatchRange {
  double temperature;           // +- slider units
  double tint;                  // +- slider units
  double exposure;              // +- stops
  double contrastMin, contrastMax;
  double lift;                  // +- code values
  double gammaMin, gammaMax;
  double gainMin, gainMax;
};

// The ordinary correction range. Matching different content stays inside it (tested); white
// balance, exposure and contrast use its limits as their prior scales (see above).
inline constexpr MatchRange kMatchPlausible{30, 30, 2, 0.7, 1.4, 0.1, 0.7, 1.4, 0.7, 1.4};
// Hard bounds of every match, well inside the ranges of Normalise.
inline constexpr MatchRange kMatchHard{60, 60, 4, 0.5, 2.0, 0.25, 0.5, 2.0, 0.4, 2.5};

struct MatchOptions {
  int maxSamples = 65536;  // pixels sampled per picture, 1024 .. 4M (a regular grid)
  int quantiles = 64;      // quantile levels per channel, 8 .. 512 (spread over 2 % .. 98 %)
  int iterations = 100;    // Levenberg-Marquardt iterations at most, 1 .. 1000
  bool colour = true;      // also match the cast (temperature, tint, per-channel wheels); false:
                           // exposure, contrast and the master wheels only
};

// The Normalise that makes `clip` match `reference` (saturation, tonal ranges and the offset
// wheel stay at identity; pivot 0.18; each wheel holds its common part in the master; every
// value within kMatchHard).
// InvalidArgument when a picture is empty, its buffer does not hold width*height*4 floats, it
// has no finite pixel, or an option is out of range.
base::Result<Normalise> matchGrade(const ImageF& clip, const ImageF& reference, const MatchOptions& options = {});

// matchGrade for every clip against one reference (its statistics are computed once); one
// Normalise per clip, in order. The error names the index of the first clip that failed.
base::Result<std::vector<Normalise>> matchAll(std::span<const ImageF> clips, const ImageF& reference,
                                              const MatchOptions& options = {});

}  // namespace postline::color
