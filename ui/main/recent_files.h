#pragma once
// The Open Recent list: most recent first, at most kMax entries, kept in QSettings ("recentFiles").
#include <QStringList>

namespace postline::ui {

class RecentFiles {
 public:
  static constexpr int kMax = 10;
  // The list, most recent first; files that no longer exist are dropped.
  QStringList files() const;
  // Puts `file` (absolute) first.
  void add(const QString& file);
  void clear();
};

}  // namespace postline::ui
