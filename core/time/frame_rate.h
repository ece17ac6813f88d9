#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "core/base/result.h"
#include "core/time/rational.h"

namespace postline::time {

// Frames per second as an exact rational (24/1, 24000/1001, ...).
class FrameRate {
 public:
  // 24 fps, the sequence default.
  constexpr FrameRate() = default;
  // A positive rate; zero or negative is InvalidArgument.
  static base::Result<FrameRate> make(const Rational& fps);
  // Parses "24", "23.976", "29.97", "59.94" or "24000/1001".
  static base::Result<FrameRate> parse(const std::string& text);

  const Rational& fps() const { return m_fps; }
  // Seconds per frame (den/num).
  Rational frameDuration() const;
  // Whole frames per timecode second: 24 for 24000/1001, 30 for 30000/1001.
  std::int64_t nominalFps() const;
  // True for 30000/1001 and 60000/1001, the rates that have SMPTE drop-frame timecode.
  bool supportsDropFrame() const;
  std::string toString() const { return m_fps.toString(); }

  friend bool operator==(const FrameRate&, const FrameRate&) = default;

 private:
  explicit FrameRate(Rational fps) : m_fps(fps) {}
  Rational m_fps{24};
};

// The rates every conversion is tested over: 24, 25, 30, 50, 60, 24000/1001, 30000/1001, 60000/1001.
const std::array<FrameRate, 8>& standardFrameRates();

}  // namespace postline::time
