#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/model/project.h"

namespace postline::project {

// Schema version written by this build. Older files are upgraded on load; newer ones are refused.
// 2: nested clip grades, timeline grade; 3: title media; 4: audio mixer; 5: clip reframe keys
// Largest project file loadProject() reads, in bytes (256 MiB); larger files are refused unread.
inline constexpr std::uint64_t kMaxProjectFileBytes = std::uint64_t{256} << 20;
inline constexpr int kSchemaVersion = 5;
// File extension of a project file.
inline constexpr const char* kExtension = ".postline";

// What loading found besides the project itself.
struct LoadReport {
  model::Project project;
  std::vector<model::MediaId> missingMedia;   // media whose file was found neither relative nor absolute
  std::vector<std::string> warnings;          // things a person should know (upgraded schema, ...)
  int fileVersion = kSchemaVersion;           // schema version the file was written with
};

// The project as JSON text. Media paths are written relative to the project file's folder,
// with the absolute path kept as a fallback.
std::string toJson(const model::Project& project, const std::filesystem::path& projectFile);
// Parses, upgrades and validates JSON text; errors name `projectFile` and the problem.
base::Result<LoadReport> fromJson(std::string_view text, const std::filesystem::path& projectFile);

// Saves atomically: temp file in the same folder, fsync, rename over `file`, fsync the folder.
// On any failure the previous file is untouched and the error names the file.
base::Result<void> saveProject(const model::Project& project, const std::filesystem::path& file);
// Reads, parses, upgrades and validates `file`. Never crashes on hostile input.
base::Result<LoadReport> loadProject(const std::filesystem::path& file);

}  // namespace postline::project
