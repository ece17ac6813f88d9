#pragma once
// Lock-free single-producer single-consumer ring of interleaved stereo float32 frames.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <vector>

namespace postline::audio {

// Fixed-capacity SPSC ring. One thread writes (producer), one reads (consumer); neither blocks,
// allocates or locks after construction. Indices are monotonic 64-bit frame counters published
// with release and read with acquire, so a frame's samples are visible before its index.
class SpscRing {
 public:
  static constexpr int kChannels = 2;

  // capacityFrames > 0, rounded up to a power of two (allocates here only).
  explicit SpscRing(int capacityFrames) {
    std::uint64_t cap = 1;
    while (cap < static_cast<std::uint64_t>(std::max(capacityFrames, 1))) cap <<= 1;
    m_mask = cap - 1;
    m_data.assign(cap * kChannels, 0.0f);
  }

  // Capacity in frames (a power of two).
  int capacity() const { return static_cast<int>(m_mask + 1); }

  // Frames ready to read (either side may ask; exact on the consumer side, a lower bound elsewhere).
  int available() const {
    return static_cast<int>(m_write.load(std::memory_order_acquire) - m_read.load(std::memory_order_acquire));
  }

  // Frames that can be written (exact on the producer side, a lower bound elsewhere).
  int freeFrames() const { return capacity() - available(); }

  // Producer: copies up to `frames` interleaved frames; returns the number written (0..frames).
  int write(const float* interleaved, int frames) {
    const std::uint64_t w = m_write.load(std::memory_order_relaxed);
    const std::uint64_t r = m_read.load(std::memory_order_acquire);
    const int n = std::min(frames, capacity() - static_cast<int>(w - r));
    if (n <= 0) return 0;
    copyIn(w, interleaved, n);
    m_write.store(w + static_cast<std::uint64_t>(n), std::memory_order_release);
    return n;
  }

  // Consumer: copies up to `frames` frames out; returns the number read (0..frames).
  int read(float* interleaved, int frames) {
    const std::uint64_t r = m_read.load(std::memory_order_relaxed);
    const std::uint64_t w = m_write.load(std::memory_order_acquire);
    const int n = std::min(frames, static_cast<int>(w - r));
    if (n <= 0) return 0;
    copyOut(r, interleaved, n);
    m_read.store(r + static_cast<std::uint64_t>(n), std::memory_order_release);
    return n;
  }

  // Consumer side (or both stopped): drops everything queued.
  void clear() { m_read.store(m_write.load(std::memory_order_acquire), std::memory_order_release); }

  // Consumer side, ONLY while the producer is parked (it writes nothing until the consumer
  // signals it by a release store it then acquires): keeps the first `keepFrames` queued frames
  // (clamped to [0, available]) and drops the rest. Returns the frames kept.
  int truncateWhileProducerParked(int keepFrames) {
    const std::uint64_t r = m_read.load(std::memory_order_relaxed);
    const std::uint64_t w = m_write.load(std::memory_order_acquire);
    const int keep = std::clamp(keepFrames, 0, static_cast<int>(w - r));
    m_write.store(r + static_cast<std::uint64_t>(keep), std::memory_order_release);
    return keep;
  }

 private:
  void copyIn(std::uint64_t at, const float* src, int frames) {
    const int start = static_cast<int>(at & m_mask);
    const int first = std::min(frames, capacity() - start);
    std::memcpy(&m_data[static_cast<std::size_t>(start) * kChannels], src, sizeof(float) * kChannels * first);
    if (frames > first) std::memcpy(m_data.data(), src + first * kChannels, sizeof(float) * kChannels * (frames - first));
  }
  void copyOut(std::uint64_t at, float* dst, int frames) const {
    const int start = static_cast<int>(at & m_mask);
    const int first = std::min(frames, capacity() - start);
    std::memcpy(dst, &m_data[static_cast<std::size_t>(start) * kChannels], sizeof(float) * kChannels * first);
    if (frames > first) std::memcpy(dst + first * kChannels, m_data.data(), sizeof(float) * kChannels * (frames - first));
  }

  std::vector<float> m_data;
  std::uint64_t m_mask = 0;
  alignas(64) std::atomic<std::uint64_t> m_write{0};
  alignas(64) std::atomic<std::uint64_t> m_read{0};
};

}  // namespace postline::audio
