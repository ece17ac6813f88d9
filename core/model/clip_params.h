#pragma once
#include <array>
#include <string>

#include "core/time/units.h"

namespace postline::model {

// Shape of an audio fade's gain curve.
enum class FadeShape { Linear, EqualPower, SCurve };

// Per-clip audio: gain and fades at the clip's edges (fade lengths in sequence frames, from each end).
struct ClipAudio {
  double gainDb = 0.0;
  time::FrameCount fadeIn{0};
  time::FrameCount fadeOut{0};
  FadeShape fadeShape = FadeShape::EqualPower;

  friend bool operator==(const ClipAudio&, const ClipAudio&) = default;
};

// Per-clip primary grade (the "normalise" step). Identity values leave the image unchanged.
// Wheels are {R, G, B, master}; lift/offset add, gain multiplies, gamma is an exponent.
struct ClipGrade {
  double temperature = 0.0;   // white balance, -100 (cool) .. +100 (warm)
  double tint = 0.0;          // -100 (green) .. +100 (magenta)
  double exposure = 0.0;      // stops
  double contrast = 1.0;      // slope around `pivot`
  double pivot = 0.18;        // linear-light pivot of contrast
  double saturation = 1.0;    // 0 = grey, 1 = unchanged
  std::array<double, 4> lift{0, 0, 0, 0};
  std::array<double, 4> gamma{1, 1, 1, 1};
  std::array<double, 4> gain{1, 1, 1, 1};
  std::array<double, 4> offset{0, 0, 0, 0};
  std::string lutPath;        // .cube file, empty for none
  double lutMix = 1.0;        // 0..1 strength of the LUT

  // True when every value is the identity.
  bool isIdentity() const { return *this == ClipGrade{}; }
  friend bool operator==(const ClipGrade&, const ClipGrade&) = default;
};

// Per-clip placement in the sequence frame: used for reframing 16:9 edits to other aspects.
struct Reframe {
  double scale = 1.0;         // 1 = fit the sequence frame
  double offsetX = 0.0;       // fraction of the sequence width, + moves right
  double offsetY = 0.0;       // fraction of the sequence height, + moves down
  double rotationDeg = 0.0;

  bool isIdentity() const { return *this == Reframe{}; }
  friend bool operator==(const Reframe&, const Reframe&) = default;
};

}  // namespace postline::model
