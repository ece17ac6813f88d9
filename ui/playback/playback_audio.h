#pragma once
// The editor's sound: a PlaybackEngine (the A/V clock; PortAudio, or steady_clock without a device)
// fed by the current sequence's Mixer (one per sequence: a project change swaps a new plan into it,
// so its live meters carry on; metering is on, so playback and scrub snippets are metered), plus
// audio scrubbing (a short snippet of the mix at a frame, rate-limited).
#include <QObject>
#include <QTimer>
#include <cstdint>
#include <memory>
#include <optional>

#include "core/audio/mixer.h"
#include "core/audio/playback_engine.h"

namespace postline::ui {

class ProjectController;

class PlaybackAudio : public QObject {
  Q_OBJECT

 public:
  // Builds the engine with `options` (useDevice false: system clock only) and the first mix.
  PlaybackAudio(ProjectController& controller, audio::PlaybackEngine::Options options, QObject* parent = nullptr);
  ~PlaybackAudio() override;

  audio::PlaybackEngine& engine() { return *m_engine; }
  const audio::PlaybackEngine& engine() const { return *m_engine; }
  // The mix the engine plays now (nullptr without a sequence); the same object across edits of one
  // sequence (a new plan is swapped in), a new one for another sequence or project.
  std::shared_ptr<audio::Mixer> mixer() const { return m_mixer; }
  // Mix plans built since construction (1 + one per coalesced project change).
  int mixBuilds() const { return m_builds; }

  // Plans the current sequence's mix again now into a new Mixer and splices it into the engine.
  void rebuild();
  // Plays `lengthMs` (default 60) of the mix from sequence sample `sample`, then pauses. While a
  // snippet plays, newer requests wait and only the latest plays next (at most one per snippet).
  void scrub(std::int64_t sample);
  // Drops a pending or playing snippet (playback takes the engine over).
  void cancelScrub();
  bool scrubbing() const { return m_scrubTimer.isActive(); }
  // Snippets played since construction.
  int scrubSnippets() const { return m_snippets; }
  void setScrubLengthMs(int ms);
  // Live meters on the mix (off by default: metering every track costs the mixing worker CPU that
  // nobody reads while the Audio page is hidden). Kept across plans and mixers.
  void setMetering(bool on);
  bool metering() const { return m_metering; }

 signals:
  // mixer() was replaced by another object (meters panels rebind).
  void mixerChanged();

 private:
  void scheduleRebuild();
  void replanNow();
  void replan(bool keepMixer);
  void snippetDone();

  ProjectController& m_controller;
  std::unique_ptr<audio::PlaybackEngine> m_engine;
  std::shared_ptr<audio::Mixer> m_mixer;
  model::SequenceId m_mixerSequence;
  bool m_metering = false;
  QTimer m_rebuildTimer;
  QTimer m_scrubTimer;
  std::optional<std::int64_t> m_pendingScrub;
  int m_scrubMs = 60;
  int m_builds = 0;
  int m_snippets = 0;
};

}  // namespace postline::ui
