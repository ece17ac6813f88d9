#pragma once
// The bins panel of the Edit page: the bin tree on the left; the selected bin's media on the
// right as a sortable list (name / shot / take / duration / fps / resolution / codec / flags) or a
// thumbnail grid with skimming; a filter box; import (menu, drops of files/folders, pasted paths)
// planned off the UI thread and applied as one "Import" command; the import issues list below.
// Drag items out (application/x-postline-media) onto the timeline or viewer; double-click opens
// an item in the source viewer.
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <vector>

#include "core/model/ids.h"

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QThreadPool;
class QToolButton;
class QTreeView;
class QAbstractItemView;

namespace postline::ingest {
struct ImportReport;
}
namespace postline::model {
struct Project;
}

namespace postline::ui {

class BinTree;
class ImportIssuesPanel;
class MediaFilterProxy;
class MediaGridView;
class MediaTableModel;
class ProjectController;
class ThumbnailCache;

class BinPanel : public QWidget {
  Q_OBJECT

 public:
  // How the selected bin's media are shown.
  enum class View { List, Thumbnails };

  explicit BinPanel(ProjectController& controller, QWidget* parent = nullptr);
  ~BinPanel() override;

  View view() const;
  void setView(View view);
  // The bin whose media are shown.
  model::BinId currentBin() const;
  void setCurrentBin(model::BinId bin);
  // Selected media of the visible view, in view order.
  std::vector<model::MediaId> selectedMedia() const;
  // Selects `ids` (those in the current bin and passing the filter) in both views.
  void selectMedia(const std::vector<model::MediaId>& ids);
  // Sets the filter box text (name / shot / take substring).
  void setFilterText(const QString& text);

  // True while an import is being planned (probing files off the UI thread).
  bool importRunning() const { return m_importRunning; }
  // Relinks the offline items `ids` to files of the same name under `folder` (one "Relink"
  // command); found items go back online, the others are reported in the issues list.
  // Returns how many were relinked.
  int relinkFrom(const QString& folder, const std::vector<model::MediaId>& ids);

  // Parts, for the main window and tests.
  BinTree* binTree() const { return m_tree; }
  QTreeView* listView() const { return m_list; }
  MediaGridView* gridView() const { return m_grid; }
  // The issues list lives inside this panel (below the media views), hidden while empty.
  ImportIssuesPanel* issuesPanel() const { return m_issues; }
  QLineEdit* filterBox() const { return m_filter; }
  // The model the views show (sorted and filtered; MediaTableModel roles).
  QSortFilterProxyModel* mediaModel() const;
  MediaTableModel* sourceModel() const { return m_model; }
  ThumbnailCache& thumbnails() const { return *m_thumbs; }
  // The panel's actions (Import…, Import Folder…, New Bin), for menus.
  QAction* importAction() const { return m_importAction; }
  QAction* importFolderAction() const { return m_importFolderAction; }
  QAction* newBinAction() const { return m_newBinAction; }
  // "Paste Paths" (no shortcut of its own: Ctrl+V inside the panel pastes; see event()).
  QAction* pasteAction() const { return m_pasteAction; }

 public slots:
  // Asks for files and imports them.
  void importWithDialog();
  // Asks for a folder and imports the media in it (and its sub-folders).
  void importFolderWithDialog();
  // Imports files and folders (folders searched recursively); planned off the UI thread, applied
  // as one undoable "Import" command; problems go to the issues list.
  void importPaths(const QStringList& paths);
  // Imports the paths or file URLs on the clipboard (Ctrl+V).
  void paste();
  // Adds a sub-bin under the current bin and starts renaming it.
  void newBin();

 signals:
  // The user opened `media` (double-click); the controller's source media is already set.
  void openInSource(postline::model::MediaId media);
  // An import was applied (or failed): how many items came in and how many files failed.
  void importFinished(int imported, int errors);

 protected:
  bool event(QEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildUi();
  void createActions();
  QWidget* buildToolbar();
  void setupViews();
  void connectController();
  void onChanged();
  void onProjectReplaced();
  void openIndex(const QModelIndex& index);
  void showContextMenu(QAbstractItemView* view, const QPoint& pos);
  void relinkWithDialog(const std::vector<model::MediaId>& ids);
  void startImport(const QStringList& paths);
  void importPlanned(const std::shared_ptr<const model::Project>& basis, const QStringList& paths,
                     std::shared_ptr<ingest::ImportReport> report, const QString& failure);
  QAbstractItemView* currentView() const;

  ProjectController& m_ctl;
  std::unique_ptr<ThumbnailCache> m_thumbs;
  MediaTableModel* m_model = nullptr;
  MediaFilterProxy* m_proxy = nullptr;
  BinTree* m_tree = nullptr;
  QTreeView* m_list = nullptr;
  MediaGridView* m_grid = nullptr;
  QStackedWidget* m_stack = nullptr;
  QLineEdit* m_filter = nullptr;
  QToolButton* m_listButton = nullptr;
  QToolButton* m_gridButton = nullptr;
  QLabel* m_status = nullptr;
  ImportIssuesPanel* m_issues = nullptr;
  QAction* m_importAction = nullptr;
  QAction* m_importFolderAction = nullptr;
  QAction* m_newBinAction = nullptr;
  QAction* m_pasteAction = nullptr;
  std::unique_ptr<QThreadPool> m_importPool;
  bool m_importRunning = false;
  QStringList m_queued;  // paths asked for while an import was running
};

}  // namespace postline::ui
