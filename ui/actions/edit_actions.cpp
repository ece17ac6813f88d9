#include "ui/actions/edit_actions.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

#include "ui/actions/action_dialogs.h"
#include "ui/actions/clip_menu.h"
#include "ui/actions/edit_commands.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

namespace {

QKeySequence key(const char* text) { return QKeySequence(QString::fromLatin1(text)); }

}  // namespace

EditActions::EditActions(ProjectController& ctl, QObject* parent) : QObject(parent), m_ctl(ctl) {
  createEditActions();
  createMarkActions();
  createPlayheadActions();
  createPanelActions();
  // `changed` arrives while the undo stack is still recording the command: read its labels after.
  connect(&m_ctl, &ProjectController::changed, this,
          [this] { QMetaObject::invokeMethod(this, &EditActions::updateUndoRedo, Qt::QueuedConnection); });
  connect(&m_ctl, &ProjectController::projectReplaced, this, &EditActions::updateUndoRedo);
  connect(&m_ctl, &ProjectController::projectReplaced, this, [this] { m_clipboard = {}; });
  connect(&m_ctl, &ProjectController::snappingChanged, action("timeline.snapping"), &QAction::setChecked);
  updateUndoRedo();
}

QAction* EditActions::add(const QString& section, const QString& id, const QString& text,
                          const QList<QKeySequence>& keys) {
  auto* a = new QAction(text, this);
  a->setObjectName(id);
  a->setProperty("commandName", text);  // the shortcut list's name; Undo/Redo texts change with the stack
  a->setShortcuts(keys);
  a->setShortcutContext(Qt::WindowShortcut);
  m_all.append(a);
  m_byId.insert(id, a);
  auto it = std::find_if(m_sections.begin(), m_sections.end(), [&](const ActionSection& s) { return s.title == section; });
  if (it == m_sections.end()) it = m_sections.insert(m_sections.end(), ActionSection{section, {}});
  it->actions.append(a);
  return a;
}

void EditActions::createEditActions() {
  const QString e = tr("Edit");
  connect(add(e, "edit.undo", tr("Undo"), {key("Ctrl+Z")}), &QAction::triggered, this, [this] {
    m_ctl.undo();
    updateUndoRedo();
  });
  connect(add(e, "edit.redo", tr("Redo"), {key("Ctrl+Shift+Z"), key("Ctrl+Y")}), &QAction::triggered, this,
          [this] {
            m_ctl.redo();
            updateUndoRedo();
          });
  connect(add(e, "edit.copy", tr("Copy"), {key("Ctrl+C")}), &QAction::triggered, this, [this] {
    if (auto content = commands::copySelection(m_ctl)) m_clipboard = std::move(*content);
  });
  connect(add(e, "edit.paste", tr("Paste at Playhead"), {key("Ctrl+V")}), &QAction::triggered, this,
          [this] { commands::pasteAtPlayhead(m_ctl, m_clipboard); });
  connect(add(e, "edit.select_all", tr("Select All"), {key("Ctrl+A")}), &QAction::triggered, this,
          [this] { commands::selectAll(m_ctl); });
  connect(add(e, "edit.lift", tr("Lift"), {key("Delete")}), &QAction::triggered, this,
          [this] { commands::removeSelection(m_ctl, false); });
  connect(add(e, "edit.ripple_delete", tr("Ripple Delete"), {key("Shift+Delete")}), &QAction::triggered, this,
          [this] { commands::removeSelection(m_ctl, true); });

  const QString t = tr("Timeline");
  connect(add(t, "edit.insert", tr("Insert from Source"), {key(",")}), &QAction::triggered, this,
          [this] { commands::placeFromSource(m_ctl, true); });
  connect(add(t, "edit.overwrite", tr("Overwrite from Source"), {key(".")}), &QAction::triggered, this,
          [this] { commands::placeFromSource(m_ctl, false); });
  connect(add(t, "edit.razor", tr("Razor at Playhead"), {key("Ctrl+K")}), &QAction::triggered, this,
          [this] { commands::razorAtPlayhead(m_ctl); });
  connect(add(t, "edit.ripple_trim_start", tr("Ripple Trim Start to Playhead"), {key("Q")}), &QAction::triggered,
          this, [this] { commands::rippleTrimToPlayhead(m_ctl, true); });
  connect(add(t, "edit.ripple_trim_end", tr("Ripple Trim End to Playhead"), {key("W")}), &QAction::triggered, this,
          [this] { commands::rippleTrimToPlayhead(m_ctl, false); });
  QAction* snap = add(t, "timeline.snapping", tr("Snapping"), {key("S")});
  snap->setCheckable(true);
  snap->setChecked(m_ctl.snapping());
  connect(snap, &QAction::triggered, this, [this](bool on) { m_ctl.setSnapping(on); });
}

void EditActions::createMarkActions() {
  const QString m = tr("Marks");
  connect(add(m, "mark.in", tr("Mark In"), {key("I")}), &QAction::triggered, this, &EditActions::markIn);
  connect(add(m, "mark.out", tr("Mark Out"), {key("O")}), &QAction::triggered, this, &EditActions::markOut);
  connect(add(m, "mark.clear", tr("Clear In and Out"), {key("Alt+X")}), &QAction::triggered, this,
          &EditActions::clearInOut);
  connect(add(m, "marker.add", tr("Add Marker"), {key("M")}), &QAction::triggered, this,
          [this] { commands::addMarkerAtPlayhead(m_ctl); });
  connect(add(m, "marker.rename", tr("Rename Marker…"), {key("Shift+M")}), &QAction::triggered, this,
          [this] { renameMarker(commands::markerAtOrBeforePlayhead(m_ctl)); });
}

void EditActions::createPlayheadActions() {
  const QString p = tr("Playhead");
  connect(add(p, "playhead.prev_frame", tr("Previous Frame"), {key("Left")}), &QAction::triggered, this,
          [this] { commands::stepFrames(m_ctl, -1); });
  connect(add(p, "playhead.next_frame", tr("Next Frame"), {key("Right")}), &QAction::triggered, this,
          [this] { commands::stepFrames(m_ctl, 1); });
  connect(add(p, "playhead.back_second", tr("Back One Second"), {key("Shift+Left")}), &QAction::triggered, this,
          [this] { commands::stepSeconds(m_ctl, -1); });
  connect(add(p, "playhead.forward_second", tr("Forward One Second"), {key("Shift+Right")}), &QAction::triggered,
          this, [this] { commands::stepSeconds(m_ctl, 1); });
  connect(add(p, "playhead.start", tr("Go to Start"), {key("Home")}), &QAction::triggered, this,
          [this] { m_ctl.setPlayhead(time::FramePos{0}); });
  connect(add(p, "playhead.end", tr("Go to End"), {key("End")}), &QAction::triggered, this,
          [this] { commands::goToEnd(m_ctl); });
}

void EditActions::createPanelActions() {
  const QString b = tr("Playback");
  add(b, "transport.play", tr("Play / Stop"), {key("Space")});
  add(b, "transport.reverse", tr("Shuttle Reverse"), {key("J")});
  add(b, "transport.pause", tr("Pause"), {key("K")});
  add(b, "transport.forward", tr("Shuttle Forward"), {key("L")});
  const QString t = tr("Tools");
  add(t, "tool.select", tr("Selection Tool"), {key("A")});
  add(t, "tool.blade", tr("Blade Tool"), {key("B")});
  add(t, "tool.ripple", tr("Ripple Tool"), {key("R")});
  add(t, "tool.roll", tr("Roll Tool"), {key("N")});
  add(t, "tool.slip", tr("Slip Tool"), {key("Y")});
  add(t, "tool.slide", tr("Slide Tool"), {key("U")});
  const QString v = tr("View");
  add(v, "view.zoom_in", tr("Zoom In"), {key("="), key("+")});
  add(v, "view.zoom_out", tr("Zoom Out"), {key("-")});
  add(v, "view.zoom_fit", tr("Zoom to Fit"), {key("\\")});
  add(v, "page.edit", tr("Edit Page"), {key("Shift+1")});
  add(v, "page.color", tr("Color Page"), {key("Shift+2")});
  add(v, "page.audio", tr("Audio Page"), {key("Shift+3")});
  add(v, "page.deliver", tr("Deliver Page"), {key("Shift+4")});
}

void EditActions::attachTo(QWidget& widget) {
  widget.addActions(m_all);
  m_dialogParent = &widget;
}

void EditActions::fillClipMenu(QMenu& menu, model::ClipId clicked, std::optional<time::FramePos> reference) {
  ui::fillClipMenu(m_ctl, menu, clicked, reference, m_dialogParent);
}

void EditActions::setSourceFocused(bool focused) { m_sourceFocused = focused; }

void EditActions::renameMarker(model::MarkerId id) {
  const model::Marker* marker = m_ctl.sequence() ? m_ctl.sequence()->findMarker(id) : nullptr;
  if (marker == nullptr) {
    commands::renameMarker(m_ctl, id, {});  // reports "no marker" through editFailed
    return;
  }
  const auto name = askMarkerName(m_dialogParent, QString::fromStdString(marker->name));
  if (name) commands::renameMarker(m_ctl, id, *name);
}

void EditActions::markIn() {
  if (m_sourceFocused) {
    m_ctl.setSourceIn(m_ctl.sourcePlayhead());
  } else {
    m_ctl.setInPoint(m_ctl.playhead());
  }
}

void EditActions::markOut() {
  if (m_sourceFocused) {
    m_ctl.setSourceOut(m_ctl.sourcePlayhead());
  } else {
    m_ctl.setOutPoint(m_ctl.playhead());
  }
}

void EditActions::clearInOut() {
  if (m_sourceFocused) {
    m_ctl.setSourceIn(std::nullopt);
    m_ctl.setSourceOut(std::nullopt);
  } else {
    m_ctl.setInPoint(std::nullopt);
    m_ctl.setOutPoint(std::nullopt);
  }
}

void EditActions::updateUndoRedo() {
  auto& stack = m_ctl.undoStack();
  const QString undo = QString::fromStdString(stack.undoLabel());
  const QString redo = QString::fromStdString(stack.redoLabel());
  action("edit.undo")->setText(undo.isEmpty() ? tr("Undo") : tr("Undo %1").arg(undo));
  action("edit.undo")->setEnabled(stack.canUndo());
  action("edit.redo")->setText(redo.isEmpty() ? tr("Redo") : tr("Redo %1").arg(redo));
  action("edit.redo")->setEnabled(stack.canRedo());
}

}  // namespace postline::ui
