#pragma once
// Constant-power panning, normalised so the centre leaves both channels untouched.
#include <algorithm>
#include <cmath>
#include <numbers>

namespace postline::audio::dsp {

// Gains applied to the left and right channel of a stereo pair.
struct PanGains {
  float left = 1;
  float right = 1;
};

// pan in [-1 (hard left), +1 (hard right)], both ends included, clamped outside:
// theta = (pan + 1) pi / 4, left = sqrt(2) cos(theta), right = sqrt(2) sin(theta).
// Centre gives (1, 1), hard left (sqrt 2, 0), hard right (0, sqrt 2); left^2 + right^2 == 2.
inline PanGains panGains(double pan) {
  if (!(pan == pan)) pan = 0.0;  // NaN reads as centre
  const double p = std::clamp(pan, -1.0, 1.0);
  if (p == 0.0) return {1.0f, 1.0f};
  const double theta = (p + 1.0) * std::numbers::pi / 4.0;
  const double left = p == 1.0 ? 0.0 : std::numbers::sqrt2 * std::cos(theta);
  const double right = p == -1.0 ? 0.0 : std::numbers::sqrt2 * std::sin(theta);
  return {static_cast<float>(left), static_cast<float>(right)};
}

}  // namespace postline::audio::dsp
