#pragma once
// The thumbnail grid of a bin (QListView in icon mode): a poster per item, a warning badge for
// variable or foreign frame rates, "Offline" for missing files, and skimming: while the mouse
// hovers a thumbnail it shows the filmstrip frame at the mouse's x fraction.
#include <QListView>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace postline::ui {

class ProjectController;
class ThumbnailCache;

class MediaGridView : public QListView {
  Q_OBJECT

 public:
  // Thumbnail cell size, pixels (picture 16:9 plus a line of text).
  static constexpr int kCellWidth = 192;
  static constexpr int kPictureHeight = 108;

  MediaGridView(ProjectController& controller, ThumbnailCache& thumbnails, QWidget* parent = nullptr);

  // The item being skimmed (invalid when the mouse is not over a thumbnail).
  QModelIndex skimIndex() const { return m_skim; }
  // Where the mouse is across the skimmed thumbnail, 0 (left edge) to 1 (right edge).
  double skimFraction() const { return m_fraction; }
  // The filmstrip frame shown for `index` (-1: the poster, when not skimmed or frames not there yet).
  int skimFrame(const QModelIndex& index) const;

  ProjectController& controller() const { return m_ctl; }
  ThumbnailCache& thumbnails() const { return m_thumbs; }

 protected:
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  void filmstripArrived(quint64 id);

  ProjectController& m_ctl;
  ThumbnailCache& m_thumbs;
  QPersistentModelIndex m_skim;
  double m_fraction = 0.0;
};

// Paints one thumbnail cell of a MediaGridView.
class MediaGridDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace postline::ui
