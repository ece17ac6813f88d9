#pragma once
// The Edit page (bins, source and program viewers, timeline, import issues as docks of an inner
// QMainWindow, so its layout is saved on its own) and the window's menus, wired to the panels.
class QMainWindow;

namespace postline::ui {

class MainWindow;
class ProjectLifecycle;
struct MainWindowParts;

// Builds the Edit page's dock area and its panels (stored in `parts`).
QMainWindow* buildEditPage(MainWindow& window, MainWindowParts& parts);
// Bins, source and program side by side over the timeline, the viewers about half the height.
void applyDefaultEditLayout(QMainWindow& page);
// Builds the menu bar: File, Edit, Mark, Clip, Timeline, Playback, View, Help.
void buildMenus(MainWindow& window, MainWindowParts& parts, ProjectLifecycle& lifecycle);

}  // namespace postline::ui
