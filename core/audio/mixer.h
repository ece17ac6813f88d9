#pragma once
// The mixer graph of one sequence: every audio track (TrackBus) summed into the master bus, master
// gain, the true-peak limiter, a NaN/Inf guard; live meters per track and on the master. The same
// object feeds playback (through BlockSource on the mixing worker) and offline renders.
#include <atomic>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/audio/block_source.h"
#include "core/audio/dsp/limiter.h"
#include "core/audio/loudness/meter.h"
#include "core/audio/mix_plan.h"
#include "core/audio/track_bus.h"

namespace postline::audio {

// One meter's readings (LUFS / LU / dBFS / dBTP; -inf for silence). Integrated, range and the
// peaks cover everything metered since metering started or resetMeters().
struct MeterReading {
  double momentaryLufs = -HUGE_VAL;
  double shortTermLufs = -HUGE_VAL;
  double integratedLufs = -HUGE_VAL;
  double loudnessRangeLu = 0.0;
  double samplePeakDbfs = -HUGE_VAL;
  double truePeakDbtp = -HUGE_VAL;
  double gainReductionDb = 0.0;         // compressor (tracks) or limiter (master), >= 0, now
};

// Readings of all meters at one moment.
struct MeterSnapshot {
  std::int64_t position = 0;            // sequence sample after the last block metered
  std::vector<std::pair<model::TrackId, MeterReading>> tracks;   // post-fader
  MeterReading master;                  // after the limiter
};

class Mixer : public BlockSource {
 public:
  // The graph's block: it always runs on these many samples at multiples of it on the timeline.
  static constexpr int kMaxBlock = 1024;

  explicit Mixer(std::shared_ptr<const MixPlan> plan);
  ~Mixer() override;

  // Swaps in a new plan (any thread); it is heard from the next graph block (the next multiple of
  // kMaxBlock not yet rendered: at most ~21 ms later), keeping the readers and DSP state of tracks
  // and clips whose sound did not change.
  void setPlan(std::shared_ptr<const MixPlan> plan);
  // Interleaved stereo for sequence samples [start, start + frames). Consecutive calls continue
  // the DSP state, and the result does not depend on how a range is cut into calls; any other
  // start restarts it with a pre-roll (>= 100 ms). Never fails: a clip that cannot
  // be read plays silence and is reported through takeProblems(); NaN and Inf become 0.
  void renderBlock(std::int64_t start, float* interleaved, int frames) override;
  // Problems since the last call, one per clip, each reported once.
  std::vector<ClipProblem> takeProblems();

  // Live meters (per track post-fader, master post-limiter): off by default (offline renders);
  // playback turns them on. meters() may be read from any thread.
  void setMetering(bool on);
  MeterSnapshot meters() const;
  // Starts every meter afresh (integrated, range and peaks too), e.g. when playback starts over.
  void resetMeters();

  // Samples by which the master output lags its input (the limiter's look-ahead; 0 without it).
  int latency() const;

 private:
  void adoptPlan();
  void restart(std::int64_t start);
  void mixInput(std::int64_t t0, int n);
  void produceBlock(std::int64_t start, bool meter);  // the aligned block at `start` into m_block
  void meterChunk(std::int64_t end, int n);

  std::atomic<std::shared_ptr<const MixPlan>> m_pending;
  std::shared_ptr<const MixPlan> m_plan;
  std::vector<TrackBus> m_buses;
  dsp::TruePeakLimiter m_limiter;
  std::optional<std::int64_t> m_nextOut;    // output sample expected next (continuation)
  std::vector<float> m_block;               // the last aligned block (interleaved), from m_blockStart
  std::int64_t m_blockStart = 0;
  std::vector<float> m_l, m_r, m_interleaved;
  std::vector<ClipProblem> m_problems;
  std::vector<model::ClipId> m_reported;
  mutable std::mutex m_problemMutex;

  std::atomic<bool> m_metering{false};
  std::map<model::TrackId, loudness::Meter> m_trackMeters;
  std::optional<loudness::Meter> m_masterMeter;
  MeterSnapshot m_snapshot;
  mutable std::mutex m_meterMutex;
};

}  // namespace postline::audio
