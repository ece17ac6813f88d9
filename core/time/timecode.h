#pragma once
#include <string>

#include "core/base/result.h"
#include "core/time/frame_rate.h"
#include "core/time/units.h"

namespace postline::time {

// SMPTE timecode, for display only. Non-drop "HH:MM:SS:FF" counts nominalFps() frames a second;
// drop-frame "HH:MM:SS;FF" (only 30000/1001 and 60000/1001) skips frame numbers 0-1 (0-3 at 59.94)
// at the start of every minute except each tenth, so it tracks the wall clock.
// Negative positions get a leading '-'. Hours are not wrapped at 24.
std::string formatTimecode(FramePos f, const FrameRate& rate, bool dropFrame);
// Drop-frame where the rate supports it, non-drop otherwise.
std::string formatTimecode(FramePos f, const FrameRate& rate);

// Parses "HH:MM:SS:FF" or "HH:MM:SS;FF" ('.' and ',' also accepted before FF; ';' or ',' means drop-frame).
// Parse errors name the text; a frame number past the rate, a minute/second >= 60, or a
// drop-frame label that does not exist (e.g. 00:01:00;00) is OutOfRange.
base::Result<FramePos> parseTimecode(const std::string& text, const FrameRate& rate);

}  // namespace postline::time
