#include "core/audio/mix_plan.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/media/time_stretch.h"
#include "core/model/audio_keys.h"
#include "core/time/convert.h"

namespace postline::audio {

using base::ErrorCode;
using base::makeError;
using base::Result;

namespace {

double dbToGain(double db) { return std::pow(10.0, db / 20.0); }

// Position of sample t inside a crossfade ramp, 0 .. 1.
double rampAt(const Crossfade& c, std::int64_t t) {
  if (c.end <= c.start) return 1.0;
  return std::clamp((static_cast<double>(t - c.start) + 0.5) / static_cast<double>(c.end - c.start), 0.0, 1.0);
}

Result<Voice> planVoice(const model::Project& project, const model::Sequence& seq, const model::Clip& clip) {
  const time::FrameRate& rate = seq.settings.frameRate;
  const model::MediaItem* media = project.findMedia(clip.media);
  if (media == nullptr) {
    return makeError(ErrorCode::NotFound, "clip '" + clip.name + "' uses media that is not in the project");
  }
  Voice v;
  v.clip = clip.id;
  v.clipName = clip.name;
  v.path = media->path;
  PL_TRY_ASSIGN(start, time::framesToSamples(clip.start, rate));
  PL_TRY_ASSIGN(end, time::framesToSamples(clip.end(), rate));
  PL_TRY_ASSIGN(fadeInEnd, time::framesToSamples(clip.start + clip.audio.fadeIn, rate));
  PL_TRY_ASSIGN(fadeOutStart, time::framesToSamples(clip.end() - clip.audio.fadeOut, rate));
  PL_TRY_ASSIGN(sampleUnit, time::Rational::make(1, time::kSampleRate));
  PL_TRY_ASSIGN(srcIn, time::rescale(clip.sourceIn, media->info.timeBase, sampleUnit));
  v.clipStart = v.start = start.value;
  v.clipEnd = v.end = end.value;
  const double speed = clip.speed.toDouble();
  const auto length = static_cast<double>(v.clipEnd - v.clipStart);
  v.step = clip.reverse ? -speed : speed;
  v.origin = static_cast<double>(srcIn) + (clip.reverse ? (length - 1.0) * speed : 0.0);
  // Time-stretching serves 0.25x .. 4x; beyond, the clip is resampled (its pitch moves).
  v.preservePitch = clip.audio.preservePitch && speed >= media::kMinStretchSpeed && speed <= media::kMaxStretchSpeed;
  v.gain = dbToGain(clip.audio.gainDb);
  v.fadeShape = clip.audio.fadeShape;
  v.fadeIn = std::clamp<std::int64_t>(fadeInEnd.value - v.clipStart, 0, v.clipEnd - v.clipStart);
  v.fadeOut = std::clamp<std::int64_t>(v.clipEnd - fadeOutStart.value, 0, v.clipEnd - v.clipStart);
  v.volume = clip.audio.volume;
  return v;
}

Voice* findVoice(TrackPlan& track, model::ClipId id) {
  for (Voice& v : track.voices) {
    if (v.clip == id) return &v;
  }
  return nullptr;
}

// Overlaps `left` into `right` over sequence samples [a, b) with an equal-power crossfade.
void crossfade(Voice& left, Voice& right, std::int64_t a, std::int64_t b) {
  left.end = std::max(left.end, b);
  left.crossOut = Crossfade{a, b};
  right.start = std::min(right.start, a);
  right.crossIn = Crossfade{a, b};
}

// The audio clip on `track` linked to `video` (same non-zero link group) that ends or starts at `cut`.
Voice* linkedAt(TrackPlan& plan, const model::Track& track, const model::Clip& video, std::int64_t cut, bool ending) {
  if (video.linkGroup == 0) return nullptr;
  for (const model::Clip& c : track.clips) {
    if (c.linkGroup != video.linkGroup) continue;
    Voice* v = findVoice(plan, c.id);
    if (v != nullptr && (ending ? v->clipEnd : v->clipStart) == cut) return v;
  }
  return nullptr;
}

// Crossfades for audio crossfades on audio tracks and for the linked sound under video dissolves.
Result<void> planCrossfades(const model::Sequence& seq, MixPlan& plan) {
  const time::FrameRate& rate = seq.settings.frameRate;
  for (const model::Transition& t : seq.transitions) {
    const model::Track* track = seq.findTrack(t.track);
    const model::Clip* left = track ? model::findClipOnTrack(*track, t.left) : nullptr;
    const model::Clip* right = track ? model::findClipOnTrack(*track, t.right) : nullptr;
    if (left == nullptr || right == nullptr) continue;
    const time::FrameRange r = model::transitionRange(t, right->start);
    PL_TRY_ASSIGN(a, time::framesToSamples(r.start, rate));
    PL_TRY_ASSIGN(b, time::framesToSamples(r.end, rate));
    PL_TRY_ASSIGN(cut, time::framesToSamples(right->start, rate));
    for (TrackPlan& tp : plan.tracks) {
      const model::Track* audio = seq.findTrack(tp.id);
      Voice* l = nullptr;
      Voice* rv = nullptr;
      if (track->kind == model::TrackKind::Audio) {
        if (tp.id != track->id) continue;
        l = findVoice(tp, left->id);
        rv = findVoice(tp, right->id);
      } else {
        l = linkedAt(tp, *audio, *left, cut.value, true);
        rv = linkedAt(tp, *audio, *right, cut.value, false);
      }
      if (l != nullptr && rv != nullptr) crossfade(*l, *rv, a.value, b.value);
    }
  }
  return {};
}

bool anySolo(const model::Sequence& seq) {
  return std::any_of(seq.tracks.begin(), seq.tracks.end(),
                     [](const model::Track& t) { return t.kind == model::TrackKind::Audio && t.solo; });
}

}  // namespace

double fadeCurve(model::FadeShape shape, double x) {
  x = std::clamp(x, 0.0, 1.0);
  switch (shape) {
    case model::FadeShape::Linear: return x;
    case model::FadeShape::EqualPower: return std::sin(x * std::numbers::pi / 2.0);
    case model::FadeShape::SCurve: return (1.0 - std::cos(x * std::numbers::pi)) / 2.0;
  }
  return x;
}

double Voice::envelopeAt(std::int64_t t) const {
  const std::int64_t length = clipEnd - clipStart;
  const std::int64_t o = std::clamp<std::int64_t>(t - clipStart, 0, std::max<std::int64_t>(length - 1, 0));
  double g = gain;
  if (o < fadeIn) g *= fadeCurve(fadeShape, static_cast<double>(o) / static_cast<double>(fadeIn));
  if (o >= length - fadeOut) g *= fadeCurve(fadeShape, static_cast<double>(length - o) / static_cast<double>(fadeOut));
  if (!volume.empty()) g *= dbToGain(model::automationDb(volume, static_cast<double>(o)));
  if (crossIn) g *= std::sin(rampAt(*crossIn, t) * std::numbers::pi / 2.0);
  if (crossOut) g *= std::cos(rampAt(*crossOut, t) * std::numbers::pi / 2.0);
  return g;
}

bool Voice::steadyOver(std::int64_t t0, std::int64_t t1) const {
  const std::int64_t length = clipEnd - clipStart;
  const std::int64_t o0 = std::clamp<std::int64_t>(t0 - clipStart, 0, std::max<std::int64_t>(length - 1, 0));
  const std::int64_t o1 = std::clamp<std::int64_t>(t1 - 1 - clipStart, 0, std::max<std::int64_t>(length - 1, 0));
  if (o0 < fadeIn || o1 >= length - fadeOut) return false;
  const auto overlaps = [&](const std::optional<Crossfade>& c) { return c && c->start < t1 && t0 < c->end; };
  if (overlaps(crossIn) || overlaps(crossOut)) return false;
  if (volume.size() < 2) return true;
  // Steady when both ends fall in the same flat stretch of the automation.
  auto segment = [&](std::int64_t o) {
    return std::upper_bound(volume.begin(), volume.end(), o,
                            [](std::int64_t x, const model::GainKey& k) { return x < k.offset; });
  };
  auto a = segment(o0);
  auto b = segment(o1);
  if (a != b) return false;
  if (a == volume.begin() || a == volume.end()) return true;
  return (a - 1)->gainDb == a->gainDb;
}

Result<MixPlan> planMix(const model::Project& project, model::SequenceId sequence) {
  const model::Sequence* seq = project.findSequence(sequence);
  if (seq == nullptr) {
    return makeError(ErrorCode::NotFound, "sequence id " + std::to_string(sequence.value) + " is not in the project");
  }
  MixPlan plan;
  plan.mix = seq->settings.mix;
  PL_TRY_ASSIGN(end, time::framesToSamples(seq->end(), seq->settings.frameRate));
  plan.length = end.value;
  const bool solo = anySolo(*seq);
  for (const model::Track& t : seq->tracks) {
    if (t.kind != model::TrackKind::Audio || t.muted || (solo && !t.solo)) continue;
    TrackPlan tp{t.id, t.name, t.role, t.volumeDb, t.pan, t.eq, t.compressor, {}};
    for (const model::Clip& c : t.clips) {
      if (!c.enabled || c.freeze) continue;
      PL_TRY_ASSIGN(voice, planVoice(project, *seq, c));
      tp.voices.push_back(std::move(voice));
    }
    plan.tracks.push_back(std::move(tp));
  }
  PL_TRY(planCrossfades(*seq, plan));
  for (TrackPlan& tp : plan.tracks) {
    std::sort(tp.voices.begin(), tp.voices.end(), [](const Voice& a, const Voice& b) { return a.start < b.start; });
  }
  return plan;
}

MixPlan isolateTrack(const MixPlan& plan, model::TrackId track, Tap tap, bool automation) {
  MixPlan out;
  out.length = plan.length;
  out.mix = plan.mix;
  out.mix.masterGainDb = 0.0;
  out.mix.limiter = false;
  for (const TrackPlan& t : plan.tracks) {
    if (t.id != track) continue;
    TrackPlan only = t;
    if (tap != Tap::PostFader) {
      only.faderDb = 0.0;
      only.pan = 0.0;
    }
    if (tap == Tap::PreEq) {
      only.eq.clear();
      only.compressor.enabled = false;
    }
    if (!automation) {
      for (Voice& v : only.voices) v.volume.clear();
    }
    out.tracks.push_back(std::move(only));
  }
  return out;
}

}  // namespace postline::audio
