// postline-cli match / look: colour steps on a project, saved back atomically (docs/CLI.md).
#include <iostream>

#include "app/cli/grading.h"
#include "app/cli/project_edit.h"

namespace postline::cli {

int runMatch(const Args& args) {
  const auto reference = args.value("--reference");
  const bool perShot = args.has("--per-shot");
  if (args.positional.size() != 1 || perShot == (reference && !reference->empty())) {
    return usageError("match needs PROJECT and either --reference FILE or --per-shot");
  }
  if (perShot) {
    int matched = 0;
    return editProject(args, [&](const model::Project& p, model::SequenceId seq) {
      auto cs = normalisePerShotChanges(p, seq, matched);
      std::cout << "matched " << matched << " clip(s) to their shot's reference\n";
      return cs;
    }, "normalised per shot");
  }
  return editProject(args, [&](const model::Project& p, model::SequenceId seq) {
    return normaliseAllChanges(p, seq, *reference);
  }, "normalised every clip to " + *reference);
}

int runLook(const Args& args) {
  const auto preset = args.value("--preset");
  if (args.positional.size() != 1 || !preset) return usageError("look needs PROJECT and --preset NAME");
  return editProject(args, [&](const model::Project& p, model::SequenceId seq) { return lookChanges(p, seq, *preset); },
                     "timeline grade '" + *preset + "'");
}

}  // namespace postline::cli
