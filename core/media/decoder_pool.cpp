#include "core/media/decoder_pool.h"

#include <system_error>

namespace postline::media {

namespace {

// A pooled decoder may be shared by several users (two clips of one file, a prefetcher and the
// viewer): decoding calls are serialised; the rest is fixed after open and needs no lock.
class SerializedDecoder final : public VideoDecoder {
 public:
  explicit SerializedDecoder(std::unique_ptr<VideoDecoder> inner) : m_inner(std::move(inner)) {}
  base::Result<VideoFramePtr> frame(std::int64_t index) override {
    std::lock_guard lock(m_mutex);
    return m_inner->frame(index);
  }
  base::Result<VideoFramePtr> frameAtTime(const time::Rational& seconds) override {
    std::lock_guard lock(m_mutex);
    return m_inner->frameAtTime(seconds);
  }
  base::Result<std::int64_t> indexAtTime(const time::Rational& seconds) const override {
    return m_inner->indexAtTime(seconds);
  }
  base::Result<time::Rational> timeOfFrame(std::int64_t index) const override { return m_inner->timeOfFrame(index); }
  std::int64_t frameCount() const override { return m_inner->frameCount(); }
  time::Rational frameRate() const override { return m_inner->frameRate(); }
  const VideoStreamInfo& info() const override { return m_inner->info(); }
  const std::filesystem::path& path() const override { return m_inner->path(); }

 private:
  std::unique_ptr<VideoDecoder> m_inner;
  std::mutex m_mutex;
};

}  // namespace

DecoderPool::DecoderPool(Opener opener, std::size_t maxOpen, Clock::duration idleTimeout)
    : m_opener(std::move(opener)), m_maxOpen(maxOpen == 0 ? 1 : maxOpen), m_idleTimeout(idleTimeout) {}

std::string DecoderPool::keyOf(const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(file, ec);
  return (ec ? file : abs).lexically_normal().string();
}

base::Result<std::shared_ptr<VideoDecoder>> DecoderPool::acquire(const std::filesystem::path& file,
                                                                  Clock::time_point now) {
  const std::string key = keyOf(file);
  std::lock_guard lock(m_mutex);
  if (auto it = m_open.find(key); it != m_open.end()) {
    it->second.lastUsed = now;
    return it->second.decoder;
  }
  PL_TRY_ASSIGN(opened, m_opener(file));
  ++m_opens;
  while (m_open.size() >= m_maxOpen) dropLeastRecentlyUsed();
  auto decoder = std::make_shared<SerializedDecoder>(std::move(opened));
  m_open[key] = Entry{decoder, now};
  return std::shared_ptr<VideoDecoder>(decoder);
}

std::size_t DecoderPool::collectIdle(Clock::time_point now) {
  std::lock_guard lock(m_mutex);
  std::size_t closed = 0;
  for (auto it = m_open.begin(); it != m_open.end();) {
    const bool idle = now - it->second.lastUsed > m_idleTimeout && it->second.decoder.use_count() == 1;
    if (idle) {
      it = m_open.erase(it);
      ++closed;
    } else {
      ++it;
    }
  }
  return closed;
}

std::size_t DecoderPool::openCount() const {
  std::lock_guard lock(m_mutex);
  return m_open.size();
}

bool DecoderPool::isOpen(const std::filesystem::path& file) const {
  std::lock_guard lock(m_mutex);
  return m_open.count(keyOf(file)) != 0;
}

std::uint64_t DecoderPool::opens() const {
  std::lock_guard lock(m_mutex);
  return m_opens;
}

std::uint64_t DecoderPool::sourceId(const std::filesystem::path& file) {
  std::lock_guard lock(m_mutex);
  auto [it, inserted] = m_ids.try_emplace(keyOf(file), m_ids.size() + 1);
  return it->second;
}

void DecoderPool::dropLeastRecentlyUsed() {
  auto oldest = m_open.begin();
  for (auto it = m_open.begin(); it != m_open.end(); ++it) {
    // Prefer a decoder no caller holds; among equals, the one used longest ago.
    const bool free = it->second.decoder.use_count() == 1;
    const bool oldestFree = oldest->second.decoder.use_count() == 1;
    if ((free && !oldestFree) || (free == oldestFree && it->second.lastUsed < oldest->second.lastUsed)) oldest = it;
  }
  if (oldest != m_open.end()) m_open.erase(oldest);
}

}  // namespace postline::media
