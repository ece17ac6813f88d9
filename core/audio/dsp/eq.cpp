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

// N bands in order over a block with their state in registers (N fixed, so the loop unrolls and
// nothing goes through memory between samples; the feedback is then bound by arithmetic latency).
template <int N>
void StereoEq::run(float* left, float* right, int frames) {
  std::array<Lanes, N> s1, s2;
  std::array<BiquadCoeffs, N> c;
  for (int a = 0; a < N; ++a) {
    c[a] = m_coeffs[m_active[a]];
    s1[a] = m_s1[m_active[a]];
    s2[a] = m_s2[m_active[a]];
  }
  for (int i = 0; i < frames; ++i) {
    Lanes x = {left[i], right[i]};
    for (int a = 0; a < N; ++a) {
      const Lanes y = c[a].b0 * x + s1[a];
      s1[a] = c[a].b1 * x - c[a].a1 * y + s2[a];
      s2[a] = c[a].b2 * x - c[a].a2 * y;
      x = y;
    }
    left[i] = static_cast<float>(x[0]);
    right[i] = static_cast<float>(x[1]);
  }
  for (int a = 0; a < N; ++a) {
    m_s1[m_active[a]] = s1[a];
    m_s2[m_active[a]] = s2[a];
  }
}

void StereoEq::process(float* left, float* right, int frames) {
  // Sample by sample through every band (transposed direct form II), both channels at once.
  switch (m_activeCount) {
    case 0: return;
    case 1: run<1>(left, right, frames); break;
    case 2: run<2>(left, right, frames); break;
    case 3: run<3>(left, right, frames); break;
    case 4: run<4>(left, right, frames); break;
    case 5: run<5>(left, right, frames); break;
    case 6: run<6>(left, right, frames); break;
    case 7: run<7>(left, right, frames); break;
    default: run<8>(left, right, frames); break;
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
