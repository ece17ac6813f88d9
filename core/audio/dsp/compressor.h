#pragma once
// Feed-forward, stereo-linked compressor with a soft knee (Giannoulis, Massberg & Reiss,
// "Digital Dynamic Range Compressor Design", JAES 2012), gain computed in the log domain.
#include "core/model/audio_params.h"

namespace postline::audio::dsp {

// Static curve: the output level in dB for a steady input level `inputDb` (dBFS), with the knee of
// width kneeDb centred on the threshold (quadratic inside it) and makeupDb added. Ratio is
// clamped to >= 1, knee to >= 0. Ignores c.enabled.
double compressorCurveDb(const model::Compressor& c, double inputDb);

class StereoCompressor {
 public:
  // Samples per detector step (0.33 ms at 48 kHz): far below any attack or release time.
  static constexpr int kSubBlock = 16;

  // Parameters and `sampleRate` (Hz). Keeps the detector state (a parameter move does not click).
  // Allocates nothing.
  void configure(const model::Compressor& c, double sampleRate);
  // Compresses `frames` (>= 0) planar samples in place. Level = max(|L|, |R|) in dB, taken per
  // sub-block of kSubBlock samples (the gain moves linearly across each); the wanted
  // gain reduction goes through a peak detector (instant rise, one-pole release of releaseMs) and
  // then a branching smoother (one-pole attack of attackMs; falls with the peak detector), so a
  // step reaches 1 - 1/e of its final reduction in attackMs and recovers 1 - 1/e in releaseMs.
  // Disabled: the samples are untouched. Real-time safe.
  void process(float* left, float* right, int frames);
  // Forgets the detector state (no reduction).
  void reset();
  // Current gain reduction in dB (>= 0; makeup not included), for meters.
  double gainReductionDb() const { return m_enabled ? m_reduction : 0.0; }

 private:
  bool m_enabled = false;
  double m_threshold = -12.0;
  double m_slope = 0.5;  // 1/ratio - 1, <= 0
  double m_knee = 6.0;
  double m_makeupDb = 0.0;
  double m_attackCoeff = 0.0;   // exp(-1 / (attack * rate))
  double m_releaseCoeff = 0.0;  // exp(-1 / (release * rate))
  double m_peak = 0.0;          // peak-detected wanted reduction, dB
  double m_reduction = 0.0;     // smoothed reduction, dB
  double m_gain = 1.0;          // linear gain at the end of the last sub-block
  double m_attackStep = 0.0;    // the coefficients over one sub-block (kSubBlock samples)
  double m_releaseStep = 0.0;
  double m_kneeStart = 0.0;     // linear level below which no reduction is wanted
};

}  // namespace postline::audio::dsp
