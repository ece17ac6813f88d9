#include "core/project/project_file.h"

#include <exception>
#include <new>
#include <system_error>

#include "core/base/atomic_file.h"
#include "core/base/log.h"
#include "core/model/validate.h"
#include "core/project/autosave.h"
#include "core/project/json_model.h"
#include "core/project/schema_upgrade.h"

namespace postline::project {

namespace fs = std::filesystem;
using base::ErrorCode;
using base::makeError;
using base::Result;
using detail::Json;

namespace {

// Deepest nesting of arrays and objects accepted; the format itself needs fewer than 10 levels.
constexpr int kMaxNesting = 64;
constexpr const char* kFormatMarker = "postline-project";

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

base::Error fileError(ErrorCode code, const fs::path& file, const std::string& problem) {
  return makeError(code, quoted(file) + ": " + problem);
}

// The absolute, normalised folder holding `projectFile` (relative media paths start there).
fs::path projectDirOf(const fs::path& projectFile) {
  std::error_code ec;
  fs::path abs = fs::absolute(projectFile, ec);
  if (ec) abs = projectFile;
  return abs.lexically_normal().parent_path();
}

// Refuses text nested deeper than kMaxNesting before the parser sees it (bounded work and stack).
Result<void> checkNesting(std::string_view text, const fs::path& file) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNesting) {
        return makeError(ErrorCode::Parse, quoted(file) + " is not a Postline project: JSON nested deeper than " +
                                               std::to_string(kMaxNesting) + " levels at byte " + std::to_string(i));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return {};
}

Result<Json> parseText(std::string_view text, const fs::path& file) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return makeError(ErrorCode::Parse, quoted(file) + " is empty");
  }
  PL_TRY(checkNesting(text, file));
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    const auto bracket = what.find("] ");
    if (what.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) what = what.substr(bracket + 2);
    return makeError(ErrorCode::Parse, quoted(file) + " is not valid JSON: " + what);
  } catch (const std::bad_alloc&) {
    return makeError(ErrorCode::Io, quoted(file) + " is too large to load into memory");
  } catch (const std::exception& e) {
    return makeError(ErrorCode::Parse, quoted(file) + " is not valid JSON: " + e.what());
  }
}

// Checks the "format" marker and returns the "version" the file was written with.
Result<int> readHeader(const Json& doc, const fs::path& file) {
  const std::string notProject = quoted(file) + " is not a Postline project";
  if (!doc.is_object()) return makeError(ErrorCode::Parse, notProject + ": the top level is not a JSON object");
  auto format = doc.find("format");
  if (format == doc.end()) {
    return makeError(ErrorCode::Parse, notProject + " (no \"format\": \"postline-project\" marker)");
  }
  if (!format->is_string() || format->get_ref<const std::string&>() != kFormatMarker) {
    return makeError(ErrorCode::Parse, notProject + " (\"format\" is not \"postline-project\")");
  }
  auto version = doc.find("version");
  if (version == doc.end()) return fileError(ErrorCode::Parse, file, "version: missing");
  if (!version->is_number_integer()) return fileError(ErrorCode::Parse, file, "version: expected an integer");
  const auto v = version->get<std::int64_t>();
  if (v > 1'000'000 || v < -1'000'000) {
    return fileError(ErrorCode::Version, file, "version " + std::to_string(v) + " is not a schema version");
  }
  return static_cast<int>(v);
}

// Upgrades `doc` to `target`, refusing files newer than this build.
Result<std::vector<std::string>> upgrade(Json& doc, int version, int target, const UpgraderChain& chain,
                                         const fs::path& file) {
  if (version > target) {
    return makeError(ErrorCode::Version, quoted(file) + " was written by a newer Postline (schema " +
                                             std::to_string(version) + "); this build reads up to " +
                                             std::to_string(target));
  }
  auto applied = upgradeDocument(doc, version, target, chain);
  if (!applied.ok()) return fileError(applied.error().code, file, applied.error().message);
  return applied;
}

}  // namespace

std::string toJson(const model::Project& project, const fs::path& projectFile) {
  const detail::Json doc = detail::writeProject(project, projectDirOf(projectFile));
  std::string text = doc.dump(1, '\t', false, detail::Json::error_handler_t::replace);
  text += '\n';
  return text;
}

Result<LoadReport> fromJson(std::string_view text, const fs::path& projectFile) {
  return fromJson(text, projectFile, shippedUpgraders(), kSchemaVersion);
}

Result<LoadReport> fromJson(std::string_view text, const fs::path& projectFile, const UpgraderChain& chain,
                            int targetVersion) {
  PL_TRY_ASSIGN(doc, parseText(text, projectFile));
  PL_TRY_ASSIGN(version, readHeader(doc, projectFile));
  PL_TRY_ASSIGN(applied, upgrade(doc, version, targetVersion, chain, projectFile));
  LoadReport report;
  report.fileVersion = version;
  report.warnings = std::move(applied);
  auto project = detail::readProject(doc, projectDirOf(projectFile), report.missingMedia);
  if (!project.ok()) return fileError(project.error().code, projectFile, project.error().message);
  report.project = std::move(project).value();
  auto valid = model::validate(report.project);
  if (!valid.ok()) return fileError(valid.error().code, projectFile, "invalid project: " + valid.error().message);
  return report;
}

Result<void> saveProject(const model::Project& project, const fs::path& file) {
  // Never write a file that could not be loaded back: the previous file stays as it was.
  if (auto valid = model::validate(project); !valid.ok()) {
    return base::Error{valid.error().code, quoted(file) + " was not saved: " + valid.error().message};
  }
  PL_TRY(base::writeFileAtomic(file, toJson(project, file)));
  std::error_code ec;
  fs::remove(autosavePath(file), ec);  // the autosave is stale now
  if (ec) {
    base::log(base::LogLevel::Warning, "could not remove the stale autosave of " + quoted(file) + ": " + ec.message());
  }
  return {};
}

Result<LoadReport> loadProject(const fs::path& file) {
  PL_TRY_ASSIGN(text, base::readFileLimited(file, kMaxProjectFileBytes));
  return fromJson(text, file);
}

}  // namespace postline::project
