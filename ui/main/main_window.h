#pragma once
// The editor's main window: a page bar (Edit, Color, Audio, Deliver; Shift+1..4), dockable panels
// whose layout is saved, the menus, and the project lifecycle (new, open, recent, save, close,
// autosave recovery, quit with unsaved changes).
#include <QMainWindow>
#include <QString>
#include <filesystem>
#include <memory>

namespace postline::ui {

class ProjectController;
class MainWindowParts;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // The pages of the top bar, in order (Shift+1 .. Shift+4).
  enum class Page { Edit = 0, Color = 1, Audio = 2, Deliver = 3 };

  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  ProjectController& controller();
  // Opens `file`, offering a newer autosave first (asks unless `askRecovery` is false: then the
  // project file is opened as is). Errors are shown in a message box naming the file; false then.
  bool openProject(const std::filesystem::path& file, bool askRecovery = true);
  // Shows `page`.
  void setPage(Page page);
  Page page() const;
  // The parts of the window, for tests and the screenshot script (never null after construction).
  MainWindowParts& parts();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  std::unique_ptr<MainWindowParts> m_parts;
};

}  // namespace postline::ui
