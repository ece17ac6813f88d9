#pragma once
// The drag-and-drop payload of media items (bins -> timeline, bins -> source viewer):
// MIME type "application/x-postline-media", UTF-8 text of decimal media ids separated by commas,
// in the order the items were selected ("12,7,9").
#include <QMimeData>
#include <QString>
#include <vector>

#include "core/model/ids.h"

namespace postline::ui {

inline constexpr const char* kMediaMimeType = "application/x-postline-media";

// Mime data carrying `ids` (in order).
QMimeData* makeMediaMime(const std::vector<model::MediaId>& ids);
// The media ids in `mime` (empty when it carries none or the payload is malformed).
std::vector<model::MediaId> mediaFromMime(const QMimeData* mime);

}  // namespace postline::ui
