#include "core/color/match_fit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>

#include "core/color/match_solver.h"

namespace postline::color {
namespace {

// The fitted parameters. Temperature and tint in hundredths of the slider (so a finite-difference
// step shows in float), contrast, gamma and gain as log2. Per-channel wheels: only their
// differences from their mean reach the picture (the prior holds the mean at zero).
enum Param {
  kTemp, kTint, kExposure, kLogContrast, kLiftM, kLogGammaM, kLogGainM,
  kLiftR, kLiftG, kLiftB, kLogGammaR, kLogGammaG, kLogGammaB, kLogGainR, kLogGainG, kLogGainB,
  kParamCount
};

constexpr double kNoiseFloor = 0.002;  // code values: the least noise level of the data term
// Mismatch (robust rms residual of the global fit, code values) up to which the pictures are taken
// as one scene; above it the noise level grows with the square of the mismatch, so the prior
// takes over (the difference is content, not a cast). Same scene under a cast: <= 0.005; noisy
// or clipped: ~0.01 .. 0.02; different content or another part of a scene: 0.03 .. 0.2.
constexpr double kTrustedMismatch = 0.01;

// Prior scales (one standard deviation of the prior: a parameter this far from identity costs
// as much as an rms quantile error of one noise level). White balance, exposure and contrast use
// half their kMatchPlausible range; the master wheels, which overlap exposure and contrast, are
// tighter (so exposure and contrast carry a tonal change), and so are the per-channel wheels
// (fitted after white balance, on what it leaves).
constexpr double kMasterLiftScale = 0.05;    // code values
constexpr double kMasterGammaScale = 0.25;   // log2
constexpr double kMasterGainScale = 0.2;     // log2 (0.48 stops in linear light)
constexpr double kChannelLiftScale = 0.02;   // code values
constexpr double kChannelGammaScale = 0.1;   // log2
constexpr double kChannelGainScale = 0.15;   // log2

// Prior scale and hard bounds of one parameter.
struct Spec {
  double scale;
  double lower;
  double upper;
};

Spec symmetric(double scale, double hard) { return {scale, -hard, hard}; }
Spec logRange(double scale, double hardMin, double hardMax) { return {scale, std::log2(hardMin), std::log2(hardMax)}; }

// Per-channel wheels keep 3/4 of the master's hard bound, so their differences from their mean
// (at most 4/3 of it) stay within the hard bound.
Spec channel(const Spec& master, double scale) {
  const double hard = 0.75 * std::min(-master.lower, master.upper);
  return {scale, -hard, hard};
}

std::array<Spec, kParamCount> makeSpecs() {
  const MatchRange& p = kMatchPlausible;
  const MatchRange& h = kMatchHard;
  std::array<Spec, kParamCount> s{};
  s[kTemp] = symmetric(p.temperature / 100.0, h.temperature / 100.0);
  s[kTint] = symmetric(p.tint / 100.0, h.tint / 100.0);
  s[kExposure] = symmetric(p.exposure, h.exposure);
  s[kLogContrast] = logRange(0.5 * std::log2(p.contrastMax / p.contrastMin), h.contrastMin, h.contrastMax);
  s[kLiftM] = symmetric(kMasterLiftScale, h.lift);
  s[kLogGammaM] = logRange(kMasterGammaScale, h.gammaMin, h.gammaMax);
  s[kLogGainM] = logRange(kMasterGainScale, h.gainMin, h.gainMax);
  for (int c = 0; c < 3; ++c) {
    s[kLiftR + c] = channel(s[kLiftM], kChannelLiftScale);
    s[kLogGammaR + c] = channel(s[kLogGammaM], kChannelGammaScale);
    s[kLogGainR + c] = channel(s[kLogGainM], kChannelGainScale);
  }
  return s;
}

const std::array<Spec, kParamCount> kSpecs = makeSpecs();

// The Normalise of a parameter vector (not clamped: the solver's bounds hold the values).
Normalise toNormalise(const std::vector<double>& p) {
  Normalise n;
  n.temperature = 100.0 * p[kTemp];
  n.tint = 100.0 * p[kTint];
  n.exposure = p[kExposure];
  n.contrast = std::exp2(p[kLogContrast]);
  const double liftMean = (p[kLiftR] + p[kLiftG] + p[kLiftB]) / 3.0;
  const double gammaMean = (p[kLogGammaR] + p[kLogGammaG] + p[kLogGammaB]) / 3.0;
  const double gainMean = (p[kLogGainR] + p[kLogGainG] + p[kLogGainB]) / 3.0;
  for (int c = 0; c < 3; ++c) {
    n.lift[c] = p[kLiftR + c] - liftMean;
    n.gamma[c] = std::exp2(p[kLogGammaR + c] - gammaMean);
    n.gain[c] = std::exp2(p[kLogGainR + c] - gainMean);
  }
  n.lift[3] = p[kLiftM];
  n.gamma[3] = std::exp2(p[kLogGammaM]);
  n.gain[3] = std::exp2(p[kLogGainM]);
  return n;
}

// Every value within kMatchHard (a guard against rounding at the bounds).
Normalise clampToHard(Normalise n) {
  const MatchRange& h = kMatchHard;
  n.temperature = std::clamp(n.temperature, -h.temperature, h.temperature);
  n.tint = std::clamp(n.tint, -h.tint, h.tint);
  n.exposure = std::clamp(n.exposure, -h.exposure, h.exposure);
  n.contrast = std::clamp(n.contrast, h.contrastMin, h.contrastMax);
  for (int c = 0; c < 4; ++c) {
    n.lift[c] = std::clamp(n.lift[c], -h.lift, h.lift);
    n.gamma[c] = std::clamp(n.gamma[c], h.gammaMin, h.gammaMax);
    n.gain[c] = std::clamp(n.gain[c], h.gainMin, h.gainMax);
  }
  return n;
}

// The median of values with weights (pairs of value, weight); 0 when the weights are all 0.
double weightedMedian(std::vector<std::pair<double, double>> v) {
  std::sort(v.begin(), v.end());
  double total = 0.0;
  for (const auto& e : v) total += e.second;
  double sum = 0.0;
  for (const auto& e : v)
    if ((sum += e.second) >= 0.5 * total && e.second > 0.0) return e.first;
  return 0.0;
}

// Noise levels of the data term, code values: its luma part and its chroma part.
struct Noise {
  double luma = kNoiseFloor;
  double chroma = kNoiseFloor;
};

// Weighted quantile differences (graded clip minus reference, grading space) in an orthonormal
// basis: luma (R+G+B)/sqrt3, chroma (R-B)/sqrt2 and (R+B-2G)/sqrt6; plus the prior.
class Problem {
 public:
  Problem(const MatchStats& clip, const MatchStats& reference) : m_clip(&clip) {
    const int count = static_cast<int>(clip.quantiles.size());
    const double below = std::max(clip.clippedBelow, reference.clippedBelow);
    const double above = std::min(clip.clippedAbove, reference.clippedAbove);
    double total = 0.0;
    for (int k = 0; k < count; ++k) {
      const double level = matchQuantileLevel(k, count);
      const double s = std::sin(std::numbers::pi * level);
      const bool clipped = level <= below || level >= above;  // no information there
      m_weight.push_back(clipped ? 0.0 : 1.0 + 3.0 * s * s);  // mid-tones up to 4x the extremes
      total += m_weight.back();
      m_refCode.push_back(encodeGrading(reference.quantiles[k]));
    }
    if (total < 1e-9) std::fill(m_weight.begin(), m_weight.end(), 1.0), total = count;  // clipped everywhere
    for (double& w : m_weight) w /= 3.0 * total;  // the data term is a mean over quantiles and channels
  }

  void setNoise(const Noise& n) { m_noise = n; }

  // Solver residuals: the data term over the noise levels, then the prior.
  void residuals(const std::vector<double>& p, std::vector<double>& r) const {
    r.clear();
    forEachError(p, [&](double w, double luma, double c1, double c2) {
      const double s = std::sqrt(w);
      r.push_back(s * luma / m_noise.luma);
      r.push_back(s * c1 / m_noise.chroma);
      r.push_back(s * c2 / m_noise.chroma);
    });
    for (int i = 0; i < kParamCount; ++i) r.push_back(p[i] / kSpecs[i].scale);
  }

  // A robust rms over quantiles of the luma part and of each chroma part (code values): 1.4826
  // times their weighted median magnitude, so a few odd quantiles (noisy shadows) do not count.
  Noise robustRms(const std::vector<double>& p) const {
    std::vector<std::pair<double, double>> luma, chroma;  // magnitude, weight
    forEachError(p, [&](double w, double l, double c1, double c2) {
      luma.emplace_back(std::abs(l), w);
      chroma.emplace_back(std::sqrt(0.5 * (c1 * c1 + c2 * c2)), w);
    });
    return {1.4826 * weightedMedian(luma), 1.4826 * weightedMedian(chroma)};
  }

 private:
  template <typename Fn>
  void forEachError(const std::vector<double>& p, Fn&& fn) const {
    const Normalise n = toNormalise(p);
    for (std::size_t k = 0; k < m_weight.size(); ++k) {
      const Rgb g = encodeGrading(applyNormalise(m_clip->quantiles[k], n));
      std::array<double, 3> d{};
      for (int c = 0; c < 3; ++c) d[c] = static_cast<double>(g[c]) - m_refCode[k][c];
      fn(m_weight[k], (d[0] + d[1] + d[2]) / std::sqrt(3.0), (d[0] - d[2]) / std::sqrt(2.0),
         (d[0] + d[2] - 2.0 * d[1]) / std::sqrt(6.0));
    }
  }

  const MatchStats* m_clip;
  std::vector<Rgb> m_refCode;
  std::vector<double> m_weight;
  Noise m_noise;
};

// Parameter bounds for the solver: kSpecs's, or (for the evidence fit) white balance widened.
struct Bounds {
  std::vector<double> lower;
  std::vector<double> upper;
};

Bounds boundsOf(double whiteBalanceLimit) {
  Bounds b;
  for (const Spec& s : kSpecs) b.lower.push_back(s.lower), b.upper.push_back(s.upper);
  for (int i : {kTemp, kTint}) b.lower[i] = -whiteBalanceLimit, b.upper[i] = whiteBalanceLimit;
  return b;
}

void solveFor(const Problem& problem, std::vector<double>& p, std::initializer_list<int> params, const Bounds& b,
              int iterations) {
  std::vector<bool> active(kParamCount, false);
  for (int i : params) active[i] = true;
  solveLeastSquares([&](const std::vector<double>& q, std::vector<double>& r) { problem.residuals(q, r); }, p,
                    active, b.lower, b.upper, iterations);
}

// The noise levels for the final fit, from how well a global transform (white balance of any
// strength, exposure, contrast, master wheels) maps the clip onto the reference at the noise
// floor: its robust rms residual, raised by kTrustedMismatch's rule. Small for the same scene
// under a cast, large where the content differs.
Noise contentMismatch(Problem& problem, const std::vector<double>& start, const MatchOptions& o) {
  problem.setNoise({});
  std::vector<double> p = start;
  const Bounds wide = boundsOf(o.colour ? 4.0 : 0.0);
  if (o.colour)
    solveFor(problem, p, {kTemp, kTint, kExposure, kLogContrast, kLiftM, kLogGammaM, kLogGainM}, wide, o.iterations);
  else
    solveFor(problem, p, {kExposure, kLogContrast, kLiftM, kLogGammaM, kLogGainM}, wide, o.iterations);
  const Noise rms = problem.robustRms(p);
  const auto distrust = [](double rms) { return std::max(kNoiseFloor, rms * std::max(1.0, rms / kTrustedMismatch)); };
  return {distrust(rms.luma), distrust(rms.chroma)};
}

// The fit at the problem's noise levels: white balance, exposure, contrast and master lift
// first, then (white balance kept) everything else on what white balance leaves.
std::vector<double> solveStaged(const Problem& problem, std::vector<double> p, const MatchOptions& o) {
  const Bounds b = boundsOf(kSpecs[kTemp].upper);
  if (o.colour) {
    solveFor(problem, p, {kTemp, kTint, kExposure, kLogContrast, kLiftM}, b, o.iterations);
    solveFor(problem, p,
             {kExposure, kLogContrast, kLiftM, kLogGammaM, kLogGainM, kLiftR, kLiftG, kLiftB, kLogGammaR, kLogGammaG,
              kLogGammaB, kLogGainR, kLogGainG, kLogGainB},
             b, o.iterations);
  } else {
    solveFor(problem, p, {kExposure, kLogContrast, kLiftM}, b, o.iterations);
    solveFor(problem, p, {kExposure, kLogContrast, kLiftM, kLogGammaM, kLogGainM}, b, o.iterations);
  }
  return p;
}

}  // namespace

double matchQuantileLevel(int k, int count) { return 0.02 + 0.96 * k / (count - 1); }

Normalise fitMatch(const MatchStats& clip, const MatchStats& reference, const MatchOptions& options) {
  Problem problem(clip, reference);
  std::vector<double> start(kParamCount, 0.0);  // identity, at the exposure that matches median luma
  if (clip.medianLuma > 1e-6 && reference.medianLuma > 1e-6)
    start[kExposure] = std::clamp(std::log2(reference.medianLuma / clip.medianLuma), kSpecs[kExposure].lower,
                                  kSpecs[kExposure].upper);
  problem.setNoise(contentMismatch(problem, start, options));
  return clampToHard(toNormalise(solveStaged(problem, start, options)));
}

}  // namespace postline::color
