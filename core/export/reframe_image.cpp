// Small-picture operations of the reframe analysis (reframe_image.h).
#include "core/export/reframe_image.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace postline::exporting::detail {

using base::ErrorCode;
using base::makeError;

std::array<int, 2> analysisGrid(int width, int height, int longSide) {
  if (width <= 0 || height <= 0) return {longSide, longSide};
  if (width >= height) return {longSide, std::max(8, static_cast<int>(std::lround(1.0 * longSide * height / width)))};
  return {std::max(8, static_cast<int>(std::lround(1.0 * longSide * width / height))), longSide};
}

namespace {

// Reads samples of one plane: 8-bit, or 16-bit little-endian; `elems` samples per pixel.
struct SampleReader {
  const media::Plane& plane;
  bool wide;
  int elems;
  double scale;  // code value -> 0..1
  double at(int x, int y, int elem) const {
    const std::size_t i = static_cast<std::size_t>(y) * plane.stride + static_cast<std::size_t>(x * elems + elem) * (wide ? 2 : 1);
    const unsigned v = wide ? plane.data[i] | (plane.data[i + 1] << 8) : plane.data[i];
    return v * scale;
  }
};

// Box averages of `reader` (element `elem`) over the gw x gh cells of its plane; a few samples per
// cell and axis suffice (the cell is far larger than the detail that survives the reduction).
Plane boxAverage(const SampleReader& reader, int elem, int gw, int gh) {
  const int pw = reader.plane.width;
  const int ph = reader.plane.height;
  Plane out{gw, gh, std::vector<float>(static_cast<std::size_t>(gw) * gh)};
  for (int gy = 0; gy < gh; ++gy) {
    const int y0 = gy * ph / gh;
    const int y1 = std::max(y0 + 1, (gy + 1) * ph / gh);
    const int sy = std::max(1, (y1 - y0) / 6);
    for (int gx = 0; gx < gw; ++gx) {
      const int x0 = gx * pw / gw;
      const int x1 = std::max(x0 + 1, (gx + 1) * pw / gw);
      const int sx = std::max(1, (x1 - x0) / 6);
      double sum = 0.0;
      int n = 0;
      for (int y = y0 + sy / 2; y < y1; y += sy) {
        for (int x = x0 + sx / 2; x < x1; x += sx, ++n) sum += reader.at(x, y, elem);
      }
      out.at(gx, gy) = static_cast<float>(n > 0 ? sum / n : 0.0);
    }
  }
  return out;
}

bool planeUsable(const media::Plane& p, int elems, bool wide) {
  if (p.width <= 0 || p.height <= 0 || p.stride <= 0) return false;
  const std::size_t row = static_cast<std::size_t>(p.width) * elems * (wide ? 2 : 1);
  return static_cast<std::size_t>(p.stride) >= row &&
         p.data.size() >= static_cast<std::size_t>(p.stride) * (p.height - 1) + row;
}

// Luma and colour differences (BT.709 weights) from RGBA channel averages.
SmallPicture fromRgb(const Plane& r, const Plane& g, const Plane& b) {
  SmallPicture out{{r, r, r}};
  for (std::size_t i = 0; i < r.v.size(); ++i) {
    const float y = 0.2126f * r.v[i] + 0.7152f * g.v[i] + 0.0722f * b.v[i];
    out.planes[0].v[i] = y;
    out.planes[1].v[i] = (b.v[i] - y) * 0.5389f;
    out.planes[2].v[i] = (r.v[i] - y) * 0.6350f;
  }
  return out;
}

}  // namespace

base::Result<SmallPicture> downscale(const media::VideoFrame& frame, int gridW, int gridH) {
  const bool wide = frame.bitDepth > 8;
  const double maxCode = frame.format == media::FrameFormat::Rgba ? (wide ? 65535.0 : 255.0)
                                                                  : std::ldexp(1.0, std::clamp(frame.bitDepth, 8, 16)) - 1.0;
  const double scale = 1.0 / maxCode;
  if (frame.format == media::FrameFormat::Rgba) {
    if (frame.planeCount < 1 || !planeUsable(frame.planes[0], 4, wide)) {
      return makeError(ErrorCode::InvalidArgument, "decoded picture has no usable RGBA plane");
    }
    const SampleReader rd{frame.planes[0], wide, 4, scale};
    return fromRgb(boxAverage(rd, 0, gridW, gridH), boxAverage(rd, 1, gridW, gridH), boxAverage(rd, 2, gridW, gridH));
  }
  if (frame.planeCount < 3) return makeError(ErrorCode::InvalidArgument, "decoded picture has fewer than 3 planes");
  SmallPicture out;
  for (int i = 0; i < 3; ++i) {
    if (!planeUsable(frame.planes[i], 1, wide)) {
      return makeError(ErrorCode::InvalidArgument, "decoded picture plane " + std::to_string(i) + " is malformed");
    }
    out.planes[i] = boxAverage(SampleReader{frame.planes[i], wide, 1, scale}, 0, gridW, gridH);
    if (i > 0) {
      for (float& v : out.planes[i].v) v -= 0.5f;
    }
  }
  return out;
}

namespace {

// One pass of a running box sum of half-width r along `n` samples spaced `stride` apart (edges
// clamped): O(n) whatever the radius.
void boxPass(float* data, int n, int stride, int r, std::vector<float>& line) {
  line.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) line[static_cast<std::size_t>(i)] = data[static_cast<std::ptrdiff_t>(i) * stride];
  const auto at = [&](int i) { return line[static_cast<std::size_t>(std::clamp(i, 0, n - 1))]; };
  float sum = 0.0f;
  for (int i = -r; i <= r; ++i) sum += at(i);
  const float norm = 1.0f / static_cast<float>(2 * r + 1);
  for (int i = 0; i < n; ++i) {
    data[static_cast<std::ptrdiff_t>(i) * stride] = sum * norm;
    sum += at(i + r + 1) - at(i - r);
  }
}

// Exact Gaussian of `n` samples spaced `stride` apart (small sigmas).
void kernelPass(float* data, int n, int stride, const std::vector<float>& k, std::vector<float>& line) {
  const int r = static_cast<int>(k.size() / 2);
  line.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) line[static_cast<std::size_t>(i)] = data[static_cast<std::ptrdiff_t>(i) * stride];
  for (int i = 0; i < n; ++i) {
    float s = 0.0f;
    for (int j = -r; j <= r; ++j) s += k[static_cast<std::size_t>(j + r)] * line[static_cast<std::size_t>(std::clamp(i + j, 0, n - 1))];
    data[static_cast<std::ptrdiff_t>(i) * stride] = s;
  }
}

}  // namespace

Plane blurred(const Plane& p, double sigma) {
  if (sigma <= 0.0 || p.v.empty()) return p;
  Plane out = p;
  std::vector<float> line;
  float* d = out.v.data();
  if (sigma < 2.0) {
    const int r = std::max(1, static_cast<int>(std::ceil(3.0 * sigma)));
    std::vector<float> k(static_cast<std::size_t>(2 * r + 1));
    float total = 0.0f;
    for (int i = -r; i <= r; ++i) total += k[static_cast<std::size_t>(i + r)] = static_cast<float>(std::exp(-0.5 * i * i / (sigma * sigma)));
    for (float& w : k) w /= total;
    for (int y = 0; y < p.h; ++y) kernelPass(d + static_cast<std::ptrdiff_t>(y) * p.w, p.w, 1, k, line);
    for (int x = 0; x < p.w; ++x) kernelPass(d + x, p.h, p.w, k, line);
    return out;
  }
  // Three box passes approximate a Gaussian closely (variance 3 (w^2 - 1) / 12 for box width w).
  const int r = std::max(1, static_cast<int>(std::lround((std::sqrt(4.0 * sigma * sigma + 1.0) - 1.0) / 2.0)));
  for (int pass = 0; pass < 3; ++pass) {
    for (int y = 0; y < p.h; ++y) boxPass(d + static_cast<std::ptrdiff_t>(y) * p.w, p.w, 1, r, line);
    for (int x = 0; x < p.w; ++x) boxPass(d + x, p.h, p.w, r, line);
  }
  return out;
}

namespace {

// Half-size plane (2 x 2 averages).
Plane halved(const Plane& p) {
  Plane out{std::max(1, p.w / 2), std::max(1, p.h / 2), {}};
  out.v.resize(static_cast<std::size_t>(out.w) * out.h);
  for (int y = 0; y < out.h; ++y) {
    for (int x = 0; x < out.w; ++x) {
      const int x1 = std::min(2 * x + 1, p.w - 1);
      const int y1 = std::min(2 * y + 1, p.h - 1);
      out.at(x, y) = 0.25f * (p.at(2 * x, 2 * y) + p.at(x1, 2 * y) + p.at(2 * x, y1) + p.at(x1, y1));
    }
  }
  return out;
}

// Mean |cur(x) - ref(x + d)| over the cells inside a border of `margin` (integer shift d).
double meanAbsDiff(const Plane& ref, const Plane& cur, int dx, int dy, int margin) {
  double sum = 0.0;
  long n = 0;
  const int x0 = std::max(margin, -dx), x1 = std::min(cur.w - margin, ref.w - dx);
  for (int y = margin; y < cur.h - margin; ++y) {
    const int ry = y + dy;
    if (ry < 0 || ry >= ref.h || x0 >= x1) continue;
    const float* c = &cur.v[static_cast<std::size_t>(y) * cur.w];
    const float* r = &ref.v[static_cast<std::size_t>(ry) * ref.w + dx];
    float rowSum = 0.0f;
    for (int x = x0; x < x1; ++x) rowSum += std::fabs(c[x] - r[x]);
    sum += rowSum;
    n += x1 - x0;
  }
  return n > 0 ? sum / static_cast<double>(n) : std::numeric_limits<double>::max();
}

// The best integer shift within `radius` of (cx, cy), by mean absolute difference.
std::array<int, 2> bestShift(const Plane& ref, const Plane& cur, int cx, int cy, int radius, int margin) {
  std::array<int, 2> best{cx, cy};
  double bestCost = std::numeric_limits<double>::max();
  for (int dy = cy - radius; dy <= cy + radius; ++dy) {
    for (int dx = cx - radius; dx <= cx + radius; ++dx) {
      // A tiny preference for small shifts breaks ties on flat pictures towards "no pan".
      const double cost = meanAbsDiff(ref, cur, dx, dy, margin) * (1.0 + 1e-4 * (dx * dx + dy * dy));
      if (cost < bestCost) {
        bestCost = cost;
        best = {dx, dy};
      }
    }
  }
  return best;
}

// Bilinear sample of `p` at (x, y), which must lie inside [0, w - 1] x [0, h - 1].
float bilinear(const Plane& p, double x, double y) {
  const int x0 = std::min(static_cast<int>(x), p.w - 2);
  const int y0 = std::min(static_cast<int>(y), p.h - 2);
  const auto fx = static_cast<float>(x - x0);
  const auto fy = static_cast<float>(y - y0);
  const float* r0 = &p.v[static_cast<std::size_t>(y0) * p.w + x0];
  const float* r1 = r0 + p.w;
  const float top = r0[0] + fx * (r0[1] - r0[0]);
  const float bottom = r1[0] + fx * (r1[1] - r1[0]);
  return top + fy * (bottom - top);
}

// Gauss-Newton refinement of a global translation (Lucas-Kanade over the whole picture): each
// step linearises `ref` around the current shift. Cells whose error is far above the typical one
// (a subject moving on its own) are left out, so the background decides the pan.
Shift refineShift(const Plane& ref, const Plane& cur, Shift s, int margin) {
  std::vector<float> errors;
  for (int iteration = 0; iteration < 5; ++iteration) {
    double gxx = 0, gxy = 0, gyy = 0, bx = 0, by = 0;
    float limit = 0.0f;
    for (int pass = 0; pass < 2; ++pass) {  // pass 0: the typical error; pass 1: the normal equations
      if (pass == 1) {
        if (errors.empty()) return s;
        auto mid = errors.begin() + static_cast<std::ptrdiff_t>(errors.size() / 2);
        std::nth_element(errors.begin(), mid, errors.end());
        limit = 3.0f * *mid + 1e-4f;
      }
      errors.clear();
      for (int y = margin; y < cur.h - margin; ++y) {
        for (int x = margin; x < cur.w - margin; ++x) {
          const double rx = x + s.dx, ry = y + s.dy;
          if (rx < 1.0 || ry < 1.0 || rx > ref.w - 2.0 || ry > ref.h - 2.0) continue;
          const float e = bilinear(ref, rx, ry) - cur.at(x, y);
          if (pass == 0) {
            errors.push_back(std::fabs(e));
          } else if (std::fabs(e) <= limit) {
            const double gx = 0.5 * (bilinear(ref, rx + 1.0, ry) - bilinear(ref, rx - 1.0, ry));
            const double gy = 0.5 * (bilinear(ref, rx, ry + 1.0) - bilinear(ref, rx, ry - 1.0));
            gxx += gx * gx, gxy += gx * gy, gyy += gy * gy, bx += gx * e, by += gy * e;
          }
        }
      }
    }
    const double det = gxx * gyy - gxy * gxy;
    if (!(det > 1e-12)) break;
    const double dx = std::clamp(-(gyy * bx - gxy * by) / det, -1.0, 1.0);
    const double dy = std::clamp(-(gxx * by - gxy * bx) / det, -1.0, 1.0);
    s.dx += dx;
    s.dy += dy;
    if (std::fabs(dx) + std::fabs(dy) < 0.005) break;
  }
  return s;
}

}  // namespace

Shift estimateShift(const Plane& ref, const Plane& cur, int radius) {
  if (ref.w != cur.w || ref.h != cur.h || cur.w < 8 || cur.h < 8) return {};
  const Plane rh = halved(ref);
  const Plane ch = halved(cur);
  const int coarseRadius = std::max(1, (radius + 1) / 2);
  const auto coarse = bestShift(rh, ch, 0, 0, coarseRadius, coarseRadius);
  const int margin = radius + 1;
  const auto fine = bestShift(ref, cur, 2 * coarse[0], 2 * coarse[1], 1, margin);
  const Shift refined = refineShift(ref, cur, {static_cast<double>(fine[0]), static_cast<double>(fine[1])}, margin);
  // A refinement that wandered off (a flat picture, repetitive texture) falls back on the search.
  if (std::fabs(refined.dx - fine[0]) > 1.5 || std::fabs(refined.dy - fine[1]) > 1.5) {
    return {static_cast<double>(fine[0]), static_cast<double>(fine[1])};
  }
  return refined;
}

Plane motionResidual(const SmallPicture& ref, const SmallPicture& cur, const Shift& s) {
  const int w = cur.w();
  const int h = cur.h();
  Plane out{w, h, std::vector<float>(static_cast<std::size_t>(w) * h, -1.0f)};
  const float weights[3] = {1.0f, 1.5f, 1.5f};  // colour differences count a little more than luma steps
  for (int y = 0; y < h; ++y) {
    const double ry = y + s.dy;
    if (ry < 0.0 || ry > h - 1.0) continue;
    const int y0 = std::min(static_cast<int>(ry), h - 2);
    const float fy = static_cast<float>(ry - y0);
    for (int x = 0; x < w; ++x) {
      const double rx = x + s.dx;
      if (rx < 0.0 || rx > w - 1.0) continue;
      const int x0 = std::min(static_cast<int>(rx), w - 2);
      const float fx = static_cast<float>(rx - x0);
      float d = 0.0f;
      for (int c = 0; c < 3; ++c) {
        const Plane& r = ref.planes[c];
        const float top = r.at(x0, y0) + fx * (r.at(x0 + 1, y0) - r.at(x0, y0));
        const float bottom = r.at(x0, y0 + 1) + fx * (r.at(x0 + 1, y0 + 1) - r.at(x0, y0 + 1));
        d += weights[c] * std::fabs(cur.planes[c].at(x, y) - (top + fy * (bottom - top)));
      }
      out.at(x, y) = d;
    }
  }
  return out;
}

float quantile(const Plane& p, double q, bool knownOnly) {
  std::vector<float> v;
  v.reserve(p.v.size());
  for (float x : p.v) {
    if (!knownOnly || x >= 0.0f) v.push_back(x);
  }
  if (v.empty()) return 0.0f;
  const auto k = static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace postline::exporting::detail
