#include "core/color/curves.h"

#include <algorithm>
#include <cmath>

namespace postline::color {

// Fritsch-Carlson (1980): secant slopes d_k, interior tangents the mean of neighbouring secants
// (0 where they differ in sign or either is 0), end tangents the end secants, then each
// interval's pair of tangents scaled so alpha^2 + beta^2 <= 9, which keeps the cubic monotone.
MonotoneCubic::MonotoneCubic(const std::vector<CurvePoint>& points) {
  if (points.size() < 2) return;
  for (const auto& p : points) {
    m_x.push_back(p.x);
    m_y.push_back(p.y);
  }
  const std::size_t n = m_x.size();
  std::vector<double> d(n - 1);
  for (std::size_t k = 0; k + 1 < n; ++k) d[k] = (m_y[k + 1] - m_y[k]) / (m_x[k + 1] - m_x[k]);
  m_m.assign(n, 0.0);
  m_m[0] = d[0];
  m_m[n - 1] = d[n - 2];
  for (std::size_t k = 1; k + 1 < n; ++k) m_m[k] = (d[k - 1] * d[k] <= 0.0) ? 0.0 : 0.5 * (d[k - 1] + d[k]);
  for (std::size_t k = 0; k + 1 < n; ++k) {
    if (d[k] == 0.0) {
      m_m[k] = 0.0;
      m_m[k + 1] = 0.0;
      continue;
    }
    const double a = m_m[k] / d[k];
    const double b = m_m[k + 1] / d[k];
    const double s = a * a + b * b;
    if (s > 9.0) {
      const double tau = 3.0 / std::sqrt(s);
      m_m[k] = tau * a * d[k];
      m_m[k + 1] = tau * b * d[k];
    }
  }
}

double MonotoneCubic::operator()(double x) const {
  if (identity()) return x;
  if (x <= m_x.front()) return m_y.front();
  if (x >= m_x.back()) return m_y.back();
  const std::size_t k =
      static_cast<std::size_t>(std::upper_bound(m_x.begin(), m_x.end(), x) - m_x.begin()) - 1;
  const double h = m_x[k + 1] - m_x[k];
  const double t = (x - m_x[k]) / h;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double h00 = 2 * t3 - 3 * t2 + 1;
  const double h10 = t3 - 2 * t2 + t;
  const double h01 = -2 * t3 + 3 * t2;
  const double h11 = t3 - t2;
  return h00 * m_y[k] + h10 * h * m_m[k] + h01 * m_y[k + 1] + h11 * h * m_m[k + 1];
}

namespace {
bool onDiagonal(const std::vector<CurvePoint>& pts) {
  if (pts.size() < 2) return true;
  // Monotone cubic through points on y = x with tangents 1 is y = x itself.
  return std::all_of(pts.begin(), pts.end(), [](const CurvePoint& p) { return p.x == p.y; }) &&
         pts.front().x == 0.0 && pts.back().x == 1.0;
}
}  // namespace

bool curvesAreIdentity(const Curves& c) {
  return onDiagonal(c.master) && onDiagonal(c.red) && onDiagonal(c.green) && onDiagonal(c.blue);
}

std::vector<float> curveTable(const Curves& c, int entries) {
  const MonotoneCubic master(c.master);
  const MonotoneCubic channel[3] = {MonotoneCubic(c.red), MonotoneCubic(c.green), MonotoneCubic(c.blue)};
  std::vector<float> table(static_cast<std::size_t>(entries) * 4);
  for (int i = 0; i < entries; ++i) {
    const double x = static_cast<double>(i) / (entries - 1);
    const double m = master(x);
    for (int ch = 0; ch < 3; ++ch) table[static_cast<std::size_t>(i) * 4 + ch] = static_cast<float>(channel[ch](m));
    table[static_cast<std::size_t>(i) * 4 + 3] = 1.0f;
  }
  return table;
}

float lookupCurve(const std::vector<float>& table, int entries, int channel, float x) {
  const float xc = std::clamp(x, 0.0f, 1.0f);
  const float t = xc * static_cast<float>(entries - 1);
  const int i0 = std::min(static_cast<int>(t), entries - 2);
  const float f = t - static_cast<float>(i0);
  const float a = table[static_cast<std::size_t>(i0) * 4 + channel];
  const float b = table[static_cast<std::size_t>(i0 + 1) * 4 + channel];
  return a + (b - a) * f + (x - xc);
}

}  // namespace postline::color
