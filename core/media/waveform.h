#pragma once
// Waveform peaks: min/max of the decoded stereo signal per bucket, at several zoom levels.
#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

#include "core/base/result.h"

namespace postline::media {

class AudioDecoder;

// Lowest and highest sample value inside one bucket.
struct Peak {
  float min = 0.0f;
  float max = 0.0f;

  friend bool operator==(const Peak&, const Peak&) = default;
};

// One zoom level. Bucket i covers 48 kHz samples [i * samplesPerBucket, (i + 1) * samplesPerBucket)
// (the last bucket may be partial). Left and right are kept separately (per channel).
struct WaveformLevel {
  std::int64_t samplesPerBucket = 0;
  std::vector<Peak> left;
  std::vector<Peak> right;

  friend bool operator==(const WaveformLevel&, const WaveformLevel&) = default;
};

// Buckets of the levels, finest first; each level is derived from the one before (x4).
inline constexpr std::array<std::int64_t, 4> kWaveformBuckets = {256, 1024, 4096, 16384};

// Peaks of one file's audio at every level of kWaveformBuckets.
struct Waveform {
  std::int64_t length = 0;           // 48 kHz samples covered
  std::vector<WaveformLevel> levels; // finest first

  // The coarsest level whose buckets are not larger than `samplesPerPixel` (finest if none).
  const WaveformLevel* levelFor(double samplesPerPixel) const;

  friend bool operator==(const Waveform&, const Waveform&) = default;
};

// Accumulates samples from position 0 onwards and builds the levels.
class WaveformBuilder {
 public:
  // Appends `count` samples of each channel (the next positions in order).
  void add(const float* left, const float* right, std::size_t count);
  // The finished waveform (levels derived from the finest); the builder is left empty.
  Waveform finish();

 private:
  void closeBucket();

  WaveformLevel m_finest{kWaveformBuckets[0], {}, {}};
  Peak m_curLeft;
  Peak m_curRight;
  std::int64_t m_inBucket = 0;
  std::int64_t m_length = 0;
};

// Derives a coarser level by merging `factor` buckets of `fine` into one.
WaveformLevel coarsen(const WaveformLevel& fine, std::int64_t factor);

// Decodes the whole of `decoder`'s audio from 0 and computes its waveform. Stops with
// InvalidArgument ("cancelled") when `cancel` becomes true.
base::Result<Waveform> computeWaveform(AudioDecoder& decoder, const std::atomic<bool>* cancel = nullptr);

}  // namespace postline::media
