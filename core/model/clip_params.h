#pragma once
#include <array>
#include <cstdint>
#include <map>
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

// A keyframe of the reframing window for one delivery aspect (core/export/reframe.h): at source
// picture `sourceFrame` the window is centred on the point (x, y) of the source picture
// (source-normalised, 0..1, y down; the window is then clamped to the frame). Keyed by source
// picture, not timeline frame, so trims, moves and slips keep a key on the content it was set for.
struct ReframeKey {
  std::int64_t sourceFrame = 0;  // picture index in the file, >= 0
  double x = 0.5;                // 0..1 across the source picture
  double y = 0.5;                // 0..1 down the source picture

  friend bool operator==(const ReframeKey&, const ReframeKey&) = default;
};

// A clip's reframing keys per delivery aspect name ("9x16", "4x5", "1x1": width x height reduced);
// each list is non-empty and strictly increasing in sourceFrame. Empty map = automatic everywhere.
using ReframeKeys = std::map<std::string, std::vector<ReframeKey>>;

}  // namespace postline::model
