#include "ui/playback/transport.h"

#include <QAction>
#include <QKeySequence>
#include <algorithm>

#include "ui/controller/project_controller.h"
#include "core/time/rational.h"
#include "ui/playback/playback_clock.h"

namespace postline::ui {

using playback::frameAtSample;
using playback::sampleOfFrame;

Transport::Transport(ProjectController& controller, audio::PlaybackEngine::Options audioOptions, QObject* parent)
    : QObject(parent), m_controller(controller), m_audio(std::make_unique<PlaybackAudio>(controller, audioOptions)) {
  m_tick.setTimerType(Qt::PreciseTimer);
  m_tick.setInterval(4);
  connect(&m_tick, &QTimer::timeout, this, &Transport::tick);
  connect(&controller, &ProjectController::playheadChanged, this, &Transport::onPlayheadChanged);
  connect(&controller, &ProjectController::projectReplaced, this, &Transport::onProjectReplaced);
  connect(&controller, &ProjectController::currentSequenceChanged, this, &Transport::onProjectReplaced);
  buildActions();
}

Transport::~Transport() {
  m_tick.stop();
  m_audio->engine().pause();
}

void Transport::setFrameProvider(FrameProvider* provider) {
  m_provider = provider;
  m_prefetchFrom = -1;
}

void Transport::setFrameSink(FrameSink sink) { m_sink = std::move(sink); }

void Transport::setPrefetchCount(int frames) { m_prefetch = std::clamp(frames, 1, 64); }

time::FrameRate Transport::frameRate() const {
  const model::Sequence* seq = m_controller.sequence();
  return seq ? seq->settings.frameRate : time::FrameRate{};
}

std::int64_t Transport::sequenceEnd() const {
  const model::Sequence* seq = m_controller.sequence();
  return seq ? seq->end().value : 0;
}

std::int64_t Transport::clockSample() const {
  if (m_rate == 0 || m_prerolling) return m_anchorSample;
  if (m_rate == 1) return m_audio->engine().position();
  // samples = ns * 48000 / 1e9 = ns * 6 / 125000
  const auto ns = static_cast<time::Int128>(m_anchorTimer.nsecsElapsed());
  return m_anchorSample + static_cast<std::int64_t>(ns * 6 * m_rate / 125000);
}

void Transport::play() {
  m_inToOut = false;
  setRate(1);
}

void Transport::pause() {
  if (m_rate == 0) return;
  m_tick.stop();
  m_rate = 0;
  m_prerolling = false;
  m_inToOut = false;
  m_audio->engine().pause();
  emit rateChanged(0);
  emit playingChanged(false);
}

void Transport::togglePlay() {
  if (isPlaying()) {
    pause();
  } else {
    play();
  }
}

void Transport::stop() {
  const bool was = isPlaying();
  pause();
  if (was) movePlayhead(m_playStart);
}

void Transport::shuttleForward() { setRate(m_rate <= 0 ? 1 : std::min(m_rate * 2, 8)); }

void Transport::shuttleReverse() { setRate(m_rate >= 0 ? -1 : std::max(m_rate * 2, -8)); }

void Transport::stepForward() {
  pause();
  movePlayhead(std::min(m_controller.playhead().value + 1, sequenceEnd()));
  scrubAudio(m_controller.playhead().value);
}

void Transport::stepBackward() {
  pause();
  movePlayhead(std::max<std::int64_t>(m_controller.playhead().value - 1, 0));
  scrubAudio(m_controller.playhead().value);
}

void Transport::setLooping(bool on) {
  if (on == m_looping) return;
  m_looping = on;
  emit loopingChanged(on);
}

void Transport::toggleLoop() { setLooping(!m_looping); }

void Transport::goToIn() {
  pause();
  m_controller.setPlayhead(time::FramePos{currentRangeMarked().first});
}

void Transport::goToOut() {
  pause();
  m_controller.setPlayhead(time::FramePos{currentRangeMarked().last});
}

void Transport::playInToOut() {
  pause();
  const auto range = currentRangeMarked();
  startAt(range.first, 1);
  m_inToOut = true;
}

void Transport::scrubAudio(qint64 frame) {
  if (isPlaying() || m_controller.sequence() == nullptr) return;
  m_audio->scrub(sampleOfFrame(std::max<qint64>(0, frame), frameRate()));
}

// Starts from the playhead when stopped (from the range's far end when the playhead is at or
// past the end it moves towards); re-anchors the clock where it is when already playing.
void Transport::setRate(int rate) {
  if (rate == m_rate) return;
  if (rate == 0) {
    pause();
    return;
  }
  if (m_rate == 0) {
    const auto range = currentRange();
    std::int64_t from = m_controller.playhead().value;
    if (rate > 0 && (from >= range.last || from < range.first)) from = range.first;
    if (rate < 0 && (from <= range.first || from > range.last)) from = range.last;
    startAt(from, rate);
    return;
  }
  const std::int64_t at = clockSample();
  m_rate = rate;
  if (!m_prerolling) anchorClock(at, rate);
  m_due = -1;
  m_prefetchFrom = -1;
  m_target = -1;
  m_lastShown = -1;
  emit rateChanged(rate);
}

void Transport::startAt(std::int64_t frame, int rate) {
  m_audio->cancelScrub();
  resetCounters();
  const bool was = isPlaying();
  m_playStart = frame;
  m_due = -1;
  m_dueShown = false;
  m_prefetchFrom = -1;
  m_lead = 1;
  m_target = -1;
  m_lastShown = -1;
  m_missStreak = 0;
  m_rate = rate;
  const time::FrameRate fps = frameRate();
  const std::int64_t sample = rate > 0 ? sampleOfFrame(frame, fps) : sampleOfFrame(frame + 1, fps) - 1;
  m_prerolling = m_provider != nullptr;
  if (m_prerolling) {
    m_anchorSample = sample;
    m_provider->prefetch(rate > 0 ? frame : frame - m_prefetch + 1, m_prefetch);
    m_prerollTimer.start();
  } else {
    anchorClock(sample, rate);
  }
  m_tick.start();
  if (!was) emit playingChanged(true);
  emit rateChanged(rate);
}

void Transport::anchorClock(std::int64_t sample, int rate) {
  m_anchorSample = sample;
  m_anchorTimer.start();
  if (rate == 1) {
    m_audio->engine().play(sample);
  } else {
    m_audio->engine().pause();
  }
}

void Transport::movePlayhead(std::int64_t frame) {
  m_ownPlayhead = true;
  m_controller.setPlayhead(time::FramePos{frame});
  m_ownPlayhead = false;
}

// Someone else moved the playhead: a seek while playing, a scrub while paused.
void Transport::onPlayheadChanged(qint64 frame) {
  if (m_ownPlayhead) return;
  if (isPlaying()) {
    const time::FrameRate fps = frameRate();
    const std::int64_t sample = m_rate > 0 ? sampleOfFrame(frame, fps) : sampleOfFrame(frame + 1, fps) - 1;
    if (m_prerolling) {
      m_anchorSample = sample;
    } else {
      anchorClock(sample, m_rate);
    }
    m_due = -1;
    m_prefetchFrom = -1;
    m_target = -1;
    m_lastShown = -1;
  } else if (m_scrubEnabled) {
    scrubAudio(frame);
  }
}

void Transport::onProjectReplaced() { pause(); }

void Transport::resetCounters() {
  m_shown = 0;
  m_avOffsetMs = 0.0;
  m_avOffsetMaxMs = 0.0;
  if (m_dropped != 0) {
    m_dropped = 0;
    emit droppedChanged(0);
  }
}

playback::PlayRange Transport::rangeOf(bool marked) const {
  const auto in = m_controller.inPoint();
  const auto out = m_controller.outPoint();
  return playback::playRange(sequenceEnd(), in ? std::optional(in->value) : std::nullopt,
                             out ? std::optional(out->value) : std::nullopt, marked);
}

playback::PlayRange Transport::currentRange() const { return rangeOf(m_looping || m_inToOut); }

playback::PlayRange Transport::currentRangeMarked() const { return rangeOf(true); }

void Transport::buildActions() {
  auto add = [this](const QString& text, const QKeySequence& key, auto slot) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, slot);
    m_actions.append(action);
    return action;
  };
  add(tr("Play / Pause"), QKeySequence(Qt::Key_Space), &Transport::togglePlay);
  add(tr("Shuttle Reverse"), QKeySequence(Qt::Key_J), &Transport::shuttleReverse);
  add(tr("Pause"), QKeySequence(Qt::Key_K), &Transport::pause);
  add(tr("Shuttle Forward"), QKeySequence(Qt::Key_L), &Transport::shuttleForward);
  add(tr("Previous Frame"), QKeySequence(Qt::Key_Left), &Transport::stepBackward);
  add(tr("Next Frame"), QKeySequence(Qt::Key_Right), &Transport::stepForward);
  add(tr("Play In to Out"), QKeySequence(Qt::ALT | Qt::Key_Slash), &Transport::playInToOut);
  QAction* loop = add(tr("Loop Playback"), QKeySequence(Qt::CTRL | Qt::Key_Slash), &Transport::toggleLoop);
  loop->setCheckable(true);
  connect(this, &Transport::loopingChanged, loop, &QAction::setChecked);
}

}  // namespace postline::ui
