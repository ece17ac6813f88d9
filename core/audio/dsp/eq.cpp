#include "core/audio/dsp/eq.h"

#include <algorithm>
#include <cmath>

namespace postline::audio::dsp {

void StereoEq::configure(const std::vector<model::EqBand>& bands, double sampleRate) {
  const int count = static_cast<int>(std::min<std::size_t>(bands.size(), kMaxEqBands));
  const bool rateChanged = sampleRate != m_rate;
  m_rate = sampleRate;
  for (int i = 0; i < kMaxEqBands; ++i) {
    if (i >= count) {
      if (i < m_count) {  // a band that went away: forget it and its state
        m_bands[i] = model::EqBand{};
        m_coeffs[i] = BiquadCoeffs{};
        m_s1[i] = m_s2[i] = Lanes{0.0, 0.0};
      }
      continue;
    }
    const bool fresh = i >= m_count;
    if (!fresh && !rateChanged && bands[i] == m_bands[i]) continue;
    if (fresh) m_s1[i] = m_s2[i] = Lanes{0.0, 0.0};
    m_bands[i] = bands[i];
    m_coeffs[i] = designBand(bands[i], sampleRate);
  }
  m_count = count;
  m_activeCount = 0;
  for (int i = 0; i < count; ++i)
    if (m_bands[i].enabled) m_active[m_activeCount++] = i;
}

// Built twice: for CPUs with FMA (Haswell and later) the filters' feedback runs through fused
// multiply-adds, a third shorter; the default build serves the rest.
__attribute__((target_clones("arch=haswell", "default"))) void StereoEq::process(float* left, float* right, int frames) {
  if (m_activeCount == 0) return;
  // Sample by sample through every band (transposed direct form II), both channels at once.
  for (int i = 0; i < frames; ++i) {
    Lanes x = {left[i], right[i]};
    for (int a = 0; a < m_activeCount; ++a) {
      const int b = m_active[a];
      const BiquadCoeffs& c = m_coeffs[b];
      const Lanes y = c.b0 * x + m_s1[b];
      m_s1[b] = c.b1 * x - c.a1 * y + m_s2[b];
      m_s2[b] = c.b2 * x - c.a2 * y;
      x = y;
    }
    left[i] = static_cast<float>(x[0]);
    right[i] = static_cast<float>(x[1]);
  }
  flushDenormals();
}

// Denormal state after a long silence: flushed to 0.
void StereoEq::flushDenormals() {
  for (int a = 0; a < m_activeCount; ++a) {
    for (Lanes* s : {&m_s1[m_active[a]], &m_s2[m_active[a]]}) {
      for (int lane = 0; lane < 2; ++lane) {
        if (std::abs((*s)[lane]) < 1e-30) (*s)[lane] = 0.0;
      }
    }
  }
}

void StereoEq::reset() {
  for (int i = 0; i < kMaxEqBands; ++i) m_s1[i] = m_s2[i] = Lanes{0.0, 0.0};
}

}  // namespace postline::audio::dsp
