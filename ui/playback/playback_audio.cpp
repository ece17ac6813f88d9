#include "ui/playback/playback_audio.h"

#include <algorithm>

#include "core/audio/mix_plan.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

PlaybackAudio::PlaybackAudio(ProjectController& controller, audio::PlaybackEngine::Options options, QObject* parent)
    : QObject(parent), m_controller(controller), m_engine(std::make_unique<audio::PlaybackEngine>(options)) {
  // Edits arrive in bursts (a drag merges many apply() calls): one plan per event-loop turn.
  m_rebuildTimer.setSingleShot(true);
  m_rebuildTimer.setInterval(0);
  connect(&m_rebuildTimer, &QTimer::timeout, this, &PlaybackAudio::replanNow);
  m_scrubTimer.setSingleShot(true);
  m_scrubTimer.setTimerType(Qt::PreciseTimer);
  connect(&m_scrubTimer, &QTimer::timeout, this, &PlaybackAudio::snippetDone);
  connect(&controller, &ProjectController::changed, this, &PlaybackAudio::scheduleRebuild);
  connect(&controller, &ProjectController::projectReplaced, this, &PlaybackAudio::rebuild);
  connect(&controller, &ProjectController::currentSequenceChanged, this, &PlaybackAudio::rebuild);
  rebuild();
}

PlaybackAudio::~PlaybackAudio() {
  m_engine->pause();
  m_engine->setSource(nullptr);
}

void PlaybackAudio::scheduleRebuild() { m_rebuildTimer.start(); }

void PlaybackAudio::replanNow() { replan(true); }

void PlaybackAudio::setMetering(bool on) {
  m_metering = on;
  if (m_mixer) m_mixer->setMetering(on);
}

void PlaybackAudio::rebuild() { replan(false); }

// A change of the project plans the mix again and swaps the plan into the same Mixer (its meters
// and DSP state carry on); another sequence (or project) gets a new Mixer.
void PlaybackAudio::replan(bool keepMixer) {
  m_rebuildTimer.stop();
  std::shared_ptr<const audio::MixPlan> plan;
  if (m_controller.sequence() != nullptr) {
    auto planned = audio::planMix(m_controller.project(), m_controller.currentSequence());
    if (planned.ok()) plan = std::make_shared<const audio::MixPlan>(std::move(planned.value()));
  }
  ++m_builds;
  if (keepMixer && plan && m_mixer && m_mixerSequence == m_controller.currentSequence()) {
    m_mixer->setPlan(std::move(plan));
    return;
  }
  std::shared_ptr<audio::Mixer> next;
  if (plan) {
    next = std::make_shared<audio::Mixer>(std::move(plan));
    next->setMetering(m_metering);  // meters only what the worker renders: playback and scrub snippets
  }
  m_mixer = next;
  m_mixerSequence = m_controller.currentSequence();
  m_engine->setSource(next);  // spliced while playing: heard ~32 ms later, no gap
  emit mixerChanged();
}

void PlaybackAudio::setScrubLengthMs(int ms) { m_scrubMs = std::clamp(ms, 20, 200); }

void PlaybackAudio::scrub(std::int64_t sample) {
  if (m_scrubTimer.isActive()) {
    m_pendingScrub = sample;
    return;
  }
  m_pendingScrub.reset();
  m_engine->play(sample);
  ++m_snippets;
  m_scrubTimer.start(m_scrubMs);
}

void PlaybackAudio::snippetDone() {
  if (m_pendingScrub) {
    const std::int64_t next = *m_pendingScrub;
    m_pendingScrub.reset();
    m_engine->seek(next);
    ++m_snippets;
    m_scrubTimer.start(m_scrubMs);
    return;
  }
  m_engine->pause();
}

void PlaybackAudio::cancelScrub() {
  m_pendingScrub.reset();
  if (m_scrubTimer.isActive()) {
    m_scrubTimer.stop();
    m_engine->pause();
  }
}

}  // namespace postline::ui
