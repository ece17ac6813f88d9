#pragma once
// RAII wrappers and error helpers for libav objects of the export encoder.
// Include only from core/export/ffmpeg (libav headers stay out of the public interface).
#include <filesystem>
#include <memory>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include "core/base/result.h"

namespace postline::exporting::ffmpeg {

struct CodecContextDeleter {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
  void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct SwrDeleter {
  void operator()(SwrContext* s) const { swr_free(&s); }
};

using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using SwrPtr = std::unique_ptr<SwrContext, SwrDeleter>;

// Lowers libav's log level to fatal-only (once per process); errors come back as base::Error.
void quietLibav();

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
