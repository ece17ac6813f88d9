#pragma once
// The immutable view of a project that render threads read (never the live model, which only
// the UI thread touches). The controller swaps in a new shared_ptr after each applied change;
// a render job keeps its own copy of the pointer, so the project it reads cannot change under it.
#include <memory>

#include "core/model/ids.h"
#include "core/model/project.h"

namespace postline::render {

// A project frozen at one moment plus the sequence to render from it.
struct Snapshot {
  std::shared_ptr<const model::Project> project;  // never null for a usable snapshot
  model::SequenceId sequence;                     // the sequence to render (must exist in project)
};

}  // namespace postline::render
