#pragma once
// A mix action measured for the Audio page's dialog: its edit and report, and the mix's loudness
// before and after the edit. Runs on a worker thread over a project snapshot (seconds of mixing).
#include <string>
#include <vector>

#include "core/audio/loudness/analyzer.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::ui {

struct MixMeasurement {
  bool ok = false;
  std::string error;
  model::ChangeSet changes;
  audio::loudness::LoudnessStats before;
  audio::loudness::LoudnessStats after;
  std::vector<std::string> report;
  std::vector<std::string> warnings;
};

// "Set role levels" (audio::balanceRoles), with the whole mix measured before and after it.
MixMeasurement measureRoleLevels(const model::Project& project, model::SequenceId seq);
// "Normalise mix to" `targetLufs` (audio::normaliseMix).
MixMeasurement measureNormalise(const model::Project& project, model::SequenceId seq, double targetLufs);

}  // namespace postline::ui
