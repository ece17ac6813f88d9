#include "core/color/match.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>

#include "core/color/match_fit.h"

namespace postline::color {
namespace {

using base::ErrorCode;
using base::makeError;

base::Result<void> checkPicture(const ImageF& img, const std::string& what) {
  if (img.width <= 0 || img.height <= 0)
    return makeError(ErrorCode::InvalidArgument, "colour match: the " + what + " picture is empty (" +
                                                     std::to_string(img.width) + "x" + std::to_string(img.height) + ")");
  const std::size_t expected = img.pixels() * 4;
  if (img.rgba.size() != expected)
    return makeError(ErrorCode::InvalidArgument, "colour match: the " + what + " picture holds " +
                                                     std::to_string(img.rgba.size()) + " floats, expected " +
                                                     std::to_string(expected) + " (width*height*4)");
  return {};
}

base::Result<void> checkOptions(const MatchOptions& o) {
  if (o.maxSamples < 1024 || o.maxSamples > (1 << 22))
    return makeError(ErrorCode::InvalidArgument, "colour match: maxSamples must be 1024 .. 4194304");
  if (o.quantiles < 8 || o.quantiles > 512)
    return makeError(ErrorCode::InvalidArgument, "colour match: quantiles must be 8 .. 512");
  if (o.iterations < 1 || o.iterations > 1000)
    return makeError(ErrorCode::InvalidArgument, "colour match: iterations must be 1 .. 1000");
  return {};
}

float quantileOf(std::vector<float>& sorted, double level) {
  const double pos = level * static_cast<double>(sorted.size() - 1);
  const auto i = static_cast<std::size_t>(pos);
  const std::size_t j = std::min(i + 1, sorted.size() - 1);
  const double t = pos - static_cast<double>(i);
  return static_cast<float>(sorted[i] * (1.0 - t) + sorted[j] * t);
}

// Plateaus at the ends of sorted values (clipped highlights, crushed blacks), as quantile levels:
// {below, above} such that levels <= below or >= above (with a 0.5 % margin) lie on a plateau;
// {0, 1} when a plateau holds under 0.5 % of the values.
std::pair<double, double> plateaus(const std::vector<float>& sorted) {
  constexpr double kMinFraction = 0.005;
  const double n = static_cast<double>(sorted.size());
  const float lo = sorted.front(), hi = sorted.back();
  const float tolLo = 1e-4f * std::max(1.0f, std::abs(lo)), tolHi = 1e-4f * std::max(1.0f, std::abs(hi));
  const auto firstAbove = std::upper_bound(sorted.begin(), sorted.end(), lo + tolLo);
  const auto lastBelow = std::lower_bound(sorted.begin(), sorted.end(), hi - tolHi);
  const double fracLo = static_cast<double>(firstAbove - sorted.begin()) / n;
  const double fracHi = static_cast<double>(sorted.end() - lastBelow) / n;
  return {fracLo >= kMinFraction ? fracLo + kMinFraction : 0.0,
          fracHi >= kMinFraction ? 1.0 - fracHi - kMinFraction : 1.0};
}

base::Result<MatchStats> measure(const ImageF& img, const std::string& what, const MatchOptions& o) {
  PL_TRY(checkPicture(img, what));
  const double ratio = static_cast<double>(img.pixels()) / o.maxSamples;
  const int step = std::max(1, static_cast<int>(std::ceil(std::sqrt(ratio))));
  std::array<std::vector<float>, 4> ch;  // R, G, B, luma
  for (int y = step / 2; y < img.height; y += step)
    for (int x = step / 2; x < img.width; x += step) {
      const float* p = img.at(x, y);
      if (!std::isfinite(p[0]) || !std::isfinite(p[1]) || !std::isfinite(p[2])) continue;
      for (int c = 0; c < 3; ++c) ch[c].push_back(p[c]);
      ch[3].push_back(0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2]);
    }
  if (ch[0].empty())
    return makeError(ErrorCode::InvalidArgument, "colour match: the " + what + " picture has no finite pixel");
  for (auto& v : ch) std::sort(v.begin(), v.end());
  MatchStats s;
  s.quantiles.resize(o.quantiles);
  for (int k = 0; k < o.quantiles; ++k)
    for (int c = 0; c < 3; ++c) s.quantiles[k][c] = quantileOf(ch[c], matchQuantileLevel(k, o.quantiles));
  s.medianLuma = quantileOf(ch[3], 0.5);
  for (int c = 0; c < 3; ++c) {
    const auto [below, above] = plateaus(ch[c]);
    s.clippedBelow = std::max(s.clippedBelow, below);
    s.clippedAbove = std::min(s.clippedAbove, above);
  }
  return s;
}

}  // namespace

base::Result<Normalise> matchGrade(const ImageF& clip, const ImageF& reference, const MatchOptions& options) {
  PL_TRY(checkOptions(options));
  PL_TRY_ASSIGN(ref, measure(reference, "reference", options));
  PL_TRY_ASSIGN(stats, measure(clip, "clip", options));
  return fitMatch(stats, ref, options);
}

base::Result<std::vector<Normalise>> matchAll(std::span<const ImageF> clips, const ImageF& reference,
                                              const MatchOptions& options) {
  PL_TRY(checkOptions(options));
  PL_TRY_ASSIGN(ref, measure(reference, "reference", options));
  std::vector<Normalise> out;
  out.reserve(clips.size());
  for (std::size_t i = 0; i < clips.size(); ++i) {
    auto stats = measure(clips[i], "clip " + std::to_string(i), options);
    if (!stats.ok()) return stats.error();
    out.push_back(fitMatch(stats.value(), ref, options));
  }
  return out;
}

}  // namespace postline::color
