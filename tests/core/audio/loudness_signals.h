#pragma once
// Synthetic test signals for the loudness tests (EBU Tech 3341 / 3342 definitions): 1 kHz sines
// at stated levels in dBFS (peak amplitude 10^(dB/20); a 0 dBFS sine peaks at 1.0), 48 kHz.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

namespace postline::audio::loudness::testsig {

inline constexpr int kRate = 48000;

// One segment of a tone sequence: `seconds` at `dbfs`.
struct Tone {
  double dbfs;
  double seconds;
};

inline double amplitude(double dbfs) { return std::pow(10.0, dbfs / 20.0); }

// A sine of `hz` through the segments (phase continuous: sample n is sin(2 pi hz n / fs + phase)),
// one channel.
inline std::vector<float> sine(const std::vector<Tone>& tones, double hz = 1000.0, double phaseDeg = 0.0) {
  std::vector<float> out;
  std::int64_t n = 0;
  for (const Tone& t : tones) {
    const auto count = static_cast<std::int64_t>(std::llround(t.seconds * kRate));
    const double a = amplitude(t.dbfs);
    for (std::int64_t i = 0; i < count; ++i, ++n) {
      out.push_back(static_cast<float>(a * std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(n) / kRate +
                                                    phaseDeg * std::numbers::pi / 180.0)));
    }
  }
  return out;
}

// Raised-cosine fade in and out over `seconds` at both ends of one channel.
inline void fadeEnds(std::vector<float>& channel, double seconds) {
  const auto n = static_cast<std::size_t>(seconds * kRate);
  for (std::size_t i = 0; i < n && i < channel.size(); ++i) {
    const auto g = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * static_cast<double>(i) / static_cast<double>(n)));
    channel[i] *= g;
    channel[channel.size() - 1 - i] *= g;
  }
}

// Interleaves equally long channels.
inline std::vector<float> interleave(const std::vector<std::vector<float>>& channels) {
  std::vector<float> out(channels.size() * channels.front().size());
  for (std::size_t c = 0; c < channels.size(); ++c) {
    for (std::size_t i = 0; i < channels[c].size(); ++i) out[i * channels.size() + c] = channels[c][i];
  }
  return out;
}

// The same 1 kHz tone sequence on both channels of a stereo signal (interleaved).
inline std::vector<float> stereoTones(const std::vector<Tone>& tones) {
  const std::vector<float> mono = sine(tones);
  return interleave({mono, mono});
}

// Repeats a pattern of segments `times` times.
inline std::vector<Tone> repeat(int times, const std::vector<Tone>& pattern) {
  std::vector<Tone> out;
  for (int i = 0; i < times; ++i) out.insert(out.end(), pattern.begin(), pattern.end());
  return out;
}

}  // namespace postline::audio::loudness::testsig
