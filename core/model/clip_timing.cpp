#include "core/model/clip_timing.h"

#include <limits>

#include "core/time/convert.h"

namespace postline::model {

using base::ErrorCode;
using base::makeError;
using time::FrameCount;

namespace {
constexpr std::int64_t kUnlimited = std::numeric_limits<std::int64_t>::max() / 4;

// Ticks of one source frame: 1/fps of the media, or one tick when the rate is unknown.
base::Result<std::int64_t> oneSourceFrame(const MediaItem& media) {
  if (media.info.frameRate.num() <= 0) return std::int64_t{1};
  PL_TRY_ASSIGN(frameDur, time::Rational(1).div(media.info.frameRate));
  PL_TRY_ASSIGN(ticks, time::rescale(1, frameDur, media.info.timeBase));
  return ticks < 1 ? std::int64_t{1} : ticks;
}

// Whole timeline frames that `ticks` of source can fill (a partial frame cannot fill one).
base::Result<FrameCount> wholeFrames(std::int64_t ticks, const Clip& clip, const time::FrameRate& rate,
                                     const time::Rational& timeBase) {
  if (ticks <= 0) return FrameCount{0};
  PL_TRY_ASSIGN(frames, framesForTicks(ticks, clip.speed, rate, timeBase));
  PL_TRY_ASSIGN(back, ticksForFrames(frames, clip.speed, rate, timeBase));
  return back > ticks ? frames - FrameCount{1} : frames;
}
}  // namespace

base::Result<std::int64_t> ticksForFrames(FrameCount frames, const time::Rational& speed,
                                          const time::FrameRate& rate, const time::Rational& timeBase) {
  PL_TRY_ASSIGN(unit, rate.frameDuration().mul(speed));
  return time::rescale(frames.value, unit, timeBase);
}

base::Result<FrameCount> framesForTicks(std::int64_t ticks, const time::Rational& speed,
                                        const time::FrameRate& rate, const time::Rational& timeBase) {
  if (speed.num() <= 0) return makeError(ErrorCode::InvalidArgument, "clip speed must be positive");
  PL_TRY_ASSIGN(unit, rate.frameDuration().mul(speed));
  PL_TRY_ASSIGN(v, time::rescale(ticks, timeBase, unit));
  return FrameCount{v};
}

base::Result<std::int64_t> sourceSpan(const Clip& clip, const MediaItem& media, const time::FrameRate& rate) {
  if (clip.freeze) return oneSourceFrame(media);
  return ticksForFrames(clip.duration, clip.speed, rate, media.info.timeBase);
}

base::Result<std::int64_t> sourceOut(const Clip& clip, const MediaItem& media, const time::FrameRate& rate) {
  PL_TRY_ASSIGN(span, sourceSpan(clip, media, rate));
  return clip.sourceIn + span;
}

base::Result<FrameCount> headHandle(const Clip& clip, const MediaItem& media, const time::FrameRate& rate) {
  if (media.info.still) return FrameCount{kUnlimited};
  if (clip.freeze) return FrameCount{0};
  return wholeFrames(clip.sourceIn, clip, rate, media.info.timeBase);
}

base::Result<FrameCount> tailHandle(const Clip& clip, const MediaItem& media, const time::FrameRate& rate) {
  if (media.info.still) return FrameCount{kUnlimited};
  if (clip.freeze) return FrameCount{0};
  PL_TRY_ASSIGN(out, sourceOut(clip, media, rate));
  return wholeFrames(media.info.duration - out, clip, rate, media.info.timeBase);
}

base::Result<std::int64_t> sourceTickAt(const Clip& clip, time::FramePos pos, const MediaItem& media,
                                        const time::FrameRate& rate) {
  if (!clip.record().contains(pos)) {
    return makeError(ErrorCode::OutOfRange, "frame " + std::to_string(pos.value) + " is outside clip '" +
                                                clip.name + "'");
  }
  if (clip.freeze) return clip.sourceIn;
  FrameCount offset = pos - clip.start;
  if (clip.reverse) offset = clip.duration - FrameCount{1} - offset;
  PL_TRY_ASSIGN(ticks, ticksForFrames(offset, clip.speed, rate, media.info.timeBase));
  return clip.sourceIn + ticks;
}

}  // namespace postline::model
