#pragma once
// Real-time playback: a mixing worker keeps a lock-free ring filled from a BlockSource and a
// PortAudio device callback drains it. position() is the A/V sync clock.
//
// Threads: the public methods may be called from any one control thread (the UI); the worker owns
// the source and the device; the device callback only copies from the ring, zeroes on underrun
// and advances atomics (no lock, allocation, log or I/O; it runs inside an AudioCallbackScope).
//
// Model changes (setSource) are spliced, not restarted: the worker renders the new source from
// ~(2 device buffers + 1 block) past what the callback is playing (32 ms at the defaults), asks the
// callback to drop the queued frames from there on, and queues the new block in their place, so
// the change is heard after that margin with no gap, no underrun and no jump of the clock. If the
// callback has already passed that point, the queued frames are kept and the change is heard after
// them (at most one ring, 170 ms at the defaults).
//
// Without a device (useDevice false, none present, or it failed) the worker renders in step with
// std::chrono::steady_clock and position() follows it. A device that stops (PortAudio reports the
// stream inactive, or no callback for 0.5 s) is closed; the clock carries on from where the device
// clock would be, and a new device is tried every 2 s on the worker thread (never blocking play or
// pause); when one opens during play, playback restarts on it from the current position.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/audio/block_source.h"
#include "core/audio/spsc_ring.h"

namespace postline::audio {
namespace device {
class AudioOutput;
}

// Pulls sequence audio from a BlockSource to the sound device (or to nowhere, paced by the clock).
class PlaybackEngine {
 public:
  struct Options {
    std::optional<std::string> device;  // device name (see AudioOutput::open); nullopt = default
    int bufferFrames = 256;             // frames per device callback (> 0)
    int ringFrames = 8192;              // ring capacity in frames (raised to hold 4 blocks + 4 buffers)
    int blockFrames = 1024;             // frames per renderBlock call (> 0)
    bool useDevice = true;              // false: never open a device (system clock only)
    bool testDriven = false;            // tests only: no device; renderForTest() is the callback
  };

  explicit PlaybackEngine(Options options);
  ~PlaybackEngine();  // stops the worker and the device
  PlaybackEngine(const PlaybackEngine&) = delete;
  PlaybackEngine& operator=(const PlaybackEngine&) = delete;

  // Sets the audio to play (nullptr = silence); taken by the worker, spliced in while playing.
  void setSource(std::shared_ptr<BlockSource> source);
  // Starts (or restarts) playback at sequence sample fromSample (48 kHz).
  void play(std::int64_t fromSample);
  // Stops playback; position() holds the sample audible at the call.
  void pause();
  // Moves to sequence sample `sample`; keeps playing if playing.
  void seek(std::int64_t sample);
  // True between play() and pause().
  bool playing() const;
  // The sequence sample audible now (48 kHz): from the frames the device consumed minus its output
  // latency, or from steady_clock without a device. Monotonic while playing; held while paused.
  std::int64_t position() const;
  // True while a device stream runs.
  bool hasDevice() const;
  // The running device as "<hostApi>: <name>", or "" without one.
  std::string deviceName() const;
  // Callbacks (since construction) that found the ring short while playing.
  std::uint64_t underruns() const;
  // Device callbacks since construction (all of them, playing or not).
  std::uint64_t callbacks() const;
  // Lowest ring fill (frames) a playing callback found before reading, since construction
  // (ringCapacity() if none yet).
  int ringFillLow() const;
  // Ring capacity in frames.
  int ringCapacity() const { return m_ring.capacity(); }

  // Testing hook: runs the device callback body on the calling thread (interleaved stereo output).
  void renderForTest(float* interleaved, int frames);

 private:
  enum class Clock : int { Held = 0, Device = 1, System = 2 };
  enum class Request : int { Restart = 0, Splice = 1 };

  static void deviceCallback(void* self, float* interleaved, unsigned long frames);
  void onCallback(float* interleaved, int frames);
  void handleRequest();
  void publish(std::int64_t sample, std::int64_t ns, std::int64_t frames);
  void readPublished(std::int64_t& sample, std::int64_t& ns, std::int64_t& frames) const;
  std::int64_t deviceClock(bool capped) const;
  void startLocked(std::int64_t fromSample);

  // Worker side (playback_engine_worker.cpp).
  void workerLoop();
  bool serviceOnce(int& waitMs);
  void doRestart(std::int64_t at, std::uint64_t command);
  void doSwapSource(std::shared_ptr<BlockSource> source);
  bool requestAndWait(Request kind, std::int64_t sample, std::int64_t& ack);
  bool fillRing();
  bool paceSystemClock(int& waitMs);
  void renderInto(std::int64_t start, float* interleaved, int frames);
  void checkDevice();
  void tryOpenDevice();
  void deviceLost(const char* why);
  void closeOutput();
  bool callbackDriven() const;

  Options m_options;
  SpscRing m_ring;

  // Control state (control thread <-> worker), guarded by m_mutex. The callback never touches it.
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::shared_ptr<BlockSource> m_pendingSource;
  bool m_sourceChanged = false;
  bool m_restartPending = false;
  std::int64_t m_restartAt = 0;
  std::uint64_t m_command = 0;  // bumped by every play/pause/seek
  std::string m_deviceName;
  std::atomic<bool> m_quit{false};

  // Worker-owned.
  std::shared_ptr<BlockSource> m_source;
  std::unique_ptr<device::AudioOutput> m_output;
  std::vector<float> m_block;
  std::int64_t m_writeSample = 0;  // next sequence sample the worker renders
  std::int64_t m_nextRetryNs = 0;
  std::uint64_t m_watchCallbacks = 0;
  std::int64_t m_watchNs = 0;
  bool m_reportedNoDevice = false;

  // The clock (any thread reads).
  std::atomic<bool> m_playing{false};
  std::atomic<int> m_clock{0};
  std::atomic<std::int64_t> m_heldSample{0};
  std::atomic<std::int64_t> m_floorSample{0};  // play start: Device clock never reads below it
  std::atomic<std::int64_t> m_anchorSample{0};
  std::atomic<std::int64_t> m_anchorNs{0};
  std::atomic<std::int64_t> m_latencyFrames{0};
  std::atomic<bool> m_deviceLive{false};

  // Worker <-> callback handshake and callback results.
  std::atomic<bool> m_consume{false};  // callback reads the ring (playing and prefilled)
  std::atomic<std::uint32_t> m_requestEpoch{0};
  std::atomic<std::uint32_t> m_ackEpoch{0};
  std::atomic<int> m_requestKind{0};
  std::atomic<std::int64_t> m_requestSample{0};
  std::atomic<std::int64_t> m_ackSample{0};
  std::uint32_t m_cbEpoch = 0;  // callback-only (worker touches it only with no callback running)
  std::int64_t m_cbSample = 0;  // callback-only: sequence sample of the ring's next frame
  std::atomic<std::uint32_t> m_pubSeq{0};  // seqlock over the three published values below
  std::atomic<std::int64_t> m_pubSample{0};
  std::atomic<std::int64_t> m_pubNs{0};
  std::atomic<std::int64_t> m_pubFrames{0};
  std::atomic<std::uint64_t> m_underruns{0};
  std::atomic<std::uint64_t> m_callbacks{0};
  std::atomic<int> m_fillLow{0};

  std::thread m_worker;
};

}  // namespace postline::audio
