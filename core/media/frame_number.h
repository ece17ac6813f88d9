#pragma once
// The frame number burned into generated test pictures, and reading it back from a decoded frame.
//
// Layout (in DISPLAY orientation, i.e. after any rotation the decoder applies): a 64x64-pixel
// square at the top-left corner made of 4x4 blocks of 16x16 luma pixels. Block (col, row)
// carries bit (15 - (row * 4 + col)) of the number modulo 65536: bright (Y = 235) = 1,
// dark (Y = 16) = 0, chroma neutral. The writer draws the picture in display orientation and
// rotates it back into coded orientation, so a decoder that applies the display matrix sees
// the code at its top-left corner again.
#include <cstdint>

#include "core/media/media_types.h"

namespace postline::media {

// Side of one code block in pixels, and the side of the whole code square (4 blocks).
inline constexpr int kFrameCodeBlock = 16;
inline constexpr int kFrameCodeSide = 4 * kFrameCodeBlock;

// 8-bit limited-range luma of the code for `frameNumber` at display pixel (x, y);
// -1 when (x, y) lies outside the code square.
int frameCodeLuma(std::int64_t frameNumber, int x, int y);

// The burned number (0..65535) read from the centres of the 16 blocks of a decoded frame
// (Yuv* at 8 or 10 bits: the Y plane; Rgba: the green channel). -1 when the picture is
// smaller than the code square or any block is neither clearly bright nor clearly dark.
std::int64_t readFrameNumber(const VideoFrame& frame);

}  // namespace postline::media
