#pragma once
// Streaming encoder: rendered frames and mixed audio in, one delivered file out.
// Plain C++ interface (no libav types); the libav implementation lives in core/export/ffmpeg.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/base/result.h"
#include "core/time/rational.h"

namespace postline::exporting {  // "export" is a keyword

// What to encode. Colour tags use FFmpeg's names ("bt709", "bt2020", "smpte2084", ...).
struct EncoderSettings {
  int width = 1920;                      // coded width in pixels (even)
  int height = 1080;                     // coded height in pixels (even)
  time::Rational fps{24};                // frames per second (constant frame rate), > 0
  std::string videoCodec = "libx264";    // any libav encoder name: "libx264", "libx265", "prores_ks", "dnxhd"
  std::string preset = "medium";         // x264/x265 speed preset (ignored by codecs without one)
  int crf = 18;                          // x264/x265 constant rate factor (ignored by codecs without one)
  std::string pixFmt = "yuv420p";        // coded pixel format; must be one the codec accepts
  std::string profile;                   // codec profile ("high", "hq", ...); "" = encoder default
  int gop = 0;                           // frames between keyframes; 0 = encoder default
  bool audio = true;                     // add an audio stream
  int sampleRate = 48000;                // Hz
  int channels = 2;                      // interleaved channels of pushAudio
  std::string audioCodec = "aac";        // libav encoder name
  int audioBitrate = 192000;             // bits per second (ignored by PCM)
  std::string colorPrimaries = "bt709";  // written into the stream: bt709 or bt2020
  std::string colorTransfer = "bt709";   // bt709, bt2020-10, smpte2084, arib-std-b67, ...
  std::string colorMatrix = "bt709";     // bt709 or bt2020 (= bt2020nc); also the RGBA->YUV matrix
  bool fullRange = false;                // false = tv (limited) range, true = pc (full) range
  int threads = 0;                       // encoder threads; 0 = auto (x264: all cores)

  // Rate control (video). bitRate 0 = constant quality (crf). bitRate > 0 = average bits/s, with
  // a VBV of maxRate bits/s peak and a bufSize-bit buffer (0 = none; x264 then also writes the
  // HRD as VBR). Delivery windows (docs/FORMAT.md "Delivery presets") use padToBitRate.
  std::int64_t bitRate = 0;
  std::int64_t maxRate = 0;
  std::int64_t bufSize = 0;
  // x264 only: constant bitrate with filler data (nal-hrd=cbr, maxRate taken as bitRate), so that
  // a nearly static picture still delivers bitRate instead of a few kbit/s. InvalidArgument on
  // encoders without it.
  bool padToBitRate = false;
  bool faststart = true;                 // mp4/mov: index (moov) before the media data
  // Size of the pictures pushed (0 = the coded width/height); libswscale scales them (lanczos)
  // to width x height, e.g. a 4K delivery of a 1080p render.
  int inputWidth = 0;
  int inputHeight = 0;

  int pushWidth() const { return inputWidth > 0 ? inputWidth : width; }
  int pushHeight() const { return inputHeight > 0 ? inputHeight : height; }
};

// Writes one output file. Not thread-safe: one thread pushes everything, in order.
// The file is written as "<stem>.partial<ext>" beside `path` and renamed on finish(); after any
// error (or cancel(), or destruction without finish()) the partial file is removed and every
// later call returns an error.
class Encoder {
 public:
  ~Encoder();
  Encoder(const Encoder&) = delete;
  Encoder& operator=(const Encoder&) = delete;

  // Opens `path` (container from the extension: .mp4 .mov .mkv). Errors name the file:
  // InvalidArgument (settings, extension), NotFound (encoder missing), Io (cannot create the file).
  static base::Result<std::unique_ptr<Encoder>> open(const std::filesystem::path& path, const EncoderSettings& settings);

  // Frame n (0-based, in push order) as 8-bit YUV 4:2:0 planes in the settings' matrix/range:
  // Y is pushWidth() x pushHeight(), U and V are (w+1)/2 x (h+1)/2; strides in bytes.
  base::Result<void> pushYuv420(const std::uint8_t* y, int yStride, const std::uint8_t* u, int uStride,
                                const std::uint8_t* v, int vStride);
  // Frame n as RGBA8 (pushWidth() x pushHeight(), row 0 at the top, stride in bytes; alpha
  // ignored), converted with libswscale to the settings' pixFmt, matrix and range.
  base::Result<void> pushRgba(const std::uint8_t* rgba, int stride);
  // Frame n as 16-bit RGBA (native-endian uint16, row 0 at the top, stride in bytes; alpha
  // ignored), converted like pushRgba but keeping the depth (10-bit 4:2:2 for ProRes).
  base::Result<void> pushRgba16(const std::uint16_t* rgba, int strideBytes);
  // `frames` sample frames of interleaved float32 (settings.channels per frame) at sampleRate;
  // any block size. Timestamps count samples from 0. InvalidArgument when audio is off.
  base::Result<void> pushAudio(const float* interleaved, std::size_t frames);
  // Flushes the encoders, writes the trailer and renames the partial file to the final path
  // (replacing an existing file there).
  base::Result<void> finish();
  // Abandons the output: the partial file is removed. Safe to call at any time, more than once.
  void cancel();

  // Video frames pushed so far.
  std::int64_t framesPushed() const;
  // Audio sample frames pushed so far.
  std::int64_t samplesPushed() const;
  // The final path of the output.
  const std::filesystem::path& path() const;
  // The temporary file written until finish(): "<stem>.partial<ext>" beside path().
  const std::filesystem::path& partialPath() const;

 private:
  struct Impl;  // libav state (core/export/ffmpeg/encoder.cpp)
  explicit Encoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// "<stem>.partial<ext>" beside `path`: where an Encoder writes until finish().
std::filesystem::path partialPathFor(const std::filesystem::path& path);

}  // namespace postline::exporting
