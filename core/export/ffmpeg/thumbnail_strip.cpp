// thumbnailStrip (core/export/verify.h): frames spread evenly over a delivered file, decoded with
// libav, scaled with libswscale and encoded as JPEG with libav's mjpeg encoder, for the report.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/export/verify.h"
#include "core/media/ffmpeg/libav_util.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

namespace postline::exporting {

namespace fs = std::filesystem;
namespace av = media::ffmpeg;

namespace {

constexpr auto kStripTimeout = std::chrono::seconds(120);
constexpr int kJpegQuality = 4;  // mjpeg qscale: 2 (best) .. 31; 4 keeps a 90-pixel frame under ~8 kB
constexpr int kMaxCount = 100;
constexpr int kMaxHeight = 2160;

struct Source {
  fs::path file;
  av::InputFormatPtr ic;
  av::CodecContextPtr dec;
  av::PacketPtr pkt{av_packet_alloc()};
  av::FramePtr frame{av_frame_alloc()};
  int stream = -1;
  av::Deadline deadline{std::chrono::steady_clock::now() + kStripTimeout};
};

base::Result<void> openSource(Source& s) {
  PL_TRY_ASSIGN(ic, av::openInput(s.file, s.deadline));
  s.ic = std::move(ic);
  const AVCodec* codec = nullptr;
  s.stream = av_find_best_stream(s.ic.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
  if (s.stream < 0 || codec == nullptr) {
    return base::makeError(base::ErrorCode::Parse, s.file.string() + ": no video stream to take thumbnails from");
  }
  s.dec.reset(avcodec_alloc_context3(codec));
  if (!s.dec || !s.pkt || !s.frame) return base::makeError(base::ErrorCode::Io, s.file.string() + ": out of memory");
  int rc = avcodec_parameters_to_context(s.dec.get(), s.ic->streams[s.stream]->codecpar);
  if (rc >= 0) rc = avcodec_open2(s.dec.get(), codec, nullptr);
  if (rc < 0) return av::avError(s.file, "cannot open the video decoder", rc);
  return {};
}

// The first frame at or after `target` (stream time base), or the last frame of the file when
// none is. nullptr-free: an error when nothing decodes at all.
base::Result<av::FramePtr> frameAt(Source& s, std::int64_t target) {
  av_seek_frame(s.ic.get(), s.stream, target, AVSEEK_FLAG_BACKWARD);  // a failed seek decodes from where it is
  avcodec_flush_buffers(s.dec.get());
  av::FramePtr last;
  bool draining = false;
  while (true) {
    const int rc = avcodec_receive_frame(s.dec.get(), s.frame.get());
    if (rc == 0) {
      last.reset(av_frame_clone(s.frame.get()));
      av_frame_unref(s.frame.get());
      if (last && last->best_effort_timestamp != AV_NOPTS_VALUE && last->best_effort_timestamp >= target) return last;
      continue;
    }
    if (rc == AVERROR_EOF || (rc == AVERROR(EAGAIN) && draining)) break;
    if (rc != AVERROR(EAGAIN)) return av::avError(s.file, "cannot decode a thumbnail frame", rc);
    const int read = av_read_frame(s.ic.get(), s.pkt.get());
    if (read == AVERROR_EXIT || s.deadline.expired()) {
      return base::makeError(base::ErrorCode::Io, s.file.string() + ": timed out decoding thumbnails");
    }
    if (read < 0) {
      draining = true;
      avcodec_send_packet(s.dec.get(), nullptr);
      continue;
    }
    if (s.pkt->stream_index == s.stream) avcodec_send_packet(s.dec.get(), s.pkt.get());  // a bad packet is skipped
    av_packet_unref(s.pkt.get());
  }
  if (!last) return base::makeError(base::ErrorCode::Parse, s.file.string() + ": no video frame could be decoded");
  return last;
}

base::Result<av::CodecContextPtr> openJpeg(const fs::path& file, int width, int height) {
  const AVCodec* mjpeg = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
  if (mjpeg == nullptr) return base::makeError(base::ErrorCode::NotFound, file.string() + ": this FFmpeg has no JPEG encoder");
  av::CodecContextPtr enc(avcodec_alloc_context3(mjpeg));
  if (!enc) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  enc->width = width;
  enc->height = height;
  enc->pix_fmt = AV_PIX_FMT_YUVJ420P;  // JPEG's own full-range BT.601 4:2:0
  enc->color_range = AVCOL_RANGE_JPEG;
  enc->time_base = AVRational{1, 25};
  enc->flags |= AV_CODEC_FLAG_QSCALE;
  enc->global_quality = FF_QP2LAMBDA * kJpegQuality;
  const int rc = avcodec_open2(enc.get(), mjpeg, nullptr);
  if (rc < 0) return av::avError(file, "cannot open the JPEG encoder", rc);
  return enc;
}

// `src` scaled to the encoder's size in its pixel format, colour matrix and range honoured.
base::Result<av::FramePtr> scaleFor(const fs::path& file, const AVFrame* src, const AVCodecContext* enc) {
  av::SwsPtr sws(sws_getContext(src->width, src->height, static_cast<AVPixelFormat>(src->format), enc->width,
                                enc->height, enc->pix_fmt, SWS_AREA | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
  if (!sws) return base::makeError(base::ErrorCode::Parse, file.string() + ": cannot scale its frames for thumbnails");
  const bool bt709 = src->colorspace == AVCOL_SPC_BT709;
  const bool bt2020 = src->colorspace == AVCOL_SPC_BT2020_NCL || src->colorspace == AVCOL_SPC_BT2020_CL;
  const int* from = sws_getCoefficients(bt709 ? SWS_CS_ITU709 : bt2020 ? SWS_CS_BT2020 : SWS_CS_ITU601);
  sws_setColorspaceDetails(sws.get(), from, src->color_range == AVCOL_RANGE_JPEG ? 1 : 0,
                           sws_getCoefficients(SWS_CS_ITU601), 1, 0, 1 << 16, 1 << 16);
  av::FramePtr out(av_frame_alloc());
  if (!out) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  out->format = enc->pix_fmt;
  out->width = enc->width;
  out->height = enc->height;
  out->color_range = AVCOL_RANGE_JPEG;
  int rc = av_frame_get_buffer(out.get(), 0);
  if (rc >= 0) rc = sws_scale(sws.get(), src->data, src->linesize, 0, src->height, out->data, out->linesize);
  if (rc < 0) return av::avError(file, "cannot scale a thumbnail", rc);
  return out;
}

base::Result<std::vector<std::uint8_t>> encodeJpeg(const fs::path& file, AVCodecContext* enc, const AVFrame* picture) {
  int rc = avcodec_send_frame(enc, picture);
  av::PacketPtr pkt(av_packet_alloc());
  if (!pkt) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  if (rc >= 0) rc = avcodec_receive_packet(enc, pkt.get());
  if (rc < 0) return av::avError(file, "cannot encode a thumbnail", rc);
  return std::vector<std::uint8_t>(pkt->data, pkt->data + pkt->size);
}

// Thumbnail width for `height` rows, keeping the picture's display aspect (sample aspect
// included); even, as 4:2:0 JPEG wants.
int thumbWidth(const AVCodecParameters* par, int height) {
  double aspect = static_cast<double>(par->width) / std::max(par->height, 1);
  if (par->sample_aspect_ratio.num > 0 && par->sample_aspect_ratio.den > 0) aspect *= av_q2d(par->sample_aspect_ratio);
  const int w = static_cast<int>(std::lround(aspect * height / 2.0)) * 2;
  return std::clamp(w, 2, 8 * kMaxHeight);
}

}  // namespace

base::Result<std::vector<std::vector<std::uint8_t>>> thumbnailStrip(const fs::path& file, int count, int height) {
  if (count < 1 || count > kMaxCount || height < 2 || height > kMaxHeight) {
    return base::makeError(base::ErrorCode::InvalidArgument, file.string() + ": thumbnails need 1.." +
                                                                 std::to_string(kMaxCount) + " frames of 2.." +
                                                                 std::to_string(kMaxHeight) + " pixels");
  }
  Source s;
  s.file = file;
  PL_TRY(openSource(s));
  const AVStream* st = s.ic->streams[s.stream];
  const std::int64_t start = st->start_time != AV_NOPTS_VALUE ? st->start_time : 0;
  std::int64_t length = st->duration > 0 ? st->duration : 0;
  if (length == 0 && s.ic->duration > 0) length = av_rescale_q(s.ic->duration, AV_TIME_BASE_Q, st->time_base);
  const int evenHeight = height / 2 * 2;
  PL_TRY_ASSIGN(enc, openJpeg(file, thumbWidth(st->codecpar, evenHeight), evenHeight));
  std::vector<std::vector<std::uint8_t>> strip;
  for (int i = 0; i < count; ++i) {
    // The middle of each of `count` equal parts: never the black first frame of a fade-in.
    const std::int64_t target = start + av_rescale(length, 2 * i + 1, 2 * static_cast<std::int64_t>(count));
    PL_TRY_ASSIGN(frame, frameAt(s, target));
    PL_TRY_ASSIGN(scaled, scaleFor(file, frame.get(), enc.get()));
    PL_TRY_ASSIGN(jpeg, encodeJpeg(file, enc.get(), scaled.get()));
    strip.push_back(std::move(jpeg));
  }
  return strip;
}

}  // namespace postline::exporting
