#include "core/commands/undo_stack.h"

namespace postline::commands {

using base::ErrorCode;
using base::makeError;
using base::Result;

namespace {

// Replaces `prev`'s after-state with `next`'s when both update the same item; false otherwise.
struct UpdateMerger {
  template <class A, class B>
  bool operator()(A&, const B&) const { return false; }
  template <class U>
  bool operator()(U& prev, const U& next) const {
    if constexpr (requires { prev.before.id; prev.after; }) {
      if (prev.before.id != next.before.id || !(prev.after == next.before)) return false;
      prev.after = next.after;
      return true;
    } else if constexpr (std::is_same_v<U, model::SequenceSettingsChanged>) {
      if (prev.seq != next.seq || !(prev.after == next.before)) return false;
      prev.after = next.after;
      return true;
    } else {
      return false;
    }
  }
};

}  // namespace

void mergeChangeSets(model::ChangeSet& prev, const model::ChangeSet& next) {
  if (prev.changes.size() == next.changes.size()) {
    model::ChangeSet merged = prev;
    bool all = true;
    for (std::size_t i = 0; i < merged.changes.size() && all; ++i) {
      all = std::visit(UpdateMerger{}, merged.changes[i], next.changes[i]);
    }
    if (all) {
      prev = std::move(merged);
      return;
    }
  }
  prev.append(next);
}

Result<void> UndoStack::push(Command cmd) {
  PL_TRY(model::apply(m_project, cmd.changes));
  notify(cmd.changes);
  if (!m_macros.empty()) {
    m_macros.back().changes.append(cmd.changes);
    return {};
  }
  record(std::move(cmd));
  return {};
}

void UndoStack::record(Command cmd) {
  if (tryMerge(cmd)) return;
  m_done.resize(m_index);
  if (m_cleanIndex && *m_cleanIndex > m_index) m_cleanIndex.reset();  // the saved state can no longer be reached
  m_mergeOpen = !cmd.mergeKey.empty();
  m_done.push_back(std::move(cmd));
  m_index = m_done.size();
}

bool UndoStack::tryMerge(const Command& cmd) {
  if (!m_mergeOpen || cmd.mergeKey.empty() || m_index == 0 || m_index != m_done.size()) return false;
  Command& top = m_done[m_index - 1];
  if (top.mergeKey != cmd.mergeKey) return false;
  if (m_cleanIndex && *m_cleanIndex == m_index) m_cleanIndex.reset();  // the saved state is merged away
  mergeChangeSets(top.changes, cmd.changes);
  return true;
}

Result<void> UndoStack::undo() {
  if (!canUndo()) return makeError(ErrorCode::InvalidArgument, "nothing to undo");
  const model::ChangeSet inverse = model::inverse(m_done[m_index - 1].changes);
  PL_TRY(model::apply(m_project, inverse));
  --m_index;
  m_mergeOpen = false;
  notify(inverse);
  return {};
}

Result<void> UndoStack::redo() {
  if (!canRedo()) return makeError(ErrorCode::InvalidArgument, "nothing to redo");
  PL_TRY(model::apply(m_project, m_done[m_index].changes));
  ++m_index;
  m_mergeOpen = false;
  notify(m_done[m_index - 1].changes);
  return {};
}

void UndoStack::beginMacro(const std::string& label) {
  m_macros.push_back(Command{label, {}, {}});
}

void UndoStack::endMacro() {
  if (m_macros.empty()) return;
  Command macro = std::move(m_macros.back());
  m_macros.pop_back();
  if (macro.changes.empty()) return;
  if (!m_macros.empty()) {
    m_macros.back().changes.append(macro.changes);
    return;
  }
  m_mergeOpen = false;
  record(std::move(macro));
}

void UndoStack::notify(const model::ChangeSet& cs) const {
  if (m_listener) m_listener(cs);
}

}  // namespace postline::commands
