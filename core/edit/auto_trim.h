// Auto-trim: cut the generation artefacts off the heads and tails of a selection of AI clips.
#pragma once
#include <vector>

#include "core/base/result.h"
#include "core/edit/trim.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::edit {

// Half a second at `rate`, rounded by THE rule (12 frames at 24 and 24000/1001 fps, 13 at 25, 15 at 30000/1001).
time::FrameCount defaultAutoTrim(const time::FrameRate& rate);

// Trims `head` frames off the head and `tail` frames off the tail of every clip in `clips` (and of
// their linked partners with the same timeline range). Ripple: each clip keeps its start and the
// track closes up, as if every clip shrank in place and the gaps closed; tracks holding partners of
// clips that move close up with it (see TrimMode), so linked clips stay in sync; Normal: each clip keeps
// its frames in place and gaps open. A clip shorter than head + tail + 1 frames is an OutOfRange
// error naming it. Transitions on cuts that disappear are removed.
base::Result<model::ChangeSet> autoTrim(const model::Project& project, model::SequenceId seq,
                                        std::vector<model::ClipId> clips, time::FrameCount head,
                                        time::FrameCount tail, TrimMode mode = TrimMode::Ripple);

}  // namespace postline::edit
