#pragma once
// The editor's look: Fusion with a dark palette (the grey an editor's viewers need around them).
class QApplication;

namespace postline::ui {

// Sets the Fusion style, the dark palette and the accent colour on `app`.
void applyDarkTheme(QApplication& app);

}  // namespace postline::ui
