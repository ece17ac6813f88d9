#pragma once
#include <string>
#include "core/model/ids.h"
#include "core/time/time_range.h"

namespace postline::model {

// Cross-dissolve on a video track, crossfade on an audio track.
enum class TransitionKind { CrossDissolve, AudioCrossfade };

// Where a transition sits relative to the cut between its two clips.
enum class TransitionAlign {
  CenterOnCut,  // half before the cut, half after (the extra frame of an odd length goes after)
  EndAtCut,     // wholly before the cut: uses the right clip's head handle
  StartAtCut,   // wholly after the cut: uses the left clip's tail handle
};

// A transition over the cut where `left` ends and `right` starts (the two must be adjacent).
struct Transition {
  TransitionId id;
  TrackId track;
  ClipId left;
  ClipId right;
  TransitionKind kind = TransitionKind::CrossDissolve;
  time::FrameCount duration{0};
  TransitionAlign align = TransitionAlign::CenterOnCut;

  friend bool operator==(const Transition&, const Transition&) = default;
};

// Timeline frames a transition covers, given the cut position (left.end == right.start).
time::FrameRange transitionRange(const Transition& t, time::FramePos cut);

// A named point (or span when duration > 0) on the sequence.
struct Marker {
  MarkerId id;
  time::FramePos position;
  time::FrameCount duration{0};
  std::string name;
  std::string color = "blue";
  std::string note;

  friend bool operator==(const Marker&, const Marker&) = default;
};

}  // namespace postline::model
