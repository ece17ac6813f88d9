#pragma once
// Shared by the CLI commands that change a project (match, look, mix): load, edit, save atomically.
#include <iostream>
#include <string>

#include "app/cli/cli_common.h"
#include "core/model/change_set.h"
#include "core/project/project_file.h"

namespace postline::cli {

// Loads the project args.positional[0], picks the sequence (--sequence), applies
// `changes(project, seq)` (a Result<ChangeSet>) and saves it back; prints what was saved.
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

}  // namespace postline::cli
