// Window paths (reframe_analysis.h): from a raw per-frame centre of interest to a smooth path
// that keeps the subject inside the window, and the interpolation of user keys.
#include <algorithm>
#include <cmath>

#include "core/export/reframe_analysis.h"

namespace postline::exporting::detail {

namespace {

// Share of the window the subject's centre may drift from the window centre, each side: a
// quarter keeps it in the inner half, so a subject up to half the window wide stays whole.
constexpr double kSlack = 0.25;
// The path is locked still when all the targets fit in this share of the window around one centre.
constexpr double kDeadZone = 0.3;

// Samples below the confidence floor replaced by linear interpolation between the confident
// ones (held at the ends); all 0.5 when none is confident.
std::vector<double> filled(const AxisTrack& t, double minConfidence) {
  const std::size_t n = t.target.size();
  std::vector<std::size_t> good;
  for (std::size_t i = 0; i < n; ++i) {
    if (t.confidence[i] >= minConfidence && std::isfinite(t.target[i])) good.push_back(i);
  }
  if (good.empty()) return std::vector<double>(n, 0.5);
  std::vector<double> out(n);
  std::size_t g = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (g + 1 < good.size() && good[g + 1] <= i) ++g;
    const std::size_t a = good[g];
    if (i <= a || g + 1 >= good.size()) {
      out[i] = t.target[i <= a ? good[g] : good.back()];
      continue;
    }
    const std::size_t b = good[g + 1];
    const double f = static_cast<double>(i - a) / static_cast<double>(b - a);
    out[i] = t.target[a] + f * (t.target[b] - t.target[a]);
  }
  return out;
}

std::vector<double> runningMedian(const std::vector<double>& x, int radius) {
  const auto n = static_cast<std::ptrdiff_t>(x.size());
  std::vector<double> out(x.size());
  std::vector<double> win;
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    // Symmetric windows, shrinking at the ends: a steady motion keeps its own values there.
    const std::ptrdiff_t r = std::min<std::ptrdiff_t>({radius, i, n - 1 - i});
    const std::ptrdiff_t lo = i - r;
    const std::ptrdiff_t hi = i + r;
    win.assign(x.begin() + lo, x.begin() + hi + 1);
    std::nth_element(win.begin(), win.begin() + static_cast<std::ptrdiff_t>(win.size() / 2), win.end());
    out[static_cast<std::size_t>(i)] = win[win.size() / 2];
  }
  return out;
}

// x at index i, extended past the ends by point reflection (2 x[end] - x[mirror]), which keeps a
// straight line straight: a subject moving steadily is not pulled back near the clip's ends.
double extended(const std::vector<double>& x, std::ptrdiff_t i) {
  const auto n = static_cast<std::ptrdiff_t>(x.size());
  if (i < 0) return 2.0 * x.front() - x[static_cast<std::size_t>(std::min(-i, n - 1))];
  if (i >= n) return 2.0 * x.back() - x[static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, 2 * (n - 1) - i))];
  return x[static_cast<std::size_t>(i)];
}

// Zero-phase Gaussian smoothing (a symmetric kernel has no lag, unlike a one-way filter).
std::vector<double> gaussian(const std::vector<double>& x, double sigma) {
  if (sigma < 0.5 || x.size() < 2) return x;
  const int r = static_cast<int>(std::ceil(3.0 * sigma));
  std::vector<double> k(static_cast<std::size_t>(2 * r + 1));
  double total = 0.0;
  for (int i = -r; i <= r; ++i) total += k[static_cast<std::size_t>(i + r)] = std::exp(-0.5 * i * i / (sigma * sigma));
  std::vector<double> out(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    double s = 0.0;
    for (int j = -r; j <= r; ++j) s += k[static_cast<std::size_t>(j + r)] * extended(x, static_cast<std::ptrdiff_t>(i) + j);
    out[i] = s / total;
  }
  return out;
}

void clampAround(std::vector<double>& path, const std::vector<double>& target, double slack) {
  for (std::size_t i = 0; i < path.size(); ++i) path[i] = std::clamp(path[i], target[i] - slack, target[i] + slack);
}

}  // namespace

std::vector<double> smoothPath(const AxisTrack& track, const PathParams& params) {
  const std::size_t n = std::min(track.target.size(), track.confidence.size());
  if (n == 0) return {};
  if (params.windowSize >= 1.0) return std::vector<double>(n, 0.5);  // the window spans this axis
  const double fps = params.fps > 0.0 ? params.fps : 24.0;
  const AxisTrack t{{track.target.begin(), track.target.begin() + static_cast<std::ptrdiff_t>(n)},
                    {track.confidence.begin(), track.confidence.begin() + static_cast<std::ptrdiff_t>(n)}};
  const std::vector<double> target = runningMedian(filled(t, params.minConfidence), std::max(1, static_cast<int>(std::lround(0.2 * fps))));
  const double slack = kSlack * params.windowSize;
  const auto [lo, hi] = std::minmax_element(target.begin(), target.end());
  if (*hi - *lo <= kDeadZone * params.windowSize) return std::vector<double>(n, 0.5 * (*lo + *hi));
  std::vector<double> path = gaussian(target, 0.4 * fps);
  clampAround(path, target, slack);
  path = gaussian(path, 0.1 * fps);
  clampAround(path, target, slack);
  return path;
}

model::ReframeKey keyAt(const std::vector<model::ReframeKey>& keys, double sourceFrame) {
  if (keys.empty()) return {};
  if (sourceFrame <= static_cast<double>(keys.front().sourceFrame)) return keys.front();
  if (sourceFrame >= static_cast<double>(keys.back().sourceFrame)) return keys.back();
  const auto next = std::upper_bound(keys.begin(), keys.end(), sourceFrame, [](double f, const model::ReframeKey& k) {
    return f < static_cast<double>(k.sourceFrame);
  });
  const model::ReframeKey& b = *next;
  const model::ReframeKey& a = *(next - 1);
  const double f = (sourceFrame - static_cast<double>(a.sourceFrame)) / static_cast<double>(b.sourceFrame - a.sourceFrame);
  return {static_cast<std::int64_t>(std::floor(sourceFrame)), a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)};
}

}  // namespace postline::exporting::detail
