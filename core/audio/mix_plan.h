#pragma once
// The mixer's view of a sequence: plain data planned from a model snapshot (the audio thread never
// reads the live model). Everything is in 48 kHz samples of the sequence.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/model/project.h"

namespace postline::audio {

// An equal-power crossfade ramp over sequence samples [start, end): a fade-in rises from silence
// to full level (sin), a fade-out falls from full level to silence (cos).
struct Crossfade {
  std::int64_t start = 0;
  std::int64_t end = 0;

  friend bool operator==(const Crossfade&, const Crossfade&) = default;
};

// One clip's sound on a track.
struct Voice {
  model::ClipId clip;
  std::string clipName;
  std::string path;                // media file ("" for media without a file: never sounds)
  std::int64_t clipStart = 0;      // the clip's first sample on the timeline (included)
  std::int64_t clipEnd = 0;        // the clip's end sample (excluded)
  std::int64_t start = 0;          // audible range [start, end): the clip plus crossfade overlaps
  std::int64_t end = 0;
  // Source position (48 kHz samples from the file's start, fractional) heard at sequence sample t:
  // origin + (t - clipStart) * step. step = speed, or -speed for a reversed clip.
  double origin = 0.0;
  double step = 1.0;
  bool preservePitch = true;       // |step| != 1 is time-stretched (pitch kept) instead of resampled
  double gain = 1.0;               // clip gain, linear
  model::FadeShape fadeShape = model::FadeShape::EqualPower;
  std::int64_t fadeIn = 0;         // samples from clipStart
  std::int64_t fadeOut = 0;        // samples before clipEnd
  std::vector<model::GainKey> volume;  // automation, offsets from clipStart
  std::optional<Crossfade> crossIn;    // rises over the transition before/at its head
  std::optional<Crossfade> crossOut;   // falls over the transition at its tail

  // Gain (linear) of the clip's own envelope at sequence sample t: gain x fades x automation x
  // crossfades. Fades and automation hold their edge value outside [clipStart, clipEnd).
  double envelopeAt(std::int64_t t) const;
  // True when the envelope is the same at every sample of [t0, t1) (no fade, ramp or crossfade there).
  bool steadyOver(std::int64_t t0, std::int64_t t1) const;

  friend bool operator==(const Voice&, const Voice&) = default;
};

// One audio track as the mixer processes it.
struct TrackPlan {
  model::TrackId id;
  std::string name;
  model::AudioRole role = model::AudioRole::None;
  double faderDb = 0.0;
  double pan = 0.0;
  std::vector<model::EqBand> eq;
  model::Compressor compressor;
  std::vector<Voice> voices;       // sorted by start
};

// Everything the mixer needs for one sequence. Muted tracks, tracks silenced by another's solo,
// disabled clips and freeze-frame clips are left out when planning.
struct MixPlan {
  std::vector<TrackPlan> tracks;
  model::MixSettings mix;
  std::int64_t length = 0;         // samples up to the sequence's end
};

// Gain in [0, 1] of a fade curve at position x in [0, 1] (0 = silent end, 1 = full level):
// Linear x; EqualPower sin(x * pi/2); SCurve (1 - cos(x * pi)) / 2.
double fadeCurve(model::FadeShape shape, double x);

// Plans sequence `sequence` of `project`. NotFound for an unknown sequence.
base::Result<MixPlan> planMix(const model::Project& project, model::SequenceId sequence);

// Which part of the chain a measurement listens to (see isolateTrack).
enum class Tap {
  PreEq,      // the track's clips summed (gains, fades, automation), before EQ and compressor
  PreFader,   // after EQ and compressor, before the fader and pan
  PostFader,  // as the track reaches the master bus
};
// `plan` reduced to track `track` heard at `tap`: the other tracks removed, master gain 0 dB,
// limiter off; before the fader also fader 0 dB and centre pan; without `automation` its clips'
// volume keys are dropped too.
// Empty tracks list when `track` is not in the plan.
MixPlan isolateTrack(const MixPlan& plan, model::TrackId track, Tap tap, bool automation = true);

}  // namespace postline::audio
