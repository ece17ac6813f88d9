#pragma once
// The Deliver page's queue: one row per job (label, progress bar, fps, ETA, status) over
// exporting::ExportQueue (each job a separate `postline-cli export` process). Cancel, retry, reveal
// the output folder, open the delivery report. The queue's listener runs on its own thread; every
// update is marshalled to the UI thread. A job reads a snapshot of the project written beside the
// project file; the file is removed when the job ends and written again for a retry.
#include <QStringList>
#include <QUrl>
#include <QWidget>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/export/queue.h"
#include "core/model/project.h"

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace postline::ui::deliver {

// One preset's verification as the job's delivery report states it.
struct PresetResult {
  std::string presetId;
  std::string presetName;
  std::filesystem::path output;  // "" when none was written
  bool passed = false;
};

class QueuePanel : public QWidget {
  Q_OBJECT

 public:
  explicit QueuePanel(QWidget* parent = nullptr);
  ~QueuePanel() override;

  // Queues a job reading `snapshotFile` (already written from `snapshot`); returns its row.
  int addJob(exporting::JobSpec spec, std::shared_ptr<const model::Project> snapshot,
             const std::filesystem::path& snapshotFile, const std::filesystem::path& outDir);

  int rowCount() const { return static_cast<int>(m_rows.size()); }
  // The job of `row` as last reported by the queue (state, progress, pid, outputs, report).
  std::optional<exporting::QueueJob> job(int row) const;
  // The per-preset verification of a finished row (from its report; empty before it ends).
  std::vector<PresetResult> results(int row) const;
  QString statusText(int row) const;
  QTableWidget& table() { return *m_table; }

  bool cancel(int row);
  bool retry(int row);
  void reveal(int row);
  void openReport(int row);
  // Jobs run at the same time (1 or 2); applied when nothing is queued or running.
  void setConcurrency(int jobs);
  int concurrency() const { return m_concurrency; }
  bool busy() const;
  // How reveal/openReport open a URL (default QDesktopServices::openUrl); tests replace it.
  void setUrlOpener(std::function<void(const QUrl&)> opener) { m_open = std::move(opener); }

 signals:
  // A job ended (done, failed or cancelled) with these outputs written (existing files only).
  void jobEnded(int row, const QStringList& outputs);
  void jobChanged(int row);

 private:
  struct Row {
    int coreId = 0;
    int generation = 0;
    exporting::JobSpec spec;
    std::shared_ptr<const model::Project> snapshot;
    std::filesystem::path snapshotFile;
    std::filesystem::path outDir;
    exporting::QueueJob last;
    std::vector<PresetResult> results;
    bool ended = false;
  };

  void makeQueue();
  void onJob(int generation, const exporting::QueueJob& job);
  void jobFinished(int row);
  void updateRow(int row);
  void updateButtons();
  int selectedRow() const;
  int rowOf(int generation, int coreId) const;

  std::unique_ptr<exporting::ExportQueue> m_queue;
  int m_generation = 0;
  int m_concurrency = 1;
  int m_wantedConcurrency = 1;
  std::vector<Row> m_rows;
  std::function<void(const QUrl&)> m_open;
  QTableWidget* m_table = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_retry = nullptr;
  QPushButton* m_reveal = nullptr;
  QPushButton* m_report = nullptr;
  QSpinBox* m_jobs = nullptr;
};

}  // namespace postline::ui::deliver
