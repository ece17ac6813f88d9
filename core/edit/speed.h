// Timing edits on one clip: speed change, reverse, and freeze-frame hold.
// Each validates and returns a ChangeSet without touching the model.
#pragma once
#include <cstdint>
#include <optional>

#include "core/base/result.h"
#include "core/edit/trim.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::edit {

// Sets the clip's speed (> 0; 1 = 100 %, 17/20 = 85 %) keeping the same source span:
// newDuration = round(oldDuration * oldSpeed / newSpeed) frames (rounded down by one instead when
// rounding up would need source past the media end). Normal: a longer clip must not overlap the
// next clip (Conflict); Ripple: later clips on the track (and on tracks holding partners of clips
// that move, see TrimMode) move by the difference. Linked partners
// with the same timeline range change speed the same way.
base::Result<model::ChangeSet> setSpeed(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                        time::Rational speed, TrimMode mode);

// Plays the clip's source range [sourceIn, sourceOut) backwards (true) or forwards (false); the
// timeline range is unchanged. Linked partners with the same timeline range follow.
base::Result<model::ChangeSet> setReverse(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                          bool reverse);

// Holds a clip's last frame: inserts a freeze-frame clip named "<name> (hold)" of `hold` frames at
// the clip's end, showing the source tick of the clip's last frame (model::sourceTickAt at end - 1)
// or `sourceTick` when given. Later clips on the track, and on the tracks of linked partners ending
// at the same frame, move right by `hold`, and so do the tracks holding partners of clips that move
// (see TrimMode). A transition on the clip's out cut is removed (that cut
// no longer exists). Only clips on video tracks can hold a frame.
base::Result<model::ChangeSet> freezeFrameHold(const model::Project& project, model::SequenceId seq,
                                               model::ClipId clip, time::FrameCount hold,
                                               std::optional<std::int64_t> sourceTick = {});

}  // namespace postline::edit
