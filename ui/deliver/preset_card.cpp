#include "ui/deliver/preset_card.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace postline::ui::deliver {

namespace {

QString number(double v) { return QString::number(v, 'g', 6); }

QString rateText(const time::Rational& r) {
  if (r.den() == 1) return QString::number(r.num());
  return QString::number(static_cast<double>(r.num()) / static_cast<double>(r.den()), 'f', 3);
}

QString codecName(const exporting::VideoPreset& v) {
  QString name = QString::fromStdString(v.codec);
  if (v.codec == "libx264") name = QStringLiteral("H.264");
  else if (v.codec == "libx265") name = QStringLiteral("H.265");
  else if (v.codec == "prores_ks") name = QStringLiteral("ProRes");
  else if (v.codec == "dnxhd") name = QStringLiteral("DNxHR");
  QString profile = QString::fromStdString(v.profile);
  if (profile == QStringLiteral("high") || profile == QStringLiteral("main")) profile[0] = profile[0].toUpper();
  else if (profile == QStringLiteral("hq") || profile == QStringLiteral("dnxhr_hq")) profile = QStringLiteral("422 HQ");
  return profile.isEmpty() ? name : name + QLatin1Char(' ') + profile;
}

QString audioText(const exporting::AudioPreset& a) {
  if (a.codec.rfind("pcm_", 0) == 0) return QStringLiteral("PCM %1 kHz").arg(a.sampleRate / 1000);
  return QStringLiteral("%1 %2 kb/s").arg(QString::fromStdString(a.codec).toUpper()).arg(a.bitrateKbps);
}

}  // namespace

QStringList presetFacts(const exporting::Preset& preset, int seqW, int seqH, const time::Rational& seqFps) {
  const auto [w, h] = preset.frameSize(seqW, seqH);
  const QString size = QStringLiteral("%1×%2").arg(w).arg(h) +
                       (preset.video.width == 0 ? QStringLiteral(" (sequence)") : QString());
  const QString fps = rateText(preset.frameRate(seqFps)) + QStringLiteral(" fps") +
                      (preset.video.fps ? QString() : QStringLiteral(" (sequence)"));
  QString bitrate = QStringLiteral("intra, no bitrate window");
  if (preset.video.maxMbps > 0.0) {
    bitrate = QStringLiteral("%1–%2 Mbit/s").arg(number(preset.video.minMbps), number(preset.video.maxMbps));
  }
  const QString loudness = preset.loudnessLufs
                               ? QStringLiteral("%1 LUFS").arg(number(*preset.loudnessLufs)).replace(QLatin1Char('-'), QChar(0x2212))
                               : QStringLiteral("mix as it is");
  const QString limit = preset.maxDurationS ? QStringLiteral("max %1 s").arg(number(*preset.maxDurationS))
                                            : QStringLiteral("no duration limit");
  return {size + QStringLiteral(" · ") + fps, codecName(preset.video) + QStringLiteral(" · ") + bitrate,
          audioText(preset.audio) + QStringLiteral(" · ") + loudness, limit};
}

PresetCard::PresetCard(exporting::Preset preset, QWidget* parent) : QFrame(parent), m_preset(std::move(preset)) {
  setObjectName(QStringLiteral("presetCard_") + QString::fromStdString(m_preset.id));
  setFrameShape(QFrame::StyledPanel);
  setStyleSheet(QStringLiteral("postline--ui--deliver--PresetCard { border: 1px solid #4a4f57; border-radius: 6px; "
                               "background: #2b2e33; }"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 8, 10, 8);
  layout->setSpacing(4);
  auto* top = new QHBoxLayout;
  m_tick = new QCheckBox(QString::fromStdString(m_preset.name) + (m_preset.user ? QStringLiteral(" (user)") : QString()));
  QFont bold = m_tick->font();
  bold.setBold(true);
  m_tick->setFont(bold);
  m_tick->setToolTip(QStringLiteral("Tick to send with the other ticked presets (rendered once, encoded to each)"));
  m_now = new QPushButton(QStringLiteral("Export now"));
  m_now->setToolTip(QStringLiteral("Queue this preset alone"));
  top->addWidget(m_tick, 1);
  top->addWidget(m_now);
  layout->addLayout(top);
  m_facts = new QLabel;
  m_facts->setObjectName(QStringLiteral("facts"));
  m_facts->setStyleSheet(QStringLiteral("color: #c8ccd2;"));
  layout->addWidget(m_facts);
  connect(m_now, &QPushButton::clicked, this, [this] { emit exportNowClicked(QString::fromStdString(m_preset.id)); });
  connect(m_tick, &QCheckBox::toggled, this, [this] { emit tickChanged(); });
  setSequence(1920, 1080, time::Rational(24));
}

void PresetCard::setSequence(int seqW, int seqH, const time::Rational& seqFps) {
  m_facts->setText(presetFacts(m_preset, seqW, seqH, seqFps).join(QLatin1Char('\n')));
}

bool PresetCard::isTicked() const { return m_tick->isChecked(); }
void PresetCard::setTicked(bool ticked) { m_tick->setChecked(ticked); }
QString PresetCard::factsText() const { return m_facts->text(); }

}  // namespace postline::ui::deliver
