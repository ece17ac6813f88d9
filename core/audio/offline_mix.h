#pragma once
// The mixer run offline: whole ranges of a sequence's mix for export, and loudness measurements
// of the mix or of one track (the same graph playback uses).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/audio/loudness/analyzer.h"
#include "core/audio/mix_plan.h"
#include "core/audio/mixer.h"
#include "core/base/result.h"

namespace postline::audio {

// True-peak margin (dB) an export to a lossy codec keeps under the mix's ceiling: AAC's
// reconstruction of a limited mix was measured 0.06 dB over it, so -1 dBTP would not hold.
inline constexpr double kLossyHeadroomDb = 0.5;

// A sequence's mix rendered block after block (one Mixer underneath). Not thread-safe.
class OfflineMix {
 public:
  // Plans sequence `sequence` of `project` (NotFound for an unknown sequence); the limiter's
  // ceiling is lowered by `headroomDb` (kLossyHeadroomDb for AAC, 0 for PCM).
  static base::Result<std::unique_ptr<OfflineMix>> open(const model::Project& project, model::SequenceId sequence,
                                                        double headroomDb = 0.0);
  explicit OfflineMix(MixPlan plan);

  // Interleaved stereo float32 for sequence samples [start, start + frames): 2 * frames floats.
  std::vector<float> render(std::int64_t start, std::int64_t frames);
  // Clips left silent since the last call (missing or unreadable files), one sentence each.
  std::vector<std::string> takeWarnings();
  const MixPlan& plan() const { return *m_plan; }

 private:
  std::shared_ptr<const MixPlan> m_plan;
  Mixer m_mixer;
};

// Adds `plan` rendered over [0, mono.size()) as mono ((L + R) / 2) into `mono`, block by block
// (no whole-length stereo buffer). Warnings about silent clips go to `warnings` when given.
void addMono(const MixPlan& plan, std::vector<float>& mono, std::vector<std::string>* warnings = nullptr);

// Loudness of `plan` rendered over [0, plan.length) (silence when empty). Warnings about silent
// clips are appended to `warnings` when given.
base::Result<loudness::LoudnessStats> measureMix(const MixPlan& plan, std::vector<std::string>* warnings = nullptr);
// Loudness of `plan` rendered over samples [start, end) only (an export's range).
base::Result<loudness::LoudnessStats> measureMixRange(const MixPlan& plan, std::int64_t start, std::int64_t end,
                                                      std::vector<std::string>* warnings = nullptr);

// The mix measured before and after fitMasterGain.
struct GainFit {
  loudness::LoudnessStats before;
  loudness::LoudnessStats after;
};
// Moves plan.mix.masterGainDb (within -48 .. +24 dB) until samples [start, end) of the mix,
// limiter included, measure `targetLufs` within 0.05 LU: each pass moves the gain by the distance
// left; the limiter makes it slightly non-linear near the ceiling, so it stops after 6 passes.
// A silent range is left as it is (before == after, integrated -inf). Warnings about silent clips
// from the first measurement go to `warnings` when given.
base::Result<GainFit> fitMasterGain(MixPlan& plan, double targetLufs, std::int64_t start, std::int64_t end,
                                    std::vector<std::string>* warnings = nullptr);

}  // namespace postline::audio
