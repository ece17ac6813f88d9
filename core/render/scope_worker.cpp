#include "core/render/scope_worker.h"

#include <utility>

namespace postline::render {

ScopeWorker::ScopeWorker(ScopeOptions options, Callback onScopes)
    : m_options(options), m_callback(std::move(onScopes)), m_thread([this] { run(); }) {}

ScopeWorker::~ScopeWorker() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_pending.reset();
  }
  m_wake.notify_all();
  m_thread.join();
}

void ScopeWorker::submit(std::shared_ptr<const FramePixels> frame) {
  if (!frame) return;
  {
    std::lock_guard lock(m_mutex);
    if (m_pending) ++m_dropped;
    m_pending = std::move(frame);
  }
  m_wake.notify_one();
}

std::shared_ptr<const Scopes> ScopeWorker::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

void ScopeWorker::waitIdle() const {
  std::unique_lock lock(m_mutex);
  m_idle.wait(lock, [this] { return m_stop || (!m_pending && !m_busy); });
}

std::int64_t ScopeWorker::droppedCount() const {
  std::lock_guard lock(m_mutex);
  return m_dropped;
}

std::int64_t ScopeWorker::computedCount() const {
  std::lock_guard lock(m_mutex);
  return m_computed;
}

void ScopeWorker::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [this] { return m_stop || m_pending; });
    if (m_stop) break;
    std::shared_ptr<const FramePixels> frame = std::move(m_pending);
    m_pending.reset();
    m_busy = true;
    lock.unlock();
    auto scopes = std::make_shared<Scopes>(computeScopes(frame->view(), m_options));
    scopes->frameIndex = frame->frameIndex;
    std::shared_ptr<const Scopes> done = std::move(scopes);
    frame.reset();
    lock.lock();
    m_latest = done;
    ++m_computed;
    lock.unlock();
    if (m_callback) m_callback(std::move(done));
    lock.lock();
    m_busy = false;
    m_idle.notify_all();
  }
  m_busy = false;
  m_idle.notify_all();
}

}  // namespace postline::render
