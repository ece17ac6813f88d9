#pragma once
// The source viewer's stand-in sequence: one media item alone on V1 of a synthetic one-clip
// project at the media's own size and frame rate, so sequence frame n is the media's picture n.
#include <cstdint>
#include <memory>

#include "core/base/result.h"
#include "core/model/ids.h"
#include "core/model/project.h"

namespace postline::ui {

// A synthetic project holding only `media` and a sequence that plays it from its first frame.
struct MediaSnapshot {
  std::shared_ptr<const model::Project> project;  // the synthetic project (never the user's)
  model::SequenceId sequence;                     // its only sequence
  std::int64_t frames = 0;                        // the media's pictures (sequence frames [0, frames))
};

// The snapshot for `media` of `project`; NotFound for an unknown id. Media without pictures
// (audio) give an empty sequence (black frames); stills and titles hold 10 s at 24 fps.
base::Result<MediaSnapshot> makeMediaSnapshot(const model::Project& project, model::MediaId media);

// Pictures in `item` at its own rate: duration * timeBase * frameRate, rounded down (>= 1 for video).
std::int64_t mediaFrameCount(const model::MediaItem& item);

}  // namespace postline::ui
