#pragma once
// Decodes frames ahead of the playhead into a FrameCache on a worker thread.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "core/base/result.h"
#include "core/media/frame_cache.h"
#include "core/media/video_decoder.h"

namespace postline::media {

// One worker thread per source. Given the playhead and the play direction it makes sure frames
// playhead, playhead + d, ..., playhead + K*d (d = +1 or -1; K = lookahead; only the playhead
// when paused) are in the cache, decoding the missing ones in that order. A new playhead (a seek
// or a scrub) cancels the rest of the old request; the frame being decoded finishes first.
// The decoder is shared with `frame()`, which is serialised with the worker.
class Prefetcher {
 public:
  // Prefetches frames of `decoder` into `cache` under source id `source`, `lookahead` frames ahead.
  Prefetcher(std::shared_ptr<VideoDecoder> decoder, FrameCache& cache, std::uint64_t source, int lookahead);
  // Stops the worker cleanly (cancels pending work, joins the thread).
  ~Prefetcher();
  Prefetcher(const Prefetcher&) = delete;
  Prefetcher& operator=(const Prefetcher&) = delete;

  // The playhead is at frame `index` (0-based), moving by `direction` (+1, -1, or 0 = paused).
  void setPlayhead(std::int64_t index, int direction);
  // Frame `index` from the cache, else decoded now (waiting for the worker's current frame) and cached.
  base::Result<VideoFramePtr> frame(std::int64_t index);
  // Blocks until the worker has finished the current request (for tests and benchmarks).
  void waitIdle();
  // Frames the worker has decoded (not counting cache hits or frame() calls).
  std::uint64_t decodedByWorker() const;
  // Frames the worker failed to decode (the error is dropped; frame() reports it).
  std::uint64_t failures() const;

 private:
  void run();
  bool hasWork() const;              // caller holds m_mutex
  bool nextTarget(std::int64_t& index);  // caller holds m_mutex
  void prefetchOne(std::int64_t index, std::uint64_t generation);
  FrameKey key(std::int64_t index) const { return FrameKey{m_source, index}; }

  std::shared_ptr<VideoDecoder> m_decoder;
  FrameCache& m_cache;
  const std::uint64_t m_source;
  const int m_lookahead;
  const std::int64_t m_frameCount;

  mutable std::mutex m_mutex;          // guards the request below
  std::condition_variable m_wake;      // new request or stop
  std::condition_variable m_idle;      // request finished
  std::int64_t m_playhead = 0;
  int m_direction = 0;
  int m_offset = 0;                    // next step of the request to look at (0 = the playhead)
  std::uint64_t m_generation = 0;      // bumped by every setPlayhead (cancels older work)
  bool m_busy = false;
  bool m_stop = false;
  std::uint64_t m_decoded = 0;
  std::uint64_t m_failures = 0;

  std::mutex m_decodeMutex;            // one user of the decoder at a time
  std::thread m_thread;                // started last, joined in the destructor
};

}  // namespace postline::media
