#pragma once
// Reading a file's audio with all its channels (no downmix), for measurement (loudness).
// No FFmpeg types here; the implementation is core/media/ffmpeg/ffmpeg_audio_reader.cpp.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/base/result.h"

namespace postline::media {

// Where a channel plays, as far as loudness measurement (ITU-R BS.1770) cares. Derived from the
// FFmpeg channel layout:
//   FL -> Left, FR -> Right, FC -> Center, LFE / LFE2 -> Lfe,
//   SL / SR -> LeftSurround / RightSurround, and BL / BR -> LeftSurround / RightSurround when
//   the layout has no SL / SR (the "5.1" layout carries its surrounds as BL / BR);
//   everything else (7.1's back pair, wides, tops, downmix, ambisonics) -> Other.
// Mono: FFmpeg's mono layout is FC, so a mono file is one Center channel (BS.1770 weight 1.0,
// counted once: a mono signal reads 3 LU below the same signal on both channels of a stereo
// file). Files without a layout get FFmpeg's default layout for their channel count.
enum class ChannelPosition { Left, Right, Center, Lfe, LeftSurround, RightSurround, Other };

// Sequential reader of the best audio stream of one file: every channel in the file's order,
// float32 interleaved, resampled to 48 kHz (libswresample; the layout is kept). Samples are
// not clipped. Not thread-safe: one thread at a time.
class MultichannelReader {
 public:
  virtual ~MultichannelReader() = default;

  // Number of channels (>= 1), as in the file.
  virtual int channels() const = 0;
  // Position of each channel, channels() entries, in interleaving order.
  virtual const std::vector<ChannelPosition>& positions() const = 0;
  // Reads up to maxFrames frames (channels() floats each) into `interleaved`; returns the number
  // read, fewer than maxFrames only at the end, 0 once the end has been reached. Errors
  // (unreadable data) name the file.
  virtual base::Result<std::size_t> read(float* interleaved, std::size_t maxFrames) = 0;
  // The file this reader reads (absolute).
  virtual const std::filesystem::path& path() const = 0;
};

// Opens the best audio stream of `path`. NotFound for a missing file or a file without audio,
// Parse for corrupt or unsupported data; the message names the file.
base::Result<std::unique_ptr<MultichannelReader>> openMultichannelReader(const std::filesystem::path& path);

}  // namespace postline::media
