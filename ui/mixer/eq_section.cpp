#include "ui/mixer/eq_section.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/audio/mix_actions.h"
#include "core/edit/audio_mix.h"
#include "ui/controller/project_controller.h"
#include "ui/mixer/background_task.h"
#include "ui/mixer/mixer_format.h"
#include "ui/mixer/strip_support.h"

namespace postline::ui {

namespace {

const char* typeName(model::EqBandType t) {
  switch (t) {
    case model::EqBandType::Peak: return "Peak";
    case model::EqBandType::Notch: return "Notch";
    case model::EqBandType::LowShelf: return "Low shelf";
    case model::EqBandType::HighShelf: return "High shelf";
    case model::EqBandType::HighPass: return "High pass";
    case model::EqBandType::LowPass: return "Low pass";
  }
  return "Peak";
}

bool usesGain(model::EqBandType t) {
  return t == model::EqBandType::Peak || t == model::EqBandType::LowShelf || t == model::EqBandType::HighShelf;
}

QString bandText(const model::EqBand& b) {
  QString t = QString("%1 %2 Hz").arg(typeName(b.type)).arg(b.frequencyHz, 0, 'f', 0);
  if (usesGain(b.type)) t += " " + mixfmt::text(b.gainDb, true);
  t += QString(" Q%1").arg(b.q, 0, 'f', 1);
  return b.enabled ? t : t + " (off)";
}

QPushButton* smallButton(const QString& text) {
  auto* b = new QPushButton(text);
  b->setAutoDefault(false);
  return b;
}

}  // namespace

EqSection::EqSection(ProjectController& controller, model::TrackId track, QWidget* parent)
    : QGroupBox(tr("EQ"), parent), m_controller(controller), m_track(track) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(3);
  m_list = new QListWidget;
  m_list->setFixedHeight(62);
  m_list->setObjectName("eqBands");
  m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_list->setStyleSheet("font-size: 11px;");
  layout->addWidget(m_list);
  layout->addLayout(buildEditors());
  layout->addLayout(buildButtons());
  m_deres = smallButton(QString::fromUtf8("De-resonate 2\u20134 kHz"));
  m_deres->setObjectName("deresonate");
  m_deres->setToolTip(tr("Find a ringing resonance between 2 and 4 kHz in this track and cut it"));
  layout->addWidget(m_deres);
  m_report = new QLabel;
  m_report->setWordWrap(true);
  m_report->setStyleSheet("color: #a8a8b0; font-size: 10px;");
  m_report->hide();
  layout->addWidget(m_report);
  connect(m_list, &QListWidget::currentRowChanged, this, &EqSection::showSelected);
  connect(m_deres, &QPushButton::clicked, this, &EqSection::deresonate);
}

// The selected band's type, on/off, frequency, gain, Q, and "- Band".
QGridLayout* EqSection::buildEditors() {
  auto* grid = new QGridLayout;
  grid->setSpacing(2);
  m_type = new QComboBox;
  for (auto t : {model::EqBandType::Peak, model::EqBandType::Notch, model::EqBandType::LowShelf,
                 model::EqBandType::HighShelf, model::EqBandType::HighPass, model::EqBandType::LowPass}) {
    m_type->addItem(typeName(t), static_cast<int>(t));
  }
  m_enabled = new QCheckBox(tr("on"));
  m_freq = compactSpin(20, 20000, 10, 0, " Hz");
  m_gain = compactSpin(-24, 24, 0.5, 1, " dB");
  m_q = compactSpin(0.1, 100, 0.1, 1, "");
  m_q->setPrefix("Q ");
  auto* remove = smallButton(QString::fromUtf8("\u2212 Band"));
  grid->addWidget(m_type, 0, 0);
  grid->addWidget(m_enabled, 0, 1);
  grid->addWidget(m_freq, 1, 0);
  grid->addWidget(m_gain, 1, 1);
  grid->addWidget(m_q, 2, 0);
  grid->addWidget(remove, 2, 1);
  connect(m_type, &QComboBox::currentIndexChanged, this, &EqSection::editSelected);
  connect(m_enabled, &QCheckBox::toggled, this, &EqSection::editSelected);
  for (QDoubleSpinBox* s : {m_freq, m_gain, m_q}) connect(s, &QDoubleSpinBox::valueChanged, this, &EqSection::editSelected);
  connect(remove, &QPushButton::clicked, this, &EqSection::removeSelected);
  return grid;
}

QHBoxLayout* EqSection::buildButtons() {
  auto* row = new QHBoxLayout;
  auto* addBandButton = smallButton(tr("+ Band"));
  auto* addNotch = smallButton(tr("+ Notch"));
  row->addWidget(addBandButton);
  row->addWidget(addNotch);
  connect(addBandButton, &QPushButton::clicked, this, [this] { addBand(model::EqBandType::Peak); });
  connect(addNotch, &QPushButton::clicked, this, [this] { addBand(model::EqBandType::Notch); });
  return row;
}

void EqSection::refresh(const model::Track& track) {
  m_bands = track.eq;
  const int row = m_list->currentRow();
  const QSignalBlocker block(m_list);
  m_list->clear();
  for (const model::EqBand& b : m_bands) {
    m_list->addItem(bandText(b));
    m_list->item(m_list->count() - 1)->setToolTip(bandText(b) + (usesGain(b.type) ? " dB" : ""));
  }
  m_list->setCurrentRow(std::min(row < 0 ? 0 : row, static_cast<int>(m_bands.size()) - 1));
  showSelected();
}

void EqSection::showSelected() {
  const int row = m_list->currentRow();
  const bool has = row >= 0 && row < static_cast<int>(m_bands.size());
  for (QWidget* w : std::initializer_list<QWidget*>{m_type, m_enabled, m_freq, m_gain, m_q}) w->setEnabled(has);
  if (!has) return;
  const model::EqBand& b = m_bands[static_cast<std::size_t>(row)];
  {
    const QSignalBlocker b1(m_type), b2(m_enabled);
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(b.type)));
    m_enabled->setChecked(b.enabled);
  }
  setQuietly(m_freq, b.frequencyHz);
  setQuietly(m_gain, b.gainDb);
  setQuietly(m_q, b.q);
  m_gain->setEnabled(usesGain(b.type));
}

void EqSection::editSelected() {
  const int row = m_list->currentRow();
  if (row < 0 || row >= static_cast<int>(m_bands.size())) return;
  std::vector<model::EqBand> bands = m_bands;
  model::EqBand& b = bands[static_cast<std::size_t>(row)];
  b.type = static_cast<model::EqBandType>(m_type->currentData().toInt());
  b.enabled = m_enabled->isChecked();
  b.frequencyHz = m_freq->value();
  b.gainDb = m_gain->value();
  b.q = m_q->value();
  applyBands(std::move(bands), tr("EQ band"));
}

void EqSection::addBand(model::EqBandType type) {
  if (static_cast<int>(m_bands.size()) >= model::kMaxEqBands) return;
  model::EqBand b;
  b.type = type;
  if (type == model::EqBandType::Notch) {
    b.frequencyHz = 3000.0;
    b.q = 8.0;
  }
  std::vector<model::EqBand> bands = m_bands;
  bands.push_back(b);
  applyBands(std::move(bands), type == model::EqBandType::Notch ? tr("Add notch") : tr("Add EQ band"));
  m_list->setCurrentRow(static_cast<int>(m_bands.size()) - 1);
}

void EqSection::removeSelected() {
  const int row = m_list->currentRow();
  if (row < 0 || row >= static_cast<int>(m_bands.size())) return;
  std::vector<model::EqBand> bands = m_bands;
  bands.erase(bands.begin() + row);
  applyBands(std::move(bands), tr("Remove EQ band"));
}

void EqSection::applyBands(std::vector<model::EqBand> bands, const QString& label) {
  m_controller.apply(edit::setTrackEq(m_controller.project(), m_controller.currentSequence(), m_track, std::move(bands)),
                     label);
}

void EqSection::deresonate() {
  if (m_busy) return;
  m_busy = true;
  m_deres->setEnabled(false);
  m_deres->setText(tr("Listening\u2026"));
  const auto project = m_controller.snapshot();
  const model::SequenceId seq = m_controller.currentSequence();
  const model::TrackId track = m_track;
  using R = base::Result<audio::MixActionResult>;
  runInBackground<R>(
      this, [project, seq, track] { return audio::deresonate(*project, seq, track); },
      [this](R& r) {
        m_busy = false;
        m_deres->setEnabled(true);
        m_deres->setText(QString::fromUtf8("De-resonate 2\u20134 kHz"));
        QStringList lines;
        if (r.ok()) {
          m_controller.apply(std::move(r.value().changes), tr("De-resonate"));
          for (const auto& l : r.value().report) lines << QString::fromStdString(l);
        } else {
          lines << QString::fromStdString(r.error().message);
        }
        m_report->setText(lines.join('\n'));
        m_report->setToolTip(lines.join('\n'));
        m_report->show();
        emit deresonateFinished(r.ok());
      });
}

QString EqSection::reportText() const { return m_report->text(); }

}  // namespace postline::ui
