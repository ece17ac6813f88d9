#include "core/audio/playback_engine.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/audio/device/audio_output.h"
#include "core/audio/rt_guard.h"

namespace postline::audio {
namespace {

constexpr std::int64_t kRate = 48000;

std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t nsToFrames(std::int64_t ns) { return ns * kRate / 1'000'000'000; }

PlaybackEngine::Options sanitised(PlaybackEngine::Options o) {
  o.bufferFrames = std::max(o.bufferFrames, 16);
  o.blockFrames = std::max(o.blockFrames, 16);
  o.ringFrames = std::max(o.ringFrames, 4 * o.blockFrames + 4 * o.bufferFrames);
  if (o.testDriven) o.useDevice = false;
  return o;
}

}  // namespace

PlaybackEngine::PlaybackEngine(Options options)
    : m_options(sanitised(std::move(options))), m_ring(m_options.ringFrames) {
  m_fillLow.store(m_ring.capacity());
  m_block.resize(static_cast<std::size_t>(m_options.blockFrames) * SpscRing::kChannels);
  if (m_options.useDevice) tryOpenDevice();  // first attempt here so hasDevice() is settled
  m_worker = std::thread([this] { workerLoop(); });
}

PlaybackEngine::~PlaybackEngine() {
  {
    std::lock_guard lock(m_mutex);
    m_quit.store(true);
  }
  m_wake.notify_all();
  if (m_worker.joinable()) m_worker.join();
  closeOutput();
}

void PlaybackEngine::setSource(std::shared_ptr<BlockSource> source) {
  {
    std::lock_guard lock(m_mutex);
    m_pendingSource = std::move(source);
    m_sourceChanged = true;
  }
  m_wake.notify_all();
}

void PlaybackEngine::startLocked(std::int64_t fromSample) {
  m_consume.store(false);
  m_clock.store(static_cast<int>(Clock::Held));
  m_heldSample.store(fromSample);
  m_floorSample.store(fromSample);
  m_playing.store(true);
  m_restartPending = true;
  m_restartAt = fromSample;
  ++m_command;
}

void PlaybackEngine::play(std::int64_t fromSample) {
  {
    std::lock_guard lock(m_mutex);
    startLocked(fromSample);
  }
  m_wake.notify_all();
}

void PlaybackEngine::pause() {
  std::lock_guard lock(m_mutex);
  if (!m_playing.load()) return;
  const std::int64_t at = position();
  m_consume.store(false);
  m_heldSample.store(at);
  m_clock.store(static_cast<int>(Clock::Held));
  m_playing.store(false);
  m_restartPending = false;
  ++m_command;
}

void PlaybackEngine::seek(std::int64_t sample) {
  {
    std::lock_guard lock(m_mutex);
    if (m_playing.load()) {
      startLocked(sample);
    } else {
      m_heldSample.store(sample);
      ++m_command;
    }
  }
  m_wake.notify_all();
}

bool PlaybackEngine::playing() const { return m_playing.load(); }

std::int64_t PlaybackEngine::position() const {
  if (!m_playing.load()) return m_heldSample.load();
  switch (static_cast<Clock>(m_clock.load())) {
    case Clock::Held:
      return m_heldSample.load();
    case Clock::System:
      return m_anchorSample.load() + nsToFrames(nowNs() - m_anchorNs.load());
    case Clock::Device:
      return std::max(deviceClock(true), m_floorSample.load());
  }
  return m_heldSample.load();
}

// Audible sample from the last callback: its first frame + the time since (capped at the frames it
// consumed unless `capped` is false) - output latency.
std::int64_t PlaybackEngine::deviceClock(bool capped) const {
  std::int64_t sample = 0, ns = 0, frames = 0;
  readPublished(sample, ns, frames);
  std::int64_t elapsed = std::max<std::int64_t>(0, nsToFrames(nowNs() - ns));
  if (capped) elapsed = std::min(elapsed, frames);
  return sample + elapsed - m_latencyFrames.load();
}

bool PlaybackEngine::hasDevice() const { return m_deviceLive.load(); }

std::string PlaybackEngine::deviceName() const {
  std::lock_guard lock(m_mutex);
  return m_deviceName;
}

std::uint64_t PlaybackEngine::underruns() const { return m_underruns.load(); }
std::uint64_t PlaybackEngine::callbacks() const { return m_callbacks.load(); }
int PlaybackEngine::ringFillLow() const { return m_fillLow.load(); }

void PlaybackEngine::renderForTest(float* interleaved, int frames) { deviceCallback(this, interleaved, static_cast<unsigned long>(frames)); }

// ---- device callback (real time: no lock, allocation, log or I/O) ----

void PlaybackEngine::deviceCallback(void* self, float* interleaved, unsigned long frames) {
  AudioCallbackScope scope;
  static_cast<PlaybackEngine*>(self)->onCallback(interleaved, static_cast<int>(frames));
}

void PlaybackEngine::onCallback(float* out, int frames) {
  m_callbacks.fetch_add(1, std::memory_order_relaxed);
  handleRequest();
  if (!m_consume.load(std::memory_order_acquire)) {
    std::memset(out, 0, sizeof(float) * SpscRing::kChannels * static_cast<std::size_t>(frames));
    return;
  }
  const int fill = m_ring.available();
  int low = m_fillLow.load(std::memory_order_relaxed);
  while (fill < low && !m_fillLow.compare_exchange_weak(low, fill, std::memory_order_relaxed)) {
  }
  const std::int64_t now = nowNs();
  const int got = m_ring.read(out, frames);
  if (got < frames) {
    std::memset(out + got * SpscRing::kChannels, 0, sizeof(float) * SpscRing::kChannels * static_cast<std::size_t>(frames - got));
    m_underruns.fetch_add(1, std::memory_order_relaxed);
  }
  publish(m_cbSample, now, got);
  m_cbSample += got;
}

// Answers the worker's pending Restart/Splice request, if any (the worker writes nothing meanwhile).
void PlaybackEngine::handleRequest() {
  const std::uint32_t epoch = m_requestEpoch.load(std::memory_order_acquire);
  if (epoch == m_cbEpoch) return;
  const std::int64_t sample = m_requestSample.load(std::memory_order_relaxed);
  if (m_requestKind.load(std::memory_order_relaxed) == static_cast<int>(Request::Restart)) {
    m_ring.clear();
    m_cbSample = sample;
    publish(sample, nowNs(), 0);
  } else if (sample >= m_cbSample) {
    m_ring.truncateWhileProducerParked(static_cast<int>(std::min<std::int64_t>(sample - m_cbSample, m_ring.capacity())));
  }  // else: already past the splice point, keep the queue (the change is heard after it)
  m_ackSample.store(m_cbSample + m_ring.available(), std::memory_order_relaxed);
  m_cbEpoch = epoch;
  m_ackEpoch.store(epoch, std::memory_order_release);
}

void PlaybackEngine::publish(std::int64_t sample, std::int64_t ns, std::int64_t frames) {
  const std::uint32_t seq = m_pubSeq.load(std::memory_order_relaxed);
  m_pubSeq.store(seq + 1, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_release);
  m_pubSample.store(sample, std::memory_order_relaxed);
  m_pubNs.store(ns, std::memory_order_relaxed);
  m_pubFrames.store(frames, std::memory_order_relaxed);
  m_pubSeq.store(seq + 2, std::memory_order_release);
}

void PlaybackEngine::readPublished(std::int64_t& sample, std::int64_t& ns, std::int64_t& frames) const {
  for (;;) {
    const std::uint32_t before = m_pubSeq.load(std::memory_order_acquire);
    sample = m_pubSample.load(std::memory_order_relaxed);
    ns = m_pubNs.load(std::memory_order_relaxed);
    frames = m_pubFrames.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if ((before & 1U) == 0 && m_pubSeq.load(std::memory_order_relaxed) == before) return;
  }
}

}  // namespace postline::audio
