#pragma once
// Computes scopes off the UI thread. The render thread submits finished frames; only the newest
// pending frame is kept (older pending ones are dropped and counted), so the scopes never fall
// behind playback. Results arrive through a callback (on the worker thread) and latest().
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/render/scopes.h"

namespace postline::render {

class ScopeWorker {
 public:
  // Called on the worker thread with each finished Scopes; must not call back into this worker's
  // destructor. May be empty (then poll latest()).
  using Callback = std::function<void(std::shared_ptr<const Scopes>)>;

  explicit ScopeWorker(ScopeOptions options = {}, Callback onScopes = {});
  // Stops the thread: a frame being computed is finished, pending ones are discarded.
  ~ScopeWorker();
  ScopeWorker(const ScopeWorker&) = delete;
  ScopeWorker& operator=(const ScopeWorker&) = delete;

  // Queues `frame` (thread-safe, never blocks on the computation); a frame still pending from an
  // earlier submit is replaced and counted as dropped. A null frame is ignored.
  void submit(std::shared_ptr<const FramePixels> frame);
  // The newest finished Scopes, or null before the first one (thread-safe).
  std::shared_ptr<const Scopes> latest() const;
  // Blocks until no frame is pending or being computed (for tests and shutdown of a view).
  void waitIdle() const;
  // Frames replaced before the worker took them (thread-safe).
  std::int64_t droppedCount() const;
  // Frames computed so far (thread-safe).
  std::int64_t computedCount() const;

 private:
  void run();

  ScopeOptions m_options;
  Callback m_callback;
  mutable std::mutex m_mutex;
  mutable std::condition_variable m_wake;  // the worker waits for work or stop
  mutable std::condition_variable m_idle;  // waitIdle() waits for the worker to finish
  std::shared_ptr<const FramePixels> m_pending;
  std::shared_ptr<const Scopes> m_latest;
  bool m_busy = false;
  bool m_stop = false;
  std::int64_t m_dropped = 0;
  std::int64_t m_computed = 0;
  std::thread m_thread;  // last member: started after everything above exists
};

}  // namespace postline::render
