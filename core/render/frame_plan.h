#pragma once
// What to draw at one sequence frame, computed from an immutable Snapshot: the pictures of the
// video tracks, bottom (V1) to top, each with its source frame, grade, placement and opacity.
// Pure: no GL, no decoding, no file access; the compositor turns a FramePlan into pixels.
//
// Rules:
//  - Video tracks only, V1 first (bottom). A muted video track (Track::muted: the eye toggle) draws
//    nothing; a disabled clip draws nothing; a gap draws nothing (the black background shows).
//  - The source tick at a frame is model::sourceTickAt's (speed, reverse, freeze); stills always
//    show picture 0.
//  - A CrossDissolve over the cut between `left` and `right` covers model::transitionRange: on
//    each of its frames f the outgoing clip is drawn (opacity 1) and then the incoming clip with
//    opacity w = (f - rangeStart + 0.5) / duration, so a plain "over" composite gives
//    mix(outgoing, incoming, w). Where a clip is drawn outside its own record range it continues
//    at its speed and direction into its handle (see sourcePointAt). A disabled side is simply not
//    drawn (the other side then fades over what lies below); where two dissolves of one track
//    overlap (a clip shorter than both), the first in Sequence::transitions wins.
//  - Frames outside [0, sequence end) give an empty plan, not an error.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/color/grade.h"
#include "core/model/clip.h"
#include "core/model/ids.h"
#include "core/model/media_item.h"
#include "core/render/reframe_geometry.h"
#include "core/render/snapshot.h"
#include "core/time/frame_rate.h"
#include "core/time/rational.h"
#include "core/time/units.h"

namespace postline::render {

// One picture to draw. Layers are listed bottom to top; each is composited "over" the ones before.
struct Layer {
  model::ClipId clip;
  model::MediaId media;
  std::string path;              // the media file (MediaItem::path)
  bool still = false;            // a single image (MediaKind::Image or MediaInfo::still)
  std::int64_t sourceFrame = 0;  // picture index in the file, from 0 in presentation order (0 for stills)
  time::Rational sourceSeconds;  // presentation time from the file's first picture, seconds (0 for stills);
                                 // decoders of variable-frame-rate files look frames up by this time
  std::string colorSpace;        // MediaInfo::colorSpace probe tag ("bt709", ...), "" = untagged
  color::Grade grade;            // the clip's grade (model::Clip::grade)
  Mat3 transform = identityTransform();  // output-normalised -> source-normalised (reframe_geometry.h)
  std::array<float, 4> crop{0.0f, 0.0f, 1.0f, 1.0f};  // visible source rect (x0, y0, x1, y1), 0..1, y down
  float opacity = 1.0f;          // 0..1: 1, or the dissolve weight of an incoming clip
  int track = 0;                 // video track index, 0 = V1
  std::optional<model::TitleSpec> title;  // set for a title (MediaKind::Title): drawn, not decoded (path "")
  int frameWidth = 0;            // the sequence frame size, pixels: what a title is rasterised at
  int frameHeight = 0;

  friend bool operator==(const Layer&, const Layer&) = default;
};

// Everything drawn at one frame of a sequence.
struct FramePlan {
  time::FramePos frame;          // the sequence frame planned
  std::vector<Layer> layers;     // bottom to top; empty = black
  int width = 0;                 // sequence frame size, pixels
  int height = 0;
};

// Where a clip's source stands at one timeline frame.
struct SourcePoint {
  std::int64_t tick = 0;         // media ticks (MediaInfo::timeBase), inside [0, duration) for timed media
  std::int64_t frame = 0;        // picture index: the frame whose interval [k/fps, (k+1)/fps) holds tick
  time::Rational seconds;        // tick * timeBase
  bool clamped = false;          // the source ran out: held at the first or last source frame
};

// The source shown by `clip` at timeline frame `pos`. Inside the clip's record range this is
// model::sourceTickAt; outside it (a dissolve drawing a clip past its end or before its start) the
// same formula continues at the clip's speed and direction into the unused source; a freeze frame
// keeps holding sourceIn. A tick that would fall outside the media [0, duration) is clamped to its
// first/last frame (clamped = true; validated transitions never need it). Picture index: floor of
// tick * timeBase * frameRate (the frame whose display interval contains that instant; the tick
// itself was rounded to the nearest tick by time::roundNearest); a media with an unknown frame rate
// counts one tick as one frame; stills always give picture 0 at 0 s.
base::Result<SourcePoint> sourcePointAt(const model::Clip& clip, time::FramePos pos, const model::MediaItem& media,
                                        const time::FrameRate& rate);

// The plan of frame `frame` of the snapshot's sequence. NotFound naming the id for an unknown
// sequence or a clip's unknown media; InvalidArgument for a snapshot without a project or a clip
// whose reframe cannot be inverted (scale <= 0). A frame outside [0, sequence end) gives an empty plan.
base::Result<FramePlan> planFrame(const Snapshot& snapshot, time::FramePos frame);

// Frames of the snapshot's sequence: [0, length) holds every clip; 0 for an unknown sequence.
time::FrameCount sequenceLength(const Snapshot& snapshot);

}  // namespace postline::render
