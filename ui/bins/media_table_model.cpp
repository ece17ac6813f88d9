#include "ui/bins/media_table_model.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

#include "ui/bins/thumbnail_cache.h"
#include "ui/controller/media_mime.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

MediaTableModel::MediaTableModel(ProjectController& controller, ThumbnailCache& thumbnails, QObject* parent)
    : QAbstractTableModel(parent), m_ctl(controller), m_thumbs(thumbnails) {
  connect(&m_thumbs, &ThumbnailCache::posterReady, this, &MediaTableModel::thumbnailArrived);
}

void MediaTableModel::setBin(model::BinId bin) {
  m_bin = bin;
  refresh();
}

void MediaTableModel::refresh() {
  const model::Bin* b = m_ctl.project().findBin(m_bin);
  std::vector<model::MediaId> ids = b ? b->items : std::vector<model::MediaId>{};
  if (ids == m_ids) {
    if (!m_ids.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return;
  }
  beginResetModel();
  m_icons.clear();
  m_ids = std::move(ids);
  endResetModel();
}

model::MediaId MediaTableModel::mediaAt(int row) const {
  return row >= 0 && row < rowCount() ? m_ids[static_cast<std::size_t>(row)] : model::MediaId{};
}

int MediaTableModel::rowOf(model::MediaId id) const {
  for (std::size_t i = 0; i < m_ids.size(); ++i) {
    if (m_ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

int MediaTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int MediaTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(MediaColumn::Count);
}

QVariant MediaTableModel::data(const QModelIndex& index, int role) const {
  const model::MediaItem* item = m_ctl.project().findMedia(mediaAt(index.row()));
  if (item == nullptr) return {};
  const auto column = static_cast<MediaColumn>(index.column());
  const model::Sequence* seq = m_ctl.sequence();
  const bool offline = m_ctl.offlineMedia().count(item->id) > 0;
  switch (role) {
    case Qt::DisplayRole: return displayData(*item, column);
    case MediaIdRole: return QVariant::fromValue<quint64>(item->id.value);
    case SortRole: return sortKey(*item, column);
    case FilterRole:
      return QStringLiteral("%1\n%2\n%3").arg(QString::fromStdString(item->name)).arg(item->shot).arg(item->take);
    case WarningRole: return mediaFlags(*item, seq ? &seq->settings.frameRate : nullptr, offline).warning();
    case OfflineRole: return offline;
    case Qt::ToolTipRole: {
      const MediaFlags f = mediaFlags(*item, seq ? &seq->settings.frameRate : nullptr, offline);
      if (column == MediaColumn::Flags || (column == MediaColumn::Name && f.any())) return f.tooltip;
      if (column == MediaColumn::Name) return QString::fromStdString(item->path);
      return {};
    }
    case Qt::DecorationRole: {
      if (column == MediaColumn::Name) {
        auto it = m_icons.find(item->id.value);
        if (it != m_icons.end()) return *it;
        const QImage poster = m_thumbs.poster(*item);
        if (poster.isNull()) return {};
        return *m_icons.insert(item->id.value, QIcon(QPixmap::fromImage(poster)));
      }
      if (column != MediaColumn::Flags) return {};
      const MediaFlags f = mediaFlags(*item, seq ? &seq->settings.frameRate : nullptr, offline);
      if (f.warning()) return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
      if (f.offline) return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
      return {};
    }
    default: return {};
  }
}

QVariant MediaTableModel::displayData(const model::MediaItem& item, MediaColumn column) const {
  const model::Sequence* seq = m_ctl.sequence();
  const time::FrameRate rate = seq ? seq->settings.frameRate : time::FrameRate{};
  switch (column) {
    case MediaColumn::Name: return QString::fromStdString(item.name);
    case MediaColumn::Shot: return item.shot > 0 ? QString::number(item.shot) : QString();
    case MediaColumn::Take: return item.take > 0 ? QString::number(item.take) : QString();
    case MediaColumn::Duration: return durationText(item, rate);
    case MediaColumn::Fps: return item.info.still ? QString() : fpsText(item.info.frameRate);
    case MediaColumn::Resolution: return resolutionText(item);
    case MediaColumn::Codec: return codecText(item);
    case MediaColumn::Flags:
      return mediaFlags(item, seq ? &seq->settings.frameRate : nullptr, m_ctl.offlineMedia().count(item.id) > 0).text;
    case MediaColumn::Count: break;
  }
  return {};
}

QVariant MediaTableModel::sortKey(const model::MediaItem& item, MediaColumn column) const {
  // Shot, then take, then name: the takes of one shot stay together under every column's ties.
  const QString group = item.shot > 0 ? QStringLiteral("0%1.%2.").arg(item.shot, 6, 10, QChar('0')).arg(item.take, 6, 10, QChar('0'))
                                      : QStringLiteral("1");
  const QString name = QString::fromStdString(item.name).toLower();
  switch (column) {
    case MediaColumn::Name:
    case MediaColumn::Shot:
    case MediaColumn::Take: return group + name;
    case MediaColumn::Duration: {
      auto s = item.info.timeBase.mul(time::Rational(item.info.duration));
      return s.ok() ? s->toDouble() : 0.0;
    }
    case MediaColumn::Fps: return item.info.frameRate.toDouble();
    case MediaColumn::Resolution: return static_cast<qlonglong>(item.info.width) * item.info.height;
    default: return displayData(item, column).toString() + QChar('\n') + group + name;
  }
}

QVariant MediaTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return mediaColumnTitle(static_cast<MediaColumn>(section));
}

Qt::ItemFlags MediaTableModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QStringList MediaTableModel::mimeTypes() const { return {QString::fromLatin1(kMediaMimeType)}; }

QMimeData* MediaTableModel::mimeData(const QModelIndexList& indexes) const {
  std::vector<model::MediaId> ids;
  for (const QModelIndex& i : indexes) {
    const model::MediaId id = mediaAt(i.row());
    if (id.valid() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids.empty() ? nullptr : makeMediaMime(ids);
}

void MediaTableModel::thumbnailArrived(quint64 id) {
  m_icons.remove(id);
  const int row = rowOf(model::MediaId{id});
  if (row >= 0) emit dataChanged(index(row, 0), index(row, 0), {Qt::DecorationRole});
}

}  // namespace postline::ui
