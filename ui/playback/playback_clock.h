#pragma once
// Exact sample <-> frame arithmetic of the playback clock (48 kHz samples, sequence frames), and
// the transport's play range. Pure functions: no Qt objects, no state.
#include <cstdint>
#include <optional>

#include "core/time/frame_rate.h"

namespace postline::ui::playback {

// The frame due at sequence sample `sample`: floor(sample * fps / 48000), exact (128-bit).
std::int64_t frameAtSample(std::int64_t sample, const time::FrameRate& rate);
// The first sample at which frame `frame` is due: ceil(frame * 48000 / fps), exact, so that
// frameAtSample(sampleOfFrame(f)) == f for every rate (also 30000/1001, where rounding would not).
std::int64_t sampleOfFrame(std::int64_t frame, const time::FrameRate& rate);
// Milliseconds of `samples` at 48 kHz.
double samplesToMs(std::int64_t samples);

// Frames [first, last] the transport plays (both ends included).
struct PlayRange {
  std::int64_t first = 0;
  std::int64_t last = 0;
};
// The range: [in or 0, out or end - 1] when `marked` (loop, play in to out), else [0, end - 1];
// `end` is the sequence's end (first frame after the last clip). last >= first always.
PlayRange playRange(std::int64_t end, std::optional<std::int64_t> in, std::optional<std::int64_t> out, bool marked);

}  // namespace postline::ui::playback
