#include "core/media/prefetcher.h"

namespace postline::media {

Prefetcher::Prefetcher(std::shared_ptr<VideoDecoder> decoder, FrameCache& cache, std::uint64_t source,
                       int lookahead)
    : m_decoder(std::move(decoder)),
      m_cache(cache),
      m_source(source),
      m_lookahead(lookahead < 0 ? 0 : lookahead),
      m_frameCount(m_decoder ? m_decoder->frameCount() : 0),
      m_offset(m_lookahead + 1),
      m_thread([this] { run(); }) {}

Prefetcher::~Prefetcher() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    ++m_generation;
  }
  m_wake.notify_all();
  m_thread.join();
}

void Prefetcher::setPlayhead(std::int64_t index, int direction) {
  {
    std::lock_guard lock(m_mutex);
    m_playhead = index;
    m_direction = direction > 0 ? 1 : (direction < 0 ? -1 : 0);
    m_offset = 0;
    ++m_generation;
  }
  m_wake.notify_all();
}

base::Result<VideoFramePtr> Prefetcher::frame(std::int64_t index) {
  if (VideoFramePtr hit = m_cache.get(key(index))) return hit;
  std::lock_guard decodeLock(m_decodeMutex);
  if (VideoFramePtr hit = m_cache.get(key(index))) return hit;  // the worker just made it
  PL_TRY_ASSIGN(decoded, m_decoder->frame(index));
  m_cache.put(key(index), decoded);
  return decoded;
}

void Prefetcher::waitIdle() {
  std::unique_lock lock(m_mutex);
  m_idle.wait(lock, [this] { return m_stop || (!m_busy && !hasWork()); });
}

std::uint64_t Prefetcher::decodedByWorker() const {
  std::lock_guard lock(m_mutex);
  return m_decoded;
}

std::uint64_t Prefetcher::failures() const {
  std::lock_guard lock(m_mutex);
  return m_failures;
}

bool Prefetcher::hasWork() const {
  const int steps = m_direction == 0 ? 0 : m_lookahead;
  return !m_stop && m_offset <= steps;
}

bool Prefetcher::nextTarget(std::int64_t& index) {
  while (hasWork()) {
    const std::int64_t candidate = m_playhead + static_cast<std::int64_t>(m_direction) * m_offset;
    ++m_offset;
    if (candidate >= 0 && candidate < m_frameCount) {
      index = candidate;
      return true;
    }
  }
  return false;
}

void Prefetcher::prefetchOne(std::int64_t index, std::uint64_t generation) {
  if (m_cache.contains(key(index))) return;
  std::lock_guard decodeLock(m_decodeMutex);
  {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation) return;  // the playhead moved while we waited: cancelled
  }
  if (m_cache.contains(key(index))) return;
  auto decoded = m_decoder->frame(index);
  std::lock_guard lock(m_mutex);
  if (decoded.ok()) {
    m_cache.put(key(index), std::move(decoded).value());
    ++m_decoded;
  } else {
    ++m_failures;
  }
}

void Prefetcher::run() {
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    std::int64_t index = 0;
    if (!nextTarget(index)) {
      m_busy = false;
      m_idle.notify_all();
      m_wake.wait(lock, [this] { return m_stop || hasWork(); });
      continue;
    }
    m_busy = true;
    const std::uint64_t generation = m_generation;
    lock.unlock();
    prefetchOne(index, generation);
    lock.lock();
  }
  m_busy = false;
  m_idle.notify_all();
}

}  // namespace postline::media
