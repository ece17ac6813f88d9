#pragma once
// Private to core/export (reframe analysis): small float pictures and the image operations the
// centre-of-interest analysis needs (downscale, blur, global shift, motion residual). No libav.
#include <array>
#include <vector>

#include "core/base/result.h"
#include "core/media/media_types.h"

namespace postline::exporting::detail {

// A w x h float plane, row-major.
struct Plane {
  int w = 0;
  int h = 0;
  std::vector<float> v;
  float at(int x, int y) const { return v[static_cast<std::size_t>(y) * w + x]; }
  float& at(int x, int y) { return v[static_cast<std::size_t>(y) * w + x]; }
};

// A reduced picture: luma 0..1 and the two colour differences (0 = grey, about -0.5..0.5).
struct SmallPicture {
  std::array<Plane, 3> planes;
  int w() const { return planes[0].w; }
  int h() const { return planes[0].h; }
};

// The analysis grid of a picture of width x height: the longer side `longSide` cells, the
// other in proportion (at least 8).
std::array<int, 2> analysisGrid(int width, int height, int longSide);

// `frame` box-averaged onto a gridW x gridH grid (any FrameFormat, 8 or 16 bits).
// InvalidArgument for an empty or malformed frame.
base::Result<SmallPicture> downscale(const media::VideoFrame& frame, int gridW, int gridH);

// Separable Gaussian blur of `p` with standard deviation `sigma` cells (edges clamped).
Plane blurred(const Plane& p, double sigma);

// A translation of the picture content: content at x in `cur` was at x + (dx, dy) in `ref`.
struct Shift {
  double dx = 0.0;
  double dy = 0.0;
};

// The global translation between two luma planes of one size (coarse-to-fine L1 search up to
// `radius` cells, refined to a fraction of a cell), i.e. the camera's pan between them.
Shift estimateShift(const Plane& ref, const Plane& cur, int radius);

// Per cell: how much `cur` differs from `ref` once the global shift is taken out, summed over
// luma and (weighted) colour. Cells whose shifted position falls outside `ref` are -1 (unknown).
Plane motionResidual(const SmallPicture& ref, const SmallPicture& cur, const Shift& shift);

// The `q` quantile (0..1) of the values of `p`; with `knownOnly`, of its values >= 0 only
// (the -1 "unknown" cells of a motion residual left out; 0 when there are none).
float quantile(const Plane& p, double q, bool knownOnly = true);

}  // namespace postline::exporting::detail
