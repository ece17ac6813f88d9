// Slip (move a clip's source under a fixed timeline range) and slide (move a clip between its
// neighbours, which give and take the frames). Each returns a ChangeSet without touching the model.
#pragma once
#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::edit {

// Keeps the clip's timeline range [start, end) and moves its source by `delta` frames at the clip's
// speed (+ = later source, also for reversed clips); the source must stay inside the media.
// Linked partners with the same timeline range slip the same way. Stills do not change.
base::Result<model::ChangeSet> slip(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                    time::FrameCount delta);

// Moves the clip by `delta` frames with its source unchanged. The clip ending exactly at its start
// has its tail changed by delta and the clip starting exactly at its end has its head changed by
// delta, so the total length stays the same; with no adjacent neighbour on a side, the move is
// limited by the gap there (an overlap is a Conflict). Linked partners with the same range slide too.
base::Result<model::ChangeSet> slide(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                     time::FrameCount delta);

}  // namespace postline::edit
