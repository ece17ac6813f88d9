#include "core/media/ffmpeg/video_convert.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <array>
#include <cstring>

namespace postline::media::ffmpeg {

namespace {

// The layout a frame is delivered in.
struct Target {
  FrameFormat format = FrameFormat::Rgba;
  int depth = 8;
  AVPixelFormat pix = AV_PIX_FMT_RGBA;
};

int log2ChromaW(FrameFormat f) { return f == FrameFormat::Yuv444 ? 0 : 1; }
int log2ChromaH(FrameFormat f) { return f == FrameFormat::Yuv420 ? 1 : 0; }

AVPixelFormat yuvPixFmt(FrameFormat f, int depth) {
  static constexpr std::array<std::array<AVPixelFormat, 4>, 3> kTable{{
      {AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUV420P10LE, AV_PIX_FMT_YUV420P12LE, AV_PIX_FMT_YUV420P16LE},
      {AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUV422P10LE, AV_PIX_FMT_YUV422P12LE, AV_PIX_FMT_YUV422P16LE},
      {AV_PIX_FMT_YUV444P, AV_PIX_FMT_YUV444P10LE, AV_PIX_FMT_YUV444P12LE, AV_PIX_FMT_YUV444P16LE},
  }};
  const std::size_t row = f == FrameFormat::Yuv420 ? 0 : f == FrameFormat::Yuv422 ? 1 : 2;
  const std::size_t col = depth == 8 ? 0 : depth == 10 ? 1 : depth == 12 ? 2 : 3;
  return kTable[row][col];
}

// The nearest supported layout for a source pixel format.
Target chooseTarget(AVPixelFormat in, bool forceRgba, int rotation) {
  const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(in);
  const std::uint64_t rgbLike = AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_ALPHA |
                                AV_PIX_FMT_FLAG_BAYER | AV_PIX_FMT_FLAG_HWACCEL;
  if (forceRgba || d == nullptr || (d->flags & rgbLike) != 0 || d->nb_components < 3) {
    // Deep pictures (16-bit PNG/TIFF) keep their precision as 16-bit RGBA.
    const bool deep = d != nullptr && (forceRgba || (d->flags & AV_PIX_FMT_FLAG_RGB) != 0) && d->comp[0].depth > 8;
    return deep ? Target{FrameFormat::Rgba, 16, AV_PIX_FMT_RGBA64LE} : Target{};
  }
  Target t;
  t.format = d->log2_chroma_w >= 1 && d->log2_chroma_h >= 1 ? FrameFormat::Yuv420
             : d->log2_chroma_w >= 1                         ? FrameFormat::Yuv422
                                                             : FrameFormat::Yuv444;
  // 4:2:2 turned on its side would be 4:4:0, which has no layout here: widen to 4:4:4.
  if (t.format == FrameFormat::Yuv422 && rotation % 180 != 0) t.format = FrameFormat::Yuv444;
  const int depth = d->comp[0].depth;
  t.depth = depth <= 8 ? 8 : depth <= 10 ? 10 : depth <= 12 ? 12 : 16;
  t.pix = yuvPixFmt(t.format, t.depth);
  return t;
}

// True when `in` stores exactly the planes of `t` (e.g. yuvj420p for yuv420p), so rows copy as is.
bool sameLayout(AVPixelFormat in, const Target& t) {
  if (in == t.pix) return true;
  const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(in);
  if (d == nullptr || t.format == FrameFormat::Rgba || d->nb_components != 3) return false;
  if ((d->flags & AV_PIX_FMT_FLAG_PLANAR) == 0 || (d->flags & AV_PIX_FMT_FLAG_BE) != 0) return false;
  if (d->log2_chroma_w != log2ChromaW(t.format) || d->log2_chroma_h != log2ChromaH(t.format)) return false;
  const int bps = t.depth > 8 ? 2 : 1;
  for (int i = 0; i < 3; ++i) {
    const AVComponentDescriptor& c = d->comp[i];
    if (c.plane != i || c.step != bps || c.shift != 0 || c.offset != 0 || c.depth != t.depth) return false;
  }
  return true;
}

// Copies the planes of `data`/`linesize` (layout `t`, size w x h) into tight rows.
void copyPlanes(const std::uint8_t* const* data, const int* linesize, int w, int h, const Target& t,
                VideoFrame& out) {
  const int bps = (t.format == FrameFormat::Rgba ? 4 : 1) * (t.depth > 8 ? 2 : 1);
  out.planeCount = t.format == FrameFormat::Rgba ? 1 : 3;
  for (int i = 0; i < out.planeCount; ++i) {
    Plane& p = out.planes[static_cast<std::size_t>(i)];
    p.width = i == 0 ? w : AV_CEIL_RSHIFT(w, log2ChromaW(t.format));
    p.height = i == 0 ? h : AV_CEIL_RSHIFT(h, log2ChromaH(t.format));
    p.stride = p.width * bps;
    p.data.resize(static_cast<std::size_t>(p.stride) * static_cast<std::size_t>(p.height));
    for (int y = 0; y < p.height; ++y) {
      std::memcpy(p.data.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(p.stride),
                  data[i] + static_cast<std::ptrdiff_t>(y) * linesize[i], static_cast<std::size_t>(p.stride));
    }
  }
}

std::string nameOr(const char* name) { return name != nullptr ? name : "unknown"; }

ColorTags tagsOf(const AVFrame& src, const Target& t) {
  ColorTags c;
  c.primaries = nameOr(av_color_primaries_name(src.color_primaries));
  c.transfer = nameOr(av_color_transfer_name(src.color_trc));
  c.matrix = nameOr(av_color_space_name(src.colorspace));
  c.range = nameOr(av_color_range_name(src.color_range));
  const char* pixName = av_get_pix_fmt_name(static_cast<AVPixelFormat>(src.format));
  if (c.range == "unknown" && pixName != nullptr && std::strncmp(pixName, "yuvj", 4) == 0) c.range = "pc";
  if (t.format == FrameFormat::Rgba) {
    c.matrix = "gbr";
    c.range = "pc";
  }
  return c;
}

}  // namespace

Plane rotatePlane(const Plane& in, int degreesClockwise, int elemSize) {
  if (degreesClockwise % 360 == 0) return in;
  const bool sideways = degreesClockwise % 180 != 0;
  Plane out;
  out.width = sideways ? in.height : in.width;
  out.height = sideways ? in.width : in.height;
  out.stride = out.width * elemSize;
  out.data.resize(static_cast<std::size_t>(out.stride) * static_cast<std::size_t>(out.height));
  const auto es = static_cast<std::size_t>(elemSize);
  for (int y = 0; y < out.height; ++y) {
    std::uint8_t* row = out.data.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(out.stride);
    for (int x = 0; x < out.width; ++x) {
      int sx = 0;
      int sy = 0;
      if (degreesClockwise == 90) { sx = y; sy = in.height - 1 - x; }
      else if (degreesClockwise == 180) { sx = in.width - 1 - x; sy = in.height - 1 - y; }
      else { sx = in.width - 1 - y; sy = x; }
      std::memcpy(row + static_cast<std::size_t>(x) * es,
                  in.data.data() + static_cast<std::size_t>(sy) * static_cast<std::size_t>(in.stride) +
                      static_cast<std::size_t>(sx) * es,
                  es);
    }
  }
  return out;
}

FrameConverter::FrameConverter(std::string file, bool forceRgba, int rotation)
    : m_file(std::move(file)), m_forceRgba(forceRgba), m_rotation(rotation) {}

base::Result<void> FrameConverter::scaleInto(const AVFrame& src, AVPixelFormat dst, VideoFrame& out) {
  const auto srcFmt = static_cast<AVPixelFormat>(src.format);
  m_sws.reset(sws_getCachedContext(m_sws.release(), src.width, src.height, srcFmt, src.width, src.height, dst,
                                   SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
  if (!m_sws) {
    return base::makeError(base::ErrorCode::Parse, m_file + ": cannot convert pixel format " +
                                                       nameOr(av_get_pix_fmt_name(srcFmt)));
  }
  const char* name = av_get_pix_fmt_name(srcFmt);
  const int srcFull = src.color_range == AVCOL_RANGE_JPEG || (name != nullptr && std::strncmp(name, "yuvj", 4) == 0);
  const int space = src.colorspace == AVCOL_SPC_UNSPECIFIED ? SWS_CS_DEFAULT : static_cast<int>(src.colorspace);
  const int* coeffs = sws_getCoefficients(space);
  const int dstFull = dst == AV_PIX_FMT_RGBA || dst == AV_PIX_FMT_RGBA64LE ? 1 : srcFull;
  (void)sws_setColorspaceDetails(m_sws.get(), coeffs, srcFull, coeffs, dstFull, 0, 1 << 16, 1 << 16);
  FramePtr tmp(av_frame_alloc());
  if (!tmp) return base::makeError(base::ErrorCode::Io, m_file + ": out of memory");
  tmp->format = dst;
  tmp->width = src.width;
  tmp->height = src.height;
  int rc = av_frame_get_buffer(tmp.get(), 0);
  if (rc >= 0) rc = sws_scale(m_sws.get(), src.data, src.linesize, 0, src.height, tmp->data, tmp->linesize);
  if (rc < 0) return base::makeError(base::ErrorCode::Parse, m_file + ": pixel conversion failed: " + avErrorText(rc));
  Target t = chooseTarget(dst, m_forceRgba, 0);
  copyPlanes(tmp->data, tmp->linesize, src.width, src.height, t, out);
  return {};
}

base::Result<std::shared_ptr<VideoFrame>> FrameConverter::convert(const AVFrame& src) {
  if (src.width <= 0 || src.height <= 0) {
    return base::makeError(base::ErrorCode::Parse, m_file + ": decoded a picture without size");
  }
  const auto srcFmt = static_cast<AVPixelFormat>(src.format);
  const Target t = chooseTarget(srcFmt, m_forceRgba, m_rotation);
  auto out = std::make_shared<VideoFrame>();
  out->format = t.format;
  out->bitDepth = t.depth;
  if (sameLayout(srcFmt, t)) {
    copyPlanes(src.data, src.linesize, src.width, src.height, t, *out);
  } else {
    PL_TRY(scaleInto(src, t.pix, *out));
  }
  if (m_rotation != 0) {
    const int es = t.format == FrameFormat::Rgba ? 4 : (t.depth > 8 ? 2 : 1);
    for (int i = 0; i < out->planeCount; ++i) {
      Plane& p = out->planes[static_cast<std::size_t>(i)];
      p = rotatePlane(p, m_rotation, es);
    }
  }
  out->width = out->planes[0].width;
  out->height = out->planes[0].height;
  out->color = tagsOf(src, t);
  return out;
}

}  // namespace postline::media::ffmpeg
