#include "core/export/ffmpeg/video_stream.h"

#include "core/export/ffmpeg/video_options.h"

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

}  // namespace

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
  m_ctx->thread_count = s.threads;
  m_ctx->color_primaries = color.primaries;
  m_ctx->color_trc = color.transfer;
  m_ctx->colorspace = color.matrix;
  m_ctx->color_range = color.range;
  if ((oc->oformat->flags & AVFMT_GLOBALHEADER) != 0) m_ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  m_ctx->sample_aspect_ratio = AVRational{1, 1};  // square pixels, written into the file
  m_srcWidth = s.pushWidth();
  m_srcHeight = s.pushHeight();
  PL_TRY(applyVideoOptions(file, m_ctx.get(), s));
  const int rc = avcodec_open2(m_ctx.get(), enc, nullptr);
  if (rc < 0) return avFail(base::ErrorCode::InvalidArgument, file, "cannot open encoder " + s.videoCodec + " (" + s.pixFmt + ")", rc);
  PL_TRY_ASSIGN(st, addStream(file, oc, m_ctx.get()));
  m_stream = st;
  m_stream->avg_frame_rate = m_ctx->framerate;
  m_stream->sample_aspect_ratio = m_ctx->sample_aspect_ratio;
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
  // Lanczos when the size changes (a 4K delivery of a 1080p render); a plain format change keeps
  // bilinear chroma resampling.
  const bool scaling = m_srcWidth != m_ctx->width || m_srcHeight != m_ctx->height;
  const int flags = (scaling ? SWS_LANCZOS : SWS_BILINEAR) | SWS_ACCURATE_RND;
  sws.reset(sws_getContext(m_srcWidth, m_srcHeight, from, m_ctx->width, m_ctx->height, m_ctx->pix_fmt, flags,
                           nullptr, nullptr, nullptr));
  if (!sws) {
    return base::makeError(base::ErrorCode::InvalidArgument, m_file.string() + ": cannot convert " +
                                                                 av_get_pix_fmt_name(from) + " to " +
                                                                 av_get_pix_fmt_name(m_ctx->pix_fmt));
  }
  const int* coeffs = sws_getCoefficients(m_color.matrix);
  const int full = m_color.range == AVCOL_RANGE_JPEG ? 1 : 0;
  // RGB input is full range; YUV input already carries the output's matrix and range.
  const bool rgb = from == AV_PIX_FMT_RGBA || from == AV_PIX_FMT_RGBA64;
  sws_setColorspaceDetails(sws.get(), coeffs, rgb ? 1 : full, coeffs, full, 0, 1 << 16, 1 << 16);
  return sws.get();
}

base::Result<void> VideoStream::convert(SwsPtr& sws, AVPixelFormat from, const std::uint8_t* const src[4],
                                        const int srcStride[4]) {
  PL_TRY_ASSIGN(frame, writableFrame());
  PL_TRY_ASSIGN(ctx, converter(sws, from));
  sws_scale(ctx, src, srcStride, 0, m_srcHeight, frame->data, frame->linesize);
  return send(frame);
}

base::Result<void> VideoStream::pushYuv420(const std::uint8_t* const planes[3], const int strides[3]) {
  const std::uint8_t* src[4] = {planes[0], planes[1], planes[2], nullptr};
  const int srcStride[4] = {strides[0], strides[1], strides[2], 0};
  const bool sameSize = m_srcWidth == m_ctx->width && m_srcHeight == m_ctx->height;
  if (sameSize && (m_ctx->pix_fmt == AV_PIX_FMT_YUV420P || m_ctx->pix_fmt == AV_PIX_FMT_YUVJ420P)) {
    PL_TRY_ASSIGN(frame, writableFrame());
    av_image_copy(frame->data, frame->linesize, src, srcStride, AV_PIX_FMT_YUV420P, m_ctx->width, m_ctx->height);
    return send(frame);
  }
  return convert(m_yuvSws, AV_PIX_FMT_YUV420P, src, srcStride);
}

base::Result<void> VideoStream::pushRgba(const std::uint8_t* rgba, int stride) {
  const std::uint8_t* src[4] = {rgba, nullptr, nullptr, nullptr};
  const int srcStride[4] = {stride, 0, 0, 0};
  return convert(m_rgbaSws, AV_PIX_FMT_RGBA, src, srcStride);
}

base::Result<void> VideoStream::pushRgba16(const std::uint16_t* rgba, int strideBytes) {
  const std::uint8_t* src[4] = {reinterpret_cast<const std::uint8_t*>(rgba), nullptr, nullptr, nullptr};
  const int srcStride[4] = {strideBytes, 0, 0, 0};
  return convert(m_rgba16Sws, AV_PIX_FMT_RGBA64, src, srcStride);  // RGBA64 = native-endian uint16
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
