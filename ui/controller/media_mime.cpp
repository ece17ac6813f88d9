#include "ui/controller/media_mime.h"

#include <QStringList>

namespace postline::ui {

QMimeData* makeMediaMime(const std::vector<model::MediaId>& ids) {
  QStringList parts;
  for (model::MediaId id : ids) parts << QString::number(id.value);
  auto* mime = new QMimeData();
  mime->setData(kMediaMimeType, parts.join(',').toUtf8());
  return mime;
}

std::vector<model::MediaId> mediaFromMime(const QMimeData* mime) {
  if (!mime || !mime->hasFormat(kMediaMimeType)) return {};
  std::vector<model::MediaId> ids;
  for (const QString& part : QString::fromUtf8(mime->data(kMediaMimeType)).split(',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const qulonglong v = part.trimmed().toULongLong(&ok);
    if (!ok || v == 0) return {};
    ids.push_back(model::MediaId{v});
  }
  return ids;
}

}  // namespace postline::ui
