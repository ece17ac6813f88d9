#include "ui/deliver/queue_panel.h"

#include <QColor>
#include <QDesktopServices>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMetaObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <system_error>

#include "ui/deliver/delivery_job.h"

namespace postline::ui::deliver {

namespace {

enum Column { ColLabel, ColProgress, ColFps, ColEta, ColStatus, ColumnCount };

bool ended(exporting::QueueState s) {
  return s == exporting::QueueState::Done || s == exporting::QueueState::Failed || s == exporting::QueueState::Cancelled;
}

QString etaText(double seconds) {
  const int s = static_cast<int>(std::lround(std::max(0.0, seconds)));
  return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// The per-preset results of a delivery report (docs/FORMAT.md "Delivery report").
std::vector<PresetResult> readReport(const std::filesystem::path& file) {
  QFile f(QString::fromStdString(file.string()));
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QJsonArray jobs = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("jobs")).toArray();
  std::vector<PresetResult> out;
  for (const QJsonValue& v : jobs) {
    const QJsonObject j = v.toObject();
    out.push_back({j.value(QStringLiteral("preset_id")).toString().toStdString(),
                   j.value(QStringLiteral("preset_name")).toString().toStdString(),
                   j.value(QStringLiteral("output")).toString().toStdString(), j.value(QStringLiteral("passed")).toBool()});
  }
  return out;
}

QString firstLine(const std::string& text) {
  const QString t = QString::fromStdString(text).trimmed();
  return t.section(QLatin1Char('\n'), 0, 0);
}

QTableWidget* makeTable() {
  auto* table = new QTableWidget(0, ColumnCount);
  table->setHorizontalHeaderLabels({QStringLiteral("Job"), QStringLiteral("Progress"), QStringLiteral("fps"),
                                    QStringLiteral("ETA"), QStringLiteral("Status")});
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setSelectionMode(QAbstractItemView::SingleSelection);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setSectionResizeMode(ColLabel, QHeaderView::Interactive);
  table->horizontalHeader()->setSectionResizeMode(ColStatus, QHeaderView::Stretch);
  table->setColumnWidth(ColLabel, 260);
  table->setColumnWidth(ColProgress, 160);
  table->setColumnWidth(ColFps, 60);
  table->setColumnWidth(ColEta, 60);
  return table;
}

}  // namespace

QueuePanel::QueuePanel(QWidget* parent) : QWidget(parent) {
  m_open = [](const QUrl& url) { QDesktopServices::openUrl(url); };
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* bar = new QHBoxLayout;
  auto* title = new QLabel(QStringLiteral("<b>Queue</b>"));
  m_cancel = new QPushButton(QStringLiteral("Cancel"));
  m_retry = new QPushButton(QStringLiteral("Retry"));
  m_reveal = new QPushButton(QStringLiteral("Reveal in folder"));
  m_report = new QPushButton(QStringLiteral("Open report"));
  m_cancel->setObjectName(QStringLiteral("cancelButton"));
  m_retry->setObjectName(QStringLiteral("retryButton"));
  m_reveal->setObjectName(QStringLiteral("revealButton"));
  m_report->setObjectName(QStringLiteral("reportButton"));
  m_jobs = new QSpinBox;
  m_jobs->setRange(1, 2);
  m_jobs->setPrefix(QStringLiteral("Run "));
  m_jobs->setSuffix(QStringLiteral(" at a time"));
  bar->addWidget(title);
  bar->addStretch(1);
  for (QPushButton* b : {m_cancel, m_retry, m_reveal, m_report}) bar->addWidget(b);
  bar->addWidget(m_jobs);
  layout->addLayout(bar);
  m_table = makeTable();
  layout->addWidget(m_table, 1);
  connect(m_cancel, &QPushButton::clicked, this, [this] { cancel(selectedRow()); });
  connect(m_retry, &QPushButton::clicked, this, [this] { retry(selectedRow()); });
  connect(m_reveal, &QPushButton::clicked, this, [this] { reveal(selectedRow()); });
  connect(m_report, &QPushButton::clicked, this, [this] { openReport(selectedRow()); });
  connect(m_table, &QTableWidget::itemSelectionChanged, this, &QueuePanel::updateButtons);
  connect(m_jobs, &QSpinBox::valueChanged, this, &QueuePanel::setConcurrency);
  makeQueue();
  updateButtons();
}

QueuePanel::~QueuePanel() {
  if (m_queue) m_queue->setListener({});
  m_queue.reset();  // cancels what runs and waits for it
  std::error_code ec;
  for (const Row& r : m_rows) std::filesystem::remove(r.snapshotFile, ec);
}

void QueuePanel::makeQueue() {
  if (m_queue) m_queue->setListener({});
  m_queue.reset();
  m_concurrency = m_wantedConcurrency;
  m_queue = std::make_unique<exporting::ExportQueue>(m_concurrency);
  const int generation = ++m_generation;
  m_queue->setListener([this, generation](const exporting::QueueJob& job) {
    QMetaObject::invokeMethod(this, [this, generation, job] { onJob(generation, job); }, Qt::QueuedConnection);
  });
}

int QueuePanel::addJob(exporting::JobSpec spec, std::shared_ptr<const model::Project> snapshot,
                       const std::filesystem::path& snapshotFile, const std::filesystem::path& outDir) {
  Row row;
  row.spec = spec;
  row.snapshot = std::move(snapshot);
  row.snapshotFile = snapshotFile;
  row.outDir = outDir;
  row.generation = m_generation;
  row.coreId = m_queue->add(std::move(spec));
  row.last.id = row.coreId;
  row.last.spec = row.spec;
  m_rows.push_back(std::move(row));
  const int index = rowCount() - 1;
  m_table->insertRow(index);
  for (int c = 0; c < ColumnCount; ++c) m_table->setItem(index, c, new QTableWidgetItem);
  auto* bar = new QProgressBar;
  bar->setRange(0, 1000);
  bar->setTextVisible(true);
  m_table->setCellWidget(index, ColProgress, bar);
  updateRow(index);
  m_table->selectRow(index);
  updateButtons();
  return index;
}

int QueuePanel::rowOf(int generation, int coreId) const {
  for (int i = 0; i < rowCount(); ++i) {
    if (m_rows[i].generation == generation && m_rows[i].coreId == coreId) return i;
  }
  return -1;
}

void QueuePanel::onJob(int generation, const exporting::QueueJob& job) {
  const int row = rowOf(generation, job.id);
  if (row < 0) return;
  Row& r = m_rows[row];
  r.last = job;
  if (ended(job.state) && !r.ended) jobFinished(row);
  else if (!ended(job.state)) r.ended = false;
  updateRow(row);
  updateButtons();
  emit jobChanged(row);
}

void QueuePanel::jobFinished(int row) {
  Row& r = m_rows[row];
  r.ended = true;
  std::error_code ec;
  std::filesystem::remove(r.snapshotFile, ec);
  r.results = r.last.report ? readReport(*r.last.report) : std::vector<PresetResult>{};
  QStringList outputs;
  for (const std::filesystem::path& p : r.last.outputs) {
    if (std::filesystem::is_regular_file(p, ec)) outputs << QString::fromStdString(p.string());
  }
  if (!busy() && m_wantedConcurrency != m_concurrency) makeQueue();
  updateRow(row);
  emit jobEnded(row, outputs);
}

std::optional<exporting::QueueJob> QueuePanel::job(int row) const {
  if (row < 0 || row >= rowCount()) return std::nullopt;
  return m_rows[row].last;
}

std::vector<PresetResult> QueuePanel::results(int row) const {
  if (row < 0 || row >= rowCount()) return {};
  return m_rows[row].results;
}

QString QueuePanel::statusText(int row) const {
  if (row < 0 || row >= rowCount()) return {};
  const Row& r = m_rows[row];
  QString text = QString::fromLatin1(exporting::queueStateName(r.last.state));
  if (r.last.state == exporting::QueueState::Failed && !r.last.error.empty()) text += QStringLiteral(": ") + firstLine(r.last.error);
  QStringList verified;
  for (const PresetResult& p : r.results) {
    if (p.output.empty()) continue;
    verified << QString::fromStdString(p.presetName) +
                    (p.passed ? QStringLiteral(" ✓ verified") : QStringLiteral(" ✗ verification failed"));
  }
  if (!verified.isEmpty()) text += QStringLiteral(" — ") + verified.join(QStringLiteral(", "));
  return text;
}

void QueuePanel::updateRow(int row) {
  const Row& r = m_rows[row];
  m_table->item(row, ColLabel)->setText(QString::fromStdString(r.spec.label));
  auto* bar = qobject_cast<QProgressBar*>(m_table->cellWidget(row, ColProgress));
  const bool done = r.last.state == exporting::QueueState::Done;
  if (bar) {
    bar->setValue(done ? 1000 : static_cast<int>(std::lround(r.last.percent * 10.0)));
    bar->setFormat(QStringLiteral("%1%").arg(done ? 100.0 : r.last.percent, 0, 'f', 1));
  }
  const bool running = r.last.state == exporting::QueueState::Running;
  m_table->item(row, ColFps)->setText(running && r.last.fps > 0 ? QString::number(r.last.fps, 'f', 1) : QString());
  m_table->item(row, ColEta)->setText(running && r.last.percent > 0 ? etaText(r.last.etaS) : QString());
  auto* status = m_table->item(row, ColStatus);
  status->setText(statusText(row));
  status->setToolTip(QString::fromStdString(r.last.error));
  QColor colour = palette().color(QPalette::Text);
  if (r.last.state == exporting::QueueState::Failed) colour = QColor(0xff, 0x7a, 0x6e);
  else if (done) colour = QColor(0x8f, 0xd1, 0x7a);
  status->setForeground(colour);
}

int QueuePanel::selectedRow() const {
  const auto rows = m_table->selectionModel()->selectedRows();
  return rows.isEmpty() ? -1 : rows.front().row();
}

void QueuePanel::updateButtons() {
  const auto j = job(selectedRow());
  const bool active = j && !ended(j->state);
  m_cancel->setEnabled(active);
  m_retry->setEnabled(j && (j->state == exporting::QueueState::Failed || j->state == exporting::QueueState::Cancelled));
  m_reveal->setEnabled(j.has_value());
  m_report->setEnabled(j && j->report.has_value());
}

bool QueuePanel::busy() const {
  for (const Row& r : m_rows) {
    if (!ended(r.last.state)) return true;
  }
  return false;
}

bool QueuePanel::cancel(int row) {
  if (row < 0 || row >= rowCount() || m_rows[row].generation != m_generation) return false;
  return m_queue->cancel(m_rows[row].coreId);
}

bool QueuePanel::retry(int row) {
  if (row < 0 || row >= rowCount()) return false;
  Row& r = m_rows[row];
  if (r.last.state != exporting::QueueState::Failed && r.last.state != exporting::QueueState::Cancelled) return false;
  if (r.snapshot && !writeSnapshot(*r.snapshot, r.snapshotFile)) return false;
  if (r.generation == m_generation) {
    if (!m_queue->retry(r.coreId)) return false;
  } else {
    r.generation = m_generation;
    r.coreId = m_queue->add(r.spec);
  }
  r.ended = false;
  r.results.clear();
  r.last.state = exporting::QueueState::Queued;
  r.last.percent = 0.0;
  updateRow(row);
  updateButtons();
  return true;
}

void QueuePanel::reveal(int row) {
  if (row < 0 || row >= rowCount()) return;
  m_open(QUrl::fromLocalFile(QString::fromStdString(m_rows[row].outDir.string())));
}

void QueuePanel::openReport(int row) {
  const auto j = job(row);
  if (!j || !j->report) return;
  std::filesystem::path html = *j->report;
  html.replace_extension(".html");
  std::error_code ec;
  m_open(QUrl::fromLocalFile(QString::fromStdString((std::filesystem::exists(html, ec) ? html : *j->report).string())));
}

void QueuePanel::setConcurrency(int jobs) {
  m_wantedConcurrency = std::clamp(jobs, 1, 2);
  if (m_jobs->value() != m_wantedConcurrency) m_jobs->setValue(m_wantedConcurrency);
  if (!busy() && m_wantedConcurrency != m_concurrency) makeQueue();
}

}  // namespace postline::ui::deliver
