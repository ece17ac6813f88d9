#pragma once
// A byte-bounded, thread-safe LRU cache of decoded frames.
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <unordered_map>

#include "core/media/media_types.h"

namespace postline::media {

// Identifies one decoded picture: which source (a decoder/file id chosen by the caller) and
// which frame of it (0-based, presentation order).
struct FrameKey {
  std::uint64_t source = 0;
  std::int64_t index = 0;
  friend bool operator==(const FrameKey&, const FrameKey&) = default;
};

// Counters of a cache since its creation.
struct FrameCacheStats {
  std::size_t bytesUsed = 0;      // bytes held now (sum of VideoFrame::byteSize())
  std::size_t maxBytesUsed = 0;   // the most bytes ever held at once (never above the limit)
  std::size_t frames = 0;         // frames held now
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t evictions = 0;
};

// Least-recently-used cache bounded in bytes: bytesUsed() never exceeds limit(). All methods
// may be called from any thread.
class FrameCache {
 public:
  // A cache holding at most `limitBytes` bytes of frame data.
  explicit FrameCache(std::size_t limitBytes);

  // The frame stored under `key` (and marks it most recently used), or nullptr.
  VideoFramePtr get(const FrameKey& key);
  // True when `key` is held (does not change the LRU order or the counters).
  bool contains(const FrameKey& key) const;
  // Stores `frame` under `key` (replacing any older one), evicting least recently used frames
  // until it fits. A frame larger than the whole limit is not stored: returns false.
  bool put(const FrameKey& key, VideoFramePtr frame);
  // Drops every frame of `source`.
  void eraseSource(std::uint64_t source);
  // Drops everything.
  void clear();
  // Changes the limit, evicting as needed.
  void setLimit(std::size_t limitBytes);

  std::size_t limit() const;        // bytes
  std::size_t bytesUsed() const;    // bytes, <= limit()
  FrameCacheStats stats() const;

 private:
  struct KeyHash {
    std::size_t operator()(const FrameKey& k) const {
      return std::hash<std::uint64_t>()(k.source * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(k.index));
    }
  };
  struct Entry {
    FrameKey key;
    VideoFramePtr frame;
    std::size_t bytes = 0;
  };
  using List = std::list<Entry>;

  void evictUntil(std::size_t limit);  // caller holds m_mutex
  void eraseLocked(List::iterator it);

  mutable std::mutex m_mutex;
  std::size_t m_limit = 0;
  List m_lru;  // front = most recently used
  std::unordered_map<FrameKey, List::iterator, KeyHash> m_map;
  FrameCacheStats m_stats;
};

}  // namespace postline::media
