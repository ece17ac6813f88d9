#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::commands {

// One undoable step: the ChangeSet an edit produced, a label for the Edit menu, and an
// optional merge key. Consecutive commands with the same non-empty key merge into one
// (a drag, a slider move) until UndoStack::closeMerge() ends the gesture.
struct Command {
  std::string label;
  model::ChangeSet changes;
  std::string mergeKey;
};

// Applies commands to one project and keeps unlimited undo/redo history. The only writer
// of the model: panels call push(), never change the project themselves.
class UndoStack {
 public:
  // Called after every change to the project (push, undo, redo) with the ChangeSet applied.
  using Listener = std::function<void(const model::ChangeSet&)>;

  explicit UndoStack(model::Project& project) : m_project(project) {}

  // Applies `cmd` and records it (clearing the redo history); on error nothing changes.
  base::Result<void> push(Command cmd);
  // Undoes the newest command. Error when there is nothing to undo.
  base::Result<void> undo();
  // Redoes the newest undone command. Error when there is nothing to redo.
  base::Result<void> redo();

  // Ends the current drag or slider gesture: the next command never merges with the last.
  void closeMerge() { m_mergeOpen = false; }
  // Starts collecting the following commands into one macro step named `label` (nestable).
  void beginMacro(const std::string& label);
  // Closes the innermost macro; the outermost one lands on the stack as a single command.
  void endMacro();

  bool canUndo() const { return m_index > 0; }
  bool canRedo() const { return m_index < m_done.size(); }
  // Label of the command undo() would undo ("" when none).
  std::string undoLabel() const { return canUndo() ? m_done[m_index - 1].label : std::string(); }
  // Label of the command redo() would redo ("" when none).
  std::string redoLabel() const { return canRedo() ? m_done[m_index].label : std::string(); }
  // Commands that can be undone.
  std::size_t undoCount() const { return m_index; }
  // True when the project changed since the last markClean().
  bool isDirty() const { return m_cleanIndex != m_index; }
  // Records the current state as saved.
  void markClean() { m_cleanIndex = m_index; }

  void setListener(Listener listener) { m_listener = std::move(listener); }
  const model::Project& project() const { return m_project; }

 private:
  void record(Command cmd);
  bool tryMerge(const Command& cmd);
  void notify(const model::ChangeSet& cs) const;

  model::Project& m_project;
  std::vector<Command> m_done;      // [0, m_index) undoable, [m_index, size) redoable
  std::size_t m_index = 0;
  std::optional<std::size_t> m_cleanIndex{0};
  bool m_mergeOpen = false;
  std::vector<Command> m_macros;    // open macros, innermost last
  Listener m_listener;
};

// Merges `next` into `prev` as one step: updates of the same items in the same order keep
// prev's "before" and next's "after"; anything else is appended.
void mergeChangeSets(model::ChangeSet& prev, const model::ChangeSet& next);

}  // namespace postline::commands
