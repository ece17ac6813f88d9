#pragma once
// Opens video decoders lazily, one per file, and closes the ones left idle.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/base/result.h"
#include "core/media/video_decoder.h"

namespace postline::media {

// Keeps at most `maxOpen` decoders. A decoder is opened on the first acquire() of its file; when
// the pool is full the least recently used one is dropped (a caller still holding it keeps it
// alive until released). collectIdle(now) closes decoders unused for longer than the timeout;
// time is passed in explicitly so tests need not sleep. Thread-safe, and so are the decoders it
// hands out: their frame()/frameAtTime() calls are serialised (one file may feed several users).
class DecoderPool {
 public:
  using Clock = std::chrono::steady_clock;
  // Opens a decoder for a file (e.g. a lambda around ffmpeg::openVideoDecoder).
  using Opener = std::function<base::Result<std::unique_ptr<VideoDecoder>>(const std::filesystem::path&)>;

  // A pool opening with `opener`, holding at most `maxOpen` (>= 1) decoders, idle limit `idleTimeout`.
  DecoderPool(Opener opener, std::size_t maxOpen, Clock::duration idleTimeout);

  // The decoder of `file` (opened now if needed), marked used at `now`. Errors of the opener pass through.
  base::Result<std::shared_ptr<VideoDecoder>> acquire(const std::filesystem::path& file,
                                                      Clock::time_point now = Clock::now());
  // Closes decoders last used before `now - idleTimeout` that no caller holds; returns how many.
  std::size_t collectIdle(Clock::time_point now);
  // Decoders held by the pool now (<= maxOpen()).
  std::size_t openCount() const;
  // Whether the pool holds an open decoder for `file`.
  bool isOpen(const std::filesystem::path& file) const;
  // Decoders opened since the pool was created (reopens count again).
  std::uint64_t opens() const;
  std::size_t maxOpen() const { return m_maxOpen; }
  // A stable id for `file` (FrameCache keys), the same for the pool's lifetime even across reopens.
  std::uint64_t sourceId(const std::filesystem::path& file);

 private:
  struct Entry {
    std::shared_ptr<VideoDecoder> decoder;
    Clock::time_point lastUsed;
  };
  static std::string keyOf(const std::filesystem::path& file);
  void dropLeastRecentlyUsed();  // caller holds m_mutex

  Opener m_opener;
  const std::size_t m_maxOpen;
  const Clock::duration m_idleTimeout;
  mutable std::mutex m_mutex;
  std::map<std::string, Entry> m_open;
  std::map<std::string, std::uint64_t> m_ids;
  std::uint64_t m_opens = 0;
};

}  // namespace postline::media
