#pragma once
// CPU reference of every grading operation: the definition the GLSL in shaders/ must match
// (tests render test patterns on the GPU and compare). Slow and simple on purpose.
// Pixels are RGB triples; alpha is passed through untouched.
#include <array>
#include <cstdint>

#include "core/base/result.h"
#include "core/color/grade.h"
#include "core/color/image.h"

namespace postline::color {

using Rgb = std::array<float, 3>;

// Grading space <-> working space (see grade.h): x^(1/2.4) and x^2.4, sign-preserving.
Rgb encodeGrading(Rgb linear);
Rgb decodeGrading(Rgb code);

// Per-pixel steps of Normalise, in pipeline order (input and output in the space named).
Rgb applyWhiteBalance(Rgb linear, double temperature, double tint);   // working space
Rgb applyExposure(Rgb linear, double stops);                          // working space
Rgb applyContrast(Rgb linear, double contrast, double pivot);         // working space
Rgb applyPrimaries(Rgb code, const Normalise& n);                     // grading: lift/gamma/gain/offset
Rgb applySaturation(Rgb code, double saturation);                     // grading space
Rgb applyTonalRanges(Rgb code, double shadows, double midtones, double highlights);  // grading space
// All of Normalise: working space in, working space out.
Rgb applyNormalise(Rgb linear, const Normalise& n);

// Creative steps in grading space. The LUT is applied by the caller (OCIO), see applyGradeCpu.
Rgb applyCurves(Rgb code, const Curves& c);
Rgb applySplitTone(Rgb code, const SplitTone& s);

// A whole grade on a picture in working space (in place). The LUT, when set, goes through the
// OCIO CPU processor; an unreadable LUT is an error naming the file (the picture is then
// graded without it).
base::Result<void> applyGradeCpu(ImageF& working, const Grade& g);

// The film look on a picture in working space (in place); `frameIndex` seeds the grain, so the
// same frame always gets the same grain. Halation and vignette act in working space, the
// ceiling and grain in grading space.
void applyFilmLookCpu(ImageF& working, const FilmLook& f, std::int64_t frameIndex);

}  // namespace postline::color
