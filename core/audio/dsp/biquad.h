#pragma once
// Second-order IIR sections designed with the RBJ Audio EQ Cookbook (bilinear transform with the
// centre/corner frequency pre-warped), run in transposed direct form II with double state.
#include "core/model/audio_params.h"

namespace postline::audio::dsp {

// Coefficients of H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2) (a0 normalised to 1).
struct BiquadCoeffs {
  double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;

  friend bool operator==(const BiquadCoeffs&, const BiquadCoeffs&) = default;
};

// Cookbook design of `band` at `sampleRate` Hz: Peak (peakingEQ), Notch, LowShelf/HighShelf (q is
// the cookbook's Q), HighPass, LowPass. A disabled band gives the identity. The frequency is
// clamped to [1 Hz, 0.49 * sampleRate], q to [0.01, 1000].
BiquadCoeffs designBand(const model::EqBand& band, double sampleRate);

// |H(e^jw)| in dB at freqHz (0 .. sampleRate/2 included); -400 dB where the response is 0.
double magnitudeDb(const BiquadCoeffs& c, double freqHz, double sampleRate);

// One biquad channel: transposed direct form II, double-precision state, float in/out.
class Biquad {
 public:
  // New coefficients; the state is kept (no click when a band is moved while playing).
  void set(const BiquadCoeffs& c) { m_c = c; }
  // One sample through the filter. Real-time safe.
  float process(float x) {
    const double in = x;
    const double y = m_c.b0 * in + m_s1;
    m_s1 = m_c.b1 * in - m_c.a1 * y + m_s2;
    m_s2 = m_c.b2 * in - m_c.a2 * y;
    return static_cast<float>(y);
  }
  // Clears the state (silence in the past).
  void reset() { m_s1 = m_s2 = 0.0; }
  // Sets tiny state values (|s| < 1e-30) to 0 so a decaying tail never runs into denormals.
  void flushDenormals();
  // The coefficients in use.
  const BiquadCoeffs& coeffs() const { return m_c; }

 private:
  BiquadCoeffs m_c;
  double m_s1 = 0.0;
  double m_s2 = 0.0;
};

}  // namespace postline::audio::dsp
