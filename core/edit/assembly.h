// Assembly edit: the chosen takes, in shot order, full length, one after another.
#pragma once
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

// The media to assemble, in timeline order: for each shot (MediaItem::shot > 0) the chosen take,
// the highest rating, then the highest take number, then the first given; shots ascending; then
// every item with shot 0 in the given order. An unknown id is NotFound; an empty list is InvalidArgument.
Result<std::vector<const model::MediaItem*>> chooseTakes(const model::Project& project,
                                                         const std::vector<model::MediaId>& takes);

// Appends the chosen takes (see chooseTakes), each at full length (source 0 to the media's
// duration; a still gets kDefaultStillSeconds), one after another starting at the later of the
// ends of `video` and `audio`. Media with video go on `video`, with a linked clip on `audio`
// when it is valid and the media has audio; audio-only media go on `audio` (required for them).
// Clip names are the media names.
Result<ChangeSet> assemblyEdit(const model::Project& project, model::SequenceId seq,
                               const std::vector<model::MediaId>& takes, model::TrackId video, model::TrackId audio);

}  // namespace postline::edit
