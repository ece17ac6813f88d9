#pragma once
// RAII wrappers and error helpers for libav objects of the export encoder.
// Include only from core/export/ffmpeg (libav headers stay out of the public interface).
#include <filesystem>
#include <memory>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include "core/base/result.h"
#include "core/media/ffmpeg/libav_util.h"

namespace postline::exporting::ffmpeg {

// The RAII owners of libav objects and quietLibav() are the media layer's (one definition).
using media::ffmpeg::CodecContextPtr;
using media::ffmpeg::FramePtr;
using media::ffmpeg::PacketPtr;
using media::ffmpeg::quietLibav;
using media::ffmpeg::SwrPtr;
using media::ffmpeg::SwsPtr;

// An Error "<file>: <what>: <libav message>" with `code`.
base::Error avFail(base::ErrorCode code, const std::filesystem::path& file, const std::string& what, int rc);

// Looks up an encoder by name; NotFound naming the file and the encoder when this FFmpeg lacks it.
base::Result<const AVCodec*> findEncoder(const std::filesystem::path& file, const std::string& name);

// Colour tags from their names (FFmpeg's, plus "bt2020" for the bt2020nc matrix); InvalidArgument
// naming the field when unknown.
struct ColorTagValues {
  AVColorPrimaries primaries = AVCOL_PRI_BT709;
  AVColorTransferCharacteristic transfer = AVCOL_TRC_BT709;
  AVColorSpace matrix = AVCOL_SPC_BT709;
  AVColorRange range = AVCOL_RANGE_MPEG;
};
base::Result<ColorTagValues> parseColorTags(const std::filesystem::path& file, const std::string& primaries,
                                            const std::string& transfer, const std::string& matrix, bool fullRange);

// Sends `frame` (nullptr = flush) to `ctx` and writes every packet it yields to `stream`
// (interleaved); packets without a duration get `defaultDuration` (codec time base, 0 = leave).
base::Result<void> encodeAndWrite(const std::filesystem::path& file, AVFormatContext* oc, AVCodecContext* ctx,
                                  AVStream* stream, const AVFrame* frame, std::int64_t defaultDuration);

// Adds a stream for the opened encoder `ctx` (copies its parameters and time base).
base::Result<AVStream*> addStream(const std::filesystem::path& file, AVFormatContext* oc, const AVCodecContext* ctx);

}  // namespace postline::exporting::ffmpeg
