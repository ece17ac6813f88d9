// Track header edits: mute, solo and lock flags, adding a track, renaming one.
#pragma once
#include <string>

#include "core/edit/edit_context.h"

namespace postline::edit {

// The on/off switches of a track header.
enum class TrackFlag {
  Mute,  // Track::muted (a muted video track is not drawn, a muted audio track is silent)
  Solo,  // Track::solo (audio tracks only)
  Lock,  // Track::locked (edits refuse to change the track's clips)
};

// Sets `flag` of `track` to `on` (one TrackUpdated; an empty ChangeSet when it already is).
// Works on a locked track (so it can be unlocked). Solo on a video track is InvalidArgument;
// an unknown sequence or track is NotFound.
Result<ChangeSet> setTrackFlag(const model::Project& project, model::SequenceId seq, model::TrackId track,
                               TrackFlag flag, bool on);

// Adds an empty track of `kind` (a fresh id, NextIdChanged + TrackAdded): a video track goes above
// the highest video track (last video track in the list), an audio track after the last track.
// `role` is kept for audio tracks (None for video). An empty `name` gives the first free
// "V<n>"/"A<n>" with n >= (tracks of that kind) + 1.
Result<ChangeSet> addTrack(const model::Project& project, model::SequenceId seq, model::TrackKind kind,
                           model::AudioRole role = model::AudioRole::None, std::string name = {});

// Renames `track` to `name` (trimmed of surrounding blanks; empty is InvalidArgument). One TrackUpdated,
// or an empty ChangeSet when the name does not change.
Result<ChangeSet> renameTrack(const model::Project& project, model::SequenceId seq, model::TrackId track,
                              std::string name);

}  // namespace postline::edit
