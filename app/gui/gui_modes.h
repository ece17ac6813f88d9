#pragma once
// The editor's non-interactive modes (used by packaging/test-deb.sh and scripts/screenshots).
#include <QString>

class QApplication;

namespace postline::ui {
class MainWindow;
}

namespace postline::app {

// Waits (up to 20 s) until the program viewer has drawn a frame; prints the outcome; the exit status.
int runSmokeTest(QApplication& app, ui::MainWindow& window);
// Writes PNG screenshots of the window, each page and the timeline at a few zooms into `dir`.
int runCapture(QApplication& app, ui::MainWindow& window, const QString& dir);

}  // namespace postline::app
