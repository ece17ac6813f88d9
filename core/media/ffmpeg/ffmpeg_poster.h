#pragma once
// Scaling a decoded VideoFrame to an RGBA thumbnail with libswscale.
#include "core/base/result.h"
#include "core/media/media_types.h"
#include "core/media/thumbnails.h"

namespace postline::media::ffmpeg {

// `frame` (YUV 8/10/12/16-bit or RGBA) converted with its colour tags (matrix, range) to
// full-range RGBA and scaled (area filter) to width x height. Parse for a frame format libswscale
// cannot take.
base::Result<Image> scaleToRgba(const VideoFrame& frame, int width, int height);

}  // namespace postline::media::ffmpeg
