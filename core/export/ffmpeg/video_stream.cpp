#include "core/export/ffmpeg/video_stream.h"

#include <climits>
#include <string>

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

namespace postline::exporting::ffmpeg {
namespace {

// Comma-separated names of the formats `enc` accepts ("" when it does not say).
std::string acceptedFormats(const AVCodec* enc) {
  std::string names;
  for (const AVPixelFormat* f = enc->pix_fmts; f != nullptr && *f != AV_PIX_FMT_NONE; ++f) {
    if (!names.empty()) names += ", ";
    names += av_get_pix_fmt_name(*f);
  }
  return names;
}

base::Result<AVPixelFormat> pickFormat(const std::filesystem::path& file, const AVCodec* enc, const std::string& name) {
  const AVPixelFormat fmt = av_get_pix_fmt(name.c_str());
  if (fmt == AV_PIX_FMT_NONE) {
    return base::makeError(base::ErrorCode::InvalidArgument, file.string() + ": unknown pixel format '" + name + "'");
  }
  if (enc->pix_fmts == nullptr) return fmt;
  for (const AVPixelFormat* f = enc->pix_fmts; *f != AV_PIX_FMT_NONE; ++f) {
    if (*f == fmt) return fmt;
  }
  return base::makeError(base::ErrorCode::InvalidArgument, file.string() + ": encoder " + enc->name +
                                                               " cannot encode " + name + " (it takes " +
                                                               acceptedFormats(enc) + ")");
}

// Sets a private option when the codec has it (preset/crf mean nothing to ProRes or DNxHD).
base::Result<void> setIfPresent(const std::filesystem::path& file, AVCodecContext* ctx, const char* key,
                                const std::string& value) {
  if (ctx->priv_data == nullptr || av_opt_find(ctx->priv_data, key, nullptr, 0, 0) == nullptr) return {};
  const int rc = av_opt_set(ctx->priv_data, key, value.c_str(), 0);
  if (rc < 0) return avFail(base::ErrorCode::InvalidArgument, file, std::string("bad ") + key + " '" + value + "'", rc);
  return {};
}

}  // namespace

base::Result<void> VideoStream::setOptions(const EncoderSettings& s) {
  PL_TRY(setIfPresent(m_file, m_ctx.get(), "preset", s.preset));
  PL_TRY(setIfPresent(m_file, m_ctx.get(), "crf", std::to_string(s.crf)));
  if (!s.profile.empty()) {
    const int rc = av_opt_set(m_ctx.get(), "profile", s.profile.c_str(), AV_OPT_SEARCH_CHILDREN);
    if (rc < 0) {
      return avFail(base::ErrorCode::InvalidArgument, m_file,
                    "encoder " + s.videoCodec + " has no profile '" + s.profile + "'", rc);
    }
  }
  return {};
}

base::Result<void> VideoStream::open(const std::filesystem::path& file, AVFormatContext* oc, const EncoderSettings& s) {
  m_file = file;
  m_oc = oc;
  PL_TRY_ASSIGN(enc, findEncoder(file, s.videoCodec));
  PL_TRY_ASSIGN(fmt, pickFormat(file, enc, s.pixFmt));
  PL_TRY_ASSIGN(color, parseColorTags(file, s.colorPrimaries, s.colorTransfer, s.colorMatrix, s.fullRange));
  m_color = color;
  m_ctx.reset(avcodec_alloc_context3(enc));
  if (!m_ctx) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  m_ctx->width = s.width;
  m_ctx->height = s.height;
  m_ctx->pix_fmt = fmt;
  m_ctx->time_base = AVRational{static_cast<int>(s.fps.den()), static_cast<int>(s.fps.num())};
  m_ctx->framerate = AVRational{static_cast<int>(s.fps.num()), static_cast<int>(s.fps.den())};
  if (s.gop > 0) m_ctx->gop_size = s.gop;
  m_ctx->thread_count = s.threads;
  m_ctx->color_primaries = color.primaries;
  m_ctx->color_trc = color.transfer;
  m_ctx->colorspace = color.matrix;
  m_ctx->color_range = color.range;
  if ((oc->oformat->flags & AVFMT_GLOBALHEADER) != 0) m_ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  PL_TRY(setOptions(s));
  const int rc = avcodec_open2(m_ctx.get(), enc, nullptr);
  if (rc < 0) return avFail(base::ErrorCode::InvalidArgument, file, "cannot open encoder " + s.videoCodec + " (" + s.pixFmt + ")", rc);
  PL_TRY_ASSIGN(st, addStream(file, oc, m_ctx.get()));
  m_stream = st;
  m_stream->avg_frame_rate = m_ctx->framerate;
  m_frame.reset(av_frame_alloc());
  if (!m_frame) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  PL_TRY(writableFrame());  // allocates the first picture
  return {};
}

base::Result<AVFrame*> VideoStream::writableFrame() {
  AVFrame* f = m_frame.get();
  if (f->buf[0] != nullptr && av_frame_is_writable(f) != 0) return f;
  // The encoder still holds the previous picture (frame-threaded codecs keep references): take a
  // fresh buffer rather than av_frame_make_writable, which would copy pixels about to be overwritten.
  av_frame_unref(f);
  f->format = m_ctx->pix_fmt;
  f->width = m_ctx->width;
  f->height = m_ctx->height;
  f->color_primaries = m_color.primaries;
  f->color_trc = m_color.transfer;
  f->colorspace = m_color.matrix;
  f->color_range = m_color.range;
  const int rc = av_frame_get_buffer(f, 0);
  if (rc < 0) return avFail(base::ErrorCode::Io, m_file, "cannot allocate a picture", rc);
  return f;
}

base::Result<SwsContext*> VideoStream::converter(SwsPtr& sws, AVPixelFormat from) {
  if (sws) return sws.get();
  sws.reset(sws_getContext(m_ctx->width, m_ctx->height, from, m_ctx->width, m_ctx->height, m_ctx->pix_fmt,
                           SWS_BILINEAR, nullptr, nullptr, nullptr));
  if (!sws) {
    return base::makeError(base::ErrorCode::InvalidArgument, m_file.string() + ": cannot convert " +
                                                                 av_get_pix_fmt_name(from) + " to " +
                                                                 av_get_pix_fmt_name(m_ctx->pix_fmt));
  }
  const int* coeffs = sws_getCoefficients(m_color.matrix);
  const int full = m_color.range == AVCOL_RANGE_JPEG ? 1 : 0;
  // RGB input is full range; YUV input already carries the output's matrix and range.
  const int srcFull = from == AV_PIX_FMT_RGBA ? 1 : full;
  sws_setColorspaceDetails(sws.get(), coeffs, srcFull, coeffs, full, 0, 1 << 16, 1 << 16);
  return sws.get();
}

base::Result<void> VideoStream::pushYuv420(const std::uint8_t* const planes[3], const int strides[3]) {
  PL_TRY_ASSIGN(frame, writableFrame());
  const std::uint8_t* src[4] = {planes[0], planes[1], planes[2], nullptr};
  const int srcStride[4] = {strides[0], strides[1], strides[2], 0};
  if (m_ctx->pix_fmt == AV_PIX_FMT_YUV420P || m_ctx->pix_fmt == AV_PIX_FMT_YUVJ420P) {
    av_image_copy(frame->data, frame->linesize, src, srcStride, AV_PIX_FMT_YUV420P, m_ctx->width, m_ctx->height);
  } else {
    PL_TRY_ASSIGN(sws, converter(m_yuvSws, AV_PIX_FMT_YUV420P));
    sws_scale(sws, src, srcStride, 0, m_ctx->height, frame->data, frame->linesize);
  }
  return send(frame);
}

base::Result<void> VideoStream::pushRgba(const std::uint8_t* rgba, int stride) {
  PL_TRY_ASSIGN(frame, writableFrame());
  PL_TRY_ASSIGN(sws, converter(m_rgbaSws, AV_PIX_FMT_RGBA));
  const std::uint8_t* src[4] = {rgba, nullptr, nullptr, nullptr};
  const int srcStride[4] = {stride, 0, 0, 0};
  sws_scale(sws, src, srcStride, 0, m_ctx->height, frame->data, frame->linesize);
  return send(frame);
}

base::Result<void> VideoStream::send(AVFrame* frame) {
  frame->pts = m_next;
  PL_TRY(encodeAndWrite(m_file, m_oc, m_ctx.get(), m_stream, frame, 1));
  ++m_next;
  return {};
}

base::Result<void> VideoStream::flush() {
  return encodeAndWrite(m_file, m_oc, m_ctx.get(), m_stream, nullptr, 1);
}

}  // namespace postline::exporting::ffmpeg
