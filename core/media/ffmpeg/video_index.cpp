#include "core/media/ffmpeg/video_index.h"

#include <algorithm>

namespace postline::media::ffmpeg {

namespace {

// True when the gaps between consecutive pts differ by more than 1 tick or 1 %.
bool gapsVary(const std::vector<PacketEntry>& frames) {
  if (frames.size() < 3) return false;
  std::int64_t lo = frames[1].pts - frames[0].pts;
  std::int64_t hi = lo;
  for (std::size_t i = 2; i < frames.size(); ++i) {
    const std::int64_t gap = frames[i].pts - frames[i - 1].pts;
    lo = std::min(lo, gap);
    hi = std::max(hi, gap);
  }
  return hi - lo > std::max<std::int64_t>(1, lo / 100);
}

}  // namespace

FrameIndex FrameIndex::build(std::vector<PacketEntry> packets, std::int64_t nominalDuration) {
  FrameIndex index;
  std::stable_sort(packets.begin(), packets.end(),
                   [](const PacketEntry& a, const PacketEntry& b) { return a.pts < b.pts; });
  index.m_frames = std::move(packets);
  for (std::size_t i = 0; i < index.m_frames.size(); ++i) {
    if (index.m_frames[i].key) index.m_keys.push_back(static_cast<std::int64_t>(i));
  }
  if (!index.m_frames.empty()) {
    const PacketEntry& last = index.m_frames.back();
    index.m_endPts = last.pts + (last.duration > 0 ? last.duration : std::max<std::int64_t>(1, nominalDuration));
  }
  index.m_variable = gapsVary(index.m_frames);
  return index;
}

std::int64_t FrameIndex::indexOfPts(std::int64_t pts) const {
  auto it = std::lower_bound(m_frames.begin(), m_frames.end(), pts,
                             [](const PacketEntry& e, std::int64_t v) { return e.pts < v; });
  if (it == m_frames.end() || it->pts != pts) return -1;
  return it - m_frames.begin();
}

std::int64_t FrameIndex::lastIndexAtOrBefore(std::int64_t pts) const {
  auto it = std::upper_bound(m_frames.begin(), m_frames.end(), pts,
                             [](std::int64_t v, const PacketEntry& e) { return v < e.pts; });
  return (it - m_frames.begin()) - 1;
}

std::int64_t FrameIndex::keyAtOrBefore(std::int64_t index) const {
  auto it = std::upper_bound(m_keys.begin(), m_keys.end(), index);
  if (it == m_keys.begin()) return -1;
  return *(it - 1);
}

std::int64_t FrameIndex::seekTimestamp(std::int64_t keyIndex) const {
  const PacketEntry& e = m_frames[static_cast<std::size_t>(keyIndex)];
  return std::min(e.dts, e.pts);
}

}  // namespace postline::media::ffmpeg
