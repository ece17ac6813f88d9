#pragma once
// Schema upgraders: a chain of steps, each turning a document of schema N into schema N + 1.
// This header exposes nlohmann::ordered_json (the document the steps edit), so it is meant for
// core/project itself and its tests; the rest of Postline uses project_file.h, which does not.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/base/result.h"
#include "core/project/project_file.h"

namespace postline::project {

// One step: edits `doc` from schema `fromVersion` to `fromVersion + 1` in place.
// The chain itself then sets doc["version"]; a step only reshapes the data.
struct SchemaUpgrader {
  int fromVersion = 0;
  std::string description;  // what the step changes, reported in LoadReport::warnings
  std::function<base::Result<void>(nlohmann::ordered_json& doc)> upgrade;
};

// Steps in any order; at most one per fromVersion is used (the first listed).
using UpgraderChain = std::vector<SchemaUpgrader>;

// The upgraders this build ships: 1 -> 2 (flat clip grades into normalise/creative sections),
// 2 -> 3 (title media items added; nothing in a schema 2 file changes), 3 -> 4 (clip audio groups
// gain `volume` [] and `preserve_pitch` true), 4 -> 5 (optional clip `reframe_keys` added; nothing
// in a schema 4 file changes).
const UpgraderChain& shippedUpgraders();

// Upgrades `doc` from schema `fromVersion` to `toVersion`, one step at a time, and returns the
// descriptions of the steps applied. A missing step is ErrorCode::Version; a failing step keeps
// its own error. Messages do not name a file (the caller adds it).
base::Result<std::vector<std::string>> upgradeDocument(nlohmann::ordered_json& doc, int fromVersion,
                                                       int toVersion, const UpgraderChain& chain);

// fromJson() with an explicit upgrader chain and the schema version this reader expects after
// upgrading; files newer than `targetVersion` are refused with ErrorCode::Version.
base::Result<LoadReport> fromJson(std::string_view text, const std::filesystem::path& projectFile,
                                  const UpgraderChain& chain, int targetVersion = kSchemaVersion);

}  // namespace postline::project
