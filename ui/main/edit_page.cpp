#include "ui/main/edit_page.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>

#include "ui/actions/edit_actions.h"
#include "ui/bins/bin_panel.h"
#include "ui/controller/project_controller.h"
#include "ui/main/main_window.h"
#include "ui/main/main_window_parts.h"
#include "ui/playback/program_viewer_link.h"
#include "ui/playback/transport.h"
#include "ui/timeline/timeline_view.h"
#include "ui/viewer/program_viewer.h"
#include "ui/viewer/source_viewer.h"
#include "ui/viewer/viewer_widget.h"

namespace postline::ui {

namespace {

QDockWidget* addDock(QMainWindow& page, const QString& title, const QString& name, QWidget* content,
                     Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(title, &page);
  dock->setObjectName(name);
  dock->setWidget(content);
  dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
  page.addDockWidget(area, dock);
  return dock;
}

// Playback through the program viewer (frames, playback mode, dropped count, its buttons); the
// timeline pages with the playhead while playing and previews trims in the program viewer.
void wirePlayback(MainWindowParts& p) {
  linkProgramViewer(*p.transport, *p.program);
  TimelineView* timeline = p.timeline;
  QObject::connect(p.transport, &Transport::playingChanged, timeline, [timeline](bool playing) {
    timeline->setFollowPlayhead(playing);
  });
  QObject::connect(timeline, &TimelineView::trimPreview, p.program, &ProgramViewer::showTrimPreview);
}

// The actions that belong to other panels: transport keys, tools, zoom.
void wireActions(MainWindow& window, MainWindowParts& p) {
  EditActions& a = *p.actions;
  auto on = [&a](const char* id, QObject* receiver, auto slot) {
    if (QAction* act = a.action(id)) QObject::connect(act, &QAction::triggered, receiver, slot);
  };
  Transport* t = p.transport;
  on("transport.play", t, [t] { t->togglePlay(); });
  on("transport.reverse", t, [t] { t->shuttleReverse(); });
  on("transport.pause", t, [t] { t->pause(); });
  on("transport.forward", t, [t] { t->shuttleForward(); });
  TimelineView* v = p.timeline;
  const std::pair<const char*, ToolKind> tools[] = {{"tool.select", ToolKind::Select}, {"tool.blade", ToolKind::Blade},
                                                    {"tool.ripple", ToolKind::Ripple}, {"tool.roll", ToolKind::Roll},
                                                    {"tool.slip", ToolKind::Slip},     {"tool.slide", ToolKind::Slide}};
  for (const auto& [id, kind] : tools) on(id, v, [v, kind = kind] { v->setTool(kind); });
  on("view.zoom_in", v, [v] { v->zoomIn(); });
  on("view.zoom_out", v, [v] { v->zoomOut(); });
  on("view.zoom_fit", v, [v] { v->zoomToFit(); });
  const char* pages[] = {"page.edit", "page.color", "page.audio", "page.deliver"};
  for (int i = 0; i < 4; ++i) on(pages[i], &window, [&window, i] { window.setPage(static_cast<MainWindow::Page>(i)); });
  EditActions* actions = p.actions;
  v->setContextMenuProvider([actions](QMenu& menu, const TimelineHit& hit) {
    if (hit.clip.valid()) actions->fillClipMenu(menu, hit.clip, hit.frame);
  });
  a.attachTo(window);
}

}  // namespace

void applyDefaultEditLayout(QMainWindow& page) {
  QList<QDockWidget*> docks;
  for (const char* name : {"binsDock", "sourceDock", "programDock"}) {
    auto* dock = page.findChild<QDockWidget*>(name);
    if (!dock) return;
    dock->show();
    docks.append(dock);
  }
  const int w = page.width(), h = page.height();
  page.resizeDocks(docks, {w * 30 / 100, w * 35 / 100, w * 35 / 100}, Qt::Horizontal);
  page.resizeDocks({docks.front()}, {h * 52 / 100}, Qt::Vertical);
}

QMainWindow* buildEditPage(MainWindow& window, MainWindowParts& p) {
  auto* page = new QMainWindow(&window, Qt::Widget);
  page->setObjectName("editPage");
  page->setDockNestingEnabled(true);
  ProjectController& ctl = *p.controller;
  p.timeline = new TimelineView(ctl);
  page->setCentralWidget(p.timeline);
  p.bins = new BinPanel(ctl);
  p.source = new SourceViewer(ctl);
  p.program = new ProgramViewer(ctl);
  QDockWidget* bins = addDock(*page, QObject::tr("Bins"), "binsDock", p.bins, Qt::TopDockWidgetArea);
  QDockWidget* source = addDock(*page, QObject::tr("Source"), "sourceDock", p.source, Qt::TopDockWidgetArea);
  QDockWidget* program = addDock(*page, QObject::tr("Program"), "programDock", p.program, Qt::TopDockWidgetArea);
  page->splitDockWidget(bins, source, Qt::Horizontal);
  page->splitDockWidget(source, program, Qt::Horizontal);
  p.transport = new Transport(ctl, {}, &window);
  p.actions = new EditActions(ctl, &window);
  wirePlayback(p);
  wireActions(window, p);
  for (ViewerPanel* viewer : {static_cast<ViewerPanel*>(p.source), static_cast<ViewerPanel*>(p.program)}) {
    QObject::connect(&viewer->renderService(), &RenderService::renderWarning, &window,
                     [&window](const QString& m) { window.statusBar()->showMessage(m, 10000); });
  }
  QObject::connect(p.bins, &BinPanel::openInSource, source, [source] { source->raise(); });
  QObject::connect(qApp, &QApplication::focusChanged, p.actions, [p](QWidget*, QWidget* now) {
    p.actions->setSourceFocused(now && p.source->isAncestorOf(now));
  });
  return page;
}

}  // namespace postline::ui
