#pragma once
#include <chrono>
#include <filesystem>
#include <optional>

#include "core/base/result.h"
#include "core/model/project.h"

namespace postline::project {

// The autosave sibling of a project file: "<file>.autosave" (Demo.postline.autosave).
std::filesystem::path autosavePath(const std::filesystem::path& projectFile);

// Decides when to autosave, driven by the caller's clock (no threads, no timers).
// Due when there are unsaved edits and either `interval` has passed since the first edit not yet
// autosaved, or `idleDelay` has passed since the last edit.
class Autosaver {
 public:
  // The caller's monotonic clock; every time point passed in comes from it.
  using Clock = std::chrono::steady_clock;

  // interval: longest time edits stay unsaved while editing goes on; idleDelay: quiet time before a save.
  explicit Autosaver(Clock::duration interval = std::chrono::seconds(60),
                     Clock::duration idleDelay = std::chrono::seconds(2));

  // Records an edit made at `when`.
  void noteEdit(Clock::time_point when);
  // Records that the user saved the project (nothing is left to autosave).
  void noteSaved();
  // True when an autosave should be written now.
  bool due(Clock::time_point now) const;
  // True when edits were made since the last (auto)save.
  bool hasUnsavedEdits() const { return m_dirty; }
  // Writes `project` atomically to autosavePath(projectFile) and clears the unsaved state.
  // On failure the unsaved state is kept, so the caller may retry.
  base::Result<void> save(const model::Project& project, const std::filesystem::path& projectFile,
                          Clock::time_point now);
  // When the last successful autosave happened (nullopt before the first).
  std::optional<Clock::time_point> lastAutosave() const { return m_lastSave; }

 private:
  Clock::duration m_interval;
  Clock::duration m_idleDelay;
  bool m_dirty = false;
  Clock::time_point m_firstUnsavedEdit;
  Clock::time_point m_lastEdit;
  std::optional<Clock::time_point> m_lastSave;
};

// An autosave newer than its project file, offered for recovery after a crash.
struct RecoveryOffer {
  std::filesystem::path autosaveFile;                                 // load it with loadProject()
  std::filesystem::path projectFile;
  std::filesystem::file_time_type autosaveTime;                       // mtime of the autosave
  std::optional<std::filesystem::file_time_type> projectTime;         // mtime of the project; empty when missing
};

// Offers the autosave when it exists and is newer than the project file (or the project file is missing).
std::optional<RecoveryOffer> checkRecovery(const std::filesystem::path& projectFile);
// Deletes the autosave of `projectFile`; no autosave is not an error.
base::Result<void> discardAutosave(const std::filesystem::path& projectFile);

}  // namespace postline::project
