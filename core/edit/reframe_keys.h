// Reframing keys: a clip's keyframed crop-window centres for one delivery aspect ("9x16", "4x5",
// "1x1"; model::ReframeKeys). Each edit validates (model::validateReframeKeys) and returns a
// ChangeSet without touching the model. Only clips on video tracks carry keys; a clip on a locked
// track is a Conflict, as for every edit.
#pragma once
#include <cstdint>
#include <string>

#include "core/edit/edit_context.h"

namespace postline::edit {

// Adds the key (sourceFrame, x, y) to clip `clip`'s keys for `aspect`, or replaces the key already
// at `sourceFrame` (one ClipUpdated; empty when that key is already there). x and y are fractions
// of the source picture (the point the window centres on). An aspect that is not a reduced
// "WxH" name, a negative source frame or x/y outside 0..1 is InvalidArgument naming the clip; an
// audio clip is InvalidArgument; an unknown clip or sequence is NotFound.
Result<ChangeSet> setReframeKey(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                const std::string& aspect, std::int64_t sourceFrame, double x, double y);

// Removes every key of clip `clip` for `aspect` (one ClipUpdated). NotFound when it has none.
Result<ChangeSet> clearReframeKeys(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                   const std::string& aspect);

}  // namespace postline::edit
