#pragma once
// The bin tree: the five standard bins and their sub-bins. Sub-bins are renamed in place
// (edit::renameBin); media dropped on a bin moves there (edit::moveMediaToBin); newBin() adds a
// sub-bin under the current bin (edit::addBin). Each is one undoable command.
#include <QTreeWidget>

#include "core/model/bin.h"

namespace postline::ui {

class ProjectController;

class BinTree : public QTreeWidget {
  Q_OBJECT

 public:
  explicit BinTree(ProjectController& controller, QWidget* parent = nullptr);

  // The selected bin (invalid when none).
  model::BinId currentBin() const;
  // Selects `bin` (ignored when unknown).
  void setCurrentBin(model::BinId bin);
  // Rebuilds the tree from the project, keeping the current bin when it still exists.
  void rebuild();
  // Adds a sub-bin "New Bin" (numbered when taken) under the current bin and starts editing its
  // name; returns its id (invalid when the edit failed).
  model::BinId newBin();
  // The tree item of `bin` (nullptr when unknown).
  QTreeWidgetItem* itemOf(model::BinId bin) const;

 signals:
  // The selected bin changed.
  void binSelected(model::BinId bin);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void onItemChanged(QTreeWidgetItem* item, int column);
  void addChildren(QTreeWidgetItem* parentItem, model::BinId parent);
  QTreeWidgetItem* makeItem(const model::Bin& bin);

  ProjectController& m_ctl;
  bool m_rebuilding = false;
};

}  // namespace postline::ui
