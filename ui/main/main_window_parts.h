#pragma once
// What the main window is made of, reachable by tests and the screenshot capture.
#include <QPointer>

class QAction;
class QButtonGroup;
class QDockWidget;
class QMainWindow;
class QMenu;
class QStackedWidget;

namespace postline::ui {

class AudioPage;
class BinPanel;
class ColorPage;
class DeliverPage;
class EditActions;
class ProgramViewer;
class ProjectController;
class RecentFiles;
class SourceViewer;
class TimelineView;
class Transport;

struct MainWindowParts {
  ProjectController* controller = nullptr;
  QStackedWidget* pages = nullptr;        // Edit, Color, Audio, Deliver
  QButtonGroup* pageButtons = nullptr;    // the top bar's page buttons (ids = MainWindow::Page)
  QMainWindow* editPage = nullptr;        // the Edit page's dock area
  QMenu* recentMenu = nullptr;
  RecentFiles* recent = nullptr;
  BinPanel* bins = nullptr;
  SourceViewer* source = nullptr;
  ProgramViewer* program = nullptr;
  TimelineView* timeline = nullptr;
  Transport* transport = nullptr;
  EditActions* actions = nullptr;
  ColorPage* colorPage = nullptr;        // the finishing pages (ui/color, ui/mixer, ui/deliver)
  AudioPage* audioPage = nullptr;
  DeliverPage* deliverPage = nullptr;
};

}  // namespace postline::ui
