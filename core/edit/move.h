// Moving clips in time and between tracks, and snapping a drag to edit points.
#pragma once
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

// Moves the clips `ids` by `delta` frames and `trackOffset` tracks of the same kind (+ = later in
// the sequence's track list: V1 -> V2, A1 -> A2). Linked partners move by `delta` too but keep
// their tracks. Overlap with a clip that does not move, a start before frame 0, or a missing
// target track is an error naming the clip; a locked source or target track is a Conflict.
// Transitions touching a moved clip are removed unless both its clips move onto the same track.
// delta 0 with trackOffset 0 gives an empty ChangeSet.
Result<ChangeSet> moveClips(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids,
                            time::FrameCount delta, int trackOffset = 0);

// Snap points in frames, sorted and unique: every clip's start and end (excluded end frame) on all
// tracks except the `exclude`d clips, the playhead, and every marker's position (and end when it
// has a duration).
std::vector<time::FramePos> snapTargets(const model::Sequence& seq, time::FramePos playhead,
                                        const std::vector<model::ClipId>& exclude);

// The target nearest `candidate` within `tolerance` frames (inclusive; ties go to the earlier
// target), else `candidate` unchanged. `targets` must be sorted.
time::FramePos snap(time::FramePos candidate, const std::vector<time::FramePos>& targets, time::FrameCount tolerance);

// `delta` adjusted so the moved clips' (with linked partners) start edge or end edge lands on the
// nearest snap target within `tolerance`; the closer edge wins, the start edge on a tie.
// Unknown clips are ignored; with none known, `delta` comes back unchanged.
time::FrameCount snapMoveDelta(const model::Sequence& seq, const std::vector<model::ClipId>& clips,
                               time::FrameCount delta, time::FramePos playhead, time::FrameCount tolerance);

}  // namespace postline::edit
