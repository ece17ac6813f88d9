#include "ui/mixer/master_strip.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/edit/audio_mix.h"
#include "ui/controller/project_controller.h"
#include "ui/mixer/level_meter.h"
#include "ui/mixer/mixer_format.h"
#include "ui/mixer/strip_support.h"

namespace postline::ui {

MasterStrip::MasterStrip(ProjectController& controller, QWidget* parent) : QFrame(parent), m_controller(controller) {
  setFrameShape(QFrame::StyledPanel);
  setObjectName("masterStrip");
  setFixedWidth(260);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* title = new QLabel(tr("Master"));
  title->setAlignment(Qt::AlignCenter);
  title->setStyleSheet("font-weight: bold; font-size: 13px; padding: 2px;");
  layout->addWidget(title);
  layout->addWidget(buildBus());
  layout->addWidget(buildFaderArea(), 1);
  m_reset = new QPushButton(tr("Reset meters"));
  m_reset->setObjectName("resetMeters");
  m_reset->setAutoDefault(false);
  layout->addWidget(m_reset);
  connect(m_reset, &QPushButton::clicked, this, &MasterStrip::resetRequested);
  setReading({}, -1);
}

QWidget* MasterStrip::buildBus() {
  auto* box = new QWidget;
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  m_target = new QLabel;
  m_limiter = new QCheckBox(tr("Limiter"));
  m_ceiling = compactSpin(-9, 0, 0.1, 1, " dBTP");
  form->addRow(tr("Target"), m_target);
  form->addRow(m_limiter);
  form->addRow(tr("Ceiling"), m_ceiling);
  connect(m_limiter, &QCheckBox::toggled, this, [this](bool on) {
    model::MixSettings mix = m_mix;
    mix.limiter = on;
    applyMix(mix, on ? tr("Limiter on") : tr("Limiter off"));
  });
  connect(m_ceiling, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    model::MixSettings mix = m_mix;
    mix.ceilingDbtp = v;
    applyMix(mix, tr("Limiter ceiling"));
  });
  return box;
}

QWidget* MasterStrip::buildFaderArea() {
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* row = new QHBoxLayout;
  m_meter = new LevelMeter;
  m_fader = makeFader("masterFader", -480, 240, tr("Master gain (dB; double-click: 0 dB)"), this);
  m_readout = makeMeterReadout();
  row->addWidget(m_meter);
  row->addWidget(m_fader);
  row->addWidget(m_readout, 1);
  layout->addLayout(row, 1);
  m_gainField = compactSpin(-48, 24, 0.5, 1, " dB");
  layout->addWidget(m_gainField);
  connect(m_fader, &QSlider::valueChanged, this, [this](int tenths) {
    model::MixSettings mix = m_mix;
    mix.masterGainDb = tenths / 10.0;
    applyMix(mix, tr("Master gain"), gestureKey(m_fader, "masterFader"));
  });
  closeOnRelease(m_fader, m_controller);
  connect(m_fader, &QSlider::sliderReleased, this, [this] {
    if (const model::Sequence* seq = m_controller.sequence()) refresh(seq->settings.mix);
  });
  connect(m_gainField, &QDoubleSpinBox::valueChanged, this, [this](double db) {
    model::MixSettings mix = m_mix;
    mix.masterGainDb = db;
    applyMix(mix, tr("Master gain"));
  });
  return box;
}

void MasterStrip::refresh(const model::MixSettings& mix) {
  m_mix = mix;
  setQuietly(m_fader, static_cast<int>(std::lround(mix.masterGainDb * 10.0)));
  setQuietly(m_gainField, mix.masterGainDb);
  setQuietly(m_ceiling, mix.ceilingDbtp);
  m_ceiling->setEnabled(mix.limiter);
  {
    const QSignalBlocker block(m_limiter);
    m_limiter->setChecked(mix.limiter);
  }
  m_target->setText(mixfmt::text(mix.targetLufs) + " LUFS");
}

void MasterStrip::setReading(const audio::MeterReading& r, std::int64_t position) {
  m_meter->setReading(r, position);
  const double values[7] = {r.samplePeakDbfs, r.momentaryLufs, r.shortTermLufs, r.integratedLufs,
                            r.loudnessRangeLu, r.truePeakDbtp, r.gainReductionDb};
  bool same = position >= 0;
  for (int i = 0; i < 7; ++i) {
    const double v = mixfmt::shown(values[i]);
    same = same && (v == m_shown[i] || (std::isnan(v) && std::isnan(m_shown[i])));
    m_shown[i] = v;
  }
  if (same) return;
  m_readout->setText(QString("Pk  %1 dBFS\nM   %2 LUFS\nS   %3 LUFS\nI   %4 LUFS\nLRA %5 LU\nTP  %6 dBTP\nGR  %7 dB")
                         .arg(mixfmt::text(m_shown[0]), mixfmt::text(m_shown[1]), mixfmt::text(m_shown[2]),
                              mixfmt::text(m_shown[3]), mixfmt::text(m_shown[4]), mixfmt::text(m_shown[5]),
                              mixfmt::text(m_shown[6])));
}

bool MasterStrip::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_fader && event->type() == QEvent::MouseButtonDblClick) {
    m_controller.closeGesture();
    {
      const QSignalBlocker block(m_fader);
      m_fader->setSliderDown(false);  // the double-click's first press grabbed the handle
    }
    model::MixSettings mix = m_mix;
    mix.masterGainDb = 0.0;
    applyMix(mix, tr("Master gain 0 dB"));
    if (const model::Sequence* seq = m_controller.sequence()) refresh(seq->settings.mix);
    return true;
  }
  return QFrame::eventFilter(watched, event);
}

void MasterStrip::applyMix(const model::MixSettings& mix, const QString& label, const QString& mergeKey) {
  m_controller.apply(edit::setMixSettings(m_controller.project(), m_controller.currentSequence(), mix), label,
                     mergeKey);
}

}  // namespace postline::ui
