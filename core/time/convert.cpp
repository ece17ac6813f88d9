#include "core/time/convert.h"

namespace postline::time {

base::Result<std::int64_t> rescale(std::int64_t value, const Rational& fromUnit, const Rational& toUnit) {
  // factor = fromUnit / toUnit, reduced, so value * factor.num stays within 128 bits.
  PL_TRY_ASSIGN(factor, fromUnit.div(toUnit));
  return roundNearest(static_cast<Int128>(value) * factor.num(), factor.den());
}

namespace {
const Rational kSampleDuration = Rational::make(1, kSampleRate).value();
}  // namespace

base::Result<SamplePos> framesToSamples(FramePos f, const FrameRate& rate) {
  PL_TRY_ASSIGN(v, rescale(f.value, rate.frameDuration(), kSampleDuration));
  return SamplePos{v};
}

base::Result<SampleCount> framesToSamples(FrameCount c, const FrameRate& rate) {
  PL_TRY_ASSIGN(v, rescale(c.value, rate.frameDuration(), kSampleDuration));
  return SampleCount{v};
}

base::Result<FramePos> samplesToFrames(SamplePos s, const FrameRate& rate) {
  PL_TRY_ASSIGN(v, rescale(s.value, kSampleDuration, rate.frameDuration()));
  return FramePos{v};
}

base::Result<FrameCount> samplesToFrames(SampleCount c, const FrameRate& rate) {
  PL_TRY_ASSIGN(v, rescale(c.value, kSampleDuration, rate.frameDuration()));
  return FrameCount{v};
}

base::Result<std::int64_t> framesToTicks(FramePos f, const FrameRate& rate, const Rational& timeBase) {
  return rescale(f.value, rate.frameDuration(), timeBase);
}

base::Result<std::int64_t> framesToTicks(FrameCount c, const FrameRate& rate, const Rational& timeBase) {
  return rescale(c.value, rate.frameDuration(), timeBase);
}

base::Result<FramePos> ticksToFrames(std::int64_t ticks, const Rational& timeBase, const FrameRate& rate) {
  PL_TRY_ASSIGN(v, rescale(ticks, timeBase, rate.frameDuration()));
  return FramePos{v};
}

base::Result<FrameCount> ticksToFrameCount(std::int64_t ticks, const Rational& timeBase, const FrameRate& rate) {
  PL_TRY_ASSIGN(v, rescale(ticks, timeBase, rate.frameDuration()));
  return FrameCount{v};
}

base::Result<Rational> framesToSeconds(FramePos f, const FrameRate& rate) {
  return rate.frameDuration().mul(Rational(f.value));
}

base::Result<FramePos> secondsToFrames(const Rational& seconds, const FrameRate& rate) {
  PL_TRY_ASSIGN(frames, seconds.mul(rate.fps()));
  PL_TRY_ASSIGN(v, roundNearest(frames.num(), frames.den()));
  return FramePos{v};
}

}  // namespace postline::time
