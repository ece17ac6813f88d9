#pragma once
#include <cstdint>
#include <string>

#include "core/model/clip_params.h"
#include "core/model/ids.h"
#include "core/time/rational.h"
#include "core/time/time_range.h"

namespace postline::model {

// One use of a media item on a track.
// Timeline: [start, start + duration) in sequence frames. Source: starts at `sourceIn` ticks of
// the media's time base and spans duration * speed sequence-frame times (see clip_timing.h);
// a freeze-frame clip shows the single source frame at sourceIn for its whole duration.
struct Clip {
  ClipId id;
  MediaId media;
  time::FramePos start;              // first frame on the timeline (included)
  time::FrameCount duration{0};      // frames on the timeline, > 0
  std::int64_t sourceIn = 0;         // media ticks of the first source point used (included)
  time::Rational speed{1};           // playback rate, > 0: 1 = 100 %, 17/20 = 85 %
  bool reverse = false;              // plays its source range backwards
  bool freeze = false;               // holds the frame at sourceIn
  bool enabled = true;
  std::uint64_t linkGroup = 0;       // clips sharing a non-zero group are edited together (A/V link)
  std::string name;
  ClipAudio audio;
  ClipGrade grade;
  Reframe reframe;
  ReframeKeys reframeKeys;           // keyframed reframing windows per delivery aspect (export)

  // Timeline frames this clip covers, [start, end).
  time::FrameRange record() const { return time::FrameRange::fromDuration(start, duration); }
  // First frame after the clip (excluded).
  time::FramePos end() const { return start + duration; }

  friend bool operator==(const Clip&, const Clip&) = default;
};

}  // namespace postline::model
