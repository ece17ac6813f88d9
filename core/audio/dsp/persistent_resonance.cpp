// findPersistentResonance (spectrum.h): per-frame prominence, median over frames.
#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

#include "core/audio/dsp/biquad.h"
#include "core/audio/dsp/fft.h"
#include "core/audio/dsp/spectrum.h"

namespace postline::audio::dsp {

namespace {

constexpr std::size_t kFrame = 4096;

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// Power spectra (kFrame/2 + 1 bins) of the frames of `mono`, Hann-windowed, 50 % overlap.
std::vector<std::vector<double>> framePowers(const float* mono, std::size_t n) {
  std::vector<double> window(kFrame);
  for (std::size_t i = 0; i < kFrame; ++i) window[i] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / kFrame);
  std::vector<std::vector<double>> frames;
  std::vector<std::complex<double>> buf(kFrame);
  for (std::size_t start = 0; start + kFrame <= n; start += kFrame / 2) {
    for (std::size_t i = 0; i < kFrame; ++i) buf[i] = static_cast<double>(mono[start + i]) * window[i];
    fftInPlace(buf);
    std::vector<double> p(kFrame / 2 + 1);
    for (std::size_t k = 0; k < p.size(); ++k) p[k] = std::norm(buf[k]) + 1e-30;
    frames.push_back(std::move(p));
  }
  return frames;
}

// Level (dB) of bin k averaged in power over +-half bins.
double smoothDb(const std::vector<double>& p, std::size_t k, std::size_t half) {
  const std::size_t lo = k > half ? k - half : 0;
  const std::size_t hi = std::min(p.size() - 1, k + half);
  double sum = 0.0;
  for (std::size_t i = lo; i <= hi; ++i) sum += p[i];
  return 10.0 * std::log10(sum / static_cast<double>(hi - lo + 1));
}

// Prominence of bins [kLo, kHi] in one frame: smoothed level above the median over +-1/3 octave.
std::vector<double> prominence(const std::vector<double>& p, std::size_t kLo, std::size_t kHi, std::size_t half) {
  const double third = std::pow(2.0, 1.0 / 3.0);
  const auto wLo = std::max<std::size_t>(1, static_cast<std::size_t>(std::floor(kLo / third)));
  const auto wHi = std::min(p.size() - 1, static_cast<std::size_t>(std::ceil(kHi * third)));
  std::vector<double> level(p.size(), 0.0);
  for (std::size_t k = wLo; k <= wHi; ++k) level[k] = smoothDb(p, k, half);
  std::vector<double> out;
  for (std::size_t k = kLo; k <= kHi; ++k) {
    const auto lo = std::max(wLo, static_cast<std::size_t>(std::floor(k / third)));
    const auto hi = std::min(wHi, static_cast<std::size_t>(std::ceil(k * third)));
    out.push_back(level[k] - median(std::vector<double>(level.begin() + static_cast<std::ptrdiff_t>(lo),
                                                        level.begin() + static_cast<std::ptrdiff_t>(hi) + 1)));
  }
  return out;
}

// Frames whose energy lies within 50 dB of the loudest.
std::vector<const std::vector<double>*> soundingFrames(const std::vector<std::vector<double>>& frames) {
  std::vector<double> energy;
  for (const auto& p : frames) {
    double e = 0.0;
    for (double v : p) e += v;
    energy.push_back(e);
  }
  const double loudest = energy.empty() ? 0.0 : *std::max_element(energy.begin(), energy.end());
  std::vector<const std::vector<double>*> out;
  for (std::size_t i = 0; i < frames.size(); ++i) {
    if (energy[i] >= loudest * 1e-5) out.push_back(&frames[i]);
  }
  return out;
}

// Sum of squared deviations of `spec` (dB at `freqs`) from a flat floor plus a cookbook peak band
// (f0, gainDb, q); the floor is the mean residual.
double fitCost(const std::vector<double>& freqs, const std::vector<double>& spec, double f0, double gainDb, double q,
               double sampleRate) {
  model::EqBand band;
  band.frequencyHz = f0;
  band.gainDb = gainDb;
  band.q = q;
  const BiquadCoeffs c = designBand(band, sampleRate);
  std::vector<double> residual(freqs.size());
  double mean = 0.0;
  for (std::size_t i = 0; i < freqs.size(); ++i) {
    residual[i] = spec[i] - magnitudeDb(c, freqs[i], sampleRate);
    mean += residual[i];
  }
  mean /= static_cast<double>(freqs.size());
  double cost = 0.0;
  for (double v : residual) cost += (v - mean) * (v - mean);
  return cost;
}

// Refines `r` on the long-term spectrum (8192-point Welch, 3-bin smoothing) by fitting a flat
// floor plus a cookbook peak band at its frequency over +-1/3 octave (least squares over a grid
// of depths 1..24 dB and q 2..30): a peak band of -depth and that q then cancels the resonance.
void refineOnAverage(const float* mono, std::size_t n, double sampleRate, double smoothHz, Resonance& r) {
  constexpr int kFft = 8192;
  const double binHz = sampleRate / kFft;
  const std::vector<double> raw = averageSpectrumDb(mono, n, sampleRate, kFft);
  std::vector<double> power(raw.size());
  for (std::size_t k = 0; k < raw.size(); ++k) power[k] = std::pow(10.0, raw[k] / 10.0);
  // The frame curve's smoothing flattens the top: the frequency is found again here, at the
  // highest point within the smoothing width (parabola through it and its neighbours).
  const auto centre = static_cast<std::size_t>(std::llround(r.frequencyHz / binHz));
  const auto reach = static_cast<std::size_t>(std::ceil(smoothHz / 2.0 / binHz)) + 1;
  std::size_t top = centre;
  for (std::size_t k = centre - std::min(centre - 2, reach); k <= centre + reach && k + 2 < raw.size(); ++k) {
    if (smoothDb(power, k, 1) > smoothDb(power, top, 1)) top = k;
  }
  const double a = smoothDb(power, top - 1, 1), b = smoothDb(power, top, 1), c = smoothDb(power, top + 1, 1);
  const double d = a - 2.0 * b + c;
  r.frequencyHz = (static_cast<double>(top) + (d < 0.0 ? std::clamp(0.5 * (a - c) / d, -0.5, 0.5) : 0.0)) * binHz;
  const double third = std::pow(2.0, 1.0 / 3.0);
  std::vector<double> freqs, spec;
  const auto k0 = r.frequencyHz / binHz;
  for (auto k = static_cast<std::size_t>(k0 / third); k <= static_cast<std::size_t>(k0 * third) && k + 1 < raw.size(); ++k) {
    freqs.push_back(static_cast<double>(k) * binHz);
    spec.push_back(smoothDb(power, k, 1));
  }
  // Coarse grid, then a fine one around its best point.
  double best = 1e300, depth0 = 1.0, q0 = 2.0;
  auto search = [&](double dLo, double dHi, double dStep, double qLo, double qHi, double qStep) {
    for (double depth = dLo; depth <= dHi; depth += dStep) {
      for (double q = qLo; q <= qHi; q *= qStep) {
        const double cost = fitCost(freqs, spec, r.frequencyHz, depth, q, sampleRate);
        if (cost < best) best = cost, depth0 = depth, q0 = q;
      }
    }
  };
  search(1.0, 24.0, 1.0, 2.0, 30.0, 1.15);
  search(std::max(1.0, depth0 - 1.0), std::min(24.0, depth0 + 1.0), 0.1, std::max(2.0, q0 / 1.15),
         std::min(30.0, q0 * 1.15), 1.01);
  r.prominenceDb = depth0;
  r.q = q0;
}

}  // namespace

std::optional<Resonance> findPersistentResonance(const float* mono, std::size_t n, double sampleRate, double loHz,
                                                 double hiHz, double minProminenceDb, double smoothHz) {
  if (n < kFrame || !(sampleRate > 0.0)) return std::nullopt;
  const double binHz = sampleRate / kFrame;
  const auto kLo = std::max<std::size_t>(2, static_cast<std::size_t>(std::ceil(loHz / binHz)));
  const auto kHi = std::min(kFrame / 2 - 2, static_cast<std::size_t>(std::floor(hiHz / binHz)));
  if (kHi <= kLo) return std::nullopt;
  const auto half = static_cast<std::size_t>(std::max(0.0, smoothHz / 2.0 / binHz));
  const auto frames = framePowers(mono, n);
  const auto sounding = soundingFrames(frames);
  if (sounding.empty()) return std::nullopt;
  std::vector<std::vector<double>> perBin(kHi - kLo + 1);
  for (const auto* p : sounding) {
    const std::vector<double> prom = prominence(*p, kLo, kHi, half);
    for (std::size_t i = 0; i < prom.size(); ++i) perBin[i].push_back(prom[i]);
  }
  std::vector<double> curve;
  for (auto& v : perBin) curve.push_back(median(std::move(v)));
  const auto best = static_cast<std::size_t>(std::max_element(curve.begin(), curve.end()) - curve.begin());
  if (curve[best] < minProminenceDb) return std::nullopt;
  Resonance r;
  r.prominenceDb = curve[best];
  double offset = 0.0;
  if (best > 0 && best + 1 < curve.size()) {
    const double a = curve[best - 1], b = curve[best], c = curve[best + 1];
    const double d = a - 2.0 * b + c;
    if (d < 0.0) offset = std::clamp(0.5 * (a - c) / d, -0.5, 0.5);
  }
  r.frequencyHz = (static_cast<double>(kLo + best) + offset) * binHz;
  std::size_t lo = best, hi = best;
  while (lo > 0 && curve[lo - 1] > curve[best] / 2.0) --lo;
  while (hi + 1 < curve.size() && curve[hi + 1] > curve[best] / 2.0) ++hi;
  r.q = std::clamp(r.frequencyHz / (static_cast<double>(hi - lo + 1) * binHz), 2.0, 30.0);
  refineOnAverage(mono, n, sampleRate, smoothHz, r);
  return r;
}

}  // namespace postline::audio::dsp
