#include "ui/main/project_lifecycle.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

#include "core/project/autosave.h"
#include "core/project/project_file.h"
#include "ui/controller/project_controller.h"
#include "ui/main/recent_files.h"

namespace postline::ui {

namespace {
const char* kProjectFilter = "Postline projects (*.postline)";

QString toQ(const std::filesystem::path& p) { return QString::fromStdString(p.string()); }
}  // namespace

ProjectLifecycle::ProjectLifecycle(QWidget& window, ProjectController& controller, RecentFiles& recent)
    : QObject(&window), m_window(window), m_ctl(controller), m_recent(recent) {}

void ProjectLifecycle::fillFileMenu(QMenu& menu) {
  menu.addAction(tr("&New Project"), QKeySequence::New, this, &ProjectLifecycle::newProject);
  menu.addAction(tr("&Open…"), QKeySequence::Open, this, &ProjectLifecycle::openWithDialog);
  m_recentMenu = menu.addMenu(tr("Open &Recent"));
  connect(m_recentMenu, &QMenu::aboutToShow, this, &ProjectLifecycle::refreshRecent);
  refreshRecent();
  menu.addSeparator();
  menu.addAction(tr("&Save"), QKeySequence::Save, this, &ProjectLifecycle::save);
  menu.addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &ProjectLifecycle::saveAs);
  menu.addAction(tr("&Close Project"), QKeySequence(Qt::CTRL | Qt::Key_W), this, &ProjectLifecycle::closeProject);
}

void ProjectLifecycle::refreshRecent() {
  if (!m_recentMenu) return;
  m_recentMenu->clear();
  const QStringList files = m_recent.files();
  for (const QString& f : files) {
    m_recentMenu->addAction(QFileInfo(f).fileName() + "   " + QFileInfo(f).absolutePath(),
                            this, [this, f] { if (maybeSave()) open(f.toStdString()); });
  }
  if (files.isEmpty()) m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
  m_recentMenu->addSeparator();
  m_recentMenu->addAction(tr("Clear List"), this, [this] { m_recent.clear(); });
}

bool ProjectLifecycle::maybeSave() {
  if (!m_ctl.isDirty()) return true;
  const auto answer = QMessageBox::warning(
      &m_window, tr("Unsaved changes"),
      tr("%1 has unsaved changes. Save them before going on?").arg(m_ctl.displayName()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void ProjectLifecycle::newProject() {
  if (!maybeSave()) return;
  m_ctl.newProject(tr("Untitled"));
}

void ProjectLifecycle::openWithDialog() {
  if (!maybeSave()) return;
  const QString file = QFileDialog::getOpenFileName(&m_window, tr("Open Project"), QString(), tr(kProjectFilter));
  if (!file.isEmpty()) open(file.toStdString());
}

bool ProjectLifecycle::open(const std::filesystem::path& file, bool askRecovery) {
  bool fromAutosave = false;
  if (askRecovery) {
    if (auto offer = project::checkRecovery(file)) {
      const auto answer = QMessageBox::question(
          &m_window, tr("Recover unsaved changes?"),
          tr("An autosave of %1 is newer than the project file (the editor may have stopped before "
             "saving). Open the autosave instead?\n\nOpen the autosave: the recovered edits are kept "
             "as unsaved changes.\nOpen the saved project: the autosave is kept until the next save.")
              .arg(toQ(file.filename())),
          QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
      fromAutosave = answer == QMessageBox::Yes;
    }
  }
  auto r = m_ctl.open(file, fromAutosave);
  if (!r) {
    showError(tr("Cannot open %1").arg(toQ(file.filename())), QString::fromStdString(r.error().message));
    return false;
  }
  m_recent.add(toQ(file));
  QStringList notes;
  for (const std::string& w : m_ctl.loadWarnings()) notes << QString::fromStdString(w);
  if (!m_ctl.offlineMedia().empty()) {
    notes << tr("%n media file(s) could not be found; their clips show as offline. "
                "Use Relink… on them in the bin.", nullptr, static_cast<int>(m_ctl.offlineMedia().size()));
  }
  if (!notes.isEmpty()) QMessageBox::information(&m_window, tr("Opened %1").arg(toQ(file.filename())), notes.join("\n\n"));
  return true;
}

bool ProjectLifecycle::save() {
  if (m_ctl.filePath().empty()) return saveAs();
  auto r = m_ctl.save();
  if (!r) showError(tr("Cannot save %1").arg(toQ(m_ctl.filePath().filename())), QString::fromStdString(r.error().message));
  return r.ok();
}

bool ProjectLifecycle::saveAs() {
  QString file = QFileDialog::getSaveFileName(&m_window, tr("Save Project As"), m_ctl.displayName() + project::kExtension,
                                              tr(kProjectFilter));
  if (file.isEmpty()) return false;
  if (!file.endsWith(project::kExtension)) file += project::kExtension;
  auto r = m_ctl.saveAs(file.toStdString());
  if (!r) {
    showError(tr("Cannot save %1").arg(QFileInfo(file).fileName()), QString::fromStdString(r.error().message));
    return false;
  }
  m_recent.add(file);
  return true;
}

void ProjectLifecycle::closeProject() {
  if (!maybeSave()) return;
  m_ctl.newProject(tr("Untitled"));
}

void ProjectLifecycle::showError(const QString& what, const QString& message) {
  QMessageBox::critical(&m_window, what, message + "\n\n" + tr("Nothing of the open project was changed."));
}

}  // namespace postline::ui
