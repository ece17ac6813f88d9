#include "ui/bins/media_grid_view.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <algorithm>

#include "ui/bins/media_table_model.h"
#include "ui/bins/thumbnail_cache.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

namespace {

const model::MediaItem* itemOf(const ProjectController& ctl, const QModelIndex& index) {
  return ctl.project().findMedia(model::MediaId{index.data(MediaTableModel::MediaIdRole).toULongLong()});
}

// `image` scaled to fit `box`, centred.
QRect fitted(const QSize& image, const QRect& box) {
  const QSize s = image.scaled(box.size(), Qt::KeepAspectRatio);
  return QRect(box.x() + (box.width() - s.width()) / 2, box.y() + (box.height() - s.height()) / 2, s.width(), s.height());
}

}  // namespace

MediaGridView::MediaGridView(ProjectController& controller, ThumbnailCache& thumbnails, QWidget* parent)
    : QListView(parent), m_ctl(controller), m_thumbs(thumbnails) {
  setViewMode(QListView::IconMode);
  setResizeMode(QListView::Adjust);
  setMovement(QListView::Static);
  setUniformItemSizes(true);
  setSpacing(6);
  setMouseTracking(true);
  viewport()->setMouseTracking(true);  // skimming follows the mouse without a button held
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  setDragDropMode(QAbstractItemView::DragOnly);
  setItemDelegate(new MediaGridDelegate(this));
  connect(&m_thumbs, &ThumbnailCache::filmstripReady, this, &MediaGridView::filmstripArrived);
}

int MediaGridView::skimFrame(const QModelIndex& index) const {
  if (!m_skim.isValid() || index != QModelIndex(m_skim)) return -1;
  const model::MediaItem* item = itemOf(m_ctl, index);
  if (item == nullptr) return -1;
  const auto& strip = m_thumbs.filmstrip(*item);  // the first hover asks for it
  if (strip.empty()) return -1;
  const int n = static_cast<int>(strip.size());
  return std::clamp(static_cast<int>(m_fraction * n), 0, n - 1);
}

void MediaGridView::mouseMoveEvent(QMouseEvent* event) {
  QListView::mouseMoveEvent(event);
  const QModelIndex index = indexAt(event->position().toPoint());
  const QModelIndex old = m_skim;
  m_skim = index;
  if (index.isValid()) {
    const QRect r = visualRect(index);
    m_fraction = std::clamp((event->position().x() - r.left()) / std::max(1, r.width()), 0.0, 1.0);
    if (const model::MediaItem* item = itemOf(m_ctl, index)) m_thumbs.filmstrip(*item);
    viewport()->update(r);
  }
  if (old.isValid() && old != index) viewport()->update(visualRect(old));
}

void MediaGridView::leaveEvent(QEvent* event) {
  QListView::leaveEvent(event);
  if (m_skim.isValid()) viewport()->update(visualRect(m_skim));
  m_skim = QPersistentModelIndex();
}

void MediaGridView::filmstripArrived(quint64 id) {
  if (m_skim.isValid() && m_skim.data(MediaTableModel::MediaIdRole).toULongLong() == id) {
    viewport()->update(visualRect(m_skim));
  }
}

QSize MediaGridDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
  return {MediaGridView::kCellWidth, MediaGridView::kPictureHeight + option.fontMetrics.height() + 10};
}

void MediaGridDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  const auto* view = qobject_cast<const MediaGridView*>(option.widget);
  const model::MediaItem* item = view ? itemOf(view->controller(), index) : nullptr;
  if (item == nullptr) return;
  p->save();
  const QPalette& pal = option.palette;
  const QRect cell = option.rect.adjusted(2, 2, -2, -2);
  const bool selected = option.state & QStyle::State_Selected;
  p->fillRect(cell, selected ? pal.highlight() : pal.alternateBase());
  const QRect pic(cell.x() + 4, cell.y() + 4, cell.width() - 8, MediaGridView::kPictureHeight - 8);
  p->fillRect(pic, pal.base().color().darker(140));
  const int frame = view->skimFrame(index);
  const QImage img = frame >= 0 ? view->thumbnails().filmstrip(*item)[static_cast<std::size_t>(frame)]
                                : view->thumbnails().poster(*item);
  if (!img.isNull()) {
    p->drawImage(fitted(img.size(), pic), img);
  } else {
    p->setPen(pal.color(QPalette::PlaceholderText));
    const bool audio = item->kind == model::MediaKind::Audio;
    p->drawText(pic, Qt::AlignCenter, audio ? QStringLiteral("♪ Audio") : QStringLiteral("…"));
  }
  if (frame >= 0) {  // the skim position
    const int x = pic.left() + static_cast<int>(view->skimFraction() * pic.width());
    p->fillRect(QRect(x - 1, pic.top(), 2, pic.height()), QColor(255, 80, 60));
  }
  if (index.data(MediaTableModel::WarningRole).toBool()) {
    const QPixmap badge = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(22, 22);
    p->drawPixmap(pic.right() - 24, pic.top() + 2, badge);
  }
  if (index.data(MediaTableModel::OfflineRole).toBool()) {
    const QRect band(pic.left(), pic.center().y() - 11, pic.width(), 22);
    p->fillRect(band, QColor(150, 30, 30, 220));
    p->setPen(Qt::white);
    p->drawText(band, Qt::AlignCenter, QStringLiteral("Offline"));
  }
  p->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
  const QRect textRect(cell.x() + 4, pic.bottom() + 3, cell.width() - 8, option.fontMetrics.height() + 2);
  p->drawText(textRect, Qt::AlignHCenter | Qt::AlignVCenter,
              option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, textRect.width()));
  p->restore();
}

}  // namespace postline::ui
