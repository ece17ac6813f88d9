#pragma once
#include <cstdint>

#include "core/base/result.h"
#include "core/model/clip.h"
#include "core/model/media_item.h"
#include "core/time/frame_rate.h"

namespace postline::model {

// Conversions between a clip's timeline frames and its media's ticks, at the clip's speed.
// All round by time::roundNearest.

// Media ticks spanned by `frames` sequence frames played at `speed`.
base::Result<std::int64_t> ticksForFrames(time::FrameCount frames, const time::Rational& speed,
                                          const time::FrameRate& rate, const time::Rational& timeBase);
// Sequence frames that `ticks` of media fill when played at `speed`.
base::Result<time::FrameCount> framesForTicks(std::int64_t ticks, const time::Rational& speed,
                                              const time::FrameRate& rate, const time::Rational& timeBase);

// Source ticks the clip uses: [sourceIn, sourceIn + span). A freeze frame spans one source frame.
base::Result<std::int64_t> sourceSpan(const Clip& clip, const MediaItem& media, const time::FrameRate& rate);
// First source tick after the clip's source range (excluded).
base::Result<std::int64_t> sourceOut(const Clip& clip, const MediaItem& media, const time::FrameRate& rate);

// Unused source before sourceIn, in timeline frames at the clip's speed (huge for stills).
base::Result<time::FrameCount> headHandle(const Clip& clip, const MediaItem& media, const time::FrameRate& rate);
// Unused source after sourceOut, in timeline frames at the clip's speed (huge for stills).
base::Result<time::FrameCount> tailHandle(const Clip& clip, const MediaItem& media, const time::FrameRate& rate);

// The source tick shown at timeline frame `pos` (which must lie in the clip), honouring
// speed, reverse and freeze.
base::Result<std::int64_t> sourceTickAt(const Clip& clip, time::FramePos pos, const MediaItem& media,
                                        const time::FrameRate& rate);

}  // namespace postline::model
