#pragma once
// What a media file holds, read without decoding pictures.
#include <chrono>
#include <filesystem>

#include "core/base/result.h"
#include "core/media/media_types.h"

namespace postline::media {

// Probes `file`: container, duration, the best video and audio streams, stills, warnings and a
// generator hint. Rules:
// - frame rate: avg_frame_rate when valid, else r_frame_rate (exact rationals).
// - variable frame rate: the first 240 video packet timestamps, sorted, have steps that differ
//   from their median by more than max(1 tick, 1% of the median).
// - frames and real length: for files up to 60 s every packet is read (no decoding); the count
//   of intact video packets is `frames`, and when the packets end before the header's duration
//   (a truncated file) durationS becomes the readable length and a warning says so. Longer files
//   use the container's frame count, or duration x frame rate, and say so in a warning.
// Errors (each naming the file): NotFound (missing), Parse (empty, not media, no stream,
// a video codec with no decoder), Io (unreadable, or `timeout` passed).
base::Result<ProbeResult> probe(const std::filesystem::path& file,
                                std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

}  // namespace postline::media
