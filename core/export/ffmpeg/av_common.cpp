#include "core/export/ffmpeg/av_common.h"

#include <mutex>

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace postline::exporting::ffmpeg {

base::Error avFail(base::ErrorCode code, const std::filesystem::path& file, const std::string& what, int rc) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(rc, buf, sizeof buf);
  return base::makeError(code, file.string() + ": " + what + ": " + buf);
}

base::Result<const AVCodec*> findEncoder(const std::filesystem::path& file, const std::string& name) {
  const AVCodec* codec = avcodec_find_encoder_by_name(name.c_str());
  if (codec == nullptr) {
    return base::makeError(base::ErrorCode::NotFound,
                           file.string() + ": encoder " + name + " is not available in this FFmpeg build");
  }
  return codec;
}

base::Result<ColorTagValues> parseColorTags(const std::filesystem::path& file, const std::string& primaries,
                                            const std::string& transfer, const std::string& matrix, bool fullRange) {
  const auto bad = [&file](const char* field, const std::string& value) {
    return base::makeError(base::ErrorCode::InvalidArgument,
                           file.string() + ": unknown " + field + " '" + value + "'");
  };
  ColorTagValues v;
  const int pri = av_color_primaries_from_name(primaries.c_str());
  if (pri < 0) return bad("colour primaries", primaries);
  const int trc = av_color_transfer_from_name(transfer.c_str());
  if (trc < 0) return bad("colour transfer", transfer);
  const int spc = av_color_space_from_name(matrix == "bt2020" ? "bt2020nc" : matrix.c_str());
  if (spc < 0) return bad("colour matrix", matrix);
  v.primaries = static_cast<AVColorPrimaries>(pri);
  v.transfer = static_cast<AVColorTransferCharacteristic>(trc);
  v.matrix = static_cast<AVColorSpace>(spc);
  v.range = fullRange ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG;
  return v;
}

base::Result<void> encodeAndWrite(const std::filesystem::path& file, AVFormatContext* oc, AVCodecContext* ctx,
                                  AVStream* stream, const AVFrame* frame, std::int64_t defaultDuration) {
  int rc = avcodec_send_frame(ctx, frame);
  if (rc < 0 && !(frame == nullptr && rc == AVERROR_EOF)) {
    return avFail(base::ErrorCode::InvalidArgument, file, "encoding failed", rc);
  }
  PacketPtr pkt(av_packet_alloc());
  if (!pkt) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  while (true) {
    rc = avcodec_receive_packet(ctx, pkt.get());
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return {};
    if (rc < 0) return avFail(base::ErrorCode::InvalidArgument, file, "encoding failed", rc);
    if (pkt->duration <= 0 && defaultDuration > 0) pkt->duration = defaultDuration;
    av_packet_rescale_ts(pkt.get(), ctx->time_base, stream->time_base);
    pkt->stream_index = stream->index;
    rc = av_interleaved_write_frame(oc, pkt.get());  // takes the packet's reference
    if (rc < 0) return avFail(base::ErrorCode::Io, file, "writing failed", rc);
  }
}

base::Result<AVStream*> addStream(const std::filesystem::path& file, AVFormatContext* oc, const AVCodecContext* ctx) {
  AVStream* st = avformat_new_stream(oc, nullptr);
  if (st == nullptr) return base::makeError(base::ErrorCode::Io, file.string() + ": cannot add a stream");
  const int rc = avcodec_parameters_from_context(st->codecpar, ctx);
  if (rc < 0) return avFail(base::ErrorCode::InvalidArgument, file, "cannot set stream parameters", rc);
  st->time_base = ctx->time_base;
  return st;
}

}  // namespace postline::exporting::ffmpeg
