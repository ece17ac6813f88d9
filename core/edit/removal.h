// Removing clips from the timeline: lift (leave gaps) and ripple delete (close them).
#pragma once
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

// Adds a TransitionRemoved for every transition of the sequence whose left or right clip id
// (its .value) is in `clips`.
void removeTransitionsTouching(const SeqRef& ref, const std::unordered_set<std::uint64_t>& clips, ChangeSet& cs);

// Removes the clips `ids` and their linked partners, leaving gaps; transitions touching them are
// removed too. Unknown id: NotFound; a clip on a locked track: Conflict; empty list: InvalidArgument.
Result<ChangeSet> lift(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids);

// Like lift, then closes each gap: on every affected track, each later clip moves left by the total
// length of the removed clips before it. Tracks holding linked partners of clips that move ripple
// the same way (see TrimMode: a clip in the way there is a Conflict); other tracks do not move.
Result<ChangeSet> rippleDelete(const model::Project& project, model::SequenceId seq,
                               const std::vector<model::ClipId>& ids);

}  // namespace postline::edit
