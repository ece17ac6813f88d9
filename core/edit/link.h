// Linking clips (A/V link groups) and finding a clip's linked partners.
#pragma once
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

// A clip of the sequence with the track holding it.
struct ClipOnTrack {
  const model::Track* track = nullptr;
  const model::Clip* clip = nullptr;
  bool selected = false;  // true when named by the caller, false when pulled in as a linked partner
};

// The clips `ids` (duplicates ignored) plus every clip sharing a non-zero linkGroup with one of
// them, in track order then start order. One pass over all tracks. An unknown id is NotFound; an
// empty list is InvalidArgument. Locked tracks are not checked here.
Result<std::vector<ClipOnTrack>> withLinkedPartners(const SeqRef& ref, const std::vector<model::ClipId>& ids);

// Links the clips `ids` (at least two distinct) into one fresh linkGroup. A clip's previous
// group that would be left with a single clip is cleared on that clip. Locked tracks are a Conflict.
Result<ChangeSet> link(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids);

// Clears the linkGroup of the clips `ids`, and of any partner that would be left alone in its
// group. None of them linked is InvalidArgument. Locked tracks are a Conflict.
Result<ChangeSet> unlink(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids);

}  // namespace postline::edit
