#pragma once
// Turning what a user drops or pastes into file paths to import.
#include <QMimeData>
#include <QString>
#include <QStringList>

namespace postline::ui {

// Local file paths in `text`: one path or file:// URL per line (blank lines, other URL schemes and
// relative paths skipped; surrounding whitespace and quotes removed).
QStringList pathsFromText(const QString& text);

// Local file paths carried by `mime`: its URLs (text/uri-list) when it has any, else its text.
QStringList pathsFromMime(const QMimeData* mime);

}  // namespace postline::ui
