#include "ui/mixer/compressor_section.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "core/edit/audio_mix.h"
#include "ui/controller/project_controller.h"
#include "ui/mixer/mixer_format.h"
#include "ui/mixer/strip_support.h"

namespace postline::ui {

CompressorSection::CompressorSection(ProjectController& controller, model::TrackId track, QWidget* parent)
    : QGroupBox(tr("Compressor"), parent), m_controller(controller), m_track(track) {
  auto* form = new QFormLayout(this);
  form->setContentsMargins(4, 4, 4, 4);
  form->setSpacing(2);
  form->setLabelAlignment(Qt::AlignLeft);
  auto* top = new QHBoxLayout;
  m_on = new QCheckBox(tr("On"));
  auto* preset = new QPushButton(QString::fromUtf8("2:1 @ \u221212"));
  preset->setObjectName("compressorPreset");
  preset->setToolTip(tr("The light compression preset: 2:1 above -12 dBFS"));
  preset->setAutoDefault(false);
  top->addWidget(m_on);
  top->addWidget(preset);
  form->addRow(top);
  m_threshold = compactSpin(-60, 0, 0.5, 1, " dB");
  m_ratio = compactSpin(1, 20, 0.1, 1, ":1");
  m_attack = compactSpin(0.1, 200, 1, 1, " ms");
  m_release = compactSpin(5, 2000, 10, 0, " ms");
  m_makeup = compactSpin(0, 24, 0.5, 1, " dB");
  form->addRow(tr("Thr"), m_threshold);
  form->addRow(tr("Ratio"), m_ratio);
  form->addRow(tr("Att"), m_attack);
  form->addRow(tr("Rel"), m_release);
  form->addRow(tr("Makeup"), m_makeup);
  m_gr = new QLabel(QString::fromUtf8("GR 0.0 dB"));
  m_gr->setStyleSheet("color: #e0b050;");
  form->addRow(m_gr);
  connect(m_on, &QCheckBox::toggled, this, &CompressorSection::editCompressor);
  for (QDoubleSpinBox* s : {m_threshold, m_ratio, m_attack, m_release, m_makeup}) {
    connect(s, &QDoubleSpinBox::valueChanged, this, &CompressorSection::editCompressor);
  }
  connect(preset, &QPushButton::clicked, this, &CompressorSection::applyPreset);
}

void CompressorSection::refresh(const model::Track& track) {
  m_current = track.compressor;
  {
    const QSignalBlocker block(m_on);
    m_on->setChecked(m_current.enabled);
  }
  setQuietly(m_threshold, m_current.thresholdDb);
  setQuietly(m_ratio, m_current.ratio);
  setQuietly(m_attack, m_current.attackMs);
  setQuietly(m_release, m_current.releaseMs);
  setQuietly(m_makeup, m_current.makeupDb);
  for (QDoubleSpinBox* s : {m_threshold, m_ratio, m_attack, m_release, m_makeup}) s->setEnabled(m_current.enabled);
}

void CompressorSection::setGainReduction(double db) {
  const double shown = mixfmt::shown(std::isfinite(db) ? db : 0.0);
  if (shown == m_grShown) return;
  m_grShown = shown;
  m_gr->setText(QString("GR %1 dB").arg(shown, 0, 'f', 1));
}

void CompressorSection::applyPreset() {
  model::Compressor c;  // the model's default is the preset: 2:1 above -12 dBFS
  c.enabled = true;
  m_controller.apply(edit::setTrackCompressor(m_controller.project(), m_controller.currentSequence(), m_track, c),
                     tr("Compressor 2:1 at -12 dB"));
}

void CompressorSection::editCompressor() {
  model::Compressor c = m_current;
  c.enabled = m_on->isChecked();
  c.thresholdDb = m_threshold->value();
  c.ratio = m_ratio->value();
  c.attackMs = m_attack->value();
  c.releaseMs = m_release->value();
  c.makeupDb = m_makeup->value();
  m_controller.apply(edit::setTrackCompressor(m_controller.project(), m_controller.currentSequence(), m_track, c),
                     c.enabled == m_current.enabled ? tr("Compressor") : (c.enabled ? tr("Compressor on") : tr("Compressor off")));
}

}  // namespace postline::ui
