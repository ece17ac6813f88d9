// Bin edits: new sub-bins, renaming a bin, moving media between bins.
#pragma once
#include <string>
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

// Adds a bin named `name` (trimmed; not empty, not already used by a sibling) under `parent`
// (a valid bin; sub-bins only: the five root bins are fixed), with a fresh id, appended last.
// Unknown parent is NotFound, a bad or taken name InvalidArgument / Conflict.
Result<ChangeSet> addBin(const model::Project& project, model::BinId parent, const std::string& name);

// Renames bin `bin` to `name` (trimmed; not empty, unique among its siblings). The five standard
// bins keep their names (Conflict); an unknown bin is NotFound. Same name: an empty ChangeSet.
Result<ChangeSet> renameBin(const model::Project& project, model::BinId bin, const std::string& name);

// Moves the media `items` (in this order) from whichever bins hold them to the end of `target`.
// Items already in `target` stay where they are. Unknown target or item is NotFound; an empty
// list is InvalidArgument. The media items themselves are not touched (BinUpdated changes only).
Result<ChangeSet> moveMediaToBin(const model::Project& project, const std::vector<model::MediaId>& items,
                                 model::BinId target);

// The bin whose item list holds `item`, or nullptr.
const model::Bin* binOfMedia(const model::Project& project, model::MediaId item);

}  // namespace postline::edit
