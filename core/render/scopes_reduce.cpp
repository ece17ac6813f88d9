#include "core/render/scopes_reduce.h"

#include <algorithm>
#include <vector>

namespace postline::render {
namespace {

// Overlap of source cell i (length dstLen in the common unit) and destination cell o (srcLen).
long long overlap(long long i, long long dstLen, long long o, long long srcLen) {
  const long long lo = std::max(i * dstLen, o * srcLen);
  const long long hi = std::min((i + 1) * dstLen, (o + 1) * srcLen);
  return hi > lo ? hi - lo : 0;
}

// Box-filter taps from srcLen cells onto dstLen cells. Exact weights are the overlaps (summing
// to srcLen); quantised weights are overlaps in 1/16 of a source cell (for 16-bit accumulators).
struct Taps {
  std::vector<int> begin;               // per destination cell: first source cell
  std::vector<int> start;               // per destination cell: offset into weight (+1 sentinel)
  std::vector<std::uint32_t> weight;    // per tap
  std::vector<std::uint32_t> sum;       // per destination cell: sum of its weights

  void build(int srcLen, int dstLen, bool quantised) {
    begin.resize(dstLen);
    start.resize(dstLen + 1);
    sum.resize(dstLen);
    weight.clear();
    for (int o = 0; o < dstLen; ++o) {
      const long long lo = static_cast<long long>(o) * srcLen;
      const long long hi = lo + srcLen;
      const int b = static_cast<int>(lo / dstLen);
      const int e = static_cast<int>((hi + dstLen - 1) / dstLen);
      begin[o] = b;
      start[o] = static_cast<int>(weight.size());
      sum[o] = 0;
      for (int i = b; i < e; ++i) {
        const long long ov = overlap(i, dstLen, o, srcLen);
        const auto w = static_cast<std::uint32_t>(quantised ? (16 * ov + dstLen / 2) / dstLen : ov);
        weight.push_back(w);
        sum[o] += w;
      }
    }
    start[dstLen] = static_cast<int>(weight.size());
  }
};

struct Scratch {
  Taps rows;
  Taps columns;
  std::vector<std::uint16_t> column16;  // vertical sums of one reduced row (8-bit input)
  std::vector<std::uint32_t> column32;  // vertical sums of one reduced row (16-bit input)
  std::vector<std::uint16_t> out;       // one reduced row, dstWidth * 3
};

// Weighted sum of the source rows of reduced row oy into col (width * 4 values).
template <class T, class Acc>
void sumRows(const FrameView& f, const T* base, const Taps& taps, int oy, Acc* __restrict col) {
  const std::size_t n = static_cast<std::size_t>(f.width) * 4;
  const std::size_t stride = f.strideBytes ? f.strideBytes : n * sizeof(T);
  std::fill(col, col + n, Acc{0});
  int y = taps.begin[oy];
  for (int t = taps.start[oy]; t < taps.start[oy + 1]; ++t, ++y) {
    const Acc w = static_cast<Acc>(taps.weight[t]);
    if (w == 0) continue;
    const T* __restrict row = reinterpret_cast<const T*>(reinterpret_cast<const std::uint8_t*>(base) + y * stride);
    for (std::size_t i = 0; i < n; ++i) col[i] = static_cast<Acc>(col[i] + w * row[i]);
  }
}

// Weighted horizontal sums of col into dstWidth R, G, B triples, scaled to 16-bit code values.
template <class Acc, class Sum>
void sumColumns(const Taps& taps, const Acc* col, double rowScale, std::uint16_t* out) {
  const int dstW = static_cast<int>(taps.begin.size());
  for (int o = 0; o < dstW; ++o) {
    Sum r = 0, g = 0, b = 0;
    const Acc* px = col + static_cast<std::size_t>(taps.begin[o]) * 4;
    for (int t = taps.start[o]; t < taps.start[o + 1]; ++t, px += 4) {
      const Sum w = taps.weight[t];
      r += w * px[0];
      g += w * px[1];
      b += w * px[2];
    }
    const double scale = rowScale / taps.sum[o];
    out[3 * o] = static_cast<std::uint16_t>(std::min(65535.0, static_cast<double>(r) * scale + 0.5));
    out[3 * o + 1] = static_cast<std::uint16_t>(std::min(65535.0, static_cast<double>(g) * scale + 0.5));
    out[3 * o + 2] = static_cast<std::uint16_t>(std::min(65535.0, static_cast<double>(b) * scale + 0.5));
  }
}

}  // namespace

void reduceFrame(const FrameView& frame, int dstW, int dstH, const ReducedRowSink& sink) {
  thread_local Scratch s;
  // 8-bit input uses 16-bit vertical sums with weights in 1/16 of a row while they cannot
  // overflow (reduction up to ~14:1); otherwise, and for 16-bit input, exact 32-bit sums.
  const bool narrow = frame.rgba8 != nullptr && 16LL * (frame.height / dstH + 2) * 255 <= 65535;
  s.rows.build(frame.height, dstH, narrow);
  s.columns.build(frame.width, dstW, narrow);
  const std::size_t n = static_cast<std::size_t>(frame.width) * 4;
  s.out.resize(static_cast<std::size_t>(dstW) * 3);
  const double depthScale = frame.rgba8 ? 257.0 : 1.0;
  for (int oy = 0; oy < dstH; ++oy) {
    const double rowScale = depthScale / s.rows.sum[oy];
    if (narrow) {
      s.column16.resize(n);
      sumRows(frame, frame.rgba8, s.rows, oy, s.column16.data());
      sumColumns<std::uint16_t, std::uint32_t>(s.columns, s.column16.data(), rowScale, s.out.data());
    } else {
      s.column32.resize(n);
      if (frame.rgba8) sumRows(frame, frame.rgba8, s.rows, oy, s.column32.data());
      else sumRows(frame, frame.rgba16, s.rows, oy, s.column32.data());
      sumColumns<std::uint32_t, std::uint64_t>(s.columns, s.column32.data(), rowScale, s.out.data());
    }
    sink(s.out.data(), oy);
  }
}

}  // namespace postline::render
