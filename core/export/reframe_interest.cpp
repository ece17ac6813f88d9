// The centre of interest of a picture (reframe_analysis.h): saliency plus pan-compensated motion.
#include <algorithm>
#include <cmath>

#include "core/export/reframe_analysis.h"

namespace postline::exporting::detail {

namespace {

// Largest pan searched between two compared pictures, in cells of the analysis grid (about 8 %
// of the width between pictures 1/12 s apart: a full-frame whip pan in 1 s).
constexpr int kPanRadius = 10;
// Residual / contrast levels (0..1 code values) at which a map counts as fully significant: below
// them a map is mostly compression noise or misregistration and is trusted proportionally less.
constexpr double kMotionFull = 0.04;
constexpr double kSaliencyFull = 0.06;
constexpr double kMotionWeight = 2.0;  // a moving subject beats a merely conspicuous one

Plane zeros(int w, int h) { return Plane{w, h, std::vector<float>(static_cast<std::size_t>(w) * h, 0.0f)}; }

// `p` minus `floor`, negatives (and unknown cells) set to 0.
void subtractFloor(Plane& p, float floor) {
  for (float& v : p.v) v = std::max(0.0f, v - floor);
}

float maxOf(const Plane& p) { return p.v.empty() ? 0.0f : *std::max_element(p.v.begin(), p.v.end()); }

}  // namespace

namespace {

// Centre-surround contrast of one feature plane at two scales plus its distance from the
// picture's median, added into `out` with `weight`.
void addContrast(const Plane& feature, double scale, float weight, Plane& out) {
  const Plane fine = blurred(feature, 1.0 * scale);
  const Plane mid = blurred(feature, 4.0 * scale);
  const Plane coarse = blurred(feature, 12.0 * scale);
  const float median = quantile(fine, 0.5, false);
  for (std::size_t i = 0; i < out.v.size(); ++i) {
    const float f = fine.v[i];
    out.v[i] += weight * (std::fabs(f - mid.v[i]) + std::fabs(f - coarse.v[i]) + 0.5f * std::fabs(f - median));
  }
}

// Local contrast (standard deviation of luma over about `sigma` cells): a flat subject on a busy
// ground, or a busy one on a flat ground, differs here even when its mean colour does not.
Plane textureEnergy(const Plane& luma, double sigma) {
  Plane sq = luma;
  for (float& v : sq.v) v *= v;
  const Plane mean = blurred(luma, sigma);
  Plane out = blurred(sq, sigma);
  for (std::size_t i = 0; i < out.v.size(); ++i) out.v[i] = std::sqrt(std::max(0.0f, out.v[i] - mean.v[i] * mean.v[i]));
  return out;
}

}  // namespace

Plane saliencyMap(const SmallPicture& picture) {
  const int w = picture.w();
  const int h = picture.h();
  const double scale = std::max(w, h) / static_cast<double>(kAnalysisSize);  // sigmas follow the grid
  Plane out = zeros(w, h);
  const float weights[3] = {1.0f, 1.5f, 1.5f};
  for (int c = 0; c < 3; ++c) addContrast(picture.planes[c], scale, weights[c], out);
  addContrast(textureEnergy(picture.planes[0], 2.0 * scale), scale, 1.5f, out);
  subtractFloor(out, quantile(out, 0.5));
  return out;
}

Plane motionMap(const SmallPicture& cur, const SmallPicture* before, const SmallPicture* after) {
  const int w = cur.w();
  const int h = cur.h();
  Plane sides[2];
  int n = 0;
  for (const SmallPicture* other : {before, after}) {
    if (other == nullptr || other->w() != w || other->h() != h) continue;
    const Shift pan = estimateShift(other->planes[0], cur.planes[0], kPanRadius);
    sides[n] = motionResidual(*other, cur, pan);
    // Near the edges the reduction and blurs saw a clamped picture and new content enters with a
    // pan: a band as wide as the pan plus two cells is not trusted.
    const int bx = 2 + static_cast<int>(std::ceil(std::fabs(pan.dx)));
    const int by = 2 + static_cast<int>(std::ceil(std::fabs(pan.dy)));
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        if (x < bx || y < by || x >= w - bx || y >= h - by) sides[n].at(x, y) = -1.0f;
      }
    }
    ++n;
  }
  if (n == 0) return Plane{};
  Plane out = sides[0];
  if (n == 2) {
    for (std::size_t i = 0; i < out.v.size(); ++i) {
      const float a = sides[0].v[i];
      const float b = sides[1].v[i];
      // Both known: what differs from both neighbours is where the subject is now; one known: that one.
      out.v[i] = a < 0.0f ? b : (b < 0.0f ? a : std::min(a, b));
    }
  }
  subtractFloor(out, quantile(out, 0.5));  // unknown cells (-1) become 0
  return blurred(out, std::max(w, h) / static_cast<double>(kAnalysisSize));
}

InterestPoint locateBlob(const Plane& map) {
  const int w = map.w;
  const int h = map.h;
  InterestPoint none;
  if (w <= 0 || h <= 0) return none;
  // Low-level clutter spread over the whole picture would outweigh a compact subject by sheer
  // area: only what rises above a quarter of the map's peak counts.
  const float floor = 0.25f * maxOf(map);
  Plane top = map;
  subtractFloor(top, floor);
  double total = 0.0;
  for (float v : top.v) total += v;
  if (!(total > 1e-9)) return none;
  const double radius = 0.10 * std::max(w, h);
  const Plane smooth = blurred(map, radius / 4.0);
  const auto peak = std::max_element(smooth.v.begin(), smooth.v.end()) - smooth.v.begin();
  double cx = static_cast<double>(peak % w) + 0.5;
  double cy = static_cast<double>(peak / w) + 0.5;
  double mass = 0.0;
  int cells = 0;
  for (int iteration = 0; iteration < 4; ++iteration) {  // mean shift: settle on the blob's centroid
    double sx = 0.0, sy = 0.0;
    mass = 0.0;
    cells = 0;
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        const double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
        if (dx * dx + dy * dy > radius * radius) continue;
        const double v = top.at(x, y);
        sx += v * (x + 0.5);
        sy += v * (y + 0.5);
        mass += v;
        ++cells;
      }
    }
    if (!(mass > 1e-12)) break;
    cx = sx / mass;
    cy = sy / mass;
  }
  const double share = mass / total;
  const double even = static_cast<double>(cells) / (static_cast<double>(w) * h);
  InterestPoint p;
  p.x = std::clamp(cx / w, 0.0, 1.0);
  p.y = std::clamp(cy / h, 0.0, 1.0);
  p.confidence = even >= 1.0 ? 0.0 : std::clamp((share - even) / (1.0 - even), 0.0, 1.0);
  return p;
}

PictureMaps mapsOf(const SmallPicture& cur, const SmallPicture* before, const SmallPicture* after) {
  return {saliencyMap(cur), motionMap(cur, before, after)};
}

InterestPoint combineMaps(const std::vector<const PictureMaps*>& maps, std::size_t centre) {
  const Plane& saliency = maps[centre]->saliency;
  // Motion averaged over the neighbours in time: the subject's trace adds up (it moves little in
  // a tenth of a second), compression noise and flicker average out.
  Plane motion;
  int counted = 0;
  for (const PictureMaps* m : maps) {
    if (m->motion.v.size() != saliency.v.size()) continue;
    if (counted++ == 0) {
      motion = m->motion;
    } else {
      for (std::size_t i = 0; i < motion.v.size(); ++i) motion.v[i] += m->motion.v[i];
    }
  }
  for (float& v : motion.v) v /= static_cast<float>(std::max(counted, 1));
  Plane combined = zeros(saliency.w, saliency.h);
  double strongest = 0.0;
  const auto add = [&](const Plane& map, double full, double weight) {
    const float peak = maxOf(map);
    if (!(peak > 0.0f)) return;
    const double strength = std::clamp(peak / full, 0.0, 1.0);
    const double w = weight * strength * locateBlob(map).confidence / peak;
    for (std::size_t i = 0; i < combined.v.size(); ++i) combined.v[i] += static_cast<float>(w * map.v[i]);
    strongest = std::max(strongest, strength);
  };
  add(saliency, kSaliencyFull, 1.0);
  if (!motion.v.empty()) add(motion, kMotionFull, kMotionWeight);
  InterestPoint p = locateBlob(combined);
  p.confidence *= strongest;
  return p;
}

InterestPoint interestOf(const SmallPicture& cur, const SmallPicture* before, const SmallPicture* after) {
  const PictureMaps maps = mapsOf(cur, before, after);
  return combineMaps({&maps}, 0);
}

}  // namespace postline::exporting::detail
