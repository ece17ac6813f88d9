#include "core/project/autosave.h"

#include <system_error>

#include "core/base/atomic_file.h"
#include "core/project/project_file.h"

namespace postline::project {

namespace fs = std::filesystem;

fs::path autosavePath(const fs::path& projectFile) {
  fs::path p = projectFile;
  p += ".autosave";
  return p;
}

Autosaver::Autosaver(Clock::duration interval, Clock::duration idleDelay)
    : m_interval(interval), m_idleDelay(idleDelay) {}

void Autosaver::noteEdit(Clock::time_point when) {
  if (!m_dirty) {
    m_dirty = true;
    m_firstUnsavedEdit = when;
  }
  m_lastEdit = when;
}

void Autosaver::noteSaved() { m_dirty = false; }

bool Autosaver::due(Clock::time_point now) const {
  if (!m_dirty) return false;
  return now - m_firstUnsavedEdit >= m_interval || now - m_lastEdit >= m_idleDelay;
}

base::Result<void> Autosaver::save(const model::Project& project, const fs::path& projectFile, Clock::time_point now) {
  PL_TRY(base::writeFileAtomic(autosavePath(projectFile), toJson(project, projectFile)));
  m_dirty = false;
  m_lastSave = now;
  return {};
}

std::optional<RecoveryOffer> checkRecovery(const fs::path& projectFile) {
  const fs::path autosave = autosavePath(projectFile);
  std::error_code ec;
  if (!fs::is_regular_file(autosave, ec)) return std::nullopt;
  RecoveryOffer offer{autosave, projectFile, fs::last_write_time(autosave, ec), std::nullopt};
  if (ec) return std::nullopt;
  if (fs::exists(projectFile, ec)) {
    const fs::file_time_type projectTime = fs::last_write_time(projectFile, ec);
    if (!ec) {
      if (offer.autosaveTime <= projectTime) return std::nullopt;
      offer.projectTime = projectTime;
    }
  }
  return offer;
}

base::Result<void> discardAutosave(const fs::path& projectFile) {
  const fs::path autosave = autosavePath(projectFile);
  std::error_code ec;
  fs::remove(autosave, ec);
  if (ec) {
    return base::makeError(base::ErrorCode::Io, "'" + autosave.string() + "' could not be removed: " + ec.message());
  }
  return {};
}

}  // namespace postline::project
