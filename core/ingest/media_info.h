#pragma once
// ProbeResult (core/media) -> the project's MediaItem facts (core/model).
#include "core/media/media_types.h"
#include "core/model/media_item.h"

namespace postline::ingest {

// What kind of item a probed file becomes: Image for stills, Video when it has video,
// else Audio.
model::MediaKind mediaKindOf(const media::ProbeResult& probe);

// The MediaInfo for a probed file. Time base and duration:
// - constant-rate video: timeBase = 1/frameRate, duration = frames;
// - variable (or unknown) rate video: the stream's time base, duration = durationS in its ticks;
// - audio only: timeBase = 1/sampleRate, duration in samples;
// - stills: still = true, timeBase 1, duration 0 (any source range is valid).
// width/height are the display size; colorSpace is the primaries tag ("" when untagged).
model::MediaInfo mediaInfoOf(const media::ProbeResult& probe);

}  // namespace postline::ingest
