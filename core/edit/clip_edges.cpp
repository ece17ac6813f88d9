#include "core/edit/clip_edges.h"

#include <limits>

#include "core/model/audio_keys.h"
#include "core/model/clip_timing.h"
#include "core/time/convert.h"

namespace postline::edit {

using time::FrameCount;

namespace {

constexpr FrameCount kUnlimited{std::numeric_limits<std::int64_t>::max() / 4};

bool sourceFixed(const model::Clip& clip, const model::MediaItem& media) { return clip.freeze || media.info.still; }

// "its media" when the edit's description names this clip and no other, else "the media of 'X'".
std::string mediaOf(const std::string& what, const model::Clip& clip) {
  const std::string q = quoted(clip);
  const std::size_t pos = what.find(q);
  const bool onlyThis = pos != std::string::npos && what.find('\'') == pos &&
                        what.find('\'', pos + q.size()) == std::string::npos;
  return onlyThis ? "its media" : "the media of " + q;
}

base::Error handleError(const std::string& what, const model::Clip& clip, bool sourceEnd, FrameCount room) {
  return outOfRange(what + " passes the " + (sourceEnd ? "end" : "start") + " of " + mediaOf(what, clip) + " (" +
                    framesText(room) + " of handle)");
}

Result<void> checkLength(const model::Clip& clip, FrameCount newDuration, const std::string& what) {
  if (newDuration.value > 0) return {};
  return outOfRange(what + " leaves " + quoted(clip) + " with no frames (it is " + framesText(clip.duration) + " long)");
}

}  // namespace

std::string quoted(const model::Clip& clip) { return "'" + clip.name + "'"; }

std::string framesText(FrameCount n) { return std::to_string(n.value) + (n.value == 1 ? " frame" : " frames"); }

std::string transitionText(const model::Transition& t, const model::Clip& left, const model::Clip& right) {
  const char* kind = t.kind == model::TransitionKind::CrossDissolve ? "cross dissolve" : "audio crossfade";
  return "the " + std::to_string(t.duration.value) + "-frame " + kind + " between " + quoted(left) + " and " +
         quoted(right);
}

Result<FrameCount> roomBefore(const SeqRef& ref, const model::Clip& clip, const model::MediaItem& media) {
  if (sourceFixed(clip, media)) return kUnlimited;
  return clip.reverse ? model::tailHandle(clip, media, ref.rate()) : model::headHandle(clip, media, ref.rate());
}

Result<FrameCount> roomAfter(const SeqRef& ref, const model::Clip& clip, const model::MediaItem& media) {
  if (sourceFixed(clip, media)) return kUnlimited;
  return clip.reverse ? model::headHandle(clip, media, ref.rate()) : model::tailHandle(clip, media, ref.rate());
}

Result<std::vector<model::GainKey>> volumeFromHead(const SeqRef& ref, const model::Clip& clip, time::FramePos head) {
  if (clip.audio.volume.empty() || head == clip.start) return clip.audio.volume;
  PL_TRY_ASSIGN(from, time::framesToSamples(clip.start, ref.rate()));
  PL_TRY_ASSIGN(to, time::framesToSamples(head, ref.rate()));
  return model::keysFromHead(clip.audio.volume, to.value - from.value);
}

Result<model::Clip> headTrimmed(const SeqRef& ref, const model::Clip& clip, const model::MediaItem& media,
                                FrameCount d, bool moveStart, const std::string& what) {
  PL_TRY(checkLength(clip, clip.duration - d, what));
  if (d.value < 0) {
    PL_TRY_ASSIGN(room, roomBefore(ref, clip, media));
    if (-d > room) return handleError(what, clip, clip.reverse, room);
  }
  model::Clip out = clip;
  out.duration = clip.duration - d;
  PL_TRY_ASSIGN(volume, volumeFromHead(ref, clip, clip.start + d));
  out.audio.volume = std::move(volume);
  if (moveStart) {
    out.start = clip.start + d;
    if (out.start.value < 0) return outOfRange(what + " would start " + quoted(clip) + " before the sequence start");
  }
  // A forward clip's head is its source start: the new first frame shows the tick the old clip
  // showed (or would show) at that position. A reversed clip's head is its source end: sourceIn stays.
  if (!sourceFixed(clip, media) && !clip.reverse) {
    PL_TRY_ASSIGN(ticks, model::ticksForFrames(d, clip.speed, ref.rate(), media.info.timeBase));
    out.sourceIn = clip.sourceIn + ticks;
  }
  return out;
}

Result<model::Clip> tailTrimmed(const SeqRef& ref, const model::Clip& clip, const model::MediaItem& media,
                                FrameCount d, const std::string& what) {
  PL_TRY(checkLength(clip, clip.duration + d, what));
  if (d.value > 0) {
    PL_TRY_ASSIGN(room, roomAfter(ref, clip, media));
    if (d > room) return handleError(what, clip, !clip.reverse, room);
  }
  model::Clip out = clip;
  out.duration = clip.duration + d;
  // A reversed clip's tail is its source start: its new last frame shows the tick the old clip
  // showed (or would show) there.
  if (!sourceFixed(clip, media) && clip.reverse) {
    PL_TRY_ASSIGN(ticks, model::ticksForFrames(-d, clip.speed, ref.rate(), media.info.timeBase));
    out.sourceIn = clip.sourceIn + ticks;
  }
  return out;
}

std::vector<ClipRef> linkedPartners(const SeqRef& ref, const ClipRef& c, LinkEdge edge) {
  std::vector<ClipRef> out;
  if (c.clip.linkGroup == 0) return out;
  for (const model::Track& t : ref.seq.tracks) {
    if (&t == &c.track || t.clips.empty()) continue;
    const model::Clip* k = nullptr;
    if (edge == LinkEdge::Tail) {
      k = model::clipAt(t, c.clip.end() - FrameCount{1});
      if (k != nullptr && k->end() != c.clip.end()) k = nullptr;
    } else {
      const std::size_t i = model::firstClipAtOrAfter(t, c.clip.start);
      k = i < t.clips.size() && t.clips[i].start == c.clip.start ? &t.clips[i] : nullptr;
      if (k != nullptr && edge == LinkEdge::Whole && k->duration != c.clip.duration) k = nullptr;
    }
    if (k == nullptr || k->linkGroup != c.clip.linkGroup) continue;
    if (const model::MediaItem* m = ref.project.findMedia(k->media)) out.push_back(ClipRef{t, *k, *m});
  }
  return out;
}

Result<void> checkTransitionFits(const SeqRef& ref, const model::Transition& t, const model::Clip& left,
                                 const model::Clip& right, const std::string& what) {
  const model::MediaItem* lm = ref.project.findMedia(left.media);
  const model::MediaItem* rm = ref.project.findMedia(right.media);
  if (lm == nullptr || rm == nullptr) return invalid(transitionText(t, left, right) + " refers to missing media");
  const time::FramePos cut = right.start;
  const time::FrameRange r = model::transitionRange(t, cut);
  const std::string prefix = what + (what.empty() ? "" : ": ") + transitionText(t, left, right);
  if (r.start < left.start || r.end > right.end()) {
    return outOfRange(prefix + " is longer than the clips around its cut");
  }
  PL_TRY_ASSIGN(tail, roomAfter(ref, left, *lm));
  PL_TRY_ASSIGN(head, roomBefore(ref, right, *rm));
  if (r.end - cut > tail) {
    return outOfRange(prefix + " needs " + framesText(r.end - cut) + " of handle after " + quoted(left) +
                      " but it has " + framesText(tail));
  }
  if (cut - r.start > head) {
    return outOfRange(prefix + " needs " + framesText(cut - r.start) + " of handle before " + quoted(right) +
                      " but it has " + framesText(head));
  }
  return {};
}

}  // namespace postline::edit
