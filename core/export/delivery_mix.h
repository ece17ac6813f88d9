#pragma once
// The sound of one delivery (internal to core/export): the sequence's mix over the exported range,
// its master gain set so that range measures the preset's loudness target (the same iteration as
// `mix normalise`, but over the range only and without touching the project), its limiter ceiling
// the preset's true-peak ceiling, lowered by audio::kLossyHeadroomDb for lossy codecs.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/audio/offline_mix.h"
#include "core/base/result.h"
#include "core/export/preset.h"
#include "core/model/project.h"

namespace postline::exporting {

struct DeliveryMix {
  std::string key;                       // deliveryMixKey of the presets it serves
  std::optional<double> targetLufs;      // nullopt: the mix as it is (masters)
  double ceilingDbtp = -1.0;             // the limiter's ceiling used
  std::unique_ptr<audio::OfflineMix> mix;
  std::string summary;                   // "mix -17.2 LUFS -> -14.0 LUFS (master +3.2 dB), true peak -1.6 dBTP"
  std::vector<std::string> warnings;     // silent clips (missing files), an unreachable target
};

// True for codecs whose decoded sound can overshoot the limited mix (everything but PCM).
bool lossyAudio(const Preset& preset);

// Presets with equal keys (target, ceiling, lossy or not) share one mix.
std::string deliveryMixKey(const Preset& preset);

// Plans the delivery mix of `sequence` for `preset` over samples [start, end).
base::Result<DeliveryMix> planDeliveryMix(const model::Project& project, model::SequenceId sequence,
                                          const Preset& preset, std::int64_t start, std::int64_t end);

}  // namespace postline::exporting
