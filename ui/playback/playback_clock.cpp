#include "ui/playback/playback_clock.h"

#include <algorithm>

#include "core/time/rational.h"
#include "core/time/units.h"

namespace postline::ui::playback {

namespace {

using time::Int128;

// floor(a / b) for b > 0.
Int128 floorDiv(Int128 a, Int128 b) {
  Int128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

}  // namespace

std::int64_t frameAtSample(std::int64_t sample, const time::FrameRate& rate) {
  const Int128 num = static_cast<Int128>(sample) * rate.fps().num();
  const Int128 den = static_cast<Int128>(time::kSampleRate) * rate.fps().den();
  return static_cast<std::int64_t>(floorDiv(num, den));
}

std::int64_t sampleOfFrame(std::int64_t frame, const time::FrameRate& rate) {
  // ceil(x) = -floor(-x)
  const Int128 num = static_cast<Int128>(frame) * time::kSampleRate * rate.fps().den();
  return static_cast<std::int64_t>(-floorDiv(-num, rate.fps().num()));
}

double samplesToMs(std::int64_t samples) {
  return static_cast<double>(samples) * 1000.0 / static_cast<double>(time::kSampleRate);
}

PlayRange playRange(std::int64_t end, std::optional<std::int64_t> in, std::optional<std::int64_t> out, bool marked) {
  PlayRange r{0, std::max<std::int64_t>(0, end - 1)};
  if (marked) {
    if (in) r.first = std::max<std::int64_t>(0, *in);
    if (out) r.last = std::max<std::int64_t>(0, *out);
  }
  if (r.last < r.first) r.last = r.first;
  return r;
}

}  // namespace postline::ui::playback
