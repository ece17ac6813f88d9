#include "core/export/conform.h"

#include <algorithm>
#include <cstdio>

namespace postline::exporting {
namespace {

using time::Int128;

std::string rateText(const time::Rational& r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", r.toDouble());
  return buf;
}

}  // namespace

Conform::Conform(time::Rational seqFps, time::Rational outFps, ConformMethod method, std::int64_t seqFrames)
    : m_seqFps(seqFps), m_outFps(outFps), m_method(method), m_seqFrames(std::max<std::int64_t>(seqFrames, 0)) {
  // frames * outFps / seqFps, rounded half up: (2 * num + den) / (2 * den).
  const Int128 num = Int128(m_seqFrames) * m_outFps.num() * m_seqFps.den();
  const Int128 den = Int128(m_outFps.den()) * m_seqFps.num();
  m_outFrames = identity() ? m_seqFrames : static_cast<std::int64_t>((2 * num + den) / (2 * den));
  if (m_seqFrames > 0) m_outFrames = std::max<std::int64_t>(m_outFrames, 1);
}

ConformStep Conform::step(std::int64_t n) const {
  if (identity()) return {n, n, 0.0};
  // p = n * seqFps / outFps, exactly.
  const Int128 num = Int128(n) * m_seqFps.num() * m_outFps.den();
  const Int128 den = Int128(m_seqFps.den()) * m_outFps.num();
  const std::int64_t last = std::max<std::int64_t>(m_seqFrames - 1, 0);
  ConformStep s;
  s.a = std::min(static_cast<std::int64_t>(num / den), last);
  s.b = s.a;
  if (m_method == ConformMethod::Blend && s.a < last) {
    const Int128 rem = num % den;
    if (rem != 0) {
      s.b = s.a + 1;
      s.weight = static_cast<double>(rem) / static_cast<double>(den);
    }
  }
  return s;
}

std::string Conform::describe() const {
  if (identity()) return "none";
  return std::string(conformMethodName(m_method)) + " " + rateText(m_seqFps) + "->" + rateText(m_outFps);
}

const char* conformMethodName(ConformMethod method) { return method == ConformMethod::Blend ? "blend" : "repeat"; }

}  // namespace postline::exporting
