#pragma once
// Frame-accurate video decoding, seen from outside core/media/ffmpeg (no FFmpeg types here).
#include <cstdint>
#include <filesystem>

#include "core/base/result.h"
#include "core/media/media_types.h"
#include "core/time/rational.h"

namespace postline::media {

// Decodes the pictures of one video file by frame number or by time.
//
// Frame numbers count pictures in presentation order from 0 (the first picture shown);
// `frame(n)` returns exactly picture n for any n in any order (seeks when needed, keeps
// decoding forward without seeking for sequential access).
//
// Time rule (variable-frame-rate sources): the frame shown at time t (seconds from the first
// picture's presentation time) is the LAST frame whose presentation time is <= t. It is shown
// until the next frame's presentation time; after the last frame it is shown for that frame's
// duration, and t at or past the end of the clip (or t < 0) is OutOfRange.
//
// A decoder is not thread-safe: one thread at a time (Prefetcher serialises its own use).
class VideoDecoder {
 public:
  virtual ~VideoDecoder() = default;

  // Picture `index` (0-based, presentation order), rotation applied. OutOfRange names the file
  // and the frame count when index < 0 or index >= frameCount(); corrupt data is an error.
  virtual base::Result<VideoFramePtr> frame(std::int64_t index) = 0;
  // The picture shown at `seconds` (see the time rule above).
  virtual base::Result<VideoFramePtr> frameAtTime(const time::Rational& seconds) = 0;
  // Frame number shown at `seconds` (the time rule above), without decoding.
  virtual base::Result<std::int64_t> indexAtTime(const time::Rational& seconds) const = 0;
  // Presentation time in seconds of frame `index`, relative to frame 0.
  virtual base::Result<time::Rational> timeOfFrame(std::int64_t index) const = 0;

  // Decodable pictures in the file (from the packet index built at open).
  virtual std::int64_t frameCount() const = 0;
  // Nominal (average) frames per second, exact.
  virtual time::Rational frameRate() const = 0;
  // Facts about the decoded stream (codec, size, rotation, colour, time base, frames, VFR).
  virtual const VideoStreamInfo& info() const = 0;
  // The file this decoder reads.
  virtual const std::filesystem::path& path() const = 0;
};

}  // namespace postline::media
