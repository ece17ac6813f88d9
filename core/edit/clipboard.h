// Copy and paste of timeline clips: copy takes plain clip values with their track and offset,
// paste overwrites them back onto their tracks at a new position.
#pragma once
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

// One copied clip: the track it came from and the clip as it was, except that `clip.start` is
// its offset in frames from the start of the earliest copied clip (so the first one has start 0).
struct CopiedClip {
  model::TrackId track;
  model::Clip clip;
};

// What copyClips returns: the copied clips sorted by track order then offset.
struct ClipboardContent {
  std::vector<CopiedClip> clips;
  // Frames from the first copied clip's start to the last copied clip's end.
  time::FrameCount length() const;
  bool empty() const { return clips.empty(); }
};

// Copies the clips `ids` of sequence `seq` and their linked partners (see withLinkedPartners).
// Nothing changes. An unknown id is NotFound; an empty list is InvalidArgument.
Result<ClipboardContent> copyClips(const model::Project& project, model::SequenceId seq,
                                   const std::vector<model::ClipId>& ids);

// Pastes `content` with its first clip starting at timeline frame `at` (>= 0), each clip on the
// track it was copied from, by overwrite: clips under the pasted ranges are trimmed, split or
// removed, nothing moves (as edit::overwrite). The pasted clips get fresh ids; clips that shared a
// link group share one fresh group (a group with one pasted clip is cleared). Transitions are not
// pasted; transitions whose cut disappears are removed. A missing track is NotFound, a locked one
// a Conflict, a clip that no longer fits its media (or a media item gone) an error naming it;
// empty content is InvalidArgument.
Result<ChangeSet> pasteClips(const model::Project& project, model::SequenceId seq, const ClipboardContent& content,
                             time::FramePos at);

}  // namespace postline::edit
