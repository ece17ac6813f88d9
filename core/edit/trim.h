// Trimming edits: move one edge of a clip (trimIn, trimOut) or the cut between two clips (roll).
// Each validates and returns a ChangeSet without touching the model.
#pragma once
#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::edit {

// Normal: only the trimmed edge moves (gaps may open; growing into a neighbour is an error).
// Ripple: the clip keeps its start and every later clip on its track moves to close or make room.
// Every ripple keeps linked clips in sync: a track holding a linked partner of a clip that moves
// ripples by the same frames at the same point, transitively; a clip in the way there, or a locked
// partner track, is a Conflict (sync_ripple.h). Tracks without such partners do not move.
enum class TrimMode { Normal, Ripple };

// Removes `delta` frames from the clip's head (delta < 0 extends it into its head handle). The frames
// that stay keep showing the same source (a reversed clip's head is its source end). Normal: the start
// moves by delta; Ripple: the start stays and later clips on the track move by -delta. Linked partners
// whose start is at the same frame are trimmed the same way. Transitions on a cut that disappears are removed.
base::Result<model::ChangeSet> trimIn(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                      time::FrameCount delta, TrimMode mode);

// Adds `delta` frames to the clip's tail (delta < 0 shortens it); the start stays. Ripple: later
// clips on the track move by delta. Linked partners whose end is at the same frame are trimmed too.
base::Result<model::ChangeSet> trimOut(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                       time::FrameCount delta, TrimMode mode);

// Moves the cut between `left` and the clip starting exactly at left's end by `delta` frames:
// left's tail grows by delta, the right clip's head shrinks by delta (its start moves with the cut).
// Nothing else moves. On other tracks, clips linked to either side whose edge sits on the cut move too.
base::Result<model::ChangeSet> roll(const model::Project& project, model::SequenceId seq, model::ClipId left,
                                    time::FrameCount delta);

}  // namespace postline::edit
