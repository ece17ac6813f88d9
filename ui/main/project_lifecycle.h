#pragma once
// The File menu's project lifecycle: New, Open, Open Recent, Save, Save As, Close, and the
// questions around them (unsaved changes, autosave recovery). Errors go to a message box that
// names the file and the problem; the open project is never lost.
#include <QObject>
#include <QString>
#include <filesystem>

class QMenu;
class QWidget;

namespace postline::ui {

class ProjectController;
class RecentFiles;

class ProjectLifecycle : public QObject {
  Q_OBJECT

 public:
  ProjectLifecycle(QWidget& window, ProjectController& controller, RecentFiles& recent);

  // Adds New/Open/Open Recent/Save/Save As/Close to `menu` (Import and Quit are added by the window).
  void fillFileMenu(QMenu& menu);
  // Asks to save unsaved changes. True when the caller may go on (saved, discarded or clean).
  bool maybeSave();
  // Opens `file`; with `askRecovery`, a newer autosave is offered first. False (and a message) on error.
  bool open(const std::filesystem::path& file, bool askRecovery = true);

 public slots:
  void newProject();
  void openWithDialog();
  bool save();
  bool saveAs();
  void closeProject();

 private:
  void refreshRecent();
  void showError(const QString& what, const QString& message);

  QWidget& m_window;
  ProjectController& m_ctl;
  RecentFiles& m_recent;
  QMenu* m_recentMenu = nullptr;
};

}  // namespace postline::ui
