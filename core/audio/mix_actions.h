#pragma once
// One-click mix actions: each measures the sequence's sound through the mixer and returns the
// edit that applies its result (a ChangeSet, undoable like any edit), plus a report.
#include <optional>
#include <string>
#include <vector>

#include "core/audio/loudness/analyzer.h"
#include "core/base/result.h"
#include "core/model/change_set.h"

namespace postline::audio {

// What an action did: the edit, and one line per decision (what was measured and changed).
struct MixActionResult {
  model::ChangeSet changes;
  std::vector<std::string> report;
  std::vector<std::string> warnings;   // clips that could not be read (left silent)
};

// The level each role is brought to by balanceRoles.
enum class LevelMeasure { Integrated, TruePeak };
struct RoleTarget {
  model::AudioRole role = model::AudioRole::None;
  LevelMeasure measure = LevelMeasure::Integrated;
  double target = 0.0;        // LUFS (Integrated) or dBTP (TruePeak)
  bool withAutomation = true; // false: measured without the clips' volume keys (a bed under ducking)
};
// The seed's targets: dialogue -12 LUFS, music bed -15 LUFS (range -18..-12, ducking excluded),
// SFX peaks -9 dBTP (range -12..-6), foley peaks -12 dBTP, ambient bed -21 LUFS (range -24..-18).
const std::vector<RoleTarget>& defaultRoleTargets();

// Sets each audio track's fader so that the track, measured after its EQ and compressor, meets
// its role's target. Tracks with no role, no target or no sound are left as they are (reported).
base::Result<MixActionResult> balanceRoles(const model::Project& project, model::SequenceId sequence,
                                           const std::vector<RoleTarget>& targets = defaultRoleTargets());

// Auto-ducking: where the dialogue tracks carry signal, music (and optionally ambient) clips get
// volume keys that dip by depthDb, reaching it `attackMs` before speech starts and recovering over
// `releaseMs` after it stops. The clips' earlier automation is replaced.
struct DuckOptions {
  double depthDb = -9.0;        // -24 .. -1 dB
  double attackMs = 200.0;      // 10 .. 2000
  double releaseMs = 500.0;     // 10 .. 4000
  double thresholdDb = -40.0;   // dialogue RMS (50 ms windows, dBFS) counted as speech
  double holdMs = 300.0;        // pauses shorter than this stay ducked
  bool ambient = false;         // duck ambient tracks too
};
// InvalidArgument naming the ranges when an option of `o` is outside them.
base::Result<void> checkDuckOptions(const DuckOptions& o);
base::Result<MixActionResult> autoDuck(const model::Project& project, model::SequenceId sequence,
                                       const DuckOptions& options = {});

// De-resonate: finds the strongest narrow peak between 2 and 4 kHz that persists through track
// `track` (before its EQ; dsp::findPersistentResonance) and cuts it with a peak band as deep
// (up to 24 dB) and as wide as the resonance, replacing an earlier notch or cut in 2-4 kHz.
// NotFound when none stands 4 dB above its surroundings.
base::Result<MixActionResult> deresonate(const model::Project& project, model::SequenceId sequence,
                                         model::TrackId track);

// Normalise: sets the master gain so the whole mix (limiter included) measures the sequence's
// target (or `targetLufs` when given, which also becomes the sequence's target) within 0.1 LU,
// with the true peak under the limiter's ceiling. `after` holds the final measurement; a target the
// master gain range (-48 .. +24 dB) cannot reach is applied as far as it goes, with a warning.
struct NormaliseResult {
  MixActionResult action;
  loudness::LoudnessStats before;
  loudness::LoudnessStats after;
};
base::Result<NormaliseResult> normaliseMix(const model::Project& project, model::SequenceId sequence,
                                           std::optional<double> targetLufs = std::nullopt);

// The sequence `id` of `project`, or NotFound.
base::Result<const model::Sequence*> sequenceOf(const model::Project& project, model::SequenceId id);

// Stable lower-case names of the loudness presets and their targets: social -14, streaming -16,
// ebu-r128 -23, atsc-a85 -24 (LUFS).
std::optional<double> loudnessPreset(const std::string& name);

}  // namespace postline::audio
