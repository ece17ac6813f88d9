#include "ui/mixer/audio_page.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/controller/project_controller.h"
#include "ui/mixer/background_task.h"
#include "ui/mixer/channel_strip.h"
#include "ui/mixer/master_strip.h"
#include "ui/mixer/mix_measurement.h"
#include "ui/mixer/mix_result_dialog.h"
#include "ui/mixer/mixer_format.h"
#include "ui/playback/playback_audio.h"

namespace postline::ui {

namespace {

struct Preset {
  const char* label;
  double lufs;
};
constexpr Preset kPresets[] = {{"\u221214 LUFS \u00b7 social", -14.0},
                               {"\u221216 LUFS \u00b7 streaming", -16.0},
                               {"\u221223 LUFS \u00b7 EBU R128", -23.0},
                               {"\u221224 LUFS \u00b7 ATSC A/85", -24.0}};

std::vector<const model::Track*> audioTracks(const model::Sequence* seq) {
  std::vector<const model::Track*> out;
  if (seq == nullptr) return out;
  for (const model::Track& t : seq->tracks) {
    if (t.kind == model::TrackKind::Audio) out.push_back(&t);
  }
  return out;
}

}  // namespace

AudioPage::AudioPage(ProjectController& controller, PlaybackAudio& audio, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_audio(audio) {
  setObjectName("audioPage");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(buildToolbar());
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* row = new QWidget;
  m_stripRow = new QHBoxLayout(row);
  m_stripRow->setContentsMargins(0, 0, 0, 0);
  m_stripRow->setSpacing(6);
  m_stripRow->addStretch(1);
  m_master = new MasterStrip(controller);
  m_stripRow->addWidget(m_master);
  scroll->setWidget(row);
  layout->addWidget(scroll, 1);

  m_meterTimer.setInterval(kMeterIntervalMs);
  m_meterTimer.setTimerType(Qt::PreciseTimer);
  connect(&m_meterTimer, &QTimer::timeout, this, &AudioPage::pollMeters);
  connect(m_master, &MasterStrip::resetRequested, this, &AudioPage::resetMeters);
  connect(&controller, &ProjectController::changed, this, &AudioPage::refreshStrips);
  connect(&controller, &ProjectController::projectReplaced, this, &AudioPage::rebuildStrips);
  connect(&controller, &ProjectController::currentSequenceChanged, this, &AudioPage::rebuildStrips);
  connect(&audio, &PlaybackAudio::mixerChanged, this, [this] { m_lastPosition = -1; });
  rebuildStrips();
}

AudioPage::~AudioPage() = default;

MixResultDialog* AudioPage::resultDialog() const { return m_dialog.data(); }

QWidget* AudioPage::buildToolbar() {
  auto* bar = new QWidget;
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  m_levels = new QPushButton(tr("Set role levels"));
  m_levels->setObjectName("setRoleLevels");
  m_levels->setToolTip(tr("Dialogue -12 LUFS, music bed -15, SFX peaks -9 dBTP, foley -12 dBTP, ambient -21"));
  m_normalise = new QToolButton;
  m_normalise->setObjectName("normaliseMix");
  m_normalise->setText(tr("Normalise mix to\u2026"));
  m_normalise->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(m_normalise);
  for (const Preset& p : kPresets) {
    const double lufs = p.lufs;
    QAction* action = menu->addAction(QString::fromUtf8(p.label));
    connect(action, &QAction::triggered, this, [this, lufs] { normaliseTo(lufs); });
  }
  m_normalise->setMenu(menu);
  m_status = new QLabel;
  m_status->setObjectName("audioStatus");
  m_status->setStyleSheet("color: #b0b0b8;");
  row->addWidget(m_levels);
  row->addWidget(m_normalise);
  row->addWidget(m_status, 1);
  connect(m_levels, &QPushButton::clicked, this, &AudioPage::setRoleLevels);
  return bar;
}

ChannelStrip* AudioPage::strip(model::TrackId track) const {
  for (ChannelStrip* s : m_strips) {
    if (s->trackId() == track) return s;
  }
  return nullptr;
}

void AudioPage::rebuildStrips() {
  for (ChannelStrip* s : m_strips) delete s;
  m_strips.clear();
  int index = 0;
  for (const model::Track* t : audioTracks(m_controller.sequence())) {
    auto* s = new ChannelStrip(m_controller, *t);
    m_stripRow->insertWidget(index++, s);
    m_strips.push_back(s);
  }
  m_lastPosition = -1;
  refreshStrips();
}

void AudioPage::refreshStrips() {
  const auto tracks = audioTracks(m_controller.sequence());
  bool same = tracks.size() == m_strips.size();
  for (std::size_t i = 0; same && i < tracks.size(); ++i) same = tracks[i]->id == m_strips[i]->trackId();
  if (!same) {
    rebuildStrips();
    return;
  }
  for (std::size_t i = 0; i < tracks.size(); ++i) m_strips[i]->refresh(*tracks[i]);
  if (const model::Sequence* seq = m_controller.sequence()) m_master->refresh(seq->settings.mix);
}

void AudioPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  m_audio.setMetering(true);
  m_meterTimer.start();
  pollMeters();
}

void AudioPage::hideEvent(QHideEvent* event) {
  m_meterTimer.stop();
  m_audio.setMetering(false);
  QWidget::hideEvent(event);
}

// Hands the mixer's latest snapshot (taken on the mixing worker) to the strips.
void AudioPage::pollMeters() {
  const auto mixer = m_audio.mixer();
  if (!mixer) return;
  const audio::MeterSnapshot snap = mixer->meters();
  if (snap.position == m_lastPosition) return;
  m_lastPosition = snap.position;
  ++m_snapshots;
  for (ChannelStrip* s : m_strips) {
    audio::MeterReading reading;  // a track without a reading (no plan yet) shows silence
    for (const auto& [id, r] : snap.tracks) {
      if (id == s->trackId()) reading = r;
    }
    s->setReading(reading, snap.position);
  }
  m_master->setReading(snap.master, snap.position);
}

void AudioPage::resetMeters() {
  if (const auto mixer = m_audio.mixer()) mixer->resetMeters();
  m_lastPosition = -1;
  for (ChannelStrip* s : m_strips) s->setReading({}, -1);
  m_master->setReading({}, -1);
}

void AudioPage::setRoleLevels() {
  if (m_measuring || m_controller.sequence() == nullptr) return;
  m_measuring = true;
  m_status->setText(tr("Measuring every track\u2026"));
  const auto project = m_controller.snapshot();
  const model::SequenceId seq = m_controller.currentSequence();
  runInBackground<MixMeasurement>(
      this, [project, seq] { return measureRoleLevels(*project, seq); },
      [this](MixMeasurement& m) { showResult(tr("Set role levels"), m); });
}

void AudioPage::normaliseTo(double targetLufs) {
  if (m_measuring || m_controller.sequence() == nullptr) return;
  m_measuring = true;
  m_status->setText(tr("Measuring the mix\u2026"));
  const auto project = m_controller.snapshot();
  const model::SequenceId seq = m_controller.currentSequence();
  const QString title = tr("Normalise mix to %1 LUFS").arg(mixfmt::text(targetLufs));
  runInBackground<MixMeasurement>(
      this, [project, seq, targetLufs] { return measureNormalise(*project, seq, targetLufs); },
      [this, title](MixMeasurement& m) { showResult(title, m); });
}

void AudioPage::showResult(const QString& title, const MixMeasurement& m) {
  m_measuring = false;
  if (!m.ok) {
    m_status->setText(title + ": " + QString::fromStdString(m.error));
    emit measured(false);
    return;
  }
  m_status->clear();
  if (m_dialog) m_dialog->deleteLater();
  m_dialog = new MixResultDialog(title, m.before, m.after, m.report, m.warnings, this);
  m_dialog->setAttribute(Qt::WA_DeleteOnClose);
  const model::ChangeSet changes = m.changes;
  connect(m_dialog, &QDialog::accepted, this, [this, changes, title] {
    m_controller.apply(base::Result<model::ChangeSet>(changes), title);
  });
  m_dialog->open();
  emit measured(true);
}

}  // namespace postline::ui
