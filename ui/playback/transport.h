#pragma once
// The editor's transport: play/pause, J/K/L shuttle, frame steps, loop and play in-to-out over the
// ProjectController's program playhead, on the audio clock (PlaybackAudio's engine; at rates other
// than 1x forward, the system clock without sound).
//
// While playing, a precise timer (every 4 ms) reads the clock, takes the frame due now from the
// FrameProvider if it is ready, hands it to the FrameSink and moves the controller's playhead to it
// (the timeline follows). A due frame that was never shown before the next one fell due is counted
// as dropped (never shown late). Rendering and decoding stay on the provider's thread; the UI
// thread never waits for a frame.
//
// Keys (actions()): Space play/pause, L/J forward/reverse shuttle (1x, 2x, 4x, 8x), K pause,
// Left/Right step one frame, Ctrl+/ loop on/off, Alt+/ play in to out.
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <cstdint>
#include <memory>

#include "core/audio/playback_engine.h"
#include "core/time/frame_rate.h"
#include "ui/playback/frame_provider.h"
#include "ui/playback/playback_audio.h"
#include "ui/playback/playback_clock.h"

class QAction;

namespace postline::ui {

class ProjectController;

class Transport : public QObject {
  Q_OBJECT

 public:
  // `audioOptions`: the engine's (useDevice false: never open a sound device).
  explicit Transport(ProjectController& controller, audio::PlaybackEngine::Options audioOptions = {},
                     QObject* parent = nullptr);
  ~Transport() override;

  // Where frames come from (not owned; nullptr: playback only moves the playhead).
  void setFrameProvider(FrameProvider* provider);
  // Plays through the viewers' RenderService (not owned; it must outlive the transport).
  void setRenderService(RenderService* service);
  // Where frames go (the program viewer's showImage).
  void setFrameSink(FrameSink sink);
  // Frames kept rendered ahead of the due one (default 6). When the renderer is slower than real
  // time (3 asked-for frames in a row not ready when due, or a shown frame that took longer than a
  // frame period to render), the transport switches to sparse mode: it asks for one frame far
  // enough ahead (twice the render time) and waits for it, so a slow renderer still shows some
  // frames on time instead of always finishing ones that are already late.
  void setPrefetchCount(int frames);

  bool isPlaying() const { return m_rate != 0; }
  // 0 paused; 1, 2, 4, 8 forward; -1, -2, -4, -8 reverse.
  int rate() const { return m_rate; }
  bool looping() const { return m_looping; }
  // Frames due but never shown since play started (counted at +-1x only).
  int droppedFrames() const { return m_dropped; }
  // Frames handed to the sink since play started.
  int framesShown() const { return m_shown; }
  // The last shown frame: how long after its due time it was shown (ms; within one frame = in sync).
  double avOffsetMs() const { return m_avOffsetMs; }
  // The largest avOffsetMs() since play started.
  double avOffsetMaxMs() const { return m_avOffsetMaxMs; }
  // True while play waits (up to 2 s) for its first frames before the clock starts.
  bool prerolling() const { return m_prerolling; }
  // The clock position now (48 kHz sequence samples).
  std::int64_t clockSample() const;
  PlaybackAudio& audio() { return *m_audio; }
  // Scrub audio on playhead changes while paused (default on).
  void setScrubAudioEnabled(bool on) { m_scrubEnabled = on; }
  // The transport's actions with their shortcuts (add them to the main window).
  QList<QAction*> actions() const { return m_actions; }

 public slots:
  void play();
  void pause();
  void togglePlay();
  // Pauses and returns the playhead to where playback started.
  void stop();
  // L: 1x forward, then 2x, 4x, 8x.
  void shuttleForward();
  // J: 1x reverse, then 2x, 4x, 8x.
  void shuttleReverse();
  void stepForward();
  void stepBackward();
  void setLooping(bool on);
  void toggleLoop();
  // Pauses and moves the playhead to the in mark (the start without one).
  void goToIn();
  // Pauses and moves the playhead to the out mark (the last frame without one).
  void goToOut();
  // Plays from the in mark (or 0) and stops at the out mark (or the end), included.
  void playInToOut();
  // Plays a ~60 ms snippet of the mix at `frame` (rate-limited); ignored while playing.
  void scrubAudio(qint64 frame);

 signals:
  void playingChanged(bool playing);
  void droppedChanged(int dropped);
  void rateChanged(int rate);
  void loopingChanged(bool on);

 private:
  void setRate(int rate);
  void startAt(std::int64_t frame, int rate);
  void anchorClock(std::int64_t sample, int rate);
  void tick();
  bool prerollDone();
  bool handleBounds(std::int64_t due);
  void noteDue(std::int64_t due);
  void tryShow(std::int64_t due, std::int64_t sample);
  void keepPrefetching(std::int64_t due);
  void adaptLead(std::int64_t due);
  void sparsePrefetch(std::int64_t due, std::int64_t last);
  void movePlayhead(std::int64_t frame);
  void onPlayheadChanged(qint64 frame);
  void onProjectReplaced();
  void resetCounters();
  playback::PlayRange rangeOf(bool marked) const;
  playback::PlayRange currentRange() const;
  playback::PlayRange currentRangeMarked() const;
  bool wrapOrEnd(std::int64_t restart);
  void buildActions();
  time::FrameRate frameRate() const;
  std::int64_t sequenceEnd() const;

  ProjectController& m_controller;
  std::unique_ptr<PlaybackAudio> m_audio;
  std::unique_ptr<FrameProvider> m_ownedProvider;
  FrameProvider* m_provider = nullptr;
  FrameSink m_sink;
  QTimer m_tick;
  QElapsedTimer m_anchorTimer;
  QElapsedTimer m_prerollTimer;
  QList<QAction*> m_actions;

  int m_rate = 0;
  int m_prefetch = 6;
  bool m_looping = false;
  bool m_inToOut = false;
  bool m_prerolling = false;
  bool m_ownPlayhead = false;
  bool m_scrubEnabled = true;
  std::int64_t m_anchorSample = 0;    // system clock: sample at m_anchorTimer's start
  std::int64_t m_playStart = 0;       // frame play started at (stop() returns there)
  std::int64_t m_due = -1;            // the frame due at the last tick (-1: none yet)
  bool m_dueShown = false;
  bool m_dueMissed = false;           // the due frame was looked for on a tick and was not ready
  std::int64_t m_prefetchFrom = -1;
  int m_lead = 1;                     // 1x: > 1 = sparse mode, one frame asked for m_lead frames ahead
  std::int64_t m_target = -1;         // sparse mode: first frame of the window asked for (-1: none)
  std::int64_t m_targetEnd = -1;      // sparse mode: last frame of that window (included)
  std::int64_t m_lastShown = -1;      // the last frame handed to the sink
  double m_renderMs = 0.0;            // render time of the last frame shown
  int m_missStreak = 0;               // asked-for due frames not ready in a row
  int m_dropped = 0;
  int m_shown = 0;
  double m_avOffsetMs = 0.0;
  double m_avOffsetMaxMs = 0.0;
};

}  // namespace postline::ui
