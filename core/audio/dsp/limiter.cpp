#include "core/audio/dsp/limiter.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

#include "core/audio/dsp/window.h"

namespace postline::audio::dsp {
namespace {

constexpr int kHalf = TruePeakLimiter::kTapsPerPhase / 2;  // detector delay in samples
constexpr double kKaiserBeta = 10.0;
constexpr double kAimUnderDb = 0.05;
// The meter-style branch: libebur128 1.2.6 interpolates with a 49-tap Hann-windowed sinc (half-width
// 6 input samples, not normalised), whose ripple over-reads high frequencies by up to ~0.5 dB; the
// limiter also keeps that reading under the target so such a meter never reads over the ceiling.
constexpr int kMeterTaps = 16;
constexpr int kMeterFirst = kHalf - 1 - 7;  // x index of input offset -7 from k

// Peak of |y| near the oversampled point b (neighbours a, c), refined by a parabola when b is a
// local extremum; never less than |b|.
double refinePeak(double a, double b, double c) {
  if (b < 0.0) {
    a = -a;
    b = -b;
    c = -c;
  }
  const double d = a - 2.0 * b + c;
  if (b < a || b < c || d >= 0.0) return b;
  const double p = b - (a - c) * (a - c) / (8.0 * d);
  return std::min(p, 1.5 * b);
}

std::size_t ringSize(std::size_t atLeast) { return std::bit_ceil(std::max<std::size_t>(atLeast, 2)); }

}  // namespace

void TruePeakLimiter::configure(double ceilingDbtp, double sampleRate, double releaseMs) {
  const double rate = std::max(8000.0, sampleRate);
  m_latency = std::max(40, static_cast<int>(std::lround(1.5e-3 * rate)));
  m_hold = m_latency - kHalf;                  // look-ahead of the sliding minimum
  m_boxLen = m_hold - m_guard + 1;             // ramp length
  m_target = std::pow(10.0, (ceilingDbtp - kAimUnderDb) / 20.0);
  m_releaseCoeff = std::exp(-1.0 / (std::max(0.01, releaseMs) * 1e-3 * rate));
  for (int p = 0; p < 3; ++p) {  // value at k + phase from x[k - kHalf + 1 .. k + kHalf]
    const double phase = (p + 1) / 4.0;
    double sum = 0.0;
    for (int t = 0; t < kTapsPerPhase; ++t) {
      const double off = phase - (t - kHalf + 1);
      sum += sinc(off) * kaiser(off / kHalf, kKaiserBeta);
    }
    for (int t = 0; t < kTapsPerPhase; ++t) {
      const double off = phase - (t - kHalf + 1);
      m_fir[p][t] = static_cast<float>(sinc(off) * kaiser(off / kHalf, kKaiserBeta) / sum);
    }
  }
  for (int p = 0; p < 3; ++p)
    for (int t = 0; t < kMeterTaps; ++t) {
      const double d = (p + 1) / 4.0 - (t - 7);  // from input offset t - 7 to the phase point
      const double w = std::abs(d) < 6.0 ? 0.5 * (1.0 + std::cos(std::numbers::pi * d / 6.0)) : 0.0;
      m_meterFir[p][t] = static_cast<float>(sinc(d) * w);
    }
  m_firBound = 0.0;
  for (int p = 0; p < 3; ++p) {
    double fir = 0.0, meter = 0.0;
    for (float h : m_fir[p]) fir += std::abs(h);
    for (float h : m_meterFir[p]) meter += std::abs(h);
    m_firBound = std::max({m_firBound, 1.5 * fir, meter, 1.5});
  }
  const std::size_t hist = ringSize(static_cast<std::size_t>(m_latency) + kTapsPerPhase + 2 * kSub + 2);
  for (auto& h : m_hist) h.assign(2 * hist, 0.0f);  // mirrored: [i] == [i + hist]
  m_histMask = hist - 1;
  const std::size_t window = ringSize(static_cast<std::size_t>(m_hold + m_guard) + 3);
  m_minIdx.assign(window, 0);
  m_minVal.assign(window, 1.0);
  m_minMask = window - 1;
  m_box.assign(static_cast<std::size_t>(m_boxLen), 1.0);
  reset();
}

void TruePeakLimiter::reset() {
  for (auto& h : m_hist) std::fill(h.begin(), h.end(), 0.0f);
  m_minHead = m_minTail = 0;
  std::fill(m_box.begin(), m_box.end(), 1.0);
  m_boxPos = 0;
  m_boxBelow = 0;
  m_boxSum = m_boxLen;
  m_released = 1.0;
  m_gain = 1.0;
  m_prevPeak = 0.0;
  m_prevQuarter = {0.0, 0.0};
  m_n = 0;
}

double TruePeakLimiter::gainReductionDb() const { return m_gain < 1.0 ? -20.0 * std::log10(m_gain) : 0.0; }

// The three phase points (k + 1/4, k + 1/2, k + 3/4) of both interpolators for the detection
// samples k0 .. k0 + kSub - 1, each phase as one FIR over the block (vectorises over k).
// Always kSub points (a fixed trip count keeps the sums in registers); the ring's mirror holds
// enough samples past the block, and points past the block are not used.
__attribute__((target_clones("arch=x86-64-v3", "default"))) void TruePeakLimiter::interpolate(std::int64_t k0) {
  for (int ch = 0; ch < 2; ++ch) {
    const float* x = &m_hist[ch][static_cast<std::size_t>(k0 - kHalf + 1) & m_histMask];  // x[k0 - kHalf + 1 ..]
    for (int p = 0; p < 3; ++p) {
      float y[kSub] = {};
      float meter[kSub] = {};
      for (int t = 0; t < kTapsPerPhase; ++t) {
        const float h = m_fir[p][t];
        for (int i = 0; i < kSub; ++i) y[i] += h * x[i + t];
      }
      for (int t = 0; t < kMeterTaps; ++t) {
        const float h = m_meterFir[p][t];
        for (int i = 0; i < kSub; ++i) meter[i] += h * x[i + kMeterFirst + t];
      }
      std::copy(std::begin(y), std::end(y), m_phase[ch][p].begin());
      std::copy(std::begin(meter), std::end(meter), m_meterPhase[ch][p].begin());
    }
  }
}

// True-peak estimate of input samples [k, k + 1) from the interpolated block (index i = k - k0).
double TruePeakLimiter::detectPeak(std::int64_t k, int i) {
  // Between quarter-sample points a band-limited signal rises at most 1/cos(pi/8) = 1.082 above
  // them: when even that stays under the target, the parabolas are not needed.
  constexpr double kBetweenPoints = 1.09;
  double v[2][6];  // per channel: k - 1/4, k, k + 1/4, k + 1/2, k + 3/4, k + 1
  double peak = 0.0, points = 0.0;
  for (int ch = 0; ch < 2; ++ch) {
    v[ch][0] = m_prevQuarter[ch];
    v[ch][1] = hist(ch, k);
    v[ch][5] = hist(ch, k + 1);
    for (int p = 0; p < 3; ++p) {
      v[ch][p + 2] = m_phase[ch][p][static_cast<std::size_t>(i)];
      peak = std::max(peak, std::abs(double{m_meterPhase[ch][p][static_cast<std::size_t>(i)]}));
    }
    m_prevQuarter[ch] = v[ch][4];
    for (int j = 0; j < 6; ++j) points = std::max(points, std::abs(v[ch][j]));
  }
  if (points * kBetweenPoints < m_target) return std::max(peak, points * kBetweenPoints);
  for (int ch = 0; ch < 2; ++ch) {
    for (int j = 1; j <= 4; ++j) peak = std::max(peak, refinePeak(v[ch][j - 1], v[ch][j], v[ch][j + 1]));
  }
  return peak;
}

double TruePeakLimiter::holdMin(std::int64_t k, double r) {
  while (m_minTail != m_minHead && m_minVal[(m_minTail - 1) & m_minMask] >= r) --m_minTail;
  m_minIdx[m_minTail & m_minMask] = k;
  m_minVal[m_minTail & m_minMask] = r;
  ++m_minTail;
  const std::int64_t oldest = k - (m_hold + m_guard);  // window [k - hold - guard, k]
  while (m_minIdx[m_minHead & m_minMask] < oldest) ++m_minHead;
  return m_minVal[m_minHead & m_minMask];
}

double TruePeakLimiter::smoothGain(double held) {
  if (held <= m_released) {
    m_released = held;
  } else {
    m_released = held - (held - m_released) * m_releaseCoeff;
    if (held - m_released < 1e-6) m_released = held;  // a -120 dB step: inaudible, and gain 1 is exact
  }
  const double old = m_box[static_cast<std::size_t>(m_boxPos)];
  m_box[static_cast<std::size_t>(m_boxPos)] = m_released;
  if (++m_boxPos == m_boxLen) m_boxPos = 0;
  m_boxBelow += (m_released < 1.0 ? 1 : 0) - (old < 1.0 ? 1 : 0);
  if (m_boxBelow == 0) {
    m_boxSum = m_boxLen;
    return 1.0;
  }
  m_boxSum += m_released - old;
  return std::min(1.0, m_boxSum / m_boxLen);
}

void TruePeakLimiter::process(float* left, float* right, int frames) {
  if (m_latency == 0) return;
  for (int start = 0; start < frames; start += kSub) {
    const int n = std::min(kSub, frames - start);
    const std::int64_t n0 = m_n;
    for (int i = 0; i < n; ++i) {
      const std::size_t at = static_cast<std::size_t>(n0 + i) & m_histMask;
      m_hist[0][at] = m_hist[0][at + m_histMask + 1] = left[start + i];
      m_hist[1][at] = m_hist[1][at + m_histMask + 1] = right[start + i];
    }
    // Detection of this sub-block reads inputs [n0 - 2 kHalf + 1, n0 + n): when none of them can
    // reach the target the interpolation is skipped (the gain only releases).
    float m = 0.0f;
    for (std::int64_t j = n0 - 2 * kHalf + 1; j < n0 + n; ++j) m = std::max({m, std::abs(hist(0, j)), std::abs(hist(1, j))});
    const bool quiet = m * m_firBound < m_target;
    if (!quiet) interpolate(n0 - kHalf);
    for (int i = 0; i < n; ++i) {
      const std::int64_t k = n0 + i - kHalf;  // the sample whose neighbourhood is now fully known
      double peakNow = m * m_firBound;
      if (quiet) {
        m_prevQuarter = {hist(0, k + 1), hist(1, k + 1)};  // a conservative neighbour for the next refine
      } else {
        peakNow = detectPeak(k, i);
      }
      outputSample(k, peakNow, left[start + i], right[start + i]);
    }
    m_n = n0 + n;
  }
}

// Gain for detection sample k (with its peak estimate) and the delayed output sample.
void TruePeakLimiter::outputSample(std::int64_t k, double peakNow, float& left, float& right) {
  const double peak = std::max(peakNow, m_prevPeak);  // covers [k - 1, k + 1)
  m_prevPeak = peakNow;
  const double required = peak > m_target ? m_target / peak : 1.0;
  m_gain = smoothGain(holdMin(k, required));
  const std::int64_t out = k + kHalf - m_latency;
  if (m_gain == 1.0) {
    left = hist(0, out);
    right = hist(1, out);
  } else {
    left = static_cast<float>(hist(0, out) * m_gain);
    right = static_cast<float>(hist(1, out) * m_gain);
  }
}

}  // namespace postline::audio::dsp
