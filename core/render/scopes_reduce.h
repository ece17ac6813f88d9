#pragma once
// Box-filter reduction of an RGBA frame for the scopes (internal to core/render).
#include <cstdint>
#include <functional>

#include "core/render/scopes.h"

namespace postline::render {

// Called once per reduced row, top to bottom: `rgb` holds dstWidth R, G, B triples of 16-bit
// code values (0..65535; 8-bit input is scaled by 257, so 255 -> 65535 exactly); `y` is the row.
using ReducedRowSink = std::function<void(const std::uint16_t* rgb, int y)>;

// Area-weighted box filter of a valid `frame` down to dstWidth x dstHeight (each no larger than
// the frame's), exact integer weights; scratch memory is reused per thread between calls.
void reduceFrame(const FrameView& frame, int dstWidth, int dstHeight, const ReducedRowSink& sink);

}  // namespace postline::render
