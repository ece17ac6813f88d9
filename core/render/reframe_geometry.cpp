#include "core/render/reframe_geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace postline::render {

using base::ErrorCode;
using base::makeError;

namespace {

// The fitted picture's size in output pixels before the reframe scale: the whole picture inside
// the frame, centred, display aspect kept. An unknown source size fills the frame.
std::array<double, 2> fittedSize(double outW, double outH, const SourceGeometry& src) {
  if (src.width <= 0.0 || src.height <= 0.0) return {outW, outH};
  const double dispW = src.width * src.pixelAspect;
  const double fit = std::min(outW / dispW, outH / src.height);
  return {dispW * fit, src.height * fit};
}

bool allFinite(const SourceGeometry& src, const model::Reframe& r) {
  const double v[] = {src.width, src.height, src.pixelAspect, r.scale, r.offsetX, r.offsetY, r.rotationDeg};
  return std::all_of(std::begin(v), std::end(v), [](double x) { return std::isfinite(x); });
}

}  // namespace

Mat3 identityTransform() { return {1, 0, 0, 0, 1, 0, 0, 0, 1}; }

base::Result<Mat3> reframeTransform(int outWidth, int outHeight, const SourceGeometry& src,
                                    const model::Reframe& reframe) {
  if (outWidth <= 0 || outHeight <= 0) {
    return makeError(ErrorCode::InvalidArgument, "output frame " + std::to_string(outWidth) + "x" +
                                                     std::to_string(outHeight) + " has no area");
  }
  if (!allFinite(src, reframe)) return makeError(ErrorCode::InvalidArgument, "a reframe value is not a finite number");
  if (reframe.scale <= 0.0) {
    return makeError(ErrorCode::InvalidArgument,
                     "reframe scale " + std::to_string(reframe.scale) + " must be greater than 0");
  }
  if (src.pixelAspect <= 0.0) return makeError(ErrorCode::InvalidArgument, "pixel aspect must be greater than 0");
  const double W = outWidth;
  const double H = outHeight;
  const auto [fw0, fh0] = fittedSize(W, H, src);
  const double fw = fw0 * reframe.scale;  // picture size on screen, pixels
  const double fh = fh0 * reframe.scale;
  const double cx = W / 2.0 + reframe.offsetX * W;  // picture centre on screen, pixels
  const double cy = H / 2.0 + reframe.offsetY * H;
  const double a = reframe.rotationDeg * std::numbers::pi / 180.0;
  const double c = std::cos(a);
  const double s = std::sin(a);
  // Inverse of: screen = centre + R(a) * ((src - 0.5) * size), with R(a) = [c -s; s c] (clockwise, y down).
  // src.x = ( c*(uW - cx) + s*(vH - cy)) / fw + 0.5;  src.y = (-s*(uW - cx) + c*(vH - cy)) / fh + 0.5.
  const double r00 = c * W / fw, r01 = s * H / fw, r02 = 0.5 - (c * cx + s * cy) / fw;
  const double r10 = -s * W / fh, r11 = c * H / fh, r12 = 0.5 - (-s * cx + c * cy) / fh;
  return Mat3{static_cast<float>(r00), static_cast<float>(r10), 0.0f,
              static_cast<float>(r01), static_cast<float>(r11), 0.0f,
              static_cast<float>(r02), static_cast<float>(r12), 1.0f};
}

std::array<double, 2> applyTransform(const Mat3& m, double x, double y) {
  return {m[0] * x + m[3] * y + m[6], m[1] * x + m[4] * y + m[7]};
}

}  // namespace postline::render
