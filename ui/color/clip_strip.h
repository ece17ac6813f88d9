#pragma once
// The Color page's clip strip: one thumbnail per video clip of the current sequence, in timeline
// order (start, then track). Clicking a clip selects it and moves the playhead into it (Ctrl/Shift
// extend the selection for "apply to selected"); the page's current clip is highlighted. The
// context menu offers the page's grade actions (copy, paste, apply to selected, reset).
#include <QListWidget>
#include <vector>

#include "core/model/ids.h"

class QMenu;

namespace postline::ui {

class ProjectController;
class ThumbnailCache;

class ClipStrip : public QListWidget {
  Q_OBJECT

 public:
  ClipStrip(ProjectController& controller, QWidget* parent = nullptr);
  ~ClipStrip() override;

  // Rebuilds the items from the sequence (after a project change).
  void reload();
  // Selects the items of the controller's selection (it changed elsewhere, e.g. the timeline).
  void syncSelection();
  // Highlights `clip` (the page's current clip) and scrolls it into view.
  void setCurrent(model::ClipId clip);
  model::ClipId current() const { return m_current; }
  // The clips in strip order.
  const std::vector<model::ClipId>& clips() const { return m_clips; }
  // The item rectangle of clip `index` (tests click it).
  QRect itemRect(int index) const;
  // The context menu's actions are added by the page.
  QMenu& contextMenu() { return *m_menu; }

 protected:
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  void clicked(QListWidgetItem* item);
  void selectionToController();
  void posterArrived(quint64 media);

  ProjectController& m_ctl;
  ThumbnailCache* m_thumbs = nullptr;
  QMenu* m_menu = nullptr;
  std::vector<model::ClipId> m_clips;
  model::ClipId m_current;
  bool m_syncing = false;
  bool m_shownCurrent = false;  // the items show m_current's highlight
};

}  // namespace postline::ui
