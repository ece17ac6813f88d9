// BinPanel: import (dialog, drops, paste; planned off the UI thread) and relink.
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMetaObject>
#include <QMimeData>
#include <QThreadPool>
#include <filesystem>

#include "core/edit/bins.h"
#include "core/ingest/import.h"
#include "core/project/relink.h"
#include "ui/bins/bin_panel.h"
#include "ui/bins/bin_tree.h"
#include "ui/bins/import_issues_panel.h"
#include "ui/bins/import_paths.h"
#include "ui/bins/thumbnail_cache.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

void BinPanel::importWithDialog() {
  const QStringList files = QFileDialog::getOpenFileNames(
      this, QStringLiteral("Import Media"), QString(),
      QStringLiteral("Media (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.mxf *.wav *.aif *.aiff *.flac *.mp3 *.m4a *.png "
                     "*.jpg *.jpeg *.tif *.tiff *.exr);;All files (*)"));
  if (!files.isEmpty()) importPaths(files);
}

void BinPanel::importFolderWithDialog() {
  const QString folder = QFileDialog::getExistingDirectory(this, QStringLiteral("Import Folder"));
  if (!folder.isEmpty()) importPaths({folder});
}

void BinPanel::importPaths(const QStringList& paths) {
  if (paths.isEmpty()) return;
  if (m_importRunning) {
    m_queued << paths;
    return;
  }
  startImport(paths);
}

void BinPanel::paste() { importPaths(pathsFromMime(QApplication::clipboard()->mimeData())); }

void BinPanel::startImport(const QStringList& paths) {
  m_importRunning = true;
  m_status->setText(QStringLiteral("Importing %1 item(s)…").arg(paths.size()));
  std::shared_ptr<const model::Project> basis = m_ctl.snapshot();
  std::vector<std::filesystem::path> files;
  for (const QString& p : paths) files.emplace_back(p.toStdString());
  ingest::ImportOptions options;
  options.sequence = m_ctl.sequence() ? m_ctl.currentSequence() : model::SequenceId{};
  m_importPool->start([this, basis, files, options, paths] {
    auto planned = ingest::planImport(*basis, files, options);  // probes the files: never on the UI thread
    auto report = std::make_shared<ingest::ImportReport>();
    QString failure;
    if (planned.ok()) *report = std::move(planned.value());
    else failure = QString::fromStdString(planned.error().message);
    QMetaObject::invokeMethod(
        this, [this, basis, paths, report, failure] { importPlanned(basis, paths, report, failure); },
        Qt::QueuedConnection);
  });
}

void BinPanel::importPlanned(const std::shared_ptr<const model::Project>& basis, const QStringList& paths,
                             std::shared_ptr<ingest::ImportReport> report, const QString& failure) {
  if (failure.isEmpty() && basis != m_ctl.snapshot()) {
    startImport(paths);  // the project changed while probing: plan again against the new one
    return;
  }
  m_importRunning = false;
  int imported = 0;
  if (!failure.isEmpty()) {
    m_issues->addIssue(ImportIssuesPanel::Kind::Error, QStringLiteral("Import failed: %1").arg(failure));
  } else if (m_ctl.apply(std::move(report->changes), QStringLiteral("Import"))) {
    imported = static_cast<int>(report->added.size());
    m_issues->addReport(*report);
    if (!report->added.empty()) {
      if (const model::Bin* bin = edit::binOfMedia(m_ctl.project(), report->added.front())) setCurrentBin(bin->id);
      selectMedia(report->added);
    }
  }
  const int errors = failure.isEmpty() ? static_cast<int>(report->errors.size()) : 1;
  m_status->setText(QStringLiteral("Imported %1 item(s), %2 error(s)").arg(imported).arg(errors));
  emit importFinished(imported, errors);
  if (!m_queued.isEmpty()) {
    const QStringList next = m_queued;
    m_queued.clear();
    startImport(next);
  }
}

void BinPanel::dragEnterEvent(QDragEnterEvent* event) {
  if (!pathsFromMime(event->mimeData()).isEmpty()) event->acceptProposedAction();
  else event->ignore();
}

void BinPanel::dragMoveEvent(QDragMoveEvent* event) {
  if (!pathsFromMime(event->mimeData()).isEmpty()) event->acceptProposedAction();
  else event->ignore();
}

void BinPanel::dropEvent(QDropEvent* event) {
  const QStringList paths = pathsFromMime(event->mimeData());
  if (paths.isEmpty()) return event->ignore();
  event->acceptProposedAction();
  importPaths(paths);
}

void BinPanel::relinkWithDialog(const std::vector<model::MediaId>& ids) {
  const QString folder =
      QFileDialog::getExistingDirectory(this, QStringLiteral("Relink: choose a folder to search for the missing files"));
  if (!folder.isEmpty()) relinkFrom(folder, ids);
}

int BinPanel::relinkFrom(const QString& folder, const std::vector<model::MediaId>& ids) {
  std::vector<model::MediaId> notFound;
  auto cs = project::relinkMissing(m_ctl.project(), ids, folder.toStdString(), &notFound);
  if (!cs.ok()) {
    m_issues->addIssue(ImportIssuesPanel::Kind::Error,
                       QStringLiteral("Relink failed: %1").arg(QString::fromStdString(cs.error().message)));
    return 0;
  }
  std::vector<model::MediaId> found;
  for (model::MediaId id : ids) {
    if (std::find(notFound.begin(), notFound.end(), id) == notFound.end()) found.push_back(id);
  }
  if (!m_ctl.apply(std::move(cs), QStringLiteral("Relink"))) return 0;
  for (model::MediaId id : found) {
    m_thumbs->forget(id);
    m_ctl.setMediaOffline(id, false);
  }
  for (model::MediaId id : notFound) {
    const model::MediaItem* m = m_ctl.project().findMedia(id);
    m_issues->addIssue(ImportIssuesPanel::Kind::Warning,
                       QStringLiteral("Relink: no file named %1 under %2")
                           .arg(m ? QString::fromStdString(std::filesystem::path(m->path).filename().string()) : QString(),
                                folder),
                       QStringLiteral("choose another folder"));
  }
  return static_cast<int>(found.size());
}

}  // namespace postline::ui
