#pragma once
// Dropping media from the bins on the timeline: where each item lands (tracks, frames) and the one
// ChangeSet placing them all (edit::overwrite, or edit::insert with Ctrl), full length, one after another.
//
// Tracks: over a video track, video lands there and its linked audio on the targeted audio track
// (the first targeted one, else A1 Dialogue); over an audio track, audio-only media lands there and
// video goes to the targeted video track with its audio on the track under the mouse. Audio-only
// media dropped over a video track goes to its role track, guessed from its name (dialog/vo, sfx,
// foley, amb, else music).
#include <QString>
#include <set>
#include <vector>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::ui {

// One clip a drop would make (drawn as a ghost while dragging).
struct DropGhost {
  model::TrackId track;
  time::FramePos start;
  time::FrameCount duration{0};
  QString name;
};

// Where one media item goes.
struct DropTarget {
  model::MediaId media;
  model::TrackId track;        // the clip's track
  model::TrackId linkedAudio;  // its linked audio clip's track (invalid: none)
};

// The tracks each of `media` lands on with the mouse over `hoverTrack` of `seq`; items that cannot
// go anywhere (unknown media, no track of the kind) are left out.
std::vector<DropTarget> dropTargets(const model::Project& project, const model::Sequence& seq,
                                    const std::set<model::TrackId>& targeted, const std::vector<model::MediaId>& media,
                                    model::TrackId hoverTrack);

// The ghosts of `targets` placed one after another from frame `at`.
std::vector<DropGhost> dropGhosts(const model::Project& project, const model::Sequence& seq,
                                  const std::vector<DropTarget>& targets, time::FramePos at);

// One ChangeSet placing `targets` one after another from frame `at` (insert or overwrite), each
// edit computed on the project as the previous ones left it.
base::Result<model::ChangeSet> dropChanges(const model::Project& project, model::SequenceId seq,
                                           const std::vector<DropTarget>& targets, time::FramePos at, bool insert);

}  // namespace postline::ui
