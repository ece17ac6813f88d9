#include "ui/main/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace postline::ui {

QStringList RecentFiles::files() const {
  QStringList out;
  for (const QString& f : QSettings().value("recentFiles").toStringList()) {
    if (QFileInfo::exists(f)) out << f;
  }
  return out;
}

void RecentFiles::add(const QString& file) {
  QStringList list = QSettings().value("recentFiles").toStringList();
  const QString abs = QFileInfo(file).absoluteFilePath();
  list.removeAll(abs);
  list.prepend(abs);
  while (list.size() > kMax) list.removeLast();
  QSettings().setValue("recentFiles", list);
}

void RecentFiles::clear() { QSettings().remove("recentFiles"); }

}  // namespace postline::ui
