#pragma once
// Text titles on a sequence (postline-cli title, the demo): a Title media item in 03_Graphics
// placed on a video track, with the changes the editor's undo stack records.
#include <functional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"
#include "core/model/title.h"
#include "core/time/units.h"

namespace postline::cli {

// Where a title goes: track name ("V2"), first frame and length in seconds (> 0).
struct TitlePlacement {
  std::string track = "V2";
  time::FramePos at;
  double seconds = 3.0;
};

// The change sets that put `spec` on `seq` (apply them in order; each is a step of its own):
// adding the track when `placement.track` is not there yet (only "V<n+1>" above the top video
// track V<n>), adding the title item to 03_Graphics, and overwriting [at, at + seconds) with it.
// Each set is computed against `project` as the previous ones left it, so `apply` must apply each
// to that same project (model::apply, or an UndoStack over it) before returning.
// NotFound for an unknown sequence or track name, InvalidArgument for a bad spec or length.
base::Result<void> addTitle(const model::Project& project, model::SequenceId seq, const model::TitleSpec& spec,
                            const TitlePlacement& placement,
                            const std::function<base::Result<void>(const std::string&, model::ChangeSet)>& apply);

}  // namespace postline::cli
