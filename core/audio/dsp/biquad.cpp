#include "core/audio/dsp/biquad.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace postline::audio::dsp {
namespace {

// Raw (un-normalised) cookbook coefficients: b0 b1 b2 a0 a1 a2.
struct Raw {
  double b0, b1, b2, a0, a1, a2;
};

Raw shelf(bool low, double A, double cw, double sw, double q) {
  const double k = sw * std::sqrt(A) / q;  // 2 sqrt(A) alpha with alpha = sin(w0) / (2Q)
  const double s = low ? 1.0 : -1.0;       // the high shelf flips the sign of the cos terms
  const double ap = A + 1.0, am = A - 1.0;
  return {A * (ap - s * am * cw + k), s * 2.0 * A * (am - s * ap * cw), A * (ap - s * am * cw - k),
          ap + s * am * cw + k,       -s * 2.0 * (am + s * ap * cw),   ap + s * am * cw - k};
}

Raw rawCoeffs(const model::EqBand& band, double w0) {
  const double cw = std::cos(w0), sw = std::sin(w0);
  const double q = std::clamp(band.q, 0.01, 1000.0);
  const double alpha = sw / (2.0 * q);
  const double A = std::pow(10.0, band.gainDb / 40.0);
  switch (band.type) {
    case model::EqBandType::Peak:
      return {1 + alpha * A, -2 * cw, 1 - alpha * A, 1 + alpha / A, -2 * cw, 1 - alpha / A};
    case model::EqBandType::Notch:
      return {1, -2 * cw, 1, 1 + alpha, -2 * cw, 1 - alpha};
    case model::EqBandType::LowShelf:
      return shelf(true, A, cw, sw, q);
    case model::EqBandType::HighShelf:
      return shelf(false, A, cw, sw, q);
    case model::EqBandType::HighPass:
      return {(1 + cw) / 2, -(1 + cw), (1 + cw) / 2, 1 + alpha, -2 * cw, 1 - alpha};
    case model::EqBandType::LowPass:
      return {(1 - cw) / 2, 1 - cw, (1 - cw) / 2, 1 + alpha, -2 * cw, 1 - alpha};
  }
  return {1, 0, 0, 1, 0, 0};
}

}  // namespace

BiquadCoeffs designBand(const model::EqBand& band, double sampleRate) {
  if (!band.enabled || !(sampleRate > 0.0)) return {};
  const double f = std::clamp(band.frequencyHz, 1.0, 0.49 * sampleRate);
  const Raw r = rawCoeffs(band, 2.0 * std::numbers::pi * f / sampleRate);
  return {r.b0 / r.a0, r.b1 / r.a0, r.b2 / r.a0, r.a1 / r.a0, r.a2 / r.a0};
}

double magnitudeDb(const BiquadCoeffs& c, double freqHz, double sampleRate) {
  const double w = 2.0 * std::numbers::pi * freqHz / sampleRate;
  const std::complex<double> z1 = std::polar(1.0, -w), z2 = z1 * z1;
  const std::complex<double> num = c.b0 + c.b1 * z1 + c.b2 * z2;
  const std::complex<double> den = 1.0 + c.a1 * z1 + c.a2 * z2;
  const double mag = std::abs(num) / std::abs(den);
  return mag > 1e-20 ? 20.0 * std::log10(mag) : -400.0;
}

void Biquad::flushDenormals() {
  if (std::abs(m_s1) < 1e-30) m_s1 = 0.0;
  if (std::abs(m_s2) < 1e-30) m_s2 = 0.0;
}

}  // namespace postline::audio::dsp
