#pragma once
// Importing files and folders into a project: probe each file, map it to a MediaItem, pick its
// bin, detect duplicates and flag frame-rate issues. Produces a ChangeSet; nothing is applied.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::ingest {

// How an import behaves.
struct ImportOptions {
  bool asReference = false;                 // everything goes into 04_Reference
  bool recursive = true;                    // folders are searched in their sub-folders too
  model::SequenceId sequence;               // rates are compared with it (none: the first sequence)
  std::chrono::milliseconds probeTimeout{5000};  // per file
};

// A file that was not imported, or imported with a remark.
struct ImportIssue {
  std::string file;                         // absolute path
  std::string message;                      // names the file and the problem
  std::string fix;                          // an offered fix ("conform to 24 fps"), "" when none
};

// The outcome of planning an import.
struct ImportReport {
  model::ChangeSet changes;                 // NextIdChanged + one MediaAdded per imported file
  std::vector<model::MediaId> added;        // ids of the imported items, in request order
  std::vector<ImportIssue> errors;          // unreadable files (the rest was still imported)
  std::vector<ImportIssue> duplicates;      // skipped: "duplicate of X"
  std::vector<ImportIssue> warnings;        // imported, but flagged (variable or foreign frame rate, truncated)
};

// Plans the import of `filesOrFolders` (folders: their media files by extension, sorted by
// path) into `project`: video -> 01_Source_Clips, audio -> 02_Audio, images -> 03_Graphics, or all
// into 04_Reference with options.asReference. Shot/take come from file names. Duplicates (the
// same absolute path in the project or twice in the request, or the same size and first 64 KiB
// as another file) are skipped. Frame rates are never reinterpreted: a variable rate or one that
// differs from the sequence's becomes a warning with the offered fix. Fails only when the
// project lacks a standard bin or options.sequence is unknown.
base::Result<ImportReport> planImport(const model::Project& project,
                                      const std::vector<std::filesystem::path>& filesOrFolders,
                                      const ImportOptions& options = {});

}  // namespace postline::ingest
