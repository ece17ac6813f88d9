// postline-cli match / look: colour steps on a project, saved back atomically (docs/CLI.md).
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/grading.h"
#include "core/model/change_set.h"
#include "core/project/project_file.h"

namespace postline::cli {
namespace {

// Loads the project, picks the sequence, applies `changes(project, seq)` and saves it back.
template <class MakeChanges>
int editProject(const Args& args, MakeChanges changes, const std::string& what) {
  auto loaded = project::loadProject(args.positional[0]);
  if (!loaded) return fail(loaded.error());
  model::Project& p = loaded->project;
  auto seq = findSequence(p, args.value("--sequence"), args.positional[0]);
  if (!seq) return fail(seq.error());
  const model::SequenceId id = seq.value()->id;
  auto cs = changes(p, id);
  if (!cs) return fail(cs.error());
  const std::size_t n = cs->changes.size();
  if (auto r = model::apply(p, cs.value()); !r) return fail(r.error());
  if (auto r = project::saveProject(p, args.positional[0]); !r) return fail(r.error());
  std::cout << what << ": " << n << " change(s) saved to " << args.positional[0] << "\n";
  return kExitOk;
}

}  // namespace

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
