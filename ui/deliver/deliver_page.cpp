// DeliverPage: layout, presets, range and folder. The export flow is in deliver_submit.cpp.
#include "ui/deliver/deliver_page.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

#include "core/time/timecode.h"
#include "ui/controller/project_controller.h"
#include "ui/deliver/delivery_job.h"
#include "ui/deliver/exports_import.h"
#include "ui/deliver/preset_card.h"
#include "ui/deliver/queue_panel.h"
#include "ui/deliver/reframe_view.h"

namespace postline::ui {

DeliverPage::DeliverPage(ProjectController& controller, QWidget* parent)
    : QWidget(parent), m_ctl(controller), m_cli(deliver::defaultCliPath()) {
  setObjectName(QStringLiteral("deliverPage"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  auto* vertical = new QSplitter(Qt::Vertical);
  auto* top = new QSplitter(Qt::Horizontal);
  top->addWidget(buildPresetColumn());
  m_reframe = new deliver::ReframeView(m_ctl);
  top->addWidget(m_reframe);
  top->setStretchFactor(0, 0);
  top->setStretchFactor(1, 1);
  top->setSizes({430, 800});
  m_queue = new deliver::QueuePanel;
  vertical->addWidget(top);
  vertical->addWidget(m_queue);
  vertical->setStretchFactor(0, 3);
  vertical->setStretchFactor(1, 1);
  layout->addWidget(vertical);
  m_importer = new deliver::ExportsImporter(m_ctl, this);
  connect(m_queue, &deliver::QueuePanel::jobEnded, m_importer,
          [this](int, const QStringList& outputs) { m_importer->importFiles(outputs); });
  connect(m_importer, &deliver::ExportsImporter::imported, this, &DeliverPage::exportsImported);
  connect(&m_ctl, &ProjectController::projectReplaced, this, [this] {
    updateSequenceFacts();
    updateRangeText();
    updateDefaultFolder();
  });
  connect(&m_ctl, &ProjectController::fileChanged, this, &DeliverPage::updateDefaultFolder);
  connect(&m_ctl, &ProjectController::currentSequenceChanged, this, [this] {
    updateSequenceFacts();
    updateRangeText();
  });
  connect(&m_ctl, &ProjectController::changed, this, [this] {
    updateSequenceFacts();
    updateRangeText();
  });
  connect(&m_ctl, &ProjectController::inOutChanged, this, &DeliverPage::updateRangeText);
  reloadPresets();
  updateRangeText();
  updateDefaultFolder();
}

DeliverPage::~DeliverPage() = default;

void DeliverPage::setCliPath(const QString& path) { m_cli = path; }
QString DeliverPage::cliPath() const { return m_cli; }

QWidget* DeliverPage::buildPresetColumn() {
  auto* column = new QWidget;
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(QStringLiteral("<b>Presets</b> — tick several to render once and encode to each")));
  auto* cards = new QWidget;
  m_cardLayout = new QVBoxLayout(cards);
  m_cardLayout->setContentsMargins(0, 0, 4, 0);
  m_cardLayout->setSpacing(6);
  auto* scroll = new QScrollArea;
  scroll->setWidget(cards);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(400);
  layout->addWidget(scroll, 1);
  m_presetProblems = new QLabel;
  m_presetProblems->setWordWrap(true);
  m_presetProblems->setStyleSheet(QStringLiteral("color: #ff9c8f;"));
  m_presetProblems->hide();
  layout->addWidget(m_presetProblems);
  layout->addWidget(buildOptions());
  return column;
}

QWidget* DeliverPage::buildOptions() {
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 4, 0, 0);
  auto* range = new QHBoxLayout;
  m_whole = new QRadioButton(QStringLiteral("Whole sequence"));
  m_inOut = new QRadioButton(QStringLiteral("In–out"));
  auto* group = new QButtonGroup(box);
  group->addButton(m_whole);
  group->addButton(m_inOut);
  m_whole->setChecked(true);
  m_rangeText = new QLabel;
  m_rangeText->setObjectName(QStringLiteral("rangeText"));
  range->addWidget(new QLabel(QStringLiteral("Range:")));
  range->addWidget(m_whole);
  range->addWidget(m_inOut);
  range->addWidget(m_rangeText, 1);
  layout->addLayout(range);
  auto* folder = new QHBoxLayout;
  m_folder = new QLineEdit;
  m_folder->setPlaceholderText(QStringLiteral("05_Exports beside the project file"));
  auto* browse = new QPushButton(QStringLiteral("Browse…"));
  folder->addWidget(new QLabel(QStringLiteral("Output:")));
  folder->addWidget(m_folder, 1);
  folder->addWidget(browse);
  layout->addLayout(folder);
  m_export = new QPushButton(QStringLiteral("Export ticked"));
  m_export->setObjectName(QStringLiteral("exportTicked"));
  m_export->setEnabled(false);
  layout->addWidget(m_export);
  connect(m_whole, &QRadioButton::toggled, this, &DeliverPage::updateRangeText);
  connect(m_folder, &QLineEdit::textEdited, this, [this] { m_folderChosen = true; });
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, QStringLiteral("Export folder"), outputFolder());
    if (!dir.isEmpty()) setOutputFolder(dir);
  });
  connect(m_export, &QPushButton::clicked, this, [this] { exportTicked(); });
  return box;
}

void DeliverPage::reloadPresets() {
  std::vector<std::string> problems;
  auto loaded = exporting::loadPresets(&problems);
  m_presets = loaded ? std::move(loaded.value()) : std::vector<exporting::Preset>{};
  // The page's order: web deliveries as a user picks them, then the masters, then the user's own.
  static const std::vector<std::string> order{"youtube-1080p", "youtube-4k", "instagram-feed", "reels",
                                              "linkedin-16x9", "linkedin-1x1", "master-prores", "master-dnxhr"};
  const auto rank = [](const exporting::Preset& p) {
    const auto it = std::find(order.begin(), order.end(), p.id);
    return p.user ? order.size() + 1 : static_cast<std::size_t>(it - order.begin());
  };
  std::stable_sort(m_presets.begin(), m_presets.end(),
                   [&](const exporting::Preset& a, const exporting::Preset& b) { return rank(a) < rank(b); });
  if (!loaded) problems.insert(problems.begin(), loaded.error().message);
  QStringList lines;
  for (const std::string& p : problems) lines << QString::fromStdString(p);
  m_presetProblems->setText(lines.join(QLatin1Char('\n')));
  m_presetProblems->setVisible(!lines.isEmpty());
  rebuildCards();
}

void DeliverPage::rebuildCards() {
  for (deliver::PresetCard* c : m_cards) delete c;
  m_cards.clear();
  while (QLayoutItem* item = m_cardLayout->takeAt(0)) delete item;
  for (const exporting::Preset& p : m_presets) {
    auto* card = new deliver::PresetCard(p);
    m_cardLayout->addWidget(card);
    m_cards.push_back(card);
    connect(card, &deliver::PresetCard::exportNowClicked, this, [this](const QString& id) { exportPreset(id); });
    connect(card, &deliver::PresetCard::tickChanged, this, [this] {
      bool any = false;
      for (const deliver::PresetCard* c : m_cards) any = any || c->isTicked();
      m_export->setEnabled(any);
    });
  }
  m_cardLayout->addStretch(1);
  updateSequenceFacts();
}

deliver::PresetCard* DeliverPage::card(const QString& presetId) const {
  for (deliver::PresetCard* c : m_cards) {
    if (QString::fromStdString(c->preset().id) == presetId) return c;
  }
  return nullptr;
}

void DeliverPage::updateSequenceFacts() {
  const model::Sequence* seq = m_ctl.sequence();
  if (seq == nullptr) return;
  for (deliver::PresetCard* c : m_cards) {
    c->setSequence(seq->settings.width, seq->settings.height, seq->settings.frameRate.fps());
  }
}

void DeliverPage::setRangeChoice(RangeChoice choice) {
  (choice == RangeChoice::InOut ? m_inOut : m_whole)->setChecked(true);
  updateRangeText();
}

DeliverPage::RangeChoice DeliverPage::rangeChoice() const {
  return m_inOut->isChecked() ? RangeChoice::InOut : RangeChoice::WholeSequence;
}

std::optional<time::FrameRange> DeliverPage::exportRange() const {
  const model::Sequence* seq = m_ctl.sequence();
  if (seq == nullptr || rangeChoice() == RangeChoice::WholeSequence) return std::nullopt;
  if (!m_ctl.inPoint() && !m_ctl.outPoint()) return std::nullopt;
  const time::FramePos in = m_ctl.inPoint().value_or(time::FramePos{0});
  const time::FramePos end = m_ctl.outPoint() ? *m_ctl.outPoint() + time::FrameCount{1} : seq->end();
  return time::FrameRange{in, end};
}

void DeliverPage::updateRangeText() {
  const model::Sequence* seq = m_ctl.sequence();
  const bool marks = m_ctl.inPoint() || m_ctl.outPoint();
  m_inOut->setEnabled(marks);
  if (!marks && m_inOut->isChecked()) m_whole->setChecked(true);
  if (seq == nullptr) return m_rangeText->clear();
  const time::FrameRate& rate = seq->settings.frameRate;
  const auto range = exportRange();
  const time::FrameRange r = range.value_or(time::FrameRange{time::FramePos{0}, seq->end()});
  const double seconds = static_cast<double>((r.end - r.start).value) / rate.fps().toDouble();
  m_rangeText->setText(QStringLiteral("%1 – %2 (%3 s)")
                           .arg(QString::fromStdString(time::formatTimecode(r.start, rate)),
                                QString::fromStdString(time::formatTimecode(r.end, rate)))
                           .arg(seconds, 0, 'f', 1));
}

void DeliverPage::setOutputFolder(const QString& folder) {
  m_folder->setText(folder);
  m_folderChosen = !folder.isEmpty();
  if (!m_folderChosen) updateDefaultFolder();
}

QString DeliverPage::outputFolder() const { return m_folder->text(); }

void DeliverPage::updateDefaultFolder() {
  if (m_folderChosen) return;
  const auto& file = m_ctl.filePath();
  m_folder->setText(file.empty() ? QString() : QString::fromStdString((file.parent_path() / "05_Exports").string()));
}

}  // namespace postline::ui
