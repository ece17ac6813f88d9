// Placing source media on the timeline: append, insert (ripple) and overwrite.
#pragma once
#include <cstdint>

#include "core/edit/edit_context.h"

namespace postline::edit {

// A source range of one media item, in ticks of the media's time base: [in, out).
// For a still image any range is valid; out <= in means "the default still length".
struct SourceSpan {
  model::MediaId media;
  std::int64_t in = 0;   // first tick used (included)
  std::int64_t out = 0;  // first tick not used (excluded)
};

// Length given to a still placed without a source range (out <= in), in seconds.
inline constexpr std::int64_t kDefaultStillSeconds = 5;

// Sequence frames `span` fills at 100 % speed: framesForTicks(out - in) rounded by roundNearest,
// one frame less when that would read past the media's end; must be > 0. Errors name the media.
Result<time::FrameCount> spanFrames(const SeqRef& ref, const model::MediaItem& media, const SourceSpan& span);

// A new clip (not yet in any ChangeSet) of `span` at timeline frame `start` on `track`, named after
// the media and checked against it (kind fits the track, source inside the media).
Result<model::Clip> makeClip(const SeqRef& ref, const model::Track& track, const SourceSpan& span,
                             time::FramePos start, model::ClipId id);

// Places `span` at the end of `track` (after its last clip, frame 0 when empty). When
// `linkedAudioTrack` is valid and the media has video and audio, a linked audio clip (same
// position, same source, one fresh linkGroup) goes on that track; it must not overlap there.
Result<ChangeSet> append(const model::Project& project, model::SequenceId seq, model::TrackId track,
                         const SourceSpan& span, model::TrackId linkedAudioTrack = {});

// Inserts `span` at timeline frame `at` (included) on `track` (and `linkedAudioTrack`, as in
// append): a clip strictly containing `at` is split (right part gets a new id), everything starting
// at or after `at` on those tracks moves right by the new clip's length, then the clip goes in.
// A transition on the cut at `at` is removed. Tracks holding linked partners of clips that move
// ripple by the same length at `at` (see TrimMode); other tracks do not move.
Result<ChangeSet> insert(const model::Project& project, model::SequenceId seq, model::TrackId track,
                         time::FramePos at, const SourceSpan& span, model::TrackId linkedAudioTrack = {});

// Overwrites [at, at + length) on `track` (and `linkedAudioTrack`) with `span`: clips there are
// trimmed, split or removed; nothing moves. Transitions whose cut disappears are removed.
Result<ChangeSet> overwrite(const model::Project& project, model::SequenceId seq, model::TrackId track,
                            time::FramePos at, const SourceSpan& span, model::TrackId linkedAudioTrack = {});

}  // namespace postline::edit
