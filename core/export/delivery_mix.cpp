#include "core/export/delivery_mix.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/audio/mix_plan.h"

namespace postline::exporting {
namespace {

std::string fmt1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", v);
  return buf;
}

std::string lufs(double v) { return std::isfinite(v) ? fmt1(v) + " LUFS" : "silence"; }

}  // namespace

bool lossyAudio(const Preset& preset) { return preset.audio.codec.rfind("pcm_", 0) != 0; }

std::string deliveryMixKey(const Preset& preset) {
  if (!preset.loudnessLufs) return lossyAudio(preset) ? "as-is lossy" : "as-is";
  return std::to_string(*preset.loudnessLufs) + " " + std::to_string(preset.truePeakDbtp) + (lossyAudio(preset) ? " lossy" : "");
}

base::Result<DeliveryMix> planDeliveryMix(const model::Project& project, model::SequenceId sequence,
                                          const Preset& preset, std::int64_t start, std::int64_t end) {
  PL_TRY_ASSIGN(plan, audio::planMix(project, sequence));
  DeliveryMix d;
  d.key = deliveryMixKey(preset);
  d.targetLufs = preset.loudnessLufs;
  if (preset.loudnessLufs) plan.mix.ceilingDbtp = preset.truePeakDbtp;
  if (lossyAudio(preset)) plan.mix.ceilingDbtp -= audio::kLossyHeadroomDb;
  d.ceilingDbtp = plan.mix.ceilingDbtp;
  audio::loudness::LoudnessStats before, after;
  if (d.targetLufs) {
    PL_TRY_ASSIGN(fit, audio::fitMasterGain(plan, *d.targetLufs, start, end, &d.warnings));
    before = fit.before;
    after = fit.after;
  } else {
    PL_TRY_ASSIGN(measured, audio::measureMixRange(plan, start, end, &d.warnings));
    before = after = measured;
  }
  if (d.targetLufs && std::isfinite(before.integratedLufs)) {
    if (std::abs(after.integratedLufs - *d.targetLufs) > 0.1) {
      d.warnings.push_back("the mix reaches only " + lufs(after.integratedLufs) + " of the " + lufs(*d.targetLufs) +
                           " target (master gain limit " + fmt1(plan.mix.masterGainDb) + " dB)");
    }
  } else if (d.targetLufs) {
    d.warnings.push_back("the exported range is silent: no loudness target applied");
  }
  d.summary = "mix " + lufs(before.integratedLufs) + " -> " + lufs(after.integratedLufs) + " (master " +
              fmt1(plan.mix.masterGainDb) + " dB), true peak " +
              (std::isfinite(after.truePeakDbtp) ? fmt1(after.truePeakDbtp) + " dBTP" : std::string("none"));
  d.mix = std::make_unique<audio::OfflineMix>(std::move(plan));
  return d;
}

}  // namespace postline::exporting
