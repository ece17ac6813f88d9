#pragma once
// Project-level colour steps shared by the CLI commands and the demo: "normalise all" to a
// reference, and a timeline look from a grade preset. Both return ChangeSets for the undo stack.
#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::cli {

// Every enabled video clip of `seq` matched to `reference` (an image or video file): its grade's
// Normalise replaced by the match, its creative grade kept. One ChangeSet.
base::Result<model::ChangeSet> normaliseAllChanges(const model::Project& project, model::SequenceId seq,
                                                   const std::filesystem::path& reference);

// Per shot: each clip matched to the 04_Reference item with the same shot number (e.g. the
// keyframe still a shot was generated from, "Shot_03_Keyframe.png"); clips of shots without a
// reference keep their grade. `matched` receives how many clips were matched.
base::Result<model::ChangeSet> normalisePerShotChanges(const model::Project& project, model::SequenceId seq,
                                                       int& matched);

// The sequence's timeline grade set to grade preset `presetId` (core/color/grade_presets.h).
base::Result<model::ChangeSet> lookChanges(const model::Project& project, model::SequenceId seq, const std::string& presetId);

}  // namespace postline::cli
