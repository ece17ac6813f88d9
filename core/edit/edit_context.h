#pragma once
#include <string>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::edit {

using base::Result;
using model::ChangeSet;

// The sequence an edit works on, resolved from its id.
struct SeqRef {
  const model::Project& project;
  const model::Sequence& seq;
  const time::FrameRate& rate() const { return seq.settings.frameRate; }
};

// A clip found in a sequence, with its track and media.
struct ClipRef {
  const model::Track& track;
  const model::Clip& clip;
  const model::MediaItem& media;
};

// The sequence `id`, or NotFound naming it.
Result<SeqRef> resolveSequence(const model::Project& project, model::SequenceId id);
// The clip `id` in `ref.seq`, or NotFound.
Result<ClipRef> resolveClip(const SeqRef& ref, model::ClipId id);
// The track `id` in `ref.seq`, or NotFound; a locked track is a Conflict.
Result<const model::Track*> resolveTrack(const SeqRef& ref, model::TrackId id);

// A ClipUpdated change for `before` -> `after` on `track`.
model::ClipUpdated clipUpdate(const SeqRef& ref, const model::Track& track, const model::Clip& before,
                              const model::Clip& after);

// Validates `after` against its media (source range inside, positive length) before it goes in a ChangeSet.
Result<void> checkClipFits(const SeqRef& ref, const model::Track& track, const model::Clip& after);

// Error helpers with a message a person can act on.
base::Error invalid(const std::string& message);
base::Error outOfRange(const std::string& message);
base::Error conflict(const std::string& message);


}  // namespace postline::edit
