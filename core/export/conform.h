#pragma once
// Frame-rate conform: which sequence frames make each delivered frame when the delivery runs at
// another rate (a 24 fps timeline delivered at 30 fps). Sound is never touched: it is rendered by
// time, so the delivered audio is the sequence's audio sample for sample.
//
// Output frame n shows the instant p = n * seqFps / outFps (in sequence frames from the range's
// start). Repeat (the default): the sequence frame on screen at that instant, floor(p): at 24 -> 30
// every fourth frame is shown twice (a 2:2:2:2:3 cadence), pictures stay sharp. Blend: the two
// frames around p mixed by its fraction, (1 - f) * floor(p) + f * (floor(p) + 1): smoother motion,
// softer pictures. Going down in rate, Repeat drops frames and Blend mixes neighbours.
#include <cstdint>
#include <string>

#include "core/export/preset.h"
#include "core/time/rational.h"

namespace postline::exporting {

// One delivered frame: (1 - weight) * frame a + weight * frame b (sequence frames from the range's
// start; b == a when weight is 0).
struct ConformStep {
  std::int64_t a = 0;
  std::int64_t b = 0;
  double weight = 0.0;
  friend bool operator==(const ConformStep&, const ConformStep&) = default;
};

class Conform {
 public:
  // `seqFrames` sequence frames at `seqFps` delivered at `outFps` (both > 0).
  Conform(time::Rational seqFps, time::Rational outFps, ConformMethod method, std::int64_t seqFrames);

  // Delivered frames: the range's duration at outFps, rounded to the nearest frame (at least 1).
  std::int64_t outputFrames() const { return m_outFrames; }
  ConformStep step(std::int64_t n) const;
  // True when the rates are equal: frame n is sequence frame n.
  bool identity() const { return m_seqFps == m_outFps; }
  // "none", "repeat 24->30", "blend 24->30" (rates as decimals).
  std::string describe() const;

 private:
  time::Rational m_seqFps;
  time::Rational m_outFps;
  ConformMethod m_method;
  std::int64_t m_seqFrames;
  std::int64_t m_outFrames;
};

const char* conformMethodName(ConformMethod method);  // "repeat", "blend"

}  // namespace postline::exporting
