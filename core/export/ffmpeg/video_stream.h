#pragma once
// The video half of the export encoder: one libav video encoder and its stream.
#include <cstdint>
#include <filesystem>

#include "core/base/result.h"
#include "core/export/encoder.h"
#include "core/export/ffmpeg/av_common.h"

namespace postline::exporting::ffmpeg {

// Encodes pictures numbered 0, 1, 2... at the settings' constant rate (pts in frames).
class VideoStream {
 public:
  // Opens the encoder named in `s` for output `oc` (before its header is written) and adds its stream.
  base::Result<void> open(const std::filesystem::path& file, AVFormatContext* oc, const EncoderSettings& s);
  // Encodes one 8-bit 4:2:0 picture (copied, or converted when the codec's format differs).
  base::Result<void> pushYuv420(const std::uint8_t* const planes[3], const int strides[3]);
  // Encodes one RGBA8 picture, converted with the settings' matrix and range.
  base::Result<void> pushRgba(const std::uint8_t* rgba, int stride);
  // Encodes one native-endian 16-bit RGBA picture, converted like pushRgba.
  base::Result<void> pushRgba16(const std::uint16_t* rgba, int strideBytes);
  // Drains the encoder (after the last picture).
  base::Result<void> flush();
  // Pictures encoded so far.
  std::int64_t frames() const { return m_next; }

 private:
  base::Result<AVFrame*> writableFrame();
  base::Result<SwsContext*> converter(SwsPtr& sws, AVPixelFormat from);
  // Converts (and scales) a pushed picture of m_srcWidth x m_srcHeight into a frame and sends it.
  base::Result<void> convert(SwsPtr& sws, AVPixelFormat from, const std::uint8_t* const src[4], const int srcStride[4]);
  base::Result<void> send(AVFrame* frame);

  std::filesystem::path m_file;
  AVFormatContext* m_oc = nullptr;
  CodecContextPtr m_ctx;
  AVStream* m_stream = nullptr;
  FramePtr m_frame;
  SwsPtr m_yuvSws;   // yuv420p -> codec format, when they differ
  SwsPtr m_rgbaSws;  // rgba -> codec format
  SwsPtr m_rgba16Sws;  // rgba64 -> codec format
  int m_srcWidth = 0;  // size of the pushed pictures
  int m_srcHeight = 0;
  ColorTagValues m_color;
  std::int64_t m_next = 0;
};

}  // namespace postline::exporting::ffmpeg
