#include "core/audio/mix_actions.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/audio/dsp/spectrum.h"
#include "core/audio/mix_plan.h"
#include "core/audio/offline_mix.h"

namespace postline::audio {

using base::ErrorCode;
using base::makeError;
using base::Result;

namespace {

std::string fixed1(double v) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(1);
  s << v;
  return s.str();
}

const RoleTarget* targetFor(const std::vector<RoleTarget>& targets, model::AudioRole role) {
  auto it = std::find_if(targets.begin(), targets.end(), [&](const RoleTarget& t) { return t.role == role; });
  return it == targets.end() ? nullptr : &*it;
}

bool planned(const MixPlan& plan, model::TrackId id) {
  return std::any_of(plan.tracks.begin(), plan.tracks.end(), [&](const TrackPlan& t) { return t.id == id; });
}

}  // namespace

Result<const model::Sequence*> sequenceOf(const model::Project& project, model::SequenceId id) {
  const model::Sequence* s = project.findSequence(id);
  if (s == nullptr) return makeError(ErrorCode::NotFound, "sequence id " + std::to_string(id.value) + " is not in the project");
  return s;
}

namespace {

// Measures `t` at its role's target and returns the fader that meets it (nullopt: leave it).
Result<std::optional<double>> balancedFader(const MixPlan& plan, const model::Track& t, const RoleTarget& target,
                                            MixActionResult& out) {
  PL_TRY_ASSIGN(stats, measureMix(isolateTrack(plan, t.id, Tap::PreFader, target.withAutomation), &out.warnings));
  const bool peak = target.measure == LevelMeasure::TruePeak;
  const double measured = peak ? stats.truePeakDbtp : stats.integratedLufs;
  if (!std::isfinite(measured)) {
    out.report.push_back(t.name + " (" + model::audioRoleName(t.role) + "): no sound, fader left at " +
                         fixed1(t.volumeDb) + " dB");
    return std::optional<double>{};
  }
  const double fader = std::clamp(target.target - measured, -96.0, 12.0);
  out.report.push_back(t.name + " (" + model::audioRoleName(t.role) + "): " + fixed1(measured) +
                       (peak ? " dBTP peak" : " LUFS") + " -> fader " + fixed1(fader) + " dB for " +
                       fixed1(target.target) + (peak ? " dBTP" : " LUFS"));
  return std::optional<double>{fader};
}

}  // namespace

const std::vector<RoleTarget>& defaultRoleTargets() {
  static const std::vector<RoleTarget> targets = [] {
    std::vector<RoleTarget> t;
    t.push_back({model::AudioRole::Dialogue, LevelMeasure::Integrated, -12.0, true});
    t.push_back({model::AudioRole::Music, LevelMeasure::Integrated, -15.0, false});
    t.push_back({model::AudioRole::Sfx, LevelMeasure::TruePeak, -9.0, true});
    t.push_back({model::AudioRole::Foley, LevelMeasure::TruePeak, -12.0, true});
    t.push_back({model::AudioRole::Ambient, LevelMeasure::Integrated, -21.0, false});
    return t;
  }();
  return targets;
}

Result<MixActionResult> balanceRoles(const model::Project& project, model::SequenceId sequence,
                                     const std::vector<RoleTarget>& targets) {
  PL_TRY_ASSIGN(seq, sequenceOf(project, sequence));
  PL_TRY_ASSIGN(plan, planMix(project, sequence));
  MixActionResult out;
  for (const model::Track& t : seq->tracks) {
    if (t.kind != model::TrackKind::Audio) continue;
    const RoleTarget* target = targetFor(targets, t.role);
    if (target == nullptr || !planned(plan, t.id)) {
      out.report.push_back(t.name + ": " + (target ? "muted or not soloed" : "no role target") + ", left as it is");
      continue;
    }
    PL_TRY_ASSIGN(fader, balancedFader(plan, t, *target, out));
    if (!fader || *fader == t.volumeDb) continue;
    model::Track after = t;
    after.volumeDb = *fader;
    out.changes.add(model::TrackUpdated{sequence, t, after});
  }
  return out;
}

Result<MixActionResult> deresonate(const model::Project& project, model::SequenceId sequence, model::TrackId track) {
  PL_TRY_ASSIGN(seq, sequenceOf(project, sequence));
  const model::Track* t = seq->findTrack(track);
  if (t == nullptr || t->kind != model::TrackKind::Audio) {
    return makeError(ErrorCode::NotFound, "sequence '" + seq->name + "' has no audio track with id " + std::to_string(track.value));
  }
  PL_TRY_ASSIGN(plan, planMix(project, sequence));
  if (!planned(plan, track)) return makeError(ErrorCode::InvalidArgument, t->name + " is muted: nothing to listen to");
  MixActionResult out;
  std::vector<float> mono(static_cast<std::size_t>(plan.length), 0.0f);
  addMono(isolateTrack(plan, track, Tap::PreEq), mono, &out.warnings);
  const auto found = dsp::findPersistentResonance(mono.data(), mono.size(), 48000.0, 2000.0, 4000.0);
  if (!found) return makeError(ErrorCode::NotFound, "no narrow resonance stands out between 2 and 4 kHz on " + t->name);
  model::Track after = *t;
  std::erase_if(after.eq, [](const model::EqBand& b) {
    const bool cut = b.type == model::EqBandType::Notch || (b.type == model::EqBandType::Peak && b.gainDb < 0.0);
    return cut && b.frequencyHz >= 2000.0 && b.frequencyHz <= 4000.0;
  });
  if (after.eq.size() >= static_cast<std::size_t>(model::kMaxEqBands)) {
    return makeError(ErrorCode::OutOfRange, t->name + " already has " + std::to_string(model::kMaxEqBands) + " EQ bands");
  }
  // A cut as deep and as wide as the resonance stands out (a cookbook peak band's width is taken
  // at half its gain in dB, as the resonance's is), so the ring goes without hollowing the voice.
  model::EqBand cut;
  cut.type = model::EqBandType::Peak;
  cut.frequencyHz = found->frequencyHz;
  cut.gainDb = -std::min(24.0, found->prominenceDb);
  cut.q = std::clamp(found->q, 2.0, 30.0);
  after.eq.push_back(cut);
  out.changes.add(model::TrackUpdated{sequence, *t, after});
  out.report.push_back(t->name + ": resonance at " + fixed1(found->frequencyHz) + " Hz, " + fixed1(found->prominenceDb) +
                       " dB above its surroundings throughout -> cut " + fixed1(cut.gainDb) + " dB, Q " + fixed1(cut.q));
  return out;
}

Result<NormaliseResult> normaliseMix(const model::Project& project, model::SequenceId sequence,
                                     std::optional<double> targetLufs) {
  PL_TRY_ASSIGN(seq, sequenceOf(project, sequence));
  PL_TRY_ASSIGN(plan, planMix(project, sequence));
  const double target = targetLufs.value_or(plan.mix.targetLufs);
  NormaliseResult r;
  PL_TRY_ASSIGN(fit, fitMasterGain(plan, target, 0, plan.length, &r.action.warnings));
  r.before = fit.before;
  r.after = fit.after;
  if (!std::isfinite(r.before.integratedLufs)) return makeError(ErrorCode::InvalidArgument, "the mix of '" + seq->name + "' is silent");
  model::SequenceSettings settings = seq->settings;
  settings.mix.masterGainDb = plan.mix.masterGainDb;
  settings.mix.targetLufs = target;
  if (!(settings == seq->settings)) r.action.changes.add(model::SequenceSettingsChanged{sequence, seq->settings, settings});
  r.action.report.push_back("mix " + fixed1(r.before.integratedLufs) + " LUFS -> " + fixed1(r.after.integratedLufs) +
                            " LUFS (target " + fixed1(target) + "), master " + fixed1(plan.mix.masterGainDb) +
                            " dB, true peak " + fixed1(r.after.truePeakDbtp) + " dBTP");
  if (std::abs(r.after.integratedLufs - target) > 0.1) {
    r.action.warnings.push_back("the mix reaches only " + fixed1(r.after.integratedLufs) + " LUFS of the " +
                                fixed1(target) + " LUFS target: the master gain stops at " +
                                fixed1(plan.mix.masterGainDb) + " dB (range -48 .. +24 dB)");
  }
  if (!plan.mix.limiter && r.after.truePeakDbtp > plan.mix.ceilingDbtp) {
    r.action.report.push_back("the limiter is off: the true peak is above the " + fixed1(plan.mix.ceilingDbtp) + " dBTP ceiling");
  }
  return r;
}

std::optional<double> loudnessPreset(const std::string& name) {
  if (name == "social") return -14.0;
  if (name == "streaming") return -16.0;
  if (name == "ebu-r128") return -23.0;
  if (name == "atsc-a85") return -24.0;
  return std::nullopt;
}

}  // namespace postline::audio
