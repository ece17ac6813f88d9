#pragma once
// Kaiser window and normalised sinc, shared by the interpolators (limiter, varispeed).
#include <cmath>
#include <numbers>

namespace postline::audio::dsp {

// Modified Bessel function of the first kind, order 0 (power series; |x| <= ~50).
inline double besselI0(double x) {
  double sum = 1.0, term = 1.0;
  const double q = x * x / 4.0;
  for (int k = 1; k < 200 && term > sum * 1e-17; ++k) {
    term *= q / (static_cast<double>(k) * k);
    sum += term;
  }
  return sum;
}

// Kaiser window at u in [-1, 1] (0 outside), shape beta (> 0).
inline double kaiser(double u, double beta) {
  if (u <= -1.0 || u >= 1.0) return 0.0;
  return besselI0(beta * std::sqrt(1.0 - u * u)) / besselI0(beta);
}

// sin(pi x) / (pi x), 1 at 0.
inline double sinc(double x) {
  if (std::abs(x) < 1e-12) return 1.0;
  const double px = std::numbers::pi * x;
  return std::sin(px) / px;
}

}  // namespace postline::audio::dsp
