#include "core/audio/dsp/spectrum.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <complex>
#include <numbers>

#include "core/audio/dsp/fft.h"

namespace postline::audio::dsp {
namespace {

// Median of spec over bins [k 2^-1/3, k 2^1/3], bin 0 left out.
double runningMedian(const std::vector<double>& spec, std::size_t k, std::vector<double>& scratch) {
  const double third = std::pow(2.0, 1.0 / 3.0);
  const auto lo = std::max<std::size_t>(1, static_cast<std::size_t>(std::floor(k / third)));
  const auto hi = std::min(spec.size() - 1, static_cast<std::size_t>(std::ceil(k * third)));
  scratch.assign(spec.begin() + static_cast<std::ptrdiff_t>(lo), spec.begin() + static_cast<std::ptrdiff_t>(hi) + 1);
  const auto mid = scratch.begin() + static_cast<std::ptrdiff_t>(scratch.size() / 2);
  std::nth_element(scratch.begin(), mid, scratch.end());
  return *mid;
}

// Frequency (Hz) where the spectrum falls `drop` dB under `level` walking from bin k by `dir`,
// linear between bins; the last bin's frequency if it never does.
double crossing(const std::vector<double>& spec, std::size_t k, int dir, double level, double binHz) {
  std::size_t i = k;
  while (true) {
    const std::size_t next = dir > 0 ? i + 1 : i - 1;
    if ((dir < 0 && i == 0) || next >= spec.size()) return static_cast<double>(i) * binHz;
    if (spec[next] <= level) {
      const double t = (spec[i] - level) / (spec[i] - spec[next]);
      return (static_cast<double>(i) + dir * t) * binHz;
    }
    i = next;
  }
}

struct Vertex {
  double offset = 0.0;  // bins from the centre bin
  double level = 0.0;   // dB
};

// Least-squares parabola through spec[first..last] (at least 3 bins); its vertex, kept within
// the bins fitted (the centre bin's value when the fit has no maximum there).
Vertex fitParabola(const std::vector<double>& spec, std::size_t first, std::size_t last, std::size_t centre) {
  double s[5] = {}, sy[3] = {};
  for (std::size_t k = first; k <= last; ++k) {
    const double t = static_cast<double>(k) - static_cast<double>(centre), y = spec[k];
    double p = 1.0;
    for (int i = 0; i < 5; ++i, p *= t) {
      s[i] += p;
      if (i < 3) sy[i] += p * y;
    }
  }
  // Normal equations [s0 s1 s2; s1 s2 s3; s2 s3 s4] (a b c) = (sy0 sy1 sy2), by Cramer's rule.
  auto det3 = [](double a, double b, double c, double d, double e, double f, double g, double h, double i) {
    return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  };
  const double d = det3(s[0], s[1], s[2], s[1], s[2], s[3], s[2], s[3], s[4]);
  const double a = det3(sy[0], s[1], s[2], sy[1], s[2], s[3], sy[2], s[3], s[4]) / d;
  const double b = det3(s[0], sy[0], s[2], s[1], sy[1], s[3], s[2], sy[2], s[4]) / d;
  const double c = det3(s[0], s[1], sy[0], s[1], s[2], sy[1], s[2], s[3], sy[2]) / d;
  const double lo = static_cast<double>(first) - static_cast<double>(centre);
  const double hi = static_cast<double>(last) - static_cast<double>(centre);
  if (!(c < 0.0) || !std::isfinite(d) || d == 0.0) return {0.0, spec[centre]};
  const double t = std::clamp(-b / (2.0 * c), lo, hi);
  return {t, a + b * t + c * t * t};
}

}  // namespace

std::vector<double> averageSpectrumDb(const float* mono, std::size_t n, double sampleRate, int fftSize) {
  (void)sampleRate;  // bins are k * sampleRate / fftSize; the levels do not depend on the rate
  const auto size = std::bit_floor(static_cast<std::size_t>(std::clamp(fftSize, 16, 65536)));
  std::vector<double> window(size);
  double windowPower = 0.0;
  for (std::size_t i = 0; i < size; ++i) {
    window[i] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(size));
    windowPower += window[i] * window[i];
  }
  std::vector<double> power(size / 2 + 1, 0.0);
  std::vector<std::complex<double>> buf(size);
  std::size_t segments = 0;
  for (std::size_t start = 0; segments == 0 || start + size <= n; start += size / 2) {
    for (std::size_t i = 0; i < size; ++i)
      buf[i] = start + i < n ? static_cast<double>(mono[start + i]) * window[i] : 0.0;
    fftInPlace(buf);
    for (std::size_t k = 0; k < power.size(); ++k) power[k] += std::norm(buf[k]);
    ++segments;
  }
  for (double& p : power) p = 10.0 * std::log10(std::max(p / (segments * windowPower), 1e-30));
  return power;
}

std::optional<Resonance> findResonance(const float* mono, std::size_t n, double sampleRate, double loHz,
                                       double hiHz, double minProminenceDb) {
  constexpr int kFft = 8192;
  if (n == 0 || !(sampleRate > 0.0)) return std::nullopt;
  const std::vector<double> spec = averageSpectrumDb(mono, n, sampleRate, kFft);
  const double binHz = sampleRate / kFft;
  const auto kLo = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(std::max(0.0, loHz) / binHz)));
  const auto kHi = std::min(spec.size() - 2, static_cast<std::size_t>(std::floor(std::max(0.0, hiHz) / binHz)));
  std::vector<double> scratch;
  std::size_t best = 0;
  double bestProminence = -1e300;
  for (std::size_t k = kLo; k <= kHi; ++k) {
    if (spec[k] < spec[k - 1] || spec[k] < spec[k + 1]) continue;
    const double prominence = spec[k] - runningMedian(spec, k, scratch);
    if (prominence > bestProminence) {
      bestProminence = prominence;
      best = k;
    }
  }
  if (best == 0 || bestProminence < minProminenceDb) return std::nullopt;
  // The top of the peak: bins within 3 dB of the picked bin (at least its two neighbours).
  const double loHzTop = crossing(spec, best, -1, spec[best] - 3.0, binHz);
  const double hiHzTop = crossing(spec, best, +1, spec[best] - 3.0, binHz);
  const auto first = std::min(best - 1, static_cast<std::size_t>(std::ceil(loHzTop / binHz)));
  const auto last = std::max(best + 1, static_cast<std::size_t>(std::floor(hiHzTop / binHz)));
  const Vertex top = fitParabola(spec, first, last, best);
  Resonance r;
  r.frequencyHz = (static_cast<double>(best) + top.offset) * binHz;
  r.prominenceDb = bestProminence;
  const double level = top.level - 3.0;
  const double width = crossing(spec, best, +1, level, binHz) - crossing(spec, best, -1, level, binHz);
  r.q = std::clamp(width > 0.0 ? r.frequencyHz / width : 30.0, 2.0, 30.0);
  return r;
}

}  // namespace postline::audio::dsp
