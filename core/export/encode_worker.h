#pragma once
// One encoder fed from the export's render loop on its own thread (internal to core/export).
// The render thread hands over immutable pictures and sound; the worker blends (frame-rate
// conform), converts and encodes, so several encoders of one render run side by side. A bounded
// queue makes the render loop wait when an encoder falls behind (memory stays flat).
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/base/result.h"
#include "core/export/encoder.h"

namespace postline::exporting {

// One rendered frame as read back once for every encoder of its geometry.
struct Picture {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> y, cb, cr;  // 8-bit limited-range 4:2:0 planes (empty when not read)
  std::vector<std::uint16_t> rgba16;    // 16-bit RGBA, row 0 at the top (empty when not read)
};
using PicturePtr = std::shared_ptr<const Picture>;

class EncodeWorker {
 public:
  // Takes ownership of an opened encoder. `rgba16`: feed pushRgba16 (else the 4:2:0 planes).
  EncodeWorker(std::unique_ptr<Encoder> encoder, bool rgba16, std::size_t maxQueued = 3);
  ~EncodeWorker();  // cancels when finish() was not called
  EncodeWorker(const EncodeWorker&) = delete;
  EncodeWorker& operator=(const EncodeWorker&) = delete;

  // (1 - weight) * a + weight * b (b may be null when weight is 0). Blocks while the queue is full.
  void pushVideo(PicturePtr a, PicturePtr b, double weight);
  void pushAudio(std::shared_ptr<const std::vector<float>> interleaved);
  // Waits for the queue to drain, then finishes the file (rename). The first error wins.
  base::Result<void> finish();
  // Drops what is queued and removes the partial file.
  void cancel();
  // The first error so far ("" when none): the render loop stops feeding a failed worker.
  std::optional<std::string> error() const;
  const std::filesystem::path& path() const { return m_path; }
  std::int64_t framesEncoded() const;

 private:
  struct Task {
    PicturePtr a, b;
    double weight = 0.0;
    std::shared_ptr<const std::vector<float>> audio;
  };
  void run();
  base::Result<void> encode(const Task& task);
  void enqueue(Task task);

  std::unique_ptr<Encoder> m_encoder;
  std::filesystem::path m_path;
  bool m_rgba16;
  std::size_t m_maxQueued;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Task> m_tasks;
  bool m_closing = false;   // no more tasks will come
  bool m_cancelled = false;
  std::optional<std::string> m_error;
  std::int64_t m_frames = 0;
  Picture m_blend;          // scratch for blended frames (worker thread only)
  std::thread m_thread;
};

// (1 - weight) * a + weight * b into `out`, plane by plane (the planes `a` holds).
void blendPictures(const Picture& a, const Picture& b, double weight, Picture& out);

}  // namespace postline::exporting
