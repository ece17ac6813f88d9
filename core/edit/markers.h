// Sequence markers: add, remove, move.
#pragma once
#include <string>

#include "core/edit/edit_context.h"

namespace postline::edit {

// Adds a marker at timeline frame `position` (>= 0) spanning [position, position + duration)
// (duration >= 0; 0 = a point), with a fresh id. Negative values are OutOfRange.
Result<ChangeSet> addMarker(const model::Project& project, model::SequenceId seq, time::FramePos position,
                            std::string name, time::FrameCount duration = time::FrameCount{0});

// Removes marker `id`; an unknown id is NotFound.
Result<ChangeSet> removeMarker(const model::Project& project, model::SequenceId seq, model::MarkerId id);

// Renames marker `id` to `name` (its position, duration, colour and note are kept); an unknown id is NotFound.
Result<ChangeSet> renameMarker(const model::Project& project, model::SequenceId seq, model::MarkerId id,
                               std::string name);

// Moves marker `id` so it starts at timeline frame `position` (>= 0, else OutOfRange); its duration is kept.
Result<ChangeSet> moveMarker(const model::Project& project, model::SequenceId seq, model::MarkerId id,
                             time::FramePos position);

}  // namespace postline::edit
