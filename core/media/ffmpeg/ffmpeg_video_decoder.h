#pragma once
// The libav implementation of VideoDecoder.
#include <filesystem>
#include <memory>

#include "core/base/result.h"
#include "core/media/video_decoder.h"

namespace postline::media::ffmpeg {

// How a decoder is opened.
struct VideoDecoderOptions {
  int threads = 2;               // decoding threads (frame threading)
  int timeoutMs = 20000;         // deadline for opening/indexing and for each frame request
  bool skipNonRefBeforeTarget = true;  // drop non-reference frames before the target while seeking
};

// Opens `file`, reads every packet of its best video stream once to index frame timestamps and
// keyframes, and opens the codec. NotFound for a missing file; Parse for unreadable, empty or
// unsupported media; the message names the file and the problem.
base::Result<std::unique_ptr<VideoDecoder>> openVideoDecoder(const std::filesystem::path& file,
                                                             const VideoDecoderOptions& options = {});

}  // namespace postline::media::ffmpeg
