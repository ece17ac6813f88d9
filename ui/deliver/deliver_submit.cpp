// DeliverPage: from ticked presets to queued jobs (a saved project, the duration limits, one job per
// reframe mode, the project snapshot the job reads).
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <filesystem>

#include "ui/controller/project_controller.h"
#include "ui/deliver/deliver_page.h"
#include "ui/deliver/delivery_job.h"
#include "ui/deliver/preset_card.h"
#include "ui/deliver/queue_panel.h"
#include "ui/deliver/reframe_view.h"

namespace postline::ui {

using deliver::OverLimitChoice;

std::vector<int> DeliverPage::exportTicked() {
  std::vector<exporting::Preset> ticked;
  for (const deliver::PresetCard* c : m_cards) {
    if (c->isTicked()) ticked.push_back(c->preset());
  }
  return submit(std::move(ticked));
}

std::vector<int> DeliverPage::exportPreset(const QString& presetId) {
  const deliver::PresetCard* c = card(presetId);
  if (c == nullptr) return {};
  return submit({c->preset()});
}

bool DeliverPage::ensureSaved() {
  if (!m_ctl.filePath().empty()) return true;
  const auto answer = QMessageBox::question(
      this, QStringLiteral("Save before exporting"),
      QStringLiteral("The export reads the project from disk, and this project has never been saved. Save it now?"),
      QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
  if (answer != QMessageBox::Save) return false;
  QString file = QFileDialog::getSaveFileName(this, QStringLiteral("Save Project"), m_ctl.displayName() + ".postline",
                                              QStringLiteral("Postline project (*.postline)"));
  if (file.isEmpty()) return false;
  if (!file.endsWith(QStringLiteral(".postline"))) file += QStringLiteral(".postline");
  if (auto saved = m_ctl.saveAs(file.toStdString()); !saved) {
    QMessageBox::warning(this, QStringLiteral("Save failed"), QString::fromStdString(saved.error().message));
    return false;
  }
  return true;
}

// Asks what to do when the range is longer than a ticked preset allows: `overLimit` receives the choice.
bool DeliverPage::checkLimits(const std::vector<exporting::Preset>& presets, int& overLimit) {
  overLimit = static_cast<int>(OverLimitChoice::Refuse);
  const model::Sequence* seq = m_ctl.sequence();
  const auto range = exportRange();
  const time::FrameRange r = range.value_or(time::FrameRange{time::FramePos{0}, seq->end()});
  const double seconds = static_cast<double>((r.end - r.start).value) / seq->settings.frameRate.fps().toDouble();
  const auto over = deliver::overLimitPresets(presets, seconds);
  if (over.empty()) return true;
  QStringList lines;
  for (const exporting::Preset& p : over) {
    lines << QStringLiteral("%1 allows at most %2 s").arg(QString::fromStdString(p.name)).arg(*p.maxDurationS, 0, 'f', 1);
  }
  QMessageBox box(QMessageBox::Warning, QStringLiteral("Over the platform limit"),
                  QStringLiteral("The range is %1 s.\n%2.").arg(seconds, 0, 'f', 1).arg(lines.join(QStringLiteral(";\n"))),
                  QMessageBox::NoButton, this);
  box.setObjectName(QStringLiteral("overLimitDialog"));
  QPushButton* anyway = box.addButton(QStringLiteral("Export anyway"), QMessageBox::AcceptRole);
  QPushButton* trim = box.addButton(QStringLiteral("Trim to limit"), QMessageBox::AcceptRole);
  QPushButton* cancel = box.addButton(QMessageBox::Cancel);
  anyway->setObjectName(QStringLiteral("exportAnyway"));
  trim->setObjectName(QStringLiteral("trimToLimit"));
  box.setDefaultButton(cancel);
  box.exec();
  if (box.clickedButton() == anyway) overLimit = static_cast<int>(OverLimitChoice::Export);
  else if (box.clickedButton() == trim) overLimit = static_cast<int>(OverLimitChoice::Trim);
  else return false;
  return true;
}

std::vector<int> DeliverPage::submit(std::vector<exporting::Preset> presets) {
  const model::Sequence* seq = m_ctl.sequence();
  if (presets.empty() || seq == nullptr) return {};
  if (!ensureSaved()) return {};
  int overLimit = 0;
  if (!checkLimits(presets, overLimit)) return {};
  // Presets of a letterboxed aspect go in a job of their own (--reframe applies to a whole job).
  std::vector<exporting::Preset> cropped, boxed;
  for (exporting::Preset& p : presets) {
    const bool box = m_reframe->letterbox(deliver::presetAspect(p, seq->settings.width, seq->settings.height));
    (box ? boxed : cropped).push_back(std::move(p));
  }
  std::vector<int> rows;
  for (const auto& [group, letterbox] : {std::pair{&cropped, false}, std::pair{&boxed, true}}) {
    if (group->empty()) continue;
    if (auto row = queueGroup(*group, letterbox, overLimit)) rows.push_back(*row);
  }
  return rows;
}

std::optional<int> DeliverPage::queueGroup(const std::vector<exporting::Preset>& presets, bool letterbox, int overLimit) {
  const model::Sequence* seq = m_ctl.sequence();
  deliver::DeliveryRequest request;
  request.presets = presets;
  request.sequenceName = seq->name;
  request.range = exportRange();
  request.reframe = letterbox ? exporting::ReframeMode::Letterbox : exporting::ReframeMode::Auto;
  request.overLimit = static_cast<OverLimitChoice>(overLimit);
  request.outDir = outputFolder().isEmpty() ? m_ctl.filePath().parent_path() / "05_Exports"
                                            : std::filesystem::path(outputFolder().toStdString());
  std::filesystem::path snapshotFile;
  std::error_code ec;
  do {
    snapshotFile = deliver::snapshotPath(m_ctl.filePath(), ++m_jobCounter);
  } while (std::filesystem::exists(snapshotFile, ec));
  const auto snapshot = m_ctl.snapshot();
  if (auto written = deliver::writeSnapshot(*snapshot, snapshotFile); !written) {
    QMessageBox::warning(this, QStringLiteral("Export"),
                         QStringLiteral("The project could not be written for the export: ") +
                             QString::fromStdString(written.error().message));
    return std::nullopt;
  }
  exporting::JobSpec spec;
  spec.label = (deliver::requestLabel(request) + (letterbox ? QStringLiteral(" (letterbox)") : QString())).toStdString();
  spec.argv = deliver::lowPriority(deliver::exportArgv(m_cli.toStdString(), snapshotFile, request, seq->settings.frameRate));
  const int row = m_queue->addJob(std::move(spec), snapshot, snapshotFile, request.outDir);
  emit jobQueued(row);
  return row;
}

}  // namespace postline::ui
