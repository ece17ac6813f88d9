#pragma once
// Sorting and filtering of a bin's media: the filter box matches name, shot or take
// (case-insensitive substring); sorting uses MediaTableModel::SortRole, so the takes of one shot
// stay grouped.
#include <QSortFilterProxyModel>

#include "ui/bins/media_table_model.h"

namespace postline::ui {

class MediaFilterProxy : public QSortFilterProxyModel {
 public:
  explicit MediaFilterProxy(QObject* parent = nullptr) : QSortFilterProxyModel(parent) {
    setSortRole(MediaTableModel::SortRole);
    setDynamicSortFilter(true);
  }

  // Shows only items whose name, shot or take contains `text` (empty: all).
  void setFilterText(const QString& text) {
    m_text = text.trimmed();
    invalidateFilter();
  }
  const QString& filterText() const { return m_text; }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    if (m_text.isEmpty()) return true;
    const QString hay = sourceModel()->index(row, 0, parent).data(MediaTableModel::FilterRole).toString();
    return hay.contains(m_text, Qt::CaseInsensitive);
  }

 private:
  QString m_text;
};

}  // namespace postline::ui
