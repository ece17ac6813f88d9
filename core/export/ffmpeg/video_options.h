#pragma once
// Encoder options of the export's video stream: speed, rate control, keyframes, profile.
#include <filesystem>

#include "core/base/result.h"
#include "core/export/encoder.h"
#include "core/export/ffmpeg/av_common.h"

namespace postline::exporting::ffmpeg {

// Sets everything of `s` that concerns the codec itself on `ctx` (allocated for `s.videoCodec`,
// not yet opened). Options a codec does not have (crf for ProRes) are skipped; a value the codec
// rejects, or padToBitRate on a codec that cannot pad, is InvalidArgument naming `file`.
base::Result<void> applyVideoOptions(const std::filesystem::path& file, AVCodecContext* ctx, const EncoderSettings& s);

}  // namespace postline::exporting::ffmpeg
