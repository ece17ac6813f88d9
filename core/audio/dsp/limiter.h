#pragma once
// Look-ahead true-peak limiter for the master bus. Inter-sample peaks of the input are found by
// 4x polyphase oversampling (as ITU-R BS.1770-4 Annex 2; here 48 taps per phase, Kaiser-windowed
// sinc, refined by a parabola through the oversampled points) and by a copy of libebur128's own
// 4x filter (which over-reads high frequencies); the larger reading counts. The required gain is
// held over the look-ahead window (sliding minimum), released exponentially and ramped in by a
// moving average, so the gain is already down when a peak leaves the delay line.
// Limit: content above ~18 kHz is under-read a little (an ideal reconstruction of a limited
// 20 kHz tone reads up to 0.09 dB over the ceiling; libebur128 reads it under).
#include <array>
#include <cstdint>
#include <vector>

namespace postline::audio::dsp {

class TruePeakLimiter {
 public:
  // Ceiling in dBTP (the output's true peak stays <= ceilingDbtp; the limiter aims 0.05 dB under
  // it), sampleRate in Hz (>= 8000), release time constant in ms (> 0). Allocates the delay lines
  // and resets the state; call off the audio thread.
  void configure(double ceilingDbtp, double sampleRate, double releaseMs = 60.0);
  // Delay of the output in samples: round(1.5 ms * rate), at least 40 (72 at 48 kHz).
  int latency() const { return m_latency; }
  // Limits `frames` (>= 0) planar samples in place; the output is the input delayed by latency()
  // times a gain <= 1, exactly 1 while the input's true peak stays under the target.
  // Real-time safe. Does nothing before configure().
  void process(float* left, float* right, int frames);
  // Silence in the delay lines, gain 1.
  void reset();
  // Gain reduction in dB (>= 0) applied to the last output sample, for meters.
  double gainReductionDb() const;

  // Taps per polyphase branch of the 4x interpolator (even; half of it is the detector's delay).
  static constexpr int kTapsPerPhase = 48;

 private:
  static constexpr int kSub = 32;             // samples interpolated as one block
  void interpolate(std::int64_t k0);
  double detectPeak(std::int64_t k, int i);   // true-peak estimate of input samples [k, k+1)
  void outputSample(std::int64_t k, double peakNow, float& left, float& right);
  double holdMin(std::int64_t k, double r);   // sliding minimum of the required gain
  double smoothGain(double held);             // release, then the moving average
  float hist(int ch, std::int64_t i) const { return m_hist[ch][static_cast<std::size_t>(i) & m_histMask]; }

  std::array<std::array<float, kTapsPerPhase>, 3> m_fir{};  // phases 1/4, 1/2, 3/4
  std::array<std::array<float, 16>, 3> m_meterFir{};        // the same, as libebur128 filters
  std::array<std::vector<float>, 2> m_hist;  // input history per channel, mirrored ring
  std::size_t m_histMask = 0;
  std::vector<std::int64_t> m_minIdx;  // monotonic deque (ring) of the sliding minimum
  std::vector<double> m_minVal;
  std::size_t m_minMask = 0, m_minHead = 0, m_minTail = 0;
  std::vector<double> m_box;  // last m_boxLen released gains
  int m_boxPos = 0, m_boxLen = 1, m_boxBelow = 0;
  double m_boxSum = 1.0;
  double m_firBound = 1.5;      // most the detector reads per unit of input (FIR sums x parabola cap)
  std::array<std::array<std::array<float, kSub>, 3>, 2> m_phase{};       // [channel][phase][k - k0]
  std::array<std::array<std::array<float, kSub>, 3>, 2> m_meterPhase{};
  double m_target = 1.0;        // linear true-peak target (ceiling - 0.05 dB)
  double m_releaseCoeff = 0.0;
  double m_released = 1.0;
  double m_gain = 1.0;          // gain of the last output sample
  double m_prevPeak = 0.0;      // detectPeak(k - 1)
  std::array<double, 2> m_prevQuarter{};  // interpolated value at k - 1/4, per channel
  std::int64_t m_n = 0;         // input samples seen
  int m_latency = 0, m_guard = 4, m_hold = 0;
};

}  // namespace postline::audio::dsp
