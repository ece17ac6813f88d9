#pragma once
#include <filesystem>
#include <vector>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::project {

// Deepest folder level relinkMissing() descends to below the search folder.
inline constexpr int kMaxRelinkDepth = 16;

// Media whose file is not a regular file at its path (in project order).
std::vector<model::MediaId> findMissingMedia(const model::Project& project);

// Searches `searchFolder` recursively (folder symlinks followed, each real folder visited once,
// at most kMaxRelinkDepth levels deep, unreadable folders skipped) for files with the same file
// name as each missing media item, and returns a MediaUpdated change for each one found, with
// the new absolute path. The shallowest match wins; ties go to the first in name order.
// Ids not found are written to `notFound` when given. An id not in the project, or a search
// folder that is not a folder, is an error.
base::Result<model::ChangeSet> relinkMissing(const model::Project& project, const std::vector<model::MediaId>& missing,
                                             const std::filesystem::path& searchFolder,
                                             std::vector<model::MediaId>* notFound = nullptr);

}  // namespace postline::project
