#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/color/grade.h"
#include "core/model/audio_params.h"
#include "core/time/units.h"

namespace postline::model {

// Per-clip audio: gain, fades at the clip's edges (fade lengths in sequence frames, from each end),
// volume automation and how a speed change sounds.
struct ClipAudio {
  double gainDb = 0.0;
  time::FrameCount fadeIn{0};
  time::FrameCount fadeOut{0};
  FadeShape fadeShape = FadeShape::EqualPower;
  std::vector<GainKey> volume;   // automation, sorted by offset; empty = 0 dB throughout
  bool preservePitch = true;     // speed-changed clips keep their pitch (time-stretched), else resampled

  friend bool operator==(const ClipAudio&, const ClipAudio&) = default;
};

// Per-clip grade: normalise then creative (core/color/grade.h). Identity values leave the image
// unchanged; Grade::validate() checks ranges.
using ClipGrade = color::Grade;

// Per-clip placement in the sequence frame: used for reframing 16:9 edits to other aspects.
struct Reframe {
  double scale = 1.0;         // 1 = fit the sequence frame
  double offsetX = 0.0;       // fraction of the sequence width, + moves right
  double offsetY = 0.0;       // fraction of the sequence height, + moves down
  double rotationDeg = 0.0;
  // Crop: the fraction of the source picture cut away at each side (0 .. 0.5), before placing.
  double cropLeft = 0.0;
  double cropRight = 0.0;
  double cropTop = 0.0;
  double cropBottom = 0.0;

  bool isIdentity() const { return *this == Reframe{}; }
  friend bool operator==(const Reframe&, const Reframe&) = default;
};

}  // namespace postline::model
