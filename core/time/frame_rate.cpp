#include "core/time/frame_rate.h"

namespace postline::time {

using base::ErrorCode;
using base::makeError;

base::Result<FrameRate> FrameRate::make(const Rational& fps) {
  if (fps.num() <= 0) return makeError(ErrorCode::InvalidArgument, "frame rate must be positive, got " + fps.toString());
  return FrameRate(fps);
}

base::Result<FrameRate> FrameRate::parse(const std::string& text) {
  if (text == "23.976" || text == "23.98") return make(Rational::make(24000, 1001).value());
  if (text == "29.97") return make(Rational::make(30000, 1001).value());
  if (text == "59.94") return make(Rational::make(60000, 1001).value());
  auto r = Rational::parse(text);
  if (!r.ok()) return makeError(ErrorCode::Parse, "'" + text + "' is not a frame rate (try 24, 29.97 or 24000/1001)");
  return make(r.value());
}

Rational FrameRate::frameDuration() const { return Rational::make(m_fps.den(), m_fps.num()).value(); }

std::int64_t FrameRate::nominalFps() const {
  // ceil(num/den): 24000/1001 -> 24, 30000/1001 -> 30, 25 -> 25.
  return (m_fps.num() + m_fps.den() - 1) / m_fps.den();
}

bool FrameRate::supportsDropFrame() const {
  return m_fps.den() == 1001 && (m_fps.num() == 30000 || m_fps.num() == 60000);
}

const std::array<FrameRate, 8>& standardFrameRates() {
  static const std::array<FrameRate, 8> rates = {
      FrameRate::make(24).value(),
      FrameRate::make(25).value(),
      FrameRate::make(30).value(),
      FrameRate::make(50).value(),
      FrameRate::make(60).value(),
      FrameRate::make(Rational::make(24000, 1001).value()).value(),
      FrameRate::make(Rational::make(30000, 1001).value()).value(),
      FrameRate::make(Rational::make(60000, 1001).value()).value(),
  };
  return rates;
}

}  // namespace postline::time
