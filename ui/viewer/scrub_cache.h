#pragma once
// The viewer's scrub cache (internal to ui/viewer): a background thread decodes the source frames
// the current sequence uses, in order (cheap: no seeks), shrinks each picture by a power of two to
// the viewer's render size and keeps it, up to a byte budget. Scrubbing then renders from a kept
// picture instead of decoding from a keyframe (up to a whole GOP: ~0.7 s on long-GOP 1080p H.264).
// Pictures are keyed by file and frame, so edits do not invalidate them.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/media/media_types.h"
#include "core/media/video_decoder.h"
#include "core/render/frame_renderer.h"
#include "core/render/snapshot.h"

namespace postline::ui {

// Source frames [first, last] (both included) of one file to keep, shrunk by `factor` (1, 2, 4, 8).
struct ScrubRange {
  std::string path;
  std::int64_t first = 0;
  std::int64_t last = 0;
  int factor = 1;
};

// What the cache holds now.
struct ScrubCacheStats {
  std::size_t frames = 0;
  std::size_t bytes = 0;
  std::size_t budget = 0;
  bool idle = true;  // nothing left to decode (all wanted frames kept, or the budget is full)
};

class ScrubCache {
 public:
  // Keeps at most `budgetBytes` of pictures.
  explicit ScrubCache(std::size_t budgetBytes);
  ~ScrubCache();  // stops and joins the filler
  ScrubCache(const ScrubCache&) = delete;
  ScrubCache& operator=(const ScrubCache&) = delete;

  // The frames to keep from now on (frames of files or factors no longer wanted are dropped).
  void setWork(std::vector<ScrubRange> ranges);
  void setBudget(std::size_t budgetBytes);
  // While paused (playback), the filler decodes nothing: the playing render thread gets the CPU.
  void setPaused(bool paused);
  // The kept picture of `path` frame `frame`, or nullptr.
  media::VideoFramePtr get(const std::string& path, std::int64_t frame) const;
  ScrubCacheStats stats() const;
  // Blocks up to `ms` until the filler is idle; true when it is.
  bool waitIdle(int ms) const;

 private:
  using Key = std::pair<std::string, std::int64_t>;
  void run();
  bool nextFrame(ScrubRange& range, std::int64_t& frame);  // caller holds m_mutex
  void fillOne(const ScrubRange& range, std::int64_t frame, std::uint64_t generation);

  mutable std::mutex m_mutex;
  mutable std::condition_variable m_wake;
  mutable std::condition_variable m_idleCv;
  std::vector<ScrubRange> m_work;
  std::size_t m_workIndex = 0;
  std::int64_t m_next = 0;
  std::uint64_t m_generation = 0;
  std::map<Key, media::VideoFramePtr> m_frames;
  std::map<std::string, int> m_factors;  // the factor each file's kept frames have
  std::size_t m_bytes = 0;
  std::size_t m_budget = 0;
  bool m_busy = false;
  bool m_stop = false;
  bool m_paused = false;
  std::map<std::string, std::unique_ptr<media::VideoDecoder>> m_decoders;  // filler thread only
  std::thread m_thread;
};

// A PictureSource reading kept pictures first and decoding (through `fallback`) the rest; the last
// few decoded pictures are remembered, so a scrub draft and its full render decode a frame once.
class CachedPictures final : public render::PictureSource {
 public:
  CachedPictures(const ScrubCache& cache, render::PictureSource& fallback) : m_cache(cache), m_fallback(fallback) {}
  base::Result<media::VideoFramePtr> picture(const render::Layer& layer) override;
  // Pictures served from the cache / decoded since construction.
  std::uint64_t hits() const { return m_hits.load(); }
  std::uint64_t misses() const { return m_misses.load(); }

 private:
  struct Recent {
    std::string path;
    std::int64_t frame = 0;
    media::VideoFramePtr picture;
  };
  const ScrubCache& m_cache;
  render::PictureSource& m_fallback;
  std::vector<Recent> m_recent;  // newest last, at most kRecent (render thread only)
  std::atomic<std::uint64_t> m_hits{0};
  std::atomic<std::uint64_t> m_misses{0};
};

// The source frames the snapshot's sequence shows on its unmuted video tracks (per file, first to
// last used frame; constant-rate video only), each with the largest power-of-two factor (<= 8) that
// keeps the picture at least `outWidth` x `outHeight` (the render size).
std::vector<ScrubRange> scrubRanges(const render::Snapshot& snapshot, int outWidth, int outHeight);

// `frame` shrunk by `factor` (box filter per plane); 8-bit frames only (others come back as they are).
media::VideoFramePtr shrinkFrame(const media::VideoFrame& frame, int factor);

}  // namespace postline::ui
