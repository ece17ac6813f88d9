#include "core/audio/dsp/varispeed.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/audio/dsp/window.h"

namespace postline::audio::dsp {
namespace {

constexpr int kPhases = 512;  // table points per source sample
constexpr int kTableSize = kVarispeedHalfTaps * kPhases + 2;
constexpr double kCutoff = 0.95;
constexpr double kBeta = 9.5;

// Kernel h(u) = cutoff * sinc(cutoff * u) * kaiser(u / 16) for u = i / kPhases, i >= 0.
const std::array<double, kTableSize>& kernelTable() {
  static const std::array<double, kTableSize> table = [] {
    std::array<double, kTableSize> t{};
    for (int i = 0; i < kTableSize; ++i) {
      const double u = static_cast<double>(i) / kPhases;
      t[static_cast<std::size_t>(i)] = kCutoff * sinc(kCutoff * u) * kaiser(u / kVarispeedHalfTaps, kBeta);
    }
    return t;
  }();
  return table;
}

// Kernel at |u| (in units of the unstretched kernel), linear between table points; 0 from 16 on.
inline double kernelAt(const std::array<double, kTableSize>& t, double u) {
  const double x = std::abs(u) * kPhases;
  const auto i = static_cast<std::size_t>(x);
  if (i >= static_cast<std::size_t>(kVarispeedHalfTaps * kPhases)) return 0.0;
  const double f = x - static_cast<double>(i);
  return t[i] + (t[i + 1] - t[i]) * f;
}

// Exact copy (forward or backward) for |step| == 1 at integer positions.
void copyExact(const float* src, std::int64_t srcFirst, std::int64_t srcCount, std::int64_t p0, int dir,
               float* out, int n) {
  for (int k = 0; k < n; ++k) {
    const std::int64_t i = p0 + static_cast<std::int64_t>(dir) * k - srcFirst;
    out[k] = (i >= 0 && i < srcCount) ? src[i] : 0.0f;
  }
}

float interpolateAt(const std::array<double, kTableSize>& t, const float* src, std::int64_t srcFirst,
                    std::int64_t srcCount, double pos, double scale, double width) {
  const auto lo = static_cast<std::int64_t>(std::floor(pos - width)) + 1;
  const auto hi = static_cast<std::int64_t>(std::ceil(pos + width)) - 1;
  const std::int64_t first = std::max(lo, srcFirst);
  const std::int64_t last = std::min(hi, srcFirst + srcCount - 1);
  double acc = 0.0, norm = 0.0;
  for (std::int64_t i = lo; i <= hi; ++i) {  // the weights' sum (the DC gain) over every tap
    const double w = kernelAt(t, (pos - static_cast<double>(i)) * scale);
    norm += w;
    if (i >= first && i <= last) acc += w * src[i - srcFirst];
  }
  return norm != 0.0 ? static_cast<float>(acc / norm) : 0.0f;
}

}  // namespace

int varispeedMargin(double step) {
  const double s = std::clamp(std::abs(step), 0.05, 20.0);
  return static_cast<int>(std::ceil(kVarispeedHalfTaps * std::max(1.0, s)));
}

void varispeed(const float* src, std::int64_t srcFirst, std::int64_t srcCount, double pos0, double step,
               float* out, int n) {
  if (n <= 0) return;
  if (std::abs(step) == 1.0 && pos0 == std::floor(pos0)) {
    copyExact(src, srcFirst, srcCount, static_cast<std::int64_t>(pos0), step > 0 ? 1 : -1, out, n);
    return;
  }
  const double mag = std::clamp(std::abs(step), 0.05, 20.0);
  const double signedStep = step < 0 ? -mag : mag;
  const double stretch = std::max(1.0, mag);  // kernel stretch: cutoff 0.95 / stretch
  const double scale = 1.0 / stretch;
  const double width = kVarispeedHalfTaps * stretch;
  const auto& table = kernelTable();
  for (int k = 0; k < n; ++k)
    out[k] = interpolateAt(table, src, srcFirst, srcCount, pos0 + k * signedStep, scale, width);
}

}  // namespace postline::audio::dsp
