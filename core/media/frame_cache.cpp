#include "core/media/frame_cache.h"

#include <algorithm>

namespace postline::media {

FrameCache::FrameCache(std::size_t limitBytes) : m_limit(limitBytes) {}

VideoFramePtr FrameCache::get(const FrameKey& key) {
  std::lock_guard lock(m_mutex);
  auto it = m_map.find(key);
  if (it == m_map.end()) {
    ++m_stats.misses;
    return nullptr;
  }
  ++m_stats.hits;
  m_lru.splice(m_lru.begin(), m_lru, it->second);
  return it->second->frame;
}

bool FrameCache::contains(const FrameKey& key) const {
  std::lock_guard lock(m_mutex);
  return m_map.count(key) != 0;
}

bool FrameCache::put(const FrameKey& key, VideoFramePtr frame) {
  if (!frame) return false;
  const std::size_t bytes = frame->byteSize();
  std::lock_guard lock(m_mutex);
  if (auto it = m_map.find(key); it != m_map.end()) eraseLocked(it->second);
  if (bytes > m_limit) return false;
  evictUntil(m_limit - bytes);
  m_lru.push_front(Entry{key, std::move(frame), bytes});
  m_map[key] = m_lru.begin();
  m_stats.bytesUsed += bytes;
  m_stats.frames = m_map.size();
  m_stats.maxBytesUsed = std::max(m_stats.maxBytesUsed, m_stats.bytesUsed);
  return true;
}

void FrameCache::eraseSource(std::uint64_t source) {
  std::lock_guard lock(m_mutex);
  for (auto it = m_lru.begin(); it != m_lru.end();) {
    auto next = std::next(it);
    if (it->key.source == source) eraseLocked(it);
    it = next;
  }
}

void FrameCache::clear() {
  std::lock_guard lock(m_mutex);
  m_lru.clear();
  m_map.clear();
  m_stats.bytesUsed = 0;
  m_stats.frames = 0;
}

void FrameCache::setLimit(std::size_t limitBytes) {
  std::lock_guard lock(m_mutex);
  m_limit = limitBytes;
  evictUntil(m_limit);
}

std::size_t FrameCache::limit() const {
  std::lock_guard lock(m_mutex);
  return m_limit;
}

std::size_t FrameCache::bytesUsed() const {
  std::lock_guard lock(m_mutex);
  return m_stats.bytesUsed;
}

FrameCacheStats FrameCache::stats() const {
  std::lock_guard lock(m_mutex);
  return m_stats;
}

void FrameCache::evictUntil(std::size_t limit) {
  while (m_stats.bytesUsed > limit && !m_lru.empty()) {
    eraseLocked(std::prev(m_lru.end()));
    ++m_stats.evictions;
  }
}

void FrameCache::eraseLocked(List::iterator it) {
  m_stats.bytesUsed -= it->bytes;
  m_map.erase(it->key);
  m_lru.erase(it);
  m_stats.frames = m_map.size();
}

}  // namespace postline::media
