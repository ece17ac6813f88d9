#pragma once
// The editor's keyboard/menu actions: one QAction per command, with the shortcuts editors know.
// The edit actions run one core edit each through ProjectController::apply (one undoable command;
// failures surface as the controller's editFailed). Actions that belong to other panels (transport,
// timeline tools, zoom, pages) are plain QActions here, with their key and name only: the main
// window connects their triggered() signal to the panel. Nothing here depends on those panels.
//
// Action ids (QAction::objectName), by section:
//   Edit:      edit.undo, edit.redo, edit.copy, edit.paste, edit.select_all, edit.lift, edit.ripple_delete
//   Timeline:  edit.insert, edit.overwrite, edit.razor, edit.ripple_trim_start, edit.ripple_trim_end,
//              timeline.snapping (checkable)
//   Marks:     mark.in, mark.out, mark.clear, marker.add, marker.rename
//   Playhead:  playhead.prev_frame, playhead.next_frame, playhead.back_second, playhead.forward_second,
//              playhead.start, playhead.end
//   Playback:  transport.play, transport.reverse, transport.pause, transport.forward   (main window connects)
//   Tools:     tool.select, tool.blade, tool.ripple, tool.roll, tool.slip, tool.slide (main window connects)
//   View:      view.zoom_in, view.zoom_out, view.zoom_fit, page.edit, page.color, page.audio,
//              page.deliver                                                          (main window connects)
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

#include "core/edit/clipboard.h"
#include "core/model/ids.h"
#include "core/time/units.h"

class QAction;
class QMenu;
class QWidget;

namespace postline::ui {

class ProjectController;

// A titled group of actions (one block of a menu, one group of the shortcut list).
struct ActionSection {
  QString title;
  QList<QAction*> actions;
};

class EditActions : public QObject {
  Q_OBJECT

 public:
  explicit EditActions(ProjectController& ctl, QObject* parent = nullptr);

  // Every action, in section order.
  QList<QAction*> allActions() const { return m_all; }
  // The action with id `id` (see the list above), or nullptr.
  QAction* action(const QString& id) const { return m_byId.value(id, nullptr); }
  // The actions grouped for menus and the shortcut list (sections above, in that order).
  QList<ActionSection> menuSections() const { return m_sections; }
  // Adds every action to `widget` (the main window) so their shortcuts work anywhere in its window;
  // dialogs (marker name, Custom…) are parented to it.
  void attachTo(QWidget& widget);
  // Fills the timeline's clip context menu for `clicked` (see clip_menu.h); `reference` is the frame
  // under the click (the playhead when not given). For TimelineView::setContextMenuProvider.
  void fillClipMenu(QMenu& menu, model::ClipId clicked, std::optional<time::FramePos> reference = std::nullopt);
  // What Ctrl+C copied last (empty before).
  const edit::ClipboardContent& clipboard() const { return m_clipboard; }
  bool sourceFocused() const { return m_sourceFocused; }

 public slots:
  // The source viewer has (true) or lost (false) focus: I/O/Alt+X then mark the source media.
  void setSourceFocused(bool focused);
  // Asks for a new name of marker `id` and renames it (one command); for a marker double-click.
  void renameMarker(postline::model::MarkerId id);

 private:
  QAction* add(const QString& section, const QString& id, const QString& text, const QList<QKeySequence>& keys);
  void createEditActions();
  void createMarkActions();
  void createPlayheadActions();
  void createPanelActions();
  void markIn();
  void markOut();
  void clearInOut();
  void updateUndoRedo();

  ProjectController& m_ctl;
  QWidget* m_dialogParent = nullptr;
  QList<QAction*> m_all;
  QHash<QString, QAction*> m_byId;
  QList<ActionSection> m_sections;
  edit::ClipboardContent m_clipboard;
  bool m_sourceFocused = false;
};

}  // namespace postline::ui
