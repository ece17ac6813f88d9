#pragma once
// The frame number <-> timestamp map of one video stream, built at open from every packet.
// Plain data (no FFmpeg types) so it can be tested on its own.
#include <cstdint>
#include <vector>

namespace postline::media::ffmpeg {

// One packet of the video stream as read at open (timestamps in the stream's time base).
struct PacketEntry {
  std::int64_t pts = 0;        // presentation timestamp (dts or the packet ordinal when missing)
  std::int64_t dts = 0;        // decode timestamp (pts when missing)
  std::int64_t duration = 0;   // ticks; 0 when unknown
  bool key = false;            // a keyframe: decoding can start here
};

// Frames in presentation order: frame N is the packet with the N-th smallest pts.
class FrameIndex {
 public:
  // Sorts the packets by pts; `nominalDuration` (ticks, >= 1) stands in for unknown durations.
  static FrameIndex build(std::vector<PacketEntry> packets, std::int64_t nominalDuration);

  // Frames in the index.
  std::int64_t size() const { return static_cast<std::int64_t>(m_frames.size()); }
  // Presentation timestamp of frame `index` (0 <= index < size()).
  std::int64_t pts(std::int64_t index) const { return m_frames[static_cast<std::size_t>(index)].pts; }
  // Frame whose pts is exactly `pts`, or -1.
  std::int64_t indexOfPts(std::int64_t pts) const;
  // Last frame whose pts <= `pts`, or -1 when `pts` is before the first frame.
  std::int64_t lastIndexAtOrBefore(std::int64_t pts) const;
  // Last keyframe (frame number) at or before frame `index` in presentation order; -1 when none.
  std::int64_t keyAtOrBefore(std::int64_t index) const;
  // Timestamp to hand to a backward seek so the demuxer lands on keyframe `keyIndex` (its dts).
  std::int64_t seekTimestamp(std::int64_t keyIndex) const;
  // End of the last frame: its pts plus its duration (ticks).
  std::int64_t endPts() const { return m_endPts; }
  // True when frame durations differ by more than rounding (1 tick or 1 %).
  bool variableRate() const { return m_variable; }

 private:
  std::vector<PacketEntry> m_frames;   // sorted by pts
  std::vector<std::int64_t> m_keys;    // frame numbers of keyframes, ascending
  std::int64_t m_endPts = 0;
  bool m_variable = false;
};

}  // namespace postline::media::ffmpeg
