#pragma once
// The media items of one bin as a table (the list view's columns; column 0 also feeds the
// thumbnail grid). Read from the ProjectController; drags carry makeMediaMime(ids).
#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <vector>

#include "core/model/ids.h"
#include "ui/bins/media_columns.h"

namespace postline::ui {

class ProjectController;
class ThumbnailCache;

class MediaTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // Extra data roles.
  enum Role {
    MediaIdRole = Qt::UserRole + 1,  // quint64 media id
    SortRole,                        // the key sorting uses (takes of a shot sort together)
    FilterRole,                      // text the filter box matches (name, shot, take)
    WarningRole,                     // bool: a frame-rate warning badge
    OfflineRole,                     // bool: the file is missing
  };

  MediaTableModel(ProjectController& controller, ThumbnailCache& thumbnails, QObject* parent = nullptr);

  // Shows the items of `bin` (none: empty).
  void setBin(model::BinId bin);
  model::BinId bin() const { return m_bin; }
  // Re-reads the bin and the items from the project (after a change).
  void refresh();
  // The media id in `row` (invalid outside).
  model::MediaId mediaAt(int row) const;
  // The row of `id` (-1 when not in this bin).
  int rowOf(model::MediaId id) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QStringList mimeTypes() const override;
  // makeMediaMime of the distinct rows of `indexes`, in the order given.
  QMimeData* mimeData(const QModelIndexList& indexes) const override;
  Qt::DropActions supportedDragActions() const override { return Qt::CopyAction | Qt::MoveAction; }

 private:
  QVariant displayData(const model::MediaItem& item, MediaColumn column) const;
  QVariant sortKey(const model::MediaItem& item, MediaColumn column) const;
  void thumbnailArrived(quint64 id);

  ProjectController& m_ctl;
  ThumbnailCache& m_thumbs;
  model::BinId m_bin;
  std::vector<model::MediaId> m_ids;
  mutable QHash<quint64, QIcon> m_icons;  // small posters for the list view, by media id
};

}  // namespace postline::ui
