// Transition edits: add, remove and re-time the dissolve/crossfade over a cut.
// Each validates and returns a ChangeSet without touching the model.
#pragma once
#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"
#include "core/model/transition.h"

namespace postline::edit {

// Adds a `duration`-frame transition over the cut where `left` ends and `right` starts (adjacent on
// one track): a cross dissolve on a video track, a crossfade on an audio track. The clips' handles
// must cover it (OutOfRange naming both clips and the available handle); one transition per cut (Conflict).
base::Result<model::ChangeSet> addTransition(const model::Project& project, model::SequenceId seq,
                                             model::ClipId left, model::ClipId right, time::FrameCount duration,
                                             model::TransitionAlign align);

// Removes transition `id` (NotFound when it is not in the sequence).
base::Result<model::ChangeSet> removeTransition(const model::Project& project, model::SequenceId seq,
                                                model::TransitionId id);

// Gives transition `id` a new length in frames (> 0) and alignment; the handles must cover it.
base::Result<model::ChangeSet> setTransitionDuration(const model::Project& project, model::SequenceId seq,
                                                     model::TransitionId id, time::FrameCount duration,
                                                     model::TransitionAlign align);

}  // namespace postline::edit
