#include "core/time/timecode.h"

#include <cstdio>
#include <regex>

namespace postline::time {
namespace {

using base::ErrorCode;
using base::makeError;

// Frame numbers dropped at each minute boundary: 2 at 29.97, 4 at 59.94.
std::int64_t dropPerMinute(const FrameRate& rate) { return rate.nominalFps() / 15; }

// Converts a real frame count to the frame label number under drop-frame counting.
std::int64_t toDropLabel(std::int64_t frames, const FrameRate& rate) {
  const std::int64_t drop = dropPerMinute(rate);
  const std::int64_t perMinute = rate.nominalFps() * 60 - drop;
  const std::int64_t perTenMinutes = rate.nominalFps() * 600 - drop * 9;
  const std::int64_t tens = frames / perTenMinutes;
  const std::int64_t rem = frames % perTenMinutes;
  if (rem > drop) return frames + drop * 9 * tens + drop * ((rem - drop) / perMinute);
  return frames + drop * 9 * tens;
}

}  // namespace

std::string formatTimecode(FramePos f, const FrameRate& rate, bool dropFrame) {
  const bool drop = dropFrame && rate.supportsDropFrame();
  const bool negative = f.value < 0;
  std::int64_t frames = negative ? -f.value : f.value;
  if (drop) frames = toDropLabel(frames, rate);
  const std::int64_t fps = rate.nominalFps();
  const std::int64_t ff = frames % fps;
  const std::int64_t totalSeconds = frames / fps;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%02lld:%02lld:%02lld%c%02lld", negative ? "-" : "",
                static_cast<long long>(totalSeconds / 3600), static_cast<long long>((totalSeconds / 60) % 60),
                static_cast<long long>(totalSeconds % 60), drop ? ';' : ':', static_cast<long long>(ff));
  return buf;
}

std::string formatTimecode(FramePos f, const FrameRate& rate) {
  return formatTimecode(f, rate, rate.supportsDropFrame());
}

base::Result<FramePos> parseTimecode(const std::string& text, const FrameRate& rate) {
  static const std::regex pattern(R"(^(-?)(\d{1,6}):(\d{1,2}):(\d{1,2})([:;.,])(\d{1,3})$)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) {
    return makeError(ErrorCode::Parse, "'" + text + "' is not a timecode like 01:00:00:00");
  }
  const std::int64_t h = std::stoll(m[2]);
  const std::int64_t mi = std::stoll(m[3]);
  const std::int64_t s = std::stoll(m[4]);
  const std::int64_t ff = std::stoll(m[6]);
  const bool drop = m[5] == ";" || m[5] == ",";
  const std::int64_t fps = rate.nominalFps();
  if (mi >= 60 || s >= 60 || ff >= fps) {
    return makeError(ErrorCode::OutOfRange, "timecode '" + text + "' has a field out of range at " +
                                                rate.toString() + " fps");
  }
  if (drop && !rate.supportsDropFrame()) {
    return makeError(ErrorCode::InvalidArgument,
                     "drop-frame timecode '" + text + "' needs 29.97 or 59.94 fps, not " + rate.toString());
  }
  std::int64_t frames = ((h * 3600 + mi * 60 + s) * fps) + ff;
  if (drop) {
    const std::int64_t d = dropPerMinute(rate);
    if (s == 0 && ff < d && mi % 10 != 0) {
      return makeError(ErrorCode::OutOfRange, "drop-frame timecode '" + text + "' names a dropped frame");
    }
    const std::int64_t totalMinutes = h * 60 + mi;
    frames -= d * (totalMinutes - totalMinutes / 10);
  }
  return FramePos{m[1] == "-" ? -frames : frames};
}

}  // namespace postline::time
