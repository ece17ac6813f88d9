#include "ui/bins/import_paths.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace postline::ui {

QStringList pathsFromText(const QString& text) {
  QStringList out;
  for (QString line : text.split(QRegularExpression(QStringLiteral("[\r\n]+")), Qt::SkipEmptyParts)) {
    line = line.trimmed();
    if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') && line.back() == line.front()) {
      line = line.mid(1, line.size() - 2);
    }
    if (line.startsWith(QStringLiteral("#"))) continue;  // comment lines of text/uri-list
    if (line.contains(QStringLiteral("://"))) {
      const QUrl url(line);
      if (url.isLocalFile()) out << url.toLocalFile();
      continue;
    }
    if (QDir::isAbsolutePath(line)) out << QDir::cleanPath(line);
  }
  return out;
}

QStringList pathsFromMime(const QMimeData* mime) {
  if (mime == nullptr) return {};
  QStringList out;
  if (mime->hasUrls()) {
    for (const QUrl& url : mime->urls()) {
      if (url.isLocalFile()) out << url.toLocalFile();
    }
    if (!out.isEmpty()) return out;
  }
  return mime->hasText() ? pathsFromText(mime->text()) : QStringList{};
}

}  // namespace postline::ui
