#pragma once
// Where a source picture lands in the output frame: fit-to-frame (letterbox/pillarbox, never a
// stretch) followed by the clip's Reframe (scale, offset, rotation). Pure arithmetic, no GL.
//
// Coordinates: both the output frame and the source picture use normalised coordinates
// (0..1 across the width, 0..1 down the height; y grows downwards, (0,0) is the top-left
// corner of the first pixel). A transform maps an OUTPUT point to the SOURCE point drawn there,
// which is what a fragment shader needs: sample the source at M * (u, v, 1). Points mapped
// outside [0,1]x[0,1] lie outside the picture and draw nothing (transparent).
#include <array>

#include "core/base/result.h"
#include "core/model/clip_params.h"

namespace postline::render {

// A 3x3 affine matrix, column-major (element [col * 3 + row]), float for GL uniforms (mat3).
using Mat3 = std::array<float, 9>;

// The size of a source picture as it is displayed.
struct SourceGeometry {
  double width = 0.0;        // stored pixels across (> 0; <= 0 means unknown: fills the frame)
  double height = 0.0;       // stored pixels down (> 0; <= 0 means unknown: fills the frame)
  double pixelAspect = 1.0;  // width of one pixel over its height (1 = square; 4/3 for anamorphic 1440x1080 HDV)
};

// The 3x3 identity.
Mat3 identityTransform();

// Output-normalised -> source-normalised mapping for a source of `src` shown in an output frame of
// outWidth x outHeight pixels (> 0): the picture is first fitted whole into the frame, centred,
// keeping its display aspect (width * pixelAspect : height); then scaled by `reframe.scale`
// (> 0) about the frame centre, rotated by `reframe.rotationDeg` degrees clockwise on screen about
// its own centre, and moved by (offsetX * outWidth, offsetY * outHeight) pixels (+x right, +y down).
// InvalidArgument when a size or the scale is not positive or a value is not finite.
base::Result<Mat3> reframeTransform(int outWidth, int outHeight, const SourceGeometry& src,
                                    const model::Reframe& reframe);

// Applies an affine Mat3 to the point (x, y); returns the mapped (x, y).
std::array<double, 2> applyTransform(const Mat3& m, double x, double y);

}  // namespace postline::render
