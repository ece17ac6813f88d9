#include "core/edit/clip_audio.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/edit/clip_edges.h"

namespace postline::edit {

namespace {

// The clip `id` when it may take an audio edit: on an audio track that is not locked.
Result<ClipRef> audioClip(const SeqRef& ref, model::ClipId id, const char* what) {
  PL_TRY_ASSIGN(c, resolveClip(ref, id));
  if (c.track.kind != model::TrackKind::Audio) {
    return invalid(quoted(c.clip) + " is on video track " + c.track.name + "; only audio clips have " + what);
  }
  if (c.track.locked) return conflict("track " + c.track.name + " is locked; " + quoted(c.clip) + "'s " + what + " cannot change");
  return c;
}

// The ChangeSet giving `c` the audio `audio` (empty when it already has it).
ChangeSet withAudio(const SeqRef& ref, const ClipRef& c, const model::ClipAudio& audio) {
  ChangeSet cs;
  if (c.clip.audio == audio) return cs;
  model::Clip after = c.clip;
  after.audio = audio;
  cs.add(clipUpdate(ref, c.track, c.clip, after));
  return cs;
}

// InvalidArgument naming the clip when fades `in` and `out` do not fit in clip `c`.
Result<void> checkFades(const model::Clip& c, time::FrameCount in, time::FrameCount out) {
  const std::string who = quoted(c) + " (" + framesText(c.duration) + ")";
  if (in.value < 0 || out.value < 0) return invalid(who + ": a fade length cannot be negative");
  if (in > c.duration) return invalid(who + ": a fade-in of " + framesText(in) + " is longer than the clip");
  if (out > c.duration) return invalid(who + ": a fade-out of " + framesText(out) + " is longer than the clip");
  if (in + out > c.duration) {
    return invalid(who + ": fade-in " + framesText(in) + " and fade-out " + framesText(out) + " together exceed the clip");
  }
  return {};
}

}  // namespace

Result<ChangeSet> setClipGain(const model::Project& project, model::SequenceId seq, model::ClipId clip, double gainDb) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, audioClip(ref, clip, "a gain"));
  if (!std::isfinite(gainDb) || gainDb < kMinClipGainDb || gainDb > kMaxClipGainDb) {
    std::ostringstream s;
    s << quoted(c.clip) << ": gain must be within " << kMinClipGainDb << " .. +" << kMaxClipGainDb << " dB, found "
      << gainDb;
    return invalid(s.str());
  }
  model::ClipAudio audio = c.clip.audio;
  audio.gainDb = gainDb;
  return withAudio(ref, c, audio);
}

Result<ChangeSet> setClipFades(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                               time::FrameCount fadeIn, time::FrameCount fadeOut) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, audioClip(ref, clip, "fades"));
  PL_TRY(checkFades(c.clip, fadeIn, fadeOut));
  model::ClipAudio audio = c.clip.audio;
  audio.fadeIn = fadeIn;
  audio.fadeOut = fadeOut;
  return withAudio(ref, c, audio);
}

time::FrameCount clampFade(const model::Clip& clip, bool in, time::FrameCount wanted) {
  const time::FrameCount other = in ? clip.audio.fadeOut : clip.audio.fadeIn;
  const std::int64_t most = std::max<std::int64_t>(0, clip.duration.value - other.value);
  return time::FrameCount{std::clamp<std::int64_t>(wanted.value, 0, most)};
}

}  // namespace postline::edit
