#include "ui/bins/bin_tree.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QMimeData>

#include "core/edit/bins.h"
#include "ui/controller/media_mime.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

namespace {
constexpr int kBinIdRole = Qt::UserRole + 1;

model::BinId binOf(const QTreeWidgetItem* item) {
  return item ? model::BinId{item->data(0, kBinIdRole).toULongLong()} : model::BinId{};
}
}  // namespace

BinTree::BinTree(ProjectController& controller, QWidget* parent) : QTreeWidget(parent), m_ctl(controller) {
  setHeaderHidden(true);
  setColumnCount(1);
  setAcceptDrops(true);
  setDropIndicatorShown(true);
  setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
  connect(this, &QTreeWidget::itemChanged, this, &BinTree::onItemChanged);
  connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
    if (!m_rebuilding) emit binSelected(binOf(current));
  });
  rebuild();
}

model::BinId BinTree::currentBin() const { return binOf(currentItem()); }

void BinTree::setCurrentBin(model::BinId bin) {
  if (QTreeWidgetItem* item = itemOf(bin)) setCurrentItem(item);
}

QTreeWidgetItem* BinTree::itemOf(model::BinId bin) const {
  for (QTreeWidgetItemIterator it(const_cast<BinTree*>(this)); *it; ++it) {
    if (binOf(*it) == bin) return *it;
  }
  return nullptr;
}

QTreeWidgetItem* BinTree::makeItem(const model::Bin& bin) {
  auto* item = new QTreeWidgetItem(QStringList{QString::fromStdString(bin.name)});
  item->setData(0, kBinIdRole, QVariant::fromValue<quint64>(bin.id.value));
  item->setToolTip(0, QStringLiteral("%1 (%2 items)").arg(QString::fromStdString(bin.name)).arg(bin.items.size()));
  item->setIcon(0, style()->standardIcon(QStyle::SP_DirIcon));
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
  if (bin.parent.valid()) f |= Qt::ItemIsEditable;  // the standard bins keep their names
  item->setFlags(f);
  return item;
}

void BinTree::addChildren(QTreeWidgetItem* parentItem, model::BinId parent) {
  for (const model::Bin& b : m_ctl.project().bins) {
    if (b.parent != parent || !b.parent.valid()) continue;
    QTreeWidgetItem* item = makeItem(b);
    parentItem->addChild(item);
    addChildren(item, b.id);
  }
}

void BinTree::rebuild() {
  const model::BinId keep = currentBin();
  m_rebuilding = true;
  clear();
  for (const model::Bin& b : m_ctl.project().bins) {
    if (b.parent.valid()) continue;
    QTreeWidgetItem* item = makeItem(b);
    addTopLevelItem(item);
    addChildren(item, b.id);
  }
  expandAll();
  QTreeWidgetItem* current = itemOf(keep);
  if (current == nullptr) current = topLevelItem(0);
  setCurrentItem(current);
  m_rebuilding = false;
  if (binOf(current) != keep) emit binSelected(binOf(current));
}

model::BinId BinTree::newBin() {
  model::BinId parent = currentBin();
  if (!parent.valid() && topLevelItemCount() > 0) parent = binOf(topLevelItem(0));
  QString name = QStringLiteral("New Bin");
  for (int n = 2; std::any_of(m_ctl.project().bins.begin(), m_ctl.project().bins.end(), [&](const model::Bin& b) {
         return b.parent == parent && QString::fromStdString(b.name) == name;
       });
       ++n) {
    name = QStringLiteral("New Bin %1").arg(n);
  }
  const model::BinId made{m_ctl.project().nextId};
  if (!m_ctl.apply(edit::addBin(m_ctl.project(), parent, name.toStdString()), QStringLiteral("New Bin"))) return {};
  setCurrentBin(made);
  if (QTreeWidgetItem* item = itemOf(made)) editItem(item, 0);
  return made;
}

void BinTree::onItemChanged(QTreeWidgetItem* item, int) {
  if (m_rebuilding) return;
  const model::Bin* bin = m_ctl.project().findBin(binOf(item));
  if (bin == nullptr || item->text(0).toStdString() == bin->name) return;
  // On failure the controller reports the error (editFailed); put the old name back.
  if (!m_ctl.apply(edit::renameBin(m_ctl.project(), bin->id, item->text(0).toStdString()), QStringLiteral("Rename Bin"))) {
    rebuild();
  }
}

void BinTree::dragEnterEvent(QDragEnterEvent* event) {
  if (!mediaFromMime(event->mimeData()).empty()) event->acceptProposedAction();
  else event->ignore();
}

void BinTree::dragMoveEvent(QDragMoveEvent* event) {
  const bool onBin = itemAt(event->position().toPoint()) != nullptr;
  if (onBin && !mediaFromMime(event->mimeData()).empty()) event->acceptProposedAction();
  else event->ignore();
}

void BinTree::dropEvent(QDropEvent* event) {
  const model::BinId target = binOf(itemAt(event->position().toPoint()));
  const auto ids = mediaFromMime(event->mimeData());
  if (!target.valid() || ids.empty()) return event->ignore();
  m_ctl.apply(edit::moveMediaToBin(m_ctl.project(), ids, target), QStringLiteral("Move to Bin"));
  event->acceptProposedAction();
}

}  // namespace postline::ui
