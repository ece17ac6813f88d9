#pragma once
// Stereo parametric EQ: up to kMaxEqBands cookbook biquads in series on each channel.
#include <array>
#include <vector>

#include "core/audio/dsp/biquad.h"
#include "core/model/audio_params.h"

namespace postline::audio::dsp {

// Most bands a StereoEq runs; further bands of a configuration are ignored.
using model::kMaxEqBands;

class StereoEq {
 public:
  // Takes the first kMaxEqBands of `bands` at `sampleRate` Hz. Only bands that changed (or all,
  // when the rate changed) get new coefficients; every band keeps its filter state. Allocates
  // nothing, so it may run between two process() calls on the audio thread.
  void configure(const std::vector<model::EqBand>& bands, double sampleRate);
  // Filters `frames` (>= 0) planar samples of each channel in place. Real-time safe.
  void process(float* left, float* right, int frames);
  // Clears every band's state.
  void reset();
  // True when at least one configured band is enabled (process() is a no-op otherwise).
  bool active() const { return m_activeCount > 0; }

 private:
  std::array<model::EqBand, kMaxEqBands> m_bands{};
  // Both channels of a band run as one 2-lane vector (the same coefficients, state per lane).
  using Lanes = double __attribute__((vector_size(16)));
  void flushDenormals();
  template <int N>
  void run(float* left, float* right, int frames);
  std::array<BiquadCoeffs, kMaxEqBands> m_coeffs{};
  std::array<Lanes, kMaxEqBands> m_s1{};
  std::array<Lanes, kMaxEqBands> m_s2{};
  std::array<int, kMaxEqBands> m_active{};  // indices of enabled bands, in order
  int m_count = 0;                          // configured bands (<= kMaxEqBands)
  int m_activeCount = 0;
  double m_rate = 0.0;
};

}  // namespace postline::audio::dsp
