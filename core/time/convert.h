#pragma once
#include <cstdint>

#include "core/base/result.h"
#include "core/time/frame_rate.h"
#include "core/time/rational.h"
#include "core/time/units.h"

namespace postline::time {

// Exact conversions between grids. Every one rounds by THE rule (roundNearest: nearest,
// exact halves toward +infinity), so converting to a finer grid and back is the identity
// and no error accumulates: each call starts again from the exact value.

// value units of `fromUnit` seconds each, expressed in units of `toUnit` seconds (rounded).
base::Result<std::int64_t> rescale(std::int64_t value, const Rational& fromUnit, const Rational& toUnit);

// First 48 kHz sample of frame f (rounded).
base::Result<SamplePos> framesToSamples(FramePos f, const FrameRate& rate);
// Length in samples of c frames (rounded as a whole, not per frame).
base::Result<SampleCount> framesToSamples(FrameCount c, const FrameRate& rate);
// Frame nearest to sample s.
base::Result<FramePos> samplesToFrames(SamplePos s, const FrameRate& rate);
// Frames nearest to a length of c samples.
base::Result<FrameCount> samplesToFrames(SampleCount c, const FrameRate& rate);

// Ticks of a media time base (seconds per tick, e.g. 1/12800) at frame f of the sequence.
base::Result<std::int64_t> framesToTicks(FramePos f, const FrameRate& rate, const Rational& timeBase);
// Ticks covered by c frames.
base::Result<std::int64_t> framesToTicks(FrameCount c, const FrameRate& rate, const Rational& timeBase);
// Sequence frame nearest to a media timestamp in ticks.
base::Result<FramePos> ticksToFrames(std::int64_t ticks, const Rational& timeBase, const FrameRate& rate);
// Frames nearest to a length of `ticks`.
base::Result<FrameCount> ticksToFrameCount(std::int64_t ticks, const Rational& timeBase, const FrameRate& rate);

// Seconds at frame f, exactly.
base::Result<Rational> framesToSeconds(FramePos f, const FrameRate& rate);
// Frame nearest to a time in seconds.
base::Result<FramePos> secondsToFrames(const Rational& seconds, const FrameRate& rate);

}  // namespace postline::time
