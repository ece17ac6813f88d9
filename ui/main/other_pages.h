#pragma once
// The Color, Audio and Deliver pages. Their panels (grading wheels with live scopes, the mixer with
// LUFS meters, the delivery queue) are the next issue's; until then each page says what it will hold
// and where the same work is done today (postline-cli grade/match, mix/loudness, export).
#include "ui/main/main_window.h"

class QWidget;

namespace postline::ui {

struct MainWindowParts;

// The page widget for `page` (not Edit).
QWidget* buildOtherPage(MainWindow::Page page, MainWindowParts& parts);

}  // namespace postline::ui
