#include "core/audio/dsp/compressor.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace postline::audio::dsp {
namespace {

// Reduction (dB, >= 0) the static curve asks for at input level x (dB), makeup not included.
double wantedReduction(double x, double threshold, double slope, double knee) {
  const double over = x - threshold;
  if (2.0 * over <= -knee) return 0.0;
  if (2.0 * std::abs(over) <= knee && knee > 0.0) {
    const double d = over + knee / 2.0;
    return -slope * d * d / (2.0 * knee);
  }
  return -slope * over;
}

double onePole(double ms, double rate) {
  const double samples = ms * 1e-3 * rate;
  return samples > 0.0 ? std::exp(-1.0 / samples) : 0.0;
}

}  // namespace

double compressorCurveDb(const model::Compressor& c, double inputDb) {
  const double slope = 1.0 / std::max(1.0, c.ratio) - 1.0;
  return inputDb - wantedReduction(inputDb, c.thresholdDb, slope, std::max(0.0, c.kneeDb)) + c.makeupDb;
}

void StereoCompressor::configure(const model::Compressor& c, double sampleRate) {
  m_enabled = c.enabled;
  m_threshold = c.thresholdDb;
  m_slope = 1.0 / std::max(1.0, c.ratio) - 1.0;
  m_knee = std::max(0.0, c.kneeDb);
  m_makeupDb = c.makeupDb;
  m_attackCoeff = onePole(c.attackMs, sampleRate);
  m_releaseCoeff = onePole(c.releaseMs, sampleRate);
  m_attackStep = std::pow(m_attackCoeff, kSubBlock);
  m_releaseStep = std::pow(m_releaseCoeff, kSubBlock);
  m_kneeStart = std::pow(10.0, (m_threshold - m_knee / 2.0) / 20.0);
  m_gain = std::pow(10.0, (m_makeupDb - m_reduction) / 20.0);
}

// The detector runs once per sub-block of kSubBlock samples on the sub-block's peak level (one
// log and one exp per sub-block instead of per sample); the gain moves linearly across it.
void StereoCompressor::process(float* left, float* right, int frames) {
  if (!m_enabled) return;
  constexpr double kDbToLn = std::numbers::ln10 / 20.0;
  for (int start = 0; start < frames; start += kSubBlock) {
    const int n = std::min(kSubBlock, frames - start);
    float level = 0.0f;
    for (int i = start; i < start + n; ++i) level = std::max({level, std::abs(left[i]), std::abs(right[i])});
    const double want = level < m_kneeStart ? 0.0 : wantedReduction(20.0 * std::log10(level), m_threshold, m_slope, m_knee);
    const double aR = n == kSubBlock ? m_releaseStep : std::pow(m_releaseCoeff, n);
    const double aA = n == kSubBlock ? m_attackStep : std::pow(m_attackCoeff, n);
    m_peak = std::max(want, aR * m_peak + (1.0 - aR) * want);
    m_reduction = m_peak > m_reduction ? aA * m_reduction + (1.0 - aA) * m_peak : m_peak;
    if (m_peak < 1e-12) m_peak = 0.0;
    if (m_reduction < 1e-12) m_reduction = 0.0;
    const double from = m_gain;
    m_gain = std::exp((m_makeupDb - m_reduction) * kDbToLn);
    const double step = (m_gain - from) / n;
    for (int i = 0; i < n; ++i) {
      const double g = from + step * (i + 1);
      left[start + i] = static_cast<float>(left[start + i] * g);
      right[start + i] = static_cast<float>(right[start + i] * g);
    }
  }
}

void StereoCompressor::reset() {
  m_peak = 0.0;
  m_reduction = 0.0;
  m_gain = std::pow(10.0, m_makeupDb / 20.0);
}

}  // namespace postline::audio::dsp
