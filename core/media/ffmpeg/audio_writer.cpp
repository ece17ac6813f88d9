// writeAudio and writePng (media_writer.h).
#include <algorithm>
#include <cmath>
#include <fstream>

#include "core/media/ffmpeg/media_writer.h"
#include "core/media/ffmpeg/writer_common.h"

namespace postline::media::ffmpeg {

namespace {

base::Result<void> writeAudioFile(const std::filesystem::path& path, const AudioSpec& spec) {
  const bool given = !spec.samples.empty();
  if (spec.channels < 1 || spec.sampleRate <= 0 || (!given && spec.seconds <= 0.0)) {
    return base::makeError(base::ErrorCode::InvalidArgument, path.string() + ": audio spec needs channels, rate and length");
  }
  PL_TRY(findEncoder(path, spec.codec));
  PL_TRY_ASSIGN(oc, openOutput(path));
  ToneTrack track;
  const auto total = given ? static_cast<std::int64_t>(spec.samples.size()) / spec.channels
                           : static_cast<std::int64_t>(std::llround(spec.seconds * spec.sampleRate));
  PL_TRY(track.open(path, oc.get(), spec.codec, spec.sampleRate, spec.channels, total, spec.toneHz,
                    spec.sampleIndexRamp, given ? &spec.samples : nullptr));
  PL_TRY(writeHeader(path, oc.get()));
  while (!track.done()) PL_TRY(track.writeNext());
  PL_TRY(track.flush());
  return writeTrailer(path, oc.get());
}

}  // namespace

base::Result<void> writeAudio(const std::filesystem::path& path, const AudioSpec& spec) {
  quietLibav();
  base::Result<void> r = writeAudioFile(path, spec);
  if (!r.ok()) removePartial(path);
  return r;
}

namespace {

// Encodes one RGBA picture (8-bit, or 16-bit samples in host order) as a PNG file.
base::Result<void> encodePng(const std::filesystem::path& path, int w, int h, const void* rgba, bool deep) {
  PL_TRY_ASSIGN(enc, findEncoder(path, "png"));
  const AVPixelFormat pix = deep ? AV_PIX_FMT_RGBA64BE : AV_PIX_FMT_RGBA;
  CodecContextPtr ctx(avcodec_alloc_context3(enc));
  ctx->width = w;
  ctx->height = h;
  ctx->pix_fmt = pix;
  ctx->time_base = AVRational{1, 1};
  int rc = avcodec_open2(ctx.get(), enc, nullptr);
  if (rc < 0) return avError(path, "cannot open the PNG encoder", rc);
  FramePtr frame(av_frame_alloc());
  frame->format = pix;
  frame->width = w;
  frame->height = h;
  rc = av_frame_get_buffer(frame.get(), 0);
  if (rc < 0) return avError(path, "cannot allocate the picture", rc);
  const std::size_t rowBytes = static_cast<std::size_t>(w) * (deep ? 8 : 4);
  for (int y = 0; y < h; ++y) {
    const auto* src = static_cast<const std::uint8_t*>(rgba) + static_cast<std::size_t>(y) * rowBytes;
    std::uint8_t* dst = frame->data[0] + static_cast<std::ptrdiff_t>(y) * frame->linesize[0];
    if (!deep) {
      std::copy_n(src, rowBytes, dst);
      continue;
    }
    const auto* s16 = reinterpret_cast<const std::uint16_t*>(src);
    for (std::size_t i = 0; i < rowBytes / 2; ++i) {
      dst[2 * i] = static_cast<std::uint8_t>(s16[i] >> 8);
      dst[2 * i + 1] = static_cast<std::uint8_t>(s16[i] & 0xFF);
    }
  }
  frame->pts = 0;
  rc = avcodec_send_frame(ctx.get(), frame.get());
  if (rc >= 0) rc = avcodec_send_frame(ctx.get(), nullptr);
  PacketPtr pkt(av_packet_alloc());
  if (rc >= 0) rc = avcodec_receive_packet(ctx.get(), pkt.get());
  if (rc < 0) return avError(path, "PNG encoding failed", rc);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(pkt->data), pkt->size);
  if (!out) return base::makeError(base::ErrorCode::Io, path.string() + ": cannot write the PNG file");
  return {};
}

}  // namespace

base::Result<void> writePng(const std::filesystem::path& path, int w, int h, const std::vector<std::uint8_t>& rgba) {
  if (w <= 0 || h <= 0 || rgba.size() != static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4) {
    return base::makeError(base::ErrorCode::InvalidArgument, path.string() + ": RGBA buffer does not match the size");
  }
  return encodePng(path, w, h, rgba.data(), false);
}

base::Result<void> writePng16(const std::filesystem::path& path, int w, int h, const std::vector<std::uint16_t>& rgba) {
  if (w <= 0 || h <= 0 || rgba.size() != static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4) {
    return base::makeError(base::ErrorCode::InvalidArgument, path.string() + ": RGBA buffer does not match the size");
  }
  return encodePng(path, w, h, rgba.data(), true);
}

}  // namespace postline::media::ffmpeg
