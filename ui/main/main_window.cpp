#include "ui/main/main_window.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

#include "ui/controller/project_controller.h"
#include "ui/main/edit_page.h"
#include "ui/main/main_window_parts.h"
#include "ui/main/finishing_pages.h"
#include "ui/main/project_lifecycle.h"
#include "ui/main/recent_files.h"

namespace postline::ui {

namespace {

const char* const kPageNames[] = {"Edit", "Color", "Audio", "Deliver"};

// The top bar: one checkable button per page.
QToolBar* makePageBar(QMainWindow& window, MainWindowParts& parts) {
  auto* bar = new QToolBar(QObject::tr("Pages"), &window);
  bar->setObjectName("pageBar");
  bar->setMovable(false);
  bar->setFloatable(false);
  auto* holder = new QWidget(bar);
  auto* row = new QHBoxLayout(holder);
  row->setContentsMargins(8, 2, 8, 2);
  row->addStretch();
  parts.pageButtons = new QButtonGroup(&window);
  for (int i = 0; i < 4; ++i) {
    auto* b = new QPushButton(QObject::tr(kPageNames[i]), holder);
    b->setCheckable(true);
    b->setFlat(true);
    b->setMinimumWidth(90);
    b->setToolTip(QObject::tr("%1 page (Shift+%2)").arg(QObject::tr(kPageNames[i])).arg(i + 1));
    parts.pageButtons->addButton(b, i);
    row->addWidget(b);
  }
  row->addStretch();
  bar->addWidget(holder);
  return bar;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_parts(std::make_unique<MainWindowParts>()) {
  setObjectName("mainWindow");
  MainWindowParts& p = *m_parts;
  p.controller = new ProjectController(this);
  p.recent = new RecentFiles();
  addToolBar(Qt::TopToolBarArea, makePageBar(*this, p));
  p.pages = new QStackedWidget(this);
  p.editPage = buildEditPage(*this, p);
  p.pages->addWidget(p.editPage);
  buildFinishingPages(p);
  setCentralWidget(p.pages);
  connect(p.pageButtons, &QButtonGroup::idClicked, this, [this](int id) { setPage(static_cast<Page>(id)); });
  auto* lifecycle = new ProjectLifecycle(*this, *p.controller, *p.recent);
  buildMenus(*this, p, *lifecycle);
  auto updateTitle = [this] {
    setWindowTitle(m_parts->controller->displayName() + "[*] — Postline");
    setWindowModified(m_parts->controller->isDirty());
  };
  connect(p.controller, &ProjectController::fileChanged, this, updateTitle);
  connect(p.controller, &ProjectController::dirtyChanged, this, updateTitle);
  connect(p.controller, &ProjectController::editFailed, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(p.controller, &ProjectController::autosaved, this, [this](bool ok, const QString& m) {
    statusBar()->showMessage(ok ? tr("Autosaved") : tr("Autosave failed: %1").arg(m), ok ? 2000 : 10000);
  });
  updateTitle();
  statusBar()->showMessage(tr("Ready"));
  resize(1600, 960);
  const QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  const QByteArray layout = settings.value("window/editLayout").toByteArray();
  if (layout.isEmpty() || !p.editPage->restoreState(layout)) {
    QTimer::singleShot(0, this, [this] { applyDefaultEditLayout(*m_parts->editPage); });
  }
  setPage(Page::Edit);
}

MainWindow::~MainWindow() { delete m_parts->recent; }

ProjectController& MainWindow::controller() { return *m_parts->controller; }

MainWindowParts& MainWindow::parts() { return *m_parts; }

bool MainWindow::openProject(const std::filesystem::path& file, bool askRecovery) {
  return findChild<ProjectLifecycle*>()->open(file, askRecovery);
}

void MainWindow::setPage(Page page) {
  const int i = static_cast<int>(page);
  routePlaybackForPage(*m_parts, i);
  m_parts->pages->setCurrentIndex(i);
  m_parts->pageButtons->button(i)->setChecked(true);
}

MainWindow::Page MainWindow::page() const { return static_cast<Page>(m_parts->pages->currentIndex()); }

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!findChild<ProjectLifecycle*>()->maybeSave()) {
    event->ignore();
    return;
  }
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/editLayout", m_parts->editPage->saveState());
  event->accept();
}

}  // namespace postline::ui
