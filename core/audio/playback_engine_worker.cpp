// PlaybackEngine's mixing worker: restarts, source splices, ring filling, system-clock pacing and
// the device's life (open, watchdog, fallback, retry).
#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>

#include "core/audio/device/audio_output.h"
#include "core/audio/playback_engine.h"
#include "core/base/log.h"

namespace postline::audio {
namespace {

constexpr std::int64_t kRate = 48000;
constexpr std::int64_t kRetryNs = 2'000'000'000;     // device retry period
constexpr std::int64_t kWatchdogNs = 500'000'000;    // no callback this long = device gone
constexpr std::int64_t kAckTimeoutNs = 300'000'000;  // callback must answer a request within this
constexpr std::int64_t kTestAckTimeoutNs = 10'000'000'000;

std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t framesToNs(std::int64_t frames) { return frames * 1'000'000'000 / kRate; }

}  // namespace

bool PlaybackEngine::callbackDriven() const { return m_options.testDriven || m_output != nullptr; }

void PlaybackEngine::workerLoop() {
  std::unique_lock lock(m_mutex);
  while (!m_quit.load()) {
    // The source first: a source set before play() is the one the restart renders.
    if (m_sourceChanged) {
      m_sourceChanged = false;
      auto source = std::move(m_pendingSource);
      lock.unlock();
      doSwapSource(std::move(source));
      lock.lock();
      continue;
    }
    if (m_restartPending) {
      m_restartPending = false;
      const std::int64_t at = m_restartAt;
      const std::uint64_t command = m_command;
      lock.unlock();
      doRestart(at, command);
      lock.lock();
      continue;
    }
    lock.unlock();
    int waitMs = 50;
    const bool busy = serviceOnce(waitMs);
    lock.lock();
    if (!busy && !m_restartPending && !m_sourceChanged && !m_quit.load()) {
      m_wake.wait_for(lock, std::chrono::milliseconds(waitMs));
    }
  }
}

// One step of steady-state work; returns true when it did something (call again at once).
bool PlaybackEngine::serviceOnce(int& waitMs) {
  checkDevice();
  if (!m_playing.load()) return false;
  const auto clock = static_cast<Clock>(m_clock.load());
  if (clock == Clock::Device && m_consume.load()) {
    if (fillRing()) return true;
    waitMs = std::max(1, static_cast<int>(m_options.blockFrames * 1000 / kRate / 2));
    return false;
  }
  if (clock == Clock::System) return paceSystemClock(waitMs);
  return false;
}

// Renders one block into the ring if it has room for it.
bool PlaybackEngine::fillRing() {
  if (m_ring.freeFrames() < m_options.blockFrames) return false;
  renderInto(m_writeSample, m_block.data(), m_options.blockFrames);
  m_ring.write(m_block.data(), m_options.blockFrames);
  m_writeSample += m_options.blockFrames;
  return true;
}

// No device: renders (and drops) blocks in step with the system clock, one block ahead.
bool PlaybackEngine::paceSystemClock(int& waitMs) {
  const std::int64_t now = position();
  if (now - m_writeSample > m_ring.capacity()) m_writeSample = now;  // fell far behind: skip
  if (m_writeSample < now + m_options.blockFrames) {
    renderInto(m_writeSample, m_block.data(), m_options.blockFrames);
    m_writeSample += m_options.blockFrames;
    return true;
  }
  const std::int64_t aheadNs = framesToNs(m_writeSample - m_options.blockFrames - now);
  waitMs = static_cast<int>(std::clamp<std::int64_t>(aheadNs / 1'000'000, 1, 50));
  return false;
}

void PlaybackEngine::renderInto(std::int64_t start, float* interleaved, int frames) {
  if (m_source) {
    m_source->renderBlock(start, interleaved, frames);
  } else {
    std::memset(interleaved, 0, sizeof(float) * SpscRing::kChannels * static_cast<std::size_t>(frames));
  }
}

// Restarts the queue at `at`, prefills, then starts the clock unless another command came since.
void PlaybackEngine::doRestart(std::int64_t at, std::uint64_t command) {
  if (callbackDriven()) {
    std::int64_t ack = 0;
    if (!requestAndWait(Request::Restart, at, ack)) {
      if (m_quit.load()) return;
      deviceLost("no answer to a restart");
    }
  }
  m_writeSample = at;
  const bool device = callbackDriven();
  if (device) {
    const int prefill = std::min(2 * m_options.blockFrames, m_ring.capacity() / 2);
    while (m_ring.available() < prefill && !m_quit.load() && fillRing()) {
    }
  }
  std::lock_guard lock(m_mutex);
  if (command != m_command || !m_playing.load()) return;
  if (device) {
    m_clock.store(static_cast<int>(Clock::Device));
    m_consume.store(true, std::memory_order_release);
  } else {
    m_anchorSample.store(at);
    m_anchorNs.store(nowNs());
    m_clock.store(static_cast<int>(Clock::System));
  }
}

// Takes the new source; while the device plays, splices it in ~2 buffers + 1 block ahead.
void PlaybackEngine::doSwapSource(std::shared_ptr<BlockSource> source) {
  m_source = std::move(source);
  if (!callbackDriven() || !m_consume.load() || static_cast<Clock>(m_clock.load()) != Clock::Device) return;
  std::int64_t sample = 0, ns = 0, frames = 0;
  readPublished(sample, ns, frames);
  const std::int64_t margin = 2 * m_options.bufferFrames + m_options.blockFrames;
  const std::int64_t at = std::min(m_writeSample, sample + frames + margin);
  renderInto(at, m_block.data(), m_options.blockFrames);
  std::int64_t ack = 0;
  if (!requestAndWait(Request::Splice, at, ack)) {
    if (!m_quit.load()) deviceLost("no answer to a splice");
    return;
  }
  m_writeSample = ack;
  if (ack == at && m_ring.write(m_block.data(), m_options.blockFrames) == m_options.blockFrames) {
    m_writeSample += m_options.blockFrames;
  }
}

// Posts a request to the callback and waits (polling) for its answer; false on timeout or quit.
bool PlaybackEngine::requestAndWait(Request kind, std::int64_t sample, std::int64_t& ack) {
  m_requestKind.store(static_cast<int>(kind), std::memory_order_relaxed);
  m_requestSample.store(sample, std::memory_order_relaxed);
  const std::uint32_t epoch = m_requestEpoch.load(std::memory_order_relaxed) + 1;
  m_requestEpoch.store(epoch, std::memory_order_release);
  const std::int64_t deadline = nowNs() + (m_options.testDriven ? kTestAckTimeoutNs : kAckTimeoutNs);
  while (m_ackEpoch.load(std::memory_order_acquire) != epoch) {
    if (m_quit.load() || nowNs() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  ack = m_ackSample.load(std::memory_order_relaxed);
  return true;
}

// Watchdog and retry: called by the worker every loop.
void PlaybackEngine::checkDevice() {
  if (m_options.testDriven) return;
  const std::int64_t now = nowNs();
  if (m_output == nullptr) {
    if (m_options.useDevice && now >= m_nextRetryNs) tryOpenDevice();
    return;
  }
  if (m_output->failed()) {
    deviceLost("the stream stopped");
    return;
  }
  const std::uint64_t calls = m_callbacks.load(std::memory_order_relaxed);
  if (calls != m_watchCallbacks) {
    m_watchCallbacks = calls;
    m_watchNs = now;
  } else if (now - m_watchNs > kWatchdogNs) {
    deviceLost("no callback for 0.5 s");
  }
}

void PlaybackEngine::tryOpenDevice() {
  m_nextRetryNs = nowNs() + kRetryNs;
  auto opened = device::AudioOutput::open(m_options.device, m_options.bufferFrames, &PlaybackEngine::deviceCallback, this);
  if (opened.ok()) {
    m_cbEpoch = m_requestEpoch.load();  // no callback runs yet: nothing pending for it
    m_consume.store(false);
    m_latencyFrames.store(static_cast<std::int64_t>(opened.value()->outputLatencySeconds() * kRate + 0.5));
    auto started = opened.value()->start();
    if (started.ok()) {
      m_output = std::move(opened.value());
      m_watchCallbacks = m_callbacks.load();
      m_watchNs = nowNs();
      m_deviceLive.store(true);
      m_reportedNoDevice = false;
      base::log(base::LogLevel::Info, "playback: sound on " + m_output->deviceName());
      std::lock_guard lock(m_mutex);
      m_deviceName = m_output->deviceName();
      if (m_playing.load()) startLocked(position());  // move the running playback onto the device
      return;
    }
    opened = started.error();
  }
  if (!m_reportedNoDevice) {
    base::log(base::LogLevel::Info, "playback: no sound device (" + opened.error().message + "); playing on the system clock");
    m_reportedNoDevice = true;
  }
}

// The device stopped: close it and carry the clock on from where the device clock would be now.
void PlaybackEngine::deviceLost(const char* why) {
  const std::int64_t carried = std::max(deviceClock(false), m_floorSample.load());
  base::log(base::LogLevel::Warning, "playback: sound device " + (m_output ? m_output->deviceName() : std::string()) + " lost (" + why + "); continuing on the system clock");
  closeOutput();
  m_nextRetryNs = nowNs() + kRetryNs;
  std::lock_guard lock(m_mutex);
  if (m_playing.load() && static_cast<Clock>(m_clock.load()) == Clock::Device) {
    m_anchorSample.store(carried);
    m_anchorNs.store(nowNs());
    m_clock.store(static_cast<int>(Clock::System));
    m_writeSample = carried;
  }
}

// Stops and drops the device; afterwards no callback runs, so the worker may reset callback state.
void PlaybackEngine::closeOutput() {
  m_consume.store(false);
  m_deviceLive.store(false);
  if (m_output) {
    m_output->stop();
    m_output.reset();
  }
  m_cbEpoch = m_requestEpoch.load();
  m_ring.clear();
  std::lock_guard lock(m_mutex);
  m_deviceName.clear();
}

}  // namespace postline::audio
