#include "core/media/ffmpeg/ffmpeg_poster.h"

#include <array>

#include "core/media/ffmpeg/libav_util.h"

namespace postline::media::ffmpeg {

namespace {

AVPixelFormat pixelFormat(const VideoFrame& f) {
  if (f.format == FrameFormat::Rgba) return f.bitDepth > 8 ? AV_PIX_FMT_RGBA64LE : AV_PIX_FMT_RGBA;
  const int depth = f.bitDepth <= 8 ? 8 : (f.bitDepth <= 10 ? 10 : (f.bitDepth <= 12 ? 12 : 16));
  switch (f.format) {
    case FrameFormat::Yuv420:
      return depth == 8 ? AV_PIX_FMT_YUV420P : depth == 10 ? AV_PIX_FMT_YUV420P10LE
             : depth == 12 ? AV_PIX_FMT_YUV420P12LE : AV_PIX_FMT_YUV420P16LE;
    case FrameFormat::Yuv422:
      return depth == 8 ? AV_PIX_FMT_YUV422P : depth == 10 ? AV_PIX_FMT_YUV422P10LE
             : depth == 12 ? AV_PIX_FMT_YUV422P12LE : AV_PIX_FMT_YUV422P16LE;
    case FrameFormat::Yuv444:
      return depth == 8 ? AV_PIX_FMT_YUV444P : depth == 10 ? AV_PIX_FMT_YUV444P10LE
             : depth == 12 ? AV_PIX_FMT_YUV444P12LE : AV_PIX_FMT_YUV444P16LE;
    default:
      return AV_PIX_FMT_NONE;
  }
}

int swsColorspace(const std::string& matrix) {
  if (matrix == "bt709") return SWS_CS_ITU709;
  if (matrix == "bt2020nc" || matrix == "bt2020c") return SWS_CS_BT2020;
  if (matrix == "fcc") return SWS_CS_FCC;
  if (matrix == "smpte240m") return SWS_CS_SMPTE240M;
  return SWS_CS_ITU601;  // bt470bg, smpte170m and untagged material
}

}  // namespace

base::Result<Image> scaleToRgba(const VideoFrame& frame, int width, int height) {
  const AVPixelFormat src = pixelFormat(frame);
  if (src == AV_PIX_FMT_NONE || frame.width <= 0 || frame.height <= 0 || width <= 0 || height <= 0) {
    return base::makeError(base::ErrorCode::Parse, "thumbnail: unsupported picture format or size");
  }
  SwsPtr sws(sws_getContext(frame.width, frame.height, src, width, height, AV_PIX_FMT_RGBA,
                            SWS_AREA | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
  if (!sws) return base::makeError(base::ErrorCode::Parse, "thumbnail: libswscale cannot convert this picture");
  if (frame.format != FrameFormat::Rgba) {
    const int* coeffs = sws_getCoefficients(swsColorspace(frame.color.matrix));
    const int srcFull = frame.color.range == "pc" ? 1 : 0;
    sws_setColorspaceDetails(sws.get(), coeffs, srcFull, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
  }
  const int planes = frame.format == FrameFormat::Rgba ? 1 : std::min(frame.planeCount, 3);
  std::array<const std::uint8_t*, 4> in{};
  std::array<int, 4> inStride{};
  for (int i = 0; i < planes; ++i) {
    const Plane& p = frame.planes[static_cast<std::size_t>(i)];
    if (p.data.empty()) return base::makeError(base::ErrorCode::Parse, "thumbnail: picture plane is empty");
    in[static_cast<std::size_t>(i)] = p.data.data();
    inStride[static_cast<std::size_t>(i)] = p.stride;
  }
  Image img;
  img.width = width;
  img.height = height;
  img.rgba.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 255);
  std::array<std::uint8_t*, 4> out{img.rgba.data(), nullptr, nullptr, nullptr};
  std::array<int, 4> outStride{width * 4, 0, 0, 0};
  const int rows = sws_scale(sws.get(), in.data(), inStride.data(), 0, frame.height, out.data(), outStride.data());
  if (rows != height) return base::makeError(base::ErrorCode::Parse, "thumbnail: scaling failed");
  return img;
}

}  // namespace postline::media::ffmpeg
