#pragma once
// Private to core/export: the steps of reframing between the decoded pictures and the windows,
// exposed for core/export's own files and tests (docs/ARCHITECTURE.md "Reframing" describes them).
#include <cstdint>
#include <vector>

#include "core/export/reframe.h"
#include "core/export/reframe_image.h"
#include "core/model/clip_params.h"

namespace postline::exporting::detail {

// Cells of the longer side of the analysis grid.
inline constexpr int kAnalysisSize = 128;

// Where the interest of one picture lies: (x, y) picture-normalised, confidence 0..1.
struct InterestPoint {
  double x = 0.5;
  double y = 0.5;
  double confidence = 0.0;
};

// Spatial saliency: centre-surround contrast at two scales plus distance from the picture's median,
// of luma, colour and local texture energy, floored at its median (a uniform texture scores low
// everywhere).
Plane saliencyMap(const SmallPicture& picture);
// Motion of `cur` against the pictures before and after it (either may be null), each compared
// after removing the global pan: the smaller of the two residuals per cell keeps the subject at
// its current place (not where it was or will be), floored at the median. Empty without neighbours.
Plane motionMap(const SmallPicture& cur, const SmallPicture* before, const SmallPicture* after);
// The densest blob of a non-negative map: mean-shift from the peak of the blurred map to the
// weighted centroid within a radius of 10 % of the longer side; confidence = how much more of
// the map's mass lies in that disc than an even spread would put there.
InterestPoint locateBlob(const Plane& map);
// The two maps of one picture (motion empty without neighbours).
struct PictureMaps {
  Plane saliency;
  Plane motion;
};
PictureMaps mapsOf(const SmallPicture& cur, const SmallPicture* before, const SmallPicture* after);
// The centre of interest of picture `maps[centre]`: its saliency and the motion averaged over all
// of `maps` (its neighbours in time), each normalised and weighted by how concentrated and how
// strong it is (motion counting double), combined, located.
InterestPoint combineMaps(const std::vector<const PictureMaps*>& maps, std::size_t centre);
// combineMaps of one picture alone.
InterestPoint interestOf(const SmallPicture& cur, const SmallPicture* before, const SmallPicture* after);

// One axis of a window path: per timeline frame the wanted centre and its confidence.
struct AxisTrack {
  std::vector<double> target;      // picture-normalised centre of interest (sequence frame)
  std::vector<double> confidence;  // 0..1
};

// How a raw track becomes a smooth window path (see smoothPath).
struct PathParams {
  double fps = 24.0;            // timeline frames per second
  double windowSize = 1.0;      // the window's size along this axis (sequence-normalised)
  double minConfidence = 0.2;   // samples below are treated as missing
};

// The window centres along one axis for each frame of `track`: low-confidence samples filled from
// their neighbours, a running median (0.2 s radius) against glitches, a zero-phase Gaussian
// (sigma 0.4 s, mirrored ends so a steady motion is not bent), then held within a quarter of the
// window of the median-filtered target (so the subject stays in the inner half of the window),
// lightly smoothed again, and locked still when the whole path fits in a small dead zone.
std::vector<double> smoothPath(const AxisTrack& track, const PathParams& params);

// The key position at `sourceFrame`: linear between the surrounding keys (by source frame),
// held before the first and after the last. `keys` non-empty and sorted.
model::ReframeKey keyAt(const std::vector<model::ReframeKey>& keys, double sourceFrame);

}  // namespace postline::exporting::detail
