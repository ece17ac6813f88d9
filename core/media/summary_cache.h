#pragma once
// Disk cache and background worker for visual summaries (waveforms and thumbnails).
//
// Files live in one folder beside the project ("<project>.cache/"), one per media file and
// summary, named from a hash of the media's absolute path. Each starts with a header (magic,
// format version, kind, the media's size and mtime, its absolute path, the request) and ends
// with a checksum; an entry whose media changed size or mtime, or that is unreadable, truncated
// or corrupt, is ignored and recomputed (never a crash). Writes go to a temporary file renamed
// into place, so readers never see half a file.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/base/result.h"
#include "core/media/thumbnails.h"
#include "core/media/waveform.h"
#include "core/time/rational.h"

namespace postline::media {

// Which thumbnails to make: one image per time (seconds from the first picture), `height` pixels high.
struct ThumbnailSpec {
  std::vector<time::Rational> seconds;
  int height = 0;
};

// Waveforms and thumbnails of media files, from disk when still valid, computed otherwise.
// The blocking calls are thread-safe; background requests run one at a time on a worker thread.
class SummaryCache {
 public:
  using RequestId = std::uint64_t;
  // Called on the worker thread when a background request finishes (not when cancelled).
  using WaveformDone = std::function<void(RequestId, base::Result<Waveform>)>;
  using ThumbnailsDone = std::function<void(RequestId, base::Result<std::vector<Image>>)>;

  // How often entries were loaded from disk, computed, or rejected (stale or corrupt: recomputed).
  struct Stats {
    int loaded = 0;
    int computed = 0;
    int rejected = 0;
  };

  // Stores entries under `folder` (created on the first write).
  explicit SummaryCache(std::filesystem::path folder);
  // Cancels pending requests, stops a running one and joins the worker.
  ~SummaryCache();
  SummaryCache(const SummaryCache&) = delete;
  SummaryCache& operator=(const SummaryCache&) = delete;

  // The cache folder of a project file: "<dir>/<name>.cache" beside it.
  static std::filesystem::path folderFor(const std::filesystem::path& projectFile);

  // The waveform of `media`: from disk when valid, else decoded now and stored.
  base::Result<Waveform> waveform(const std::filesystem::path& media, const std::atomic<bool>* cancel = nullptr);
  // The thumbnails of `media` for `spec`: from disk when valid, else decoded now and stored.
  base::Result<std::vector<Image>> thumbnails(const std::filesystem::path& media, const ThumbnailSpec& spec);
  // The waveform on disk if present and valid; nullopt otherwise (nothing is computed).
  std::optional<Waveform> cachedWaveform(const std::filesystem::path& media);
  // The thumbnails on disk for exactly `spec` if present and valid; nullopt otherwise.
  std::optional<std::vector<Image>> cachedThumbnails(const std::filesystem::path& media, const ThumbnailSpec& spec);

  // Queues a waveform for the worker; `done` gets the result unless the request is cancelled.
  RequestId requestWaveform(const std::filesystem::path& media, WaveformDone done);
  // Queues thumbnails for the worker; `done` gets the result unless the request is cancelled.
  RequestId requestThumbnails(const std::filesystem::path& media, ThumbnailSpec spec, ThumbnailsDone done);
  // Drops a queued request or stops a running one; its callback is not called afterwards
  // (unless it had already started).
  void cancel(RequestId id);
  // Cancels every queued and running request.
  void cancelAll();
  // Blocks until no request is queued or running.
  void waitIdle();

  // Counters since construction.
  Stats stats() const;
  // The file an entry of `media` is stored in (kind "wave" or "thumbs"; for tests and tools).
  std::filesystem::path entryPath(const std::filesystem::path& media, const ThumbnailSpec* spec) const;

 private:
  struct Job {
    RequestId id = 0;
    std::function<void(RequestId, const std::atomic<bool>& cancelled)> run;
  };

  RequestId enqueue(std::function<void(RequestId, const std::atomic<bool>&)> run);
  void workerLoop();

  std::filesystem::path m_folder;
  std::atomic<int> m_loaded{0};
  std::atomic<int> m_computed{0};
  std::atomic<int> m_rejected{0};

  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_idle;
  std::deque<Job> m_queue;
  RequestId m_nextId = 1;
  RequestId m_running = 0;       // id of the job on the worker, 0 when none
  std::atomic<bool> m_cancelRunning{false};
  bool m_stop = false;
  std::thread m_worker;          // started last, joined in the destructor
};

}  // namespace postline::media
