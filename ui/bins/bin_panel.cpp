#include "ui/bins/bin_panel.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/bins/bin_tree.h"
#include "ui/bins/import_issues_panel.h"
#include "ui/bins/media_filter_proxy.h"
#include "ui/bins/media_grid_view.h"
#include "ui/bins/media_table_model.h"
#include "ui/bins/thumbnail_cache.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

namespace {

// True when `cs` touches bins or media (what this panel shows).
bool touchesBins(const model::ChangeSet& cs) {
  for (const model::Change& c : cs.changes) {
    if (std::holds_alternative<model::MediaAdded>(c) || std::holds_alternative<model::MediaRemoved>(c) ||
        std::holds_alternative<model::MediaUpdated>(c) || std::holds_alternative<model::BinAdded>(c) ||
        std::holds_alternative<model::BinRemoved>(c) || std::holds_alternative<model::BinUpdated>(c) ||
        std::holds_alternative<model::SequenceSettingsChanged>(c)) {
      return true;
    }
  }
  return false;
}

}  // namespace

BinPanel::BinPanel(ProjectController& controller, QWidget* parent)
    : QWidget(parent), m_ctl(controller), m_thumbs(std::make_unique<ThumbnailCache>()),
      m_importPool(std::make_unique<QThreadPool>()) {
  m_importPool->setMaxThreadCount(1);
  m_model = new MediaTableModel(m_ctl, *m_thumbs, this);
  m_proxy = new MediaFilterProxy(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->sort(static_cast<int>(MediaColumn::Name), Qt::AscendingOrder);
  buildUi();
  connectController();
  setAcceptDrops(true);
  m_model->setBin(m_tree->currentBin());
}

BinPanel::~BinPanel() {
  m_importPool->waitForDone();  // a planning thread posts back to this panel
  // The views and the model draw from m_thumbs, a member that dies before QWidget deletes the
  // children: delete them first.
  delete m_stack;
  delete m_proxy;
  delete m_model;
}

void BinPanel::buildUi() {
  m_tree = new BinTree(m_ctl, this);
  m_list = new QTreeView(this);
  m_grid = new MediaGridView(m_ctl, *m_thumbs, this);
  m_stack = new QStackedWidget(this);
  m_stack->addWidget(m_list);
  m_stack->addWidget(m_grid);
  m_issues = new ImportIssuesPanel(this);
  m_status = new QLabel(this);
  setupViews();

  auto* right = new QWidget(this);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(m_stack, 1);
  rightLayout->addWidget(m_status);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(m_tree);
  split->addWidget(right);
  split->setStretchFactor(1, 1);
  split->setSizes({180, 620});
  auto* vsplit = new QSplitter(Qt::Vertical, this);
  vsplit->addWidget(split);
  vsplit->addWidget(m_issues);
  vsplit->setStretchFactor(0, 1);
  vsplit->setCollapsible(1, true);
  vsplit->setSizes({460, 130});

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(buildToolbar());
  layout->addWidget(vsplit, 1);
  connect(m_tree, &BinTree::binSelected, this, [this](model::BinId bin) { m_model->setBin(bin); });
}

void BinPanel::createActions() {
  m_importAction = new QAction(QStringLiteral("Import…"), this);
  connect(m_importAction, &QAction::triggered, this, &BinPanel::importWithDialog);
  m_importFolderAction = new QAction(QStringLiteral("Import Folder…"), this);
  connect(m_importFolderAction, &QAction::triggered, this, &BinPanel::importFolderWithDialog);
  m_newBinAction = new QAction(QStringLiteral("New Bin"), this);
  connect(m_newBinAction, &QAction::triggered, this, &BinPanel::newBin);
  m_pasteAction = new QAction(QStringLiteral("Paste Paths"), this);
  connect(m_pasteAction, &QAction::triggered, this, &BinPanel::paste);

}

QWidget* BinPanel::buildToolbar() {
  createActions();
  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  const auto button = [bar](QAction* action) {
    auto* b = new QToolButton(bar);
    b->setDefaultAction(action);
    return b;
  };
  QToolButton* importButton = button(m_importAction);
  auto* importMenu = new QMenu(importButton);
  importMenu->addAction(m_importAction);
  importMenu->addAction(m_importFolderAction);
  importButton->setMenu(importMenu);
  importButton->setPopupMode(QToolButton::MenuButtonPopup);
  row->addWidget(importButton);
  row->addWidget(button(m_newBinAction));
  m_filter = new QLineEdit(bar);
  m_filter->setPlaceholderText(QStringLiteral("Filter: name, shot or take"));
  m_filter->setClearButtonEnabled(true);
  connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& t) { m_proxy->setFilterText(t); });
  row->addWidget(m_filter, 1);
  m_listButton = new QToolButton(bar);
  m_listButton->setText(QStringLiteral("List"));
  m_gridButton = new QToolButton(bar);
  m_gridButton->setText(QStringLiteral("Thumbnails"));
  auto* group = new QButtonGroup(bar);
  for (QToolButton* b : {m_listButton, m_gridButton}) {
    b->setCheckable(true);
    group->addButton(b);
    row->addWidget(b);
  }
  m_listButton->setChecked(true);
  connect(m_listButton, &QToolButton::clicked, this, [this] { setView(View::List); });
  connect(m_gridButton, &QToolButton::clicked, this, [this] { setView(View::Thumbnails); });
  return bar;
}

void BinPanel::setupViews() {
  m_list->setModel(m_proxy);
  m_list->setRootIsDecorated(false);
  m_list->setUniformRowHeights(true);
  m_list->setSortingEnabled(true);
  m_list->sortByColumn(static_cast<int>(MediaColumn::Name), Qt::AscendingOrder);
  m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_list->setDragDropMode(QAbstractItemView::DragOnly);
  m_list->setIconSize(QSize(48, 27));
  m_list->setAlternatingRowColors(true);
  m_list->header()->setStretchLastSection(true);
  m_list->setColumnWidth(static_cast<int>(MediaColumn::Name), 230);
  for (MediaColumn c : {MediaColumn::Shot, MediaColumn::Take, MediaColumn::Fps}) m_list->setColumnWidth(static_cast<int>(c), 50);
  m_list->setColumnWidth(static_cast<int>(MediaColumn::Duration), 90);
  m_list->setColumnWidth(static_cast<int>(MediaColumn::Resolution), 85);
  m_grid->setModel(m_proxy);
  m_grid->setSelectionModel(m_list->selectionModel());  // one selection for both views
  for (QAbstractItemView* v : {static_cast<QAbstractItemView*>(m_list), static_cast<QAbstractItemView*>(m_grid)}) {
    v->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(v, &QAbstractItemView::doubleClicked, this, &BinPanel::openIndex);
    connect(v, &QWidget::customContextMenuRequested, this, [this, v](const QPoint& p) { showContextMenu(v, p); });
  }
}

void BinPanel::connectController() {
  connect(&m_ctl, &ProjectController::projectReplaced, this, &BinPanel::onProjectReplaced);
  connect(&m_ctl, &ProjectController::changed, this, [this](const model::ChangeSet& cs) {
    for (const model::Change& c : cs.changes) {  // a relinked file has other pictures
      const auto* u = std::get_if<model::MediaUpdated>(&c);
      if (u && u->before.path != u->after.path) m_thumbs->forget(u->after.id);
    }
    if (touchesBins(cs)) onChanged();
  });
  connect(&m_ctl, &ProjectController::mediaStatusChanged, this, [this] { m_model->refresh(); });
  connect(&m_ctl, &ProjectController::currentSequenceChanged, this, [this] { m_model->refresh(); });
}

void BinPanel::onChanged() {
  const auto keep = selectedMedia();
  m_tree->rebuild();
  m_model->setBin(m_tree->currentBin());
  selectMedia(keep);
}

void BinPanel::onProjectReplaced() {
  m_thumbs->clear();
  m_tree->rebuild();
  m_model->setBin(m_tree->currentBin());
}

BinPanel::View BinPanel::view() const { return m_stack->currentWidget() == m_grid ? View::Thumbnails : View::List; }

void BinPanel::setView(View view) {
  m_stack->setCurrentWidget(view == View::List ? static_cast<QWidget*>(m_list) : m_grid);
  (view == View::List ? m_listButton : m_gridButton)->setChecked(true);
}

model::BinId BinPanel::currentBin() const { return m_tree->currentBin(); }

void BinPanel::setCurrentBin(model::BinId bin) { m_tree->setCurrentBin(bin); }

QSortFilterProxyModel* BinPanel::mediaModel() const { return m_proxy; }

QAbstractItemView* BinPanel::currentView() const {
  return view() == View::List ? static_cast<QAbstractItemView*>(m_list) : m_grid;
}

std::vector<model::MediaId> BinPanel::selectedMedia() const {
  std::vector<model::MediaId> ids;
  QModelIndexList rows = m_list->selectionModel()->selectedRows();
  std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
  for (const QModelIndex& i : rows) ids.push_back(model::MediaId{i.data(MediaTableModel::MediaIdRole).toULongLong()});
  return ids;
}

void BinPanel::selectMedia(const std::vector<model::MediaId>& ids) {
  QItemSelection sel;
  for (model::MediaId id : ids) {
    const int row = m_model->rowOf(id);
    if (row < 0) continue;
    const QModelIndex p = m_proxy->mapFromSource(m_model->index(row, 0));
    if (p.isValid()) sel.select(p, p.siblingAtColumn(m_proxy->columnCount() - 1));
  }
  m_list->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
}

void BinPanel::setFilterText(const QString& text) { m_filter->setText(text); }

void BinPanel::newBin() { m_tree->newBin(); }

bool BinPanel::event(QEvent* event) {
  // Ctrl+V while the bins have focus pastes paths here, before any window-wide Paste shortcut
  // (a focused text field, e.g. the filter box, takes it first).
  if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Paste)) {
    event->accept();
    return true;
  }
  return QWidget::event(event);
}

void BinPanel::keyPressEvent(QKeyEvent* event) {
  if (event->matches(QKeySequence::Paste)) {
    paste();
    return event->accept();
  }
  QWidget::keyPressEvent(event);
}

void BinPanel::openIndex(const QModelIndex& index) {
  const model::MediaId id{index.data(MediaTableModel::MediaIdRole).toULongLong()};
  if (!id.valid()) return;
  m_ctl.setSourceMedia(id);
  emit openInSource(id);
}

void BinPanel::showContextMenu(QAbstractItemView* view, const QPoint& pos) {
  const QModelIndex at = view->indexAt(pos);
  if (at.isValid() && !view->selectionModel()->isSelected(at)) {
    view->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  }
  std::vector<model::MediaId> offline;
  for (model::MediaId id : selectedMedia()) {
    if (m_ctl.offlineMedia().count(id) > 0) offline.push_back(id);
  }
  QMenu menu(this);
  QAction* open = menu.addAction(QStringLiteral("Open in Source Viewer"));
  open->setEnabled(at.isValid());
  QAction* relink = menu.addAction(QStringLiteral("Relink…"));
  relink->setEnabled(!offline.empty());
  menu.addSeparator();
  menu.addAction(m_importAction);
  menu.addAction(m_importFolderAction);
  menu.addAction(m_newBinAction);
  QAction* chosen = menu.exec(view->viewport()->mapToGlobal(pos));
  if (chosen == open) openIndex(at);
  if (chosen == relink) relinkWithDialog(offline);
}

}  // namespace postline::ui
