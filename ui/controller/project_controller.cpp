#include "ui/controller/project_controller.h"

#include <algorithm>

#include "core/project/project_file.h"

namespace postline::ui {

namespace {
constexpr int kAutosaveTickMs = 1000;
}

ProjectController::ProjectController(QObject* parent) : QObject(parent) {
  replaceProject(model::Project::createDefault("Untitled"), {});
  m_autosaveTimer.setInterval(kAutosaveTickMs);
  connect(&m_autosaveTimer, &QTimer::timeout, this, &ProjectController::autosaveTick);
  m_autosaveTimer.start();
}

ProjectController::~ProjectController() = default;

void ProjectController::newProject(const QString& name) {
  replaceProject(model::Project::createDefault(name.toStdString()), {});
}

base::Result<void> ProjectController::open(const std::filesystem::path& file, bool fromAutosave) {
  const std::filesystem::path source = fromAutosave ? project::autosavePath(file) : file;
  PL_TRY_ASSIGN(report, project::loadProject(source));
  m_loadWarnings = report.warnings;
  replaceProject(std::move(report.project), file);
  m_offline = std::set<model::MediaId>(report.missingMedia.begin(), report.missingMedia.end());
  if (fromAutosave) m_forcedDirty = true;
  emit mediaStatusChanged();
  emit dirtyChanged(isDirty());
  return {};
}

base::Result<void> ProjectController::save() {
  if (m_file.empty()) return base::makeError(base::ErrorCode::InvalidArgument, "the project has no file yet: use Save As");
  return saveAs(m_file);
}

base::Result<void> ProjectController::saveAs(const std::filesystem::path& file) {
  PL_TRY(project::saveProject(*m_project, file));
  const bool renamed = file != m_file;
  if (renamed && !m_file.empty()) (void)project::discardAutosave(m_file);
  m_file = file;
  (void)project::discardAutosave(m_file);
  m_undo->markClean();
  m_forcedDirty = false;
  m_autosaver.noteSaved();
  if (renamed) emit fileChanged();
  m_lastDirty = false;
  emit dirtyChanged(false);
  return {};
}

void ProjectController::adopt(model::Project project, const std::filesystem::path& file) {
  replaceProject(std::move(project), file);
}

QString ProjectController::displayName() const {
  if (!m_file.empty()) return QString::fromStdString(m_file.stem().string());
  return QString::fromStdString(m_project->name);
}

void ProjectController::setMediaOffline(model::MediaId id, bool offline) {
  const bool had = m_offline.count(id) > 0;
  if (had == offline) return;
  if (offline) m_offline.insert(id); else m_offline.erase(id);
  emit mediaStatusChanged();
}

void ProjectController::replaceProject(model::Project project, const std::filesystem::path& file) {
  m_undo.reset();
  m_project = std::make_unique<model::Project>(std::move(project));
  m_undo = std::make_unique<commands::UndoStack>(*m_project);
  m_undo->setListener([this](const model::ChangeSet& cs) { onApplied(cs); });
  m_snapshot = std::make_shared<const model::Project>(*m_project);
  m_file = file;
  m_loadWarnings.clear();
  m_offline.clear();
  m_forcedDirty = false;
  m_lastDirty = false;
  m_autosaver.noteSaved();
  resetEditorState();
  emit projectReplaced();
  emit fileChanged();
  emit dirtyChanged(false);
  emit currentSequenceChanged();
  emit playheadChanged(m_playhead.value);
  emit inOutChanged();
  emit selectionChanged();
  emit sourceChanged();
  emit targetsChanged();
  emit mediaStatusChanged();
}

void ProjectController::resetEditorState() {
  m_sequence = m_project->sequences.empty() ? model::SequenceId{} : m_project->sequences.front().id;
  m_playhead = time::FramePos{0};
  m_in.reset();
  m_out.reset();
  m_selection.clear();
  m_sourceMedia = {};
  m_sourcePlayhead = time::FramePos{0};
  m_sourceIn.reset();
  m_sourceOut.reset();
  m_targets.clear();
  if (const model::Sequence* seq = sequence()) {
    bool video = false, audio = false;
    for (const model::Track& t : seq->tracks) {
      bool& seen = t.kind == model::TrackKind::Video ? video : audio;
      if (!seen) m_targets.insert(t.id);
      seen = true;
    }
  }
}

bool ProjectController::apply(base::Result<model::ChangeSet> edit, const QString& label, const QString& mergeKey) {
  if (!edit) {
    emit editFailed(QString::fromStdString(edit.error().message));
    return false;
  }
  if (edit.value().empty()) return true;
  auto pushed = m_undo->push({label.toStdString(), std::move(edit.value()), mergeKey.toStdString()});
  if (!pushed) {
    emit editFailed(QString::fromStdString(pushed.error().message));
    return false;
  }
  updateDirty();
  return true;
}

void ProjectController::closeGesture() { m_undo->closeMerge(); }

bool ProjectController::undo() {
  auto r = m_undo->undo();
  updateDirty();
  if (!r) emit editFailed(QString::fromStdString(r.error().message));
  return r.ok();
}

bool ProjectController::redo() {
  auto r = m_undo->redo();
  updateDirty();
  if (!r) emit editFailed(QString::fromStdString(r.error().message));
  return r.ok();
}

void ProjectController::onApplied(const model::ChangeSet& cs) {
  m_snapshot = std::make_shared<const model::Project>(*m_project);
  m_autosaver.noteEdit(project::Autosaver::Clock::now());
  if (!sequence()) {
    resetEditorState();
    emit currentSequenceChanged();
  }
  pruneSelection();
  emit changed(cs);
  updateDirty();
}

void ProjectController::updateDirty() {
  if (isDirty() == m_lastDirty) return;
  m_lastDirty = isDirty();
  emit dirtyChanged(m_lastDirty);
}

void ProjectController::pruneSelection() {
  const model::Sequence* seq = sequence();
  const auto before = m_selection.size();
  std::erase_if(m_selection, [seq](model::ClipId id) { return !seq || !seq->findClip(id); });
  if (m_selection.size() != before) emit selectionChanged();
}

const model::Sequence* ProjectController::sequence() const { return m_project->findSequence(m_sequence); }

void ProjectController::setCurrentSequence(model::SequenceId id) {
  if (id == m_sequence || !m_project->findSequence(id)) return;
  m_sequence = id;
  m_selection.clear();
  m_playhead = time::FramePos{0};
  emit currentSequenceChanged();
  emit selectionChanged();
  emit playheadChanged(0);
}

void ProjectController::setPlayhead(time::FramePos frame) {
  frame.value = std::max<std::int64_t>(0, frame.value);
  if (frame == m_playhead) return;
  m_playhead = frame;
  emit playheadChanged(frame.value);
}

void ProjectController::setInPoint(std::optional<time::FramePos> frame) {
  m_in = frame;
  if (m_in && m_out && m_out->value < m_in->value) m_out.reset();
  emit inOutChanged();
}

void ProjectController::setOutPoint(std::optional<time::FramePos> frame) {
  m_out = frame;
  if (m_in && m_out && m_out->value < m_in->value) m_in.reset();
  emit inOutChanged();
}

void ProjectController::setSelection(std::vector<model::ClipId> clips) {
  std::sort(clips.begin(), clips.end());
  clips.erase(std::unique(clips.begin(), clips.end()), clips.end());
  if (clips == m_selection) return;
  m_selection = std::move(clips);
  emit selectionChanged();
}

void ProjectController::setSourceMedia(model::MediaId id) {
  m_sourceMedia = id;
  m_sourcePlayhead = time::FramePos{0};
  m_sourceIn.reset();
  m_sourceOut.reset();
  emit sourceChanged();
}

void ProjectController::setSourcePlayhead(time::FramePos frame) {
  frame.value = std::max<std::int64_t>(0, frame.value);
  if (frame == m_sourcePlayhead) return;
  m_sourcePlayhead = frame;
  emit sourceChanged();
}

void ProjectController::setSourceIn(std::optional<time::FramePos> frame) {
  m_sourceIn = frame;
  if (m_sourceIn && m_sourceOut && m_sourceOut->value < m_sourceIn->value) m_sourceOut.reset();
  emit sourceChanged();
}

void ProjectController::setSourceOut(std::optional<time::FramePos> frame) {
  m_sourceOut = frame;
  if (m_sourceIn && m_sourceOut && m_sourceOut->value < m_sourceIn->value) m_sourceIn.reset();
  emit sourceChanged();
}

void ProjectController::setSnapping(bool on) {
  if (on == m_snapping) return;
  m_snapping = on;
  emit snappingChanged(on);
}

void ProjectController::setTrackTargeted(model::TrackId track, bool targeted) {
  const bool has = m_targets.count(track) > 0;
  if (has == targeted) return;
  if (targeted) m_targets.insert(track); else m_targets.erase(track);
  emit targetsChanged();
}

void ProjectController::autosaveTick() {
  if (m_file.empty() || !m_autosaver.due(project::Autosaver::Clock::now())) return;
  auto r = m_autosaver.save(*m_project, m_file, project::Autosaver::Clock::now());
  emit autosaved(r.ok(), r.ok() ? QString() : QString::fromStdString(r.error().message));
}

}  // namespace postline::ui
