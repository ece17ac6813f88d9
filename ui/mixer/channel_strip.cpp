#include "ui/mixer/channel_strip.h"

#include <QCheckBox>
#include <QDial>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/audio/mix_actions.h"
#include "core/edit/audio_mix.h"
#include "core/edit/tracks.h"
#include "ui/controller/project_controller.h"
#include "ui/mixer/background_task.h"
#include "ui/mixer/compressor_section.h"
#include "ui/mixer/eq_section.h"
#include "ui/mixer/level_meter.h"
#include "ui/mixer/mixer_format.h"
#include "ui/mixer/strip_support.h"

namespace postline::ui {

namespace {

constexpr int kFaderMin = -600;  // tenths of a dB: the fader's travel is -60 .. +12 dB
constexpr int kFaderMax = 120;

const char* roleName(model::AudioRole r) {
  switch (r) {
    case model::AudioRole::Dialogue: return "Dialogue";
    case model::AudioRole::Sfx: return "SFX";
    case model::AudioRole::Foley: return "Foley";
    case model::AudioRole::Music: return "Music";
    case model::AudioRole::Ambient: return "Ambient";
    case model::AudioRole::None: return "";
  }
  return "";
}

bool hasVolumeKeys(const model::Track& t) {
  return std::any_of(t.clips.begin(), t.clips.end(), [](const model::Clip& c) { return !c.audio.volume.empty(); });
}

QToolButton* flagButton(const QString& text, const QString& colour) {
  auto* b = new QToolButton;
  b->setText(text);
  b->setCheckable(true);
  b->setFixedSize(30, 24);
  b->setStyleSheet("QToolButton:checked { background: " + colour + "; color: black; font-weight: bold; }");
  return b;
}

}  // namespace

QString stripTitle(const model::Track& track) {
  const QString role = roleName(track.role);
  return role.isEmpty() ? QString::fromStdString(track.name)
                        : QString::fromStdString(track.name) + QString::fromUtf8(" \u00b7 ") + role;
}

ChannelStrip::ChannelStrip(ProjectController& controller, const model::Track& track, QWidget* parent)
    : QFrame(parent), m_controller(controller), m_track(track.id), m_role(track.role),
      m_name(QString::fromStdString(track.name)) {
  setFrameShape(QFrame::StyledPanel);
  setObjectName("channelStrip_" + m_name);
  setFixedWidth(196);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  auto* title = new QLabel(stripTitle(track));
  title->setAlignment(Qt::AlignCenter);
  title->setStyleSheet("font-weight: bold; font-size: 13px; padding: 2px;");
  layout->addWidget(title);
  m_eq = new EqSection(controller, m_track);
  layout->addWidget(m_eq);
  m_comp = new CompressorSection(controller, m_track);
  layout->addWidget(m_comp);
  layout->addWidget(buildDuck(track));
  layout->addWidget(buildPan());
  layout->addWidget(buildFaderArea(), 1);
  layout->addWidget(buildButtons());
  refresh(track);
}

QWidget* ChannelStrip::buildDuck(const model::Track& track) {
  auto* box = new QWidget;
  box->setFixedHeight(28);  // a blank row on other roles keeps the meters of all strips aligned
  if (track.role != model::AudioRole::Music && track.role != model::AudioRole::Ambient) return box;
  auto* row = new QHBoxLayout(box);
  row->setContentsMargins(0, 0, 0, 0);
  m_duck = new QCheckBox(tr("Duck"));
  m_duck->setObjectName("duck");
  m_duck->setToolTip(tr("Dip this track under the dialogue (volume keys on its clips)"));
  m_duckDepth = compactSpin(-24, -1, 1, 0, " dB");
  m_duckDepth->setValue(-9.0);
  m_duckDepth->setButtonSymbols(QAbstractSpinBox::UpDownArrows);
  m_duckDepth->setToolTip(tr("Ducking depth"));
  row->addWidget(m_duck);
  row->addWidget(m_duckDepth);
  connect(m_duck, &QCheckBox::toggled, this, &ChannelStrip::duckToggled);
  connect(m_duckDepth, &QDoubleSpinBox::valueChanged, this, [this] {
    if (m_duck->isChecked()) duckToggled(true);
  });
  return box;
}

QWidget* ChannelStrip::buildPan() {
  auto* box = new QWidget;
  auto* row = new QHBoxLayout(box);
  row->setContentsMargins(0, 0, 0, 0);
  m_pan = new QDial;
  m_pan->setRange(-100, 100);
  m_pan->setFixedSize(40, 40);
  m_pan->setToolTip(tr("Pan (double-click: centre)"));
  m_pan->installEventFilter(this);
  m_panLabel = new QLabel("C");
  m_panLabel->setMinimumWidth(40);
  row->addWidget(new QLabel(tr("Pan")));
  row->addWidget(m_pan);
  row->addWidget(m_panLabel, 1);
  connect(m_pan, &QDial::valueChanged, this, &ChannelStrip::panMoved);
  closeOnRelease(m_pan, m_controller);
  connect(m_pan, &QDial::sliderReleased, this, &ChannelStrip::refreshFromModel);
  return box;
}

QWidget* ChannelStrip::buildFaderArea() {
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* row = new QHBoxLayout;
  m_meter = new LevelMeter;
  m_fader = makeFader("fader", kFaderMin, kFaderMax, tr("Fader (dB; double-click: 0 dB)"), this);
  m_readout = makeMeterReadout();
  row->addWidget(m_meter);
  row->addWidget(m_fader);
  row->addWidget(m_readout, 1);
  layout->addLayout(row, 1);
  m_faderField = compactSpin(-96, 12, 0.5, 1, " dB");
  m_faderField->setObjectName("faderField");
  layout->addWidget(m_faderField);
  connect(m_fader, &QSlider::valueChanged, this, &ChannelStrip::faderMoved);
  closeOnRelease(m_fader, m_controller);
  connect(m_fader, &QSlider::sliderReleased, this, &ChannelStrip::refreshFromModel);
  connect(m_faderField, &QDoubleSpinBox::valueChanged, this, [this](double db) { setFaderDb(db, {}); });
  setReading({}, -1);
  return box;
}

QWidget* ChannelStrip::buildButtons() {
  auto* box = new QWidget;
  auto* row = new QHBoxLayout(box);
  row->setContentsMargins(0, 0, 0, 0);
  m_mute = flagButton("M", "#e0a040");
  m_solo = flagButton("S", "#60c0e0");
  m_mute->setToolTip(tr("Mute"));
  m_solo->setToolTip(tr("Solo"));
  row->addStretch(1);
  row->addWidget(m_mute);
  row->addWidget(m_solo);
  row->addStretch(1);
  connect(m_mute, &QToolButton::toggled, this, [this](bool on) { setFlag(true, on); });
  connect(m_solo, &QToolButton::toggled, this, [this](bool on) { setFlag(false, on); });
  return box;
}

void ChannelStrip::refresh(const model::Track& track) {
  setQuietly(m_fader, static_cast<int>(std::lround(std::clamp(track.volumeDb, -60.0, 12.0) * 10.0)));
  setQuietly(m_faderField, track.volumeDb);
  setQuietly(m_pan, static_cast<int>(std::lround(track.pan * 100.0)));
  const int pan = static_cast<int>(std::lround(track.pan * 100.0));
  m_panLabel->setText(pan == 0 ? "C" : (pan < 0 ? QString("L%1").arg(-pan) : QString("R%1").arg(pan)));
  for (auto [button, on] : {std::pair{m_mute, track.muted}, std::pair{m_solo, track.solo}}) {
    const QSignalBlocker block(button);
    button->setChecked(on);
  }
  if (m_duck != nullptr && !m_duckBusy) {
    const QSignalBlocker block(m_duck);
    m_duck->setChecked(hasVolumeKeys(track));
  }
  m_eq->refresh(track);
  m_comp->refresh(track);
}

void ChannelStrip::setReading(const audio::MeterReading& r, std::int64_t position) {
  m_meter->setReading(r, position);
  m_comp->setGainReduction(r.gainReductionDb);
  const double pk = mixfmt::shown(r.samplePeakDbfs), m = mixfmt::shown(r.momentaryLufs),
               s = mixfmt::shown(r.shortTermLufs);
  if (position >= 0 && pk == m_peakShown && m == m_momentaryShown && s == m_shortTermShown) return;
  m_peakShown = pk;
  m_momentaryShown = m;
  m_shortTermShown = s;
  m_readout->setText(QString("Pk %1\nM  %2\nS  %3").arg(mixfmt::text(pk), mixfmt::text(m), mixfmt::text(s)));
}

double ChannelStrip::faderShown() const { return m_faderField->value(); }

bool ChannelStrip::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonDblClick) {
    if (watched == m_fader || watched == m_pan) {
      m_controller.closeGesture();
      auto* slider = static_cast<QAbstractSlider*>(watched);
      {
        const QSignalBlocker block(slider);
        slider->setSliderDown(false);  // the double-click's first press grabbed the handle
      }
      if (watched == m_fader) {
        setFaderDb(0.0, {});
      } else {
        m_controller.apply(edit::setTrackPan(m_controller.project(), m_controller.currentSequence(), m_track, 0.0),
                           tr("Pan %1 centre").arg(m_name));
      }
      refreshFromModel();
      return true;
    }
  }
  return QFrame::eventFilter(watched, event);
}

void ChannelStrip::refreshFromModel() {
  const model::Sequence* seq = m_controller.sequence();
  if (const model::Track* t = seq != nullptr ? seq->findTrack(m_track) : nullptr) refresh(*t);
}

void ChannelStrip::faderMoved(int tenths) {
  setFaderDb(tenths / 10.0, gestureKey(m_fader, "fader:" + QString::number(m_track.value)));
}

void ChannelStrip::setFaderDb(double db, const QString& mergeKey) {
  m_controller.apply(edit::setTrackFader(m_controller.project(), m_controller.currentSequence(), m_track, db),
                     tr("Fader %1").arg(m_name), mergeKey);
}

void ChannelStrip::panMoved(int percent) {
  m_controller.apply(
      edit::setTrackPan(m_controller.project(), m_controller.currentSequence(), m_track, percent / 100.0),
      tr("Pan %1").arg(m_name), gestureKey(m_pan, "pan:" + QString::number(m_track.value)));
}

void ChannelStrip::setFlag(bool mute, bool on) {
  const auto flag = mute ? edit::TrackFlag::Mute : edit::TrackFlag::Solo;
  m_controller.apply(edit::setTrackFlag(m_controller.project(), m_controller.currentSequence(), m_track, flag, on),
                     (mute ? (on ? tr("Mute %1") : tr("Unmute %1")) : (on ? tr("Solo %1") : tr("Unsolo %1"))).arg(m_name));
}

void ChannelStrip::duckToggled(bool on) {
  const model::SequenceId seq = m_controller.currentSequence();
  if (!on) {
    m_controller.apply(edit::clearVolumeKeys(m_controller.project(), seq, m_track), tr("Duck off %1").arg(m_name));
    return;
  }
  if (m_duckBusy) return;
  m_duckBusy = true;
  audio::DuckOptions options;
  options.depthDb = m_duckDepth->value();
  options.ambient = m_role == model::AudioRole::Ambient;
  const auto project = m_controller.snapshot();
  const model::TrackId track = m_track;
  using R = base::Result<audio::MixActionResult>;
  runInBackground<R>(
      this, [project, seq, options] { return audio::autoDuck(*project, seq, options); },
      [this, track](R& r) {
        m_duckBusy = false;
        bool ok = r.ok();
        if (ok) {
          ok = m_controller.apply(edit::clipChangesOnTrack(r.value().changes, track), tr("Duck %1").arg(m_name));
        } else {
          m_controller.apply(r.error(), tr("Duck %1").arg(m_name));  // reports the error
        }
        refreshFromModel();
        emit duckFinished(ok);
      });
}

}  // namespace postline::ui
