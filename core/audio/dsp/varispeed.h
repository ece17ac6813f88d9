#pragma once
// Position-addressable band-limited interpolation, for speed-changed and reversed clips.
#include <cstdint>

namespace postline::audio::dsp {

// Half-width of the interpolation kernel in source samples for |step| <= 1: every source index i
// read for a position p satisfies |i - p| < kVarispeedHalfTaps (so i in [ceil(p) - 16, floor(p) + 16]).
inline constexpr int kVarispeedHalfTaps = 16;

// Source samples needed on each side of a position for this step: every index i read for a
// position p satisfies |i - p| < varispeedMargin(step) = ceil(16 * max(1, |step|)).
int varispeedMargin(double step);

// out[k] = band-limited value of the source at position pos0 + k * step, k in [0, n).
// step: source samples per output sample, |step| in [0.05, 20] (clamped; negative plays backwards).
// Kaiser-windowed sinc (beta 9.5), cutoff min(1, 1/|step|) * 0.95 of the source's Nyquist (the
// kernel is stretched by |step| when speeding up, so nothing aliases); taps normalised to a DC
// gain of 1. src[i] holds source position srcFirst + i for i in [0, srcCount); positions outside
// read as 0. |step| == 1 with an integer pos0 copies the samples exactly (bit-exact).
// Real-time safe (the kernel table is built on the first call: call once before real-time use).
void varispeed(const float* src, std::int64_t srcFirst, std::int64_t srcCount, double pos0, double step,
               float* out, int n);

}  // namespace postline::audio::dsp
