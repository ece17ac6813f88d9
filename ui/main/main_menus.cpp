#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>

#include "core/base/version.h"
#include "ui/actions/edit_actions.h"
#include "ui/actions/shortcuts_dialog.h"
#include "ui/bins/bin_panel.h"
#include "ui/main/edit_page.h"
#include "ui/main/main_window.h"
#include "ui/main/main_window_parts.h"
#include "ui/main/project_lifecycle.h"
#include "ui/playback/transport.h"

namespace postline::ui {

namespace {

// The EditActions section titled `title`, or an empty one.
ActionSection sectionOf(const EditActions& actions, const QString& title) {
  for (const ActionSection& s : actions.menuSections()) {
    if (s.title == title) return s;
  }
  return {};
}

// The transport's actions whose keys EditActions does not already have (loop, play in to out).
QList<QAction*> extraTransportActions(const MainWindowParts& p) {
  QList<QKeySequence> taken;
  for (QAction* a : p.actions->allActions()) taken.append(a->shortcuts());
  QList<QAction*> out;
  for (QAction* a : p.transport->actions()) {
    if (!taken.contains(a->shortcut())) out.append(a);
  }
  return out;
}

void addSection(QMenu& menu, const EditActions& actions, const QString& title) {
  const ActionSection s = sectionOf(actions, title);
  if (s.actions.isEmpty()) return;
  if (!menu.isEmpty()) menu.addSeparator();
  menu.addActions(s.actions);
}

void fillViewMenu(QMenu& view, MainWindow& window, MainWindowParts& p) {
  addSection(view, *p.actions, "View");
  view.addSeparator();
  QMenu* panels = view.addMenu(QObject::tr("Panels"));
  for (QDockWidget* dock : p.editPage->findChildren<QDockWidget*>()) panels->addAction(dock->toggleViewAction());
  view.addAction(QObject::tr("Reset Panel Layout"), &window, [p] { applyDefaultEditLayout(*p.editPage); });
}

void fillHelpMenu(QMenu& help, MainWindow& window, MainWindowParts& p) {
  help.addAction(QObject::tr("Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Slash), &window, [&window, p] {
    QList<ActionSection> sections = p.actions->menuSections();
    sections.append({QObject::tr("Loop"), extraTransportActions(p)});
    ShortcutsDialog dialog(sections, &window);
    dialog.exec();
  });
  help.addAction(QObject::tr("About Postline"), &window, [&window] {
    QMessageBox::about(&window, QObject::tr("About Postline"),
                       QObject::tr("Postline %1\nA non-linear video editor for finishing AI-generated video.")
                           .arg(base::kVersion));
  });
}

}  // namespace

void buildMenus(MainWindow& window, MainWindowParts& p, ProjectLifecycle& lifecycle) {
  QMenuBar* bar = window.menuBar();
  QMenu* file = bar->addMenu(QObject::tr("&File"));
  lifecycle.fillFileMenu(*file);
  file->addSeparator();
  p.bins->importAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  window.addAction(p.bins->importAction());
  file->addAction(p.bins->importAction());
  file->addAction(p.bins->importFolderAction());
  file->addSeparator();
  file->addAction(QObject::tr("&Quit"), QKeySequence::Quit, &window, &QWidget::close);
  QMenu* edit = bar->addMenu(QObject::tr("&Edit"));
  addSection(*edit, *p.actions, "Edit");
  QMenu* mark = bar->addMenu(QObject::tr("&Mark"));
  addSection(*mark, *p.actions, "Marks");
  QMenu* timeline = bar->addMenu(QObject::tr("&Timeline"));
  addSection(*timeline, *p.actions, "Timeline");
  addSection(*timeline, *p.actions, "Tools");
  QMenu* playback = bar->addMenu(QObject::tr("&Playback"));
  addSection(*playback, *p.actions, "Playback");
  addSection(*playback, *p.actions, "Playhead");
  playback->addSeparator();
  const QList<QAction*> extra = extraTransportActions(p);
  playback->addActions(extra);
  window.addActions(extra);
  fillViewMenu(*bar->addMenu(QObject::tr("&View")), window, p);
  fillHelpMenu(*bar->addMenu(QObject::tr("&Help")), window, p);
}

}  // namespace postline::ui
