// postline-cli mix: the one-click mix actions on a project, saved back atomically (docs/CLI.md).
#include <functional>
#include <iostream>

#include "app/cli/project_edit.h"
#include "core/audio/mix_actions.h"
#include "core/edit/audio_mix.h"
#include "core/model/audio_validate.h"

namespace postline::cli {
namespace {

using base::ErrorCode;
using base::makeError;
using base::Result;

// The audio track of `seq` named by --track (A1 ...).
Result<const model::Track*> namedTrack(const Args& args, const model::Sequence& seq) {
  const auto name = args.value("--track");
  if (!name) return makeError(ErrorCode::InvalidArgument, "this mix action needs --track NAME (A1 ... A5)");
  for (const model::Track& t : seq.tracks) {
    if (t.kind == model::TrackKind::Audio && t.name == *name) return &t;
  }
  return makeError(ErrorCode::NotFound, "sequence '" + seq.name + "' has no audio track named '" + *name + "'");
}

// Prints an action's report and warnings, and hands its changes to editProject.
Result<model::ChangeSet> reported(Result<audio::MixActionResult> r) {
  if (!r) return r.error();
  for (const std::string& line : r->report) std::cout << line << "\n";
  for (const std::string& w : r->warnings) std::cerr << "postline-cli: warning: " << w << "\n";
  return std::move(r->changes);
}

Result<audio::DuckOptions> duckOptions(const Args& args) {
  audio::DuckOptions o;
  PL_TRY(readNumber(args, "--depth", o.depthDb));
  PL_TRY(readNumber(args, "--attack", o.attackMs));
  PL_TRY(readNumber(args, "--release", o.releaseMs));
  PL_TRY(readNumber(args, "--threshold", o.thresholdDb));
  PL_TRY(readNumber(args, "--hold", o.holdMs));
  o.ambient = args.has("--ambient");
  return o;
}

// The compressor the options ask for: the seed's 2:1 at -12 dB unless told otherwise.
Result<void> compressorOptions(const Args& args, model::Compressor& c, const std::string& where) {
  c.enabled = !args.has("--off");
  PL_TRY(readNumber(args, "--threshold", c.thresholdDb));
  PL_TRY(readNumber(args, "--ratio", c.ratio));
  PL_TRY(readNumber(args, "--attack", c.attackMs));
  PL_TRY(readNumber(args, "--release", c.releaseMs));
  return model::validateCompressor(c, where);
}

Result<model::ChangeSet> compress(const Args& args, const model::Project& p, model::SequenceId id) {
  const model::Sequence& seq = *p.findSequence(id);
  PL_TRY_ASSIGN(track, namedTrack(args, seq));
  model::Compressor c = track->compressor;
  PL_TRY(compressorOptions(args, c, track->name));
  PL_TRY_ASSIGN(cs, edit::setTrackCompressor(p, id, track->id, c));
  std::cout << track->name << ": compressor " << (c.enabled ? "on, " : "off, ") << fixed(c.ratio, 1)
            << ":1 above " << fixed(c.thresholdDb, 1) << " dBFS\n";
  return cs;
}

// Fader, pan, mute and solo of one track.
Result<void> trackOptions(const Args& args, model::Track& t) {
  PL_TRY(readNumber(args, "--fader", t.volumeDb));
  PL_TRY(readNumber(args, "--pan", t.pan));
  if (args.has("--mute")) t.muted = true;
  if (args.has("--unmute")) t.muted = false;
  if (args.has("--solo")) t.solo = true;
  if (args.has("--unsolo")) t.solo = false;
  return model::validateTrackAudio(t, t.name);
}

Result<model::ChangeSet> setTrack(const Args& args, const model::Project& p, model::SequenceId id) {
  const model::Sequence& seq = *p.findSequence(id);
  PL_TRY_ASSIGN(track, namedTrack(args, seq));
  model::Track after = *track;
  PL_TRY(trackOptions(args, after));
  return edit::setTrackAudio(p, id, track->id, edit::trackAudioOf(after));
}

Result<std::optional<double>> targetOption(const Args& args) {
  const auto text = args.value("--target");
  if (!text) return std::optional<double>{};
  if (const auto preset = audio::loudnessPreset(*text)) return preset;
  if (const auto v = parseNumber(*text)) {
    model::MixSettings mix;
    mix.targetLufs = *v;
    PL_TRY(model::validateMix(mix, "--target"));
    return v;
  }
  return makeError(ErrorCode::InvalidArgument, "--target '" + *text +
                                                   "' is neither LUFS nor a preset (social, streaming, ebu-r128, atsc-a85)");
}

Result<model::ChangeSet> normalise(const Args& args, const model::Project& p, model::SequenceId id) {
  PL_TRY_ASSIGN(target, targetOption(args));
  PL_TRY_ASSIGN(r, audio::normaliseMix(p, id, target));
  return reported(std::move(r.action));
}

// The arguments of `action` checked without the project, so wrong ones are a usage error (exit 1)
// that never touches the file.
Result<void> checkArguments(const Args& args, const std::string& action) {
  const bool needsTrack = action == "deresonate" || action == "compress" || action == "track";
  if (needsTrack && !args.value("--track")) {
    return makeError(ErrorCode::InvalidArgument, "mix " + action + " needs --track NAME (A1 ... A5)");
  }
  if (action == "duck") {
    PL_TRY_ASSIGN(o, duckOptions(args));
    return audio::checkDuckOptions(o);
  }
  if (action == "compress") {
    model::Compressor c;
    return compressorOptions(args, c, "--track " + *args.value("--track"));
  }
  if (action == "track") {
    model::Track t;
    t.name = *args.value("--track");
    return trackOptions(args, t);
  }
  if (action == "normalise") {
    PL_TRY(targetOption(args));
  }
  return {};
}

}  // namespace

int runMix(const Args& args) {
  if (args.positional.size() != 2) {
    return usageError("mix needs PROJECT and an action: levels, duck, deresonate, compress, track or normalise");
  }
  const std::string action = args.positional[1];
  using Edit = std::function<Result<model::ChangeSet>(const model::Project&, model::SequenceId)>;
  Edit edit;
  if (action == "levels") {
    edit = [](const model::Project& p, model::SequenceId id) { return reported(audio::balanceRoles(p, id)); };
  } else if (action == "duck") {
    edit = [&](const model::Project& p, model::SequenceId id) -> Result<model::ChangeSet> {
      PL_TRY_ASSIGN(o, duckOptions(args));
      return reported(audio::autoDuck(p, id, o));
    };
  } else if (action == "deresonate") {
    edit = [&](const model::Project& p, model::SequenceId id) -> Result<model::ChangeSet> {
      PL_TRY_ASSIGN(track, namedTrack(args, *p.findSequence(id)));
      return reported(audio::deresonate(p, id, track->id));
    };
  } else if (action == "compress") {
    edit = [&](const model::Project& p, model::SequenceId id) { return compress(args, p, id); };
  } else if (action == "track") {
    edit = [&](const model::Project& p, model::SequenceId id) { return setTrack(args, p, id); };
  } else if (action == "normalise") {
    edit = [&](const model::Project& p, model::SequenceId id) { return normalise(args, p, id); };
  } else {
    return usageError("unknown mix action '" + action + "'");
  }
  if (auto checked = checkArguments(args, action); !checked) return usageError(checked.error().message);
  return editProject(args, edit, "mix " + action);
}

}  // namespace postline::cli
