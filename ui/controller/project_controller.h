#pragma once
// The one owner of an open project in the editor: the model, its undo stack, the file it lives in,
// autosave, and the editor state every panel shares (current sequence, playhead, in/out marks,
// selection, source viewer, snapping, target tracks). Panels observe its signals and change the
// project only through apply()/undo()/redo(); no panel touches the model directly.
//
// UI thread only. Render and audio threads get snapshot(): an immutable copy swapped after each change.
#include <QObject>
#include <QString>
#include <QTimer>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "core/base/result.h"
#include "core/commands/undo_stack.h"
#include "core/model/change_set.h"
#include "core/model/project.h"
#include "core/project/autosave.h"
#include "core/time/units.h"

namespace postline::ui {

class ProjectController : public QObject {
  Q_OBJECT

 public:
  explicit ProjectController(QObject* parent = nullptr);
  ~ProjectController() override;

  // --- Lifecycle -------------------------------------------------------------------------------
  // Replaces the open project with a new default one named `name` (bins, "Sequence 01"), unsaved.
  void newProject(const QString& name);
  // Loads `file` (or, with `fromAutosave`, its autosave sibling, keeping `file` as the save target and
  // marking the project dirty). On error the open project is kept and the error names the file.
  // Missing media become offline (see offlineMedia()); load warnings are in loadWarnings().
  base::Result<void> open(const std::filesystem::path& file, bool fromAutosave = false);
  // Saves to filePath() atomically (InvalidArgument when the project has no file yet), drops the autosave.
  base::Result<void> save();
  // Saves to `file` and makes it the project's file.
  base::Result<void> saveAs(const std::filesystem::path& file);
  // Replaces the project with `project` (tests, the demo); `file` may be empty.
  void adopt(model::Project project, const std::filesystem::path& file = {});

  const model::Project& project() const { return *m_project; }
  // The project as it is now, immutable (a new pointer after every change); for other threads.
  std::shared_ptr<const model::Project> snapshot() const { return m_snapshot; }
  // Project file ("" while never saved).
  const std::filesystem::path& filePath() const { return m_file; }
  // Name for the title bar: the file's stem, else the project's name.
  QString displayName() const;
  bool isDirty() const { return m_undo->isDirty() || m_forcedDirty; }
  // Warnings of the last open() (upgraded schema, ...).
  const std::vector<std::string>& loadWarnings() const { return m_loadWarnings; }
  // Media whose file was missing at open (or found missing later); drawn offline, offered Relink.
  const std::set<model::MediaId>& offlineMedia() const { return m_offline; }
  // Marks `id` offline (a decode failure) or back online, emitting mediaStatusChanged.
  void setMediaOffline(model::MediaId id, bool offline);

  // --- Edits -----------------------------------------------------------------------------------
  // Pushes the edit as one undoable command named `label`. An error (from the edit function or
  // from applying) changes nothing, emits editFailed(message) and returns false. Commands with the
  // same non-empty `mergeKey` merge into one until closeGesture() (a drag, a slider move).
  bool apply(base::Result<model::ChangeSet> edit, const QString& label, const QString& mergeKey = {});
  // Ends a drag or slider gesture: the next apply() starts a new command.
  void closeGesture();
  bool undo();
  bool redo();
  commands::UndoStack& undoStack() { return *m_undo; }

  // --- Editor state ----------------------------------------------------------------------------
  // The sequence the timeline and program viewer show (the first one after open/new).
  model::SequenceId currentSequence() const { return m_sequence; }
  const model::Sequence* sequence() const;
  void setCurrentSequence(model::SequenceId id);

  // Program playhead, sequence frames (clamped to >= 0).
  time::FramePos playhead() const { return m_playhead; }
  void setPlayhead(time::FramePos frame);
  // Program in/out marks: in is the first frame, out the last frame included (nullopt = unset).
  std::optional<time::FramePos> inPoint() const { return m_in; }
  std::optional<time::FramePos> outPoint() const { return m_out; }
  void setInPoint(std::optional<time::FramePos> frame);
  void setOutPoint(std::optional<time::FramePos> frame);

  // Selected clips of the current sequence (timeline order not implied).
  const std::vector<model::ClipId>& selection() const { return m_selection; }
  void setSelection(std::vector<model::ClipId> clips);

  // The source viewer's media item (invalid = none), its playhead and in/out marks in source
  // frames at the media's own rate (in first frame, out last frame included).
  model::MediaId sourceMedia() const { return m_sourceMedia; }
  void setSourceMedia(model::MediaId id);
  time::FramePos sourcePlayhead() const { return m_sourcePlayhead; }
  void setSourcePlayhead(time::FramePos frame);
  std::optional<time::FramePos> sourceIn() const { return m_sourceIn; }
  std::optional<time::FramePos> sourceOut() const { return m_sourceOut; }
  void setSourceIn(std::optional<time::FramePos> frame);
  void setSourceOut(std::optional<time::FramePos> frame);

  // Snapping of drags to edges, playhead and markers (S toggles).
  bool snapping() const { return m_snapping; }
  void setSnapping(bool on);

  // Tracks that source edits (`,` insert, `.` overwrite) land on: the lowest targeted video track
  // and the targeted audio tracks. Defaults after open/new: V1 and A1.
  const std::set<model::TrackId>& targetTracks() const { return m_targets; }
  void setTrackTargeted(model::TrackId track, bool targeted);

 signals:
  // The whole project was replaced (new/open/adopt): every panel reloads.
  void projectReplaced();
  // A ChangeSet was applied (by apply, undo or redo); `cs` is what changed.
  void changed(const postline::model::ChangeSet& cs);
  void dirtyChanged(bool dirty);
  // The project file or display name changed (title bar).
  void fileChanged();
  void editFailed(const QString& message);
  void currentSequenceChanged();
  void playheadChanged(qint64 frame);
  void inOutChanged();
  void selectionChanged();
  void sourceChanged();              // source media, playhead or in/out
  void snappingChanged(bool on);
  void targetsChanged();
  void mediaStatusChanged();         // offlineMedia() changed
  // An autosave was written (or failed: ok false and message set).
  void autosaved(bool ok, const QString& message);

 private:
  void replaceProject(model::Project project, const std::filesystem::path& file);
  void onApplied(const model::ChangeSet& cs);
  void updateDirty();
  void resetEditorState();
  void pruneSelection();
  void autosaveTick();

  std::unique_ptr<model::Project> m_project;
  std::unique_ptr<commands::UndoStack> m_undo;
  std::shared_ptr<const model::Project> m_snapshot;
  std::filesystem::path m_file;
  std::vector<std::string> m_loadWarnings;
  std::set<model::MediaId> m_offline;
  bool m_forcedDirty = false;
  bool m_lastDirty = false;

  model::SequenceId m_sequence;
  time::FramePos m_playhead{0};
  std::optional<time::FramePos> m_in, m_out;
  std::vector<model::ClipId> m_selection;
  model::MediaId m_sourceMedia;
  time::FramePos m_sourcePlayhead{0};
  std::optional<time::FramePos> m_sourceIn, m_sourceOut;
  bool m_snapping = true;
  std::set<model::TrackId> m_targets;

  project::Autosaver m_autosaver;
  QTimer m_autosaveTimer;
};

}  // namespace postline::ui
