#include "core/edit/placement.h"

#include <utility>
#include <vector>

#include "core/edit/edit_plan.h"
#include "core/edit/razor.h"
#include "core/model/clip_timing.h"
#include "core/time/convert.h"

namespace postline::edit {

using time::FrameCount;
using time::FramePos;

namespace {

// One of the clips a placement puts down, with its track.
struct Placed {
  const model::Track* track;
  model::Clip clip;
};

Result<FrameCount> stillDefault(const SeqRef& ref) {
  PL_TRY_ASSIGN(pos, time::secondsToFrames(time::Rational(kDefaultStillSeconds), ref.rate()));
  return FrameCount{pos.value};
}

Result<void> checkSpanInside(const model::MediaItem& media, const SourceSpan& span) {
  const std::string range = "[" + std::to_string(span.in) + ", " + std::to_string(span.out) + ")";
  if (span.out <= span.in) return invalid("source range " + range + " of '" + media.name + "' is empty");
  if (span.in < 0 || span.out > media.info.duration) {
    return outOfRange("source range " + range + " lies outside '" + media.name + "' (0 to " +
                      std::to_string(media.info.duration) + " ticks)");
  }
  return {};
}

}  // namespace

Result<FrameCount> spanFrames(const SeqRef& ref, const model::MediaItem& media, const SourceSpan& span) {
  const time::Rational one(1);
  if (media.info.still && span.out <= span.in) return stillDefault(ref);
  if (!media.info.still) PL_TRY(checkSpanInside(media, span));
  PL_TRY_ASSIGN(frames, model::framesForTicks(span.out - span.in, one, ref.rate(), media.info.timeBase));
  if (!media.info.still) {
    PL_TRY_ASSIGN(ticks, model::ticksForFrames(frames, one, ref.rate(), media.info.timeBase));
    if (span.in + ticks > media.info.duration) frames -= FrameCount{1};
  }
  if (frames.value <= 0) return invalid("source range of '" + media.name + "' is shorter than one frame");
  return frames;
}

Result<model::Clip> makeClip(const SeqRef& ref, const model::Track& track, const SourceSpan& span, FramePos start,
                             model::ClipId id) {
  const model::MediaItem* media = ref.project.findMedia(span.media);
  if (media == nullptr) {
    return base::makeError(base::ErrorCode::NotFound, "media " + std::to_string(span.media.value) + " is not in the project");
  }
  if (start.value < 0) return outOfRange("'" + media->name + "' cannot start before the sequence (frame " +
                                         std::to_string(start.value) + ")");
  PL_TRY_ASSIGN(duration, spanFrames(ref, *media, span));
  model::Clip c;
  c.id = id;
  c.media = media->id;
  c.start = start;
  c.duration = duration;
  c.sourceIn = media->info.still && span.out <= span.in ? 0 : span.in;
  c.name = media->name;
  PL_TRY(checkClipFits(ref, track, c));
  return c;
}

namespace {

// The track for the linked audio clip, or nullptr when none applies.
Result<const model::Track*> linkedTrack(const SeqRef& ref, const model::Track& main, const model::MediaItem& media,
                                        model::TrackId id) {
  if (!id.valid()) return static_cast<const model::Track*>(nullptr);
  PL_TRY_ASSIGN(t, resolveTrack(ref, id));
  if (t->kind != model::TrackKind::Audio) return invalid("linked audio track " + t->name + " is not an audio track");
  if (main.kind != model::TrackKind::Video) return invalid("a linked audio clip needs a video target, not " + main.name);
  if (media.info.still || !media.info.hasVideo || !media.info.hasAudio) return static_cast<const model::Track*>(nullptr);
  return t;
}

// The clips a placement puts down at `at`: the main clip, then the linked audio clip if any.
Result<std::vector<Placed>> preparePlacement(const SeqRef& ref, model::TrackId trackId, FramePos at,
                                             const SourceSpan& span, model::TrackId linkedId, ChangeSet& cs) {
  PL_TRY_ASSIGN(track, resolveTrack(ref, trackId));
  const model::MediaItem* media = ref.project.findMedia(span.media);
  if (media == nullptr) {
    return base::makeError(base::ErrorCode::NotFound, "media " + std::to_string(span.media.value) + " is not in the project");
  }
  PL_TRY_ASSIGN(linked, linkedTrack(ref, *track, *media, linkedId));
  const std::uint64_t first = model::reserveIds(ref.project, cs, linked ? 3 : 1);
  PL_TRY_ASSIGN(clip, makeClip(ref, *track, span, at, model::ClipId{first}));
  std::vector<Placed> out;
  if (linked != nullptr) {
    clip.linkGroup = first + 2;
    model::Clip audio = clip;
    audio.id = model::ClipId{first + 1};
    PL_TRY(checkClipFits(ref, *linked, audio));
    out.push_back({track, clip});
    out.push_back({linked, audio});
  } else {
    out.push_back({track, clip});
  }
  return out;
}

// Conflict when `clip` would overlap a clip already on `track`.
Result<void> checkFree(const model::Track& track, const model::Clip& clip) {
  std::size_t i = model::firstClipAtOrAfter(track, clip.start);
  if (i > 0) --i;
  for (; i < track.clips.size() && track.clips[i].start < clip.end(); ++i) {
    if (track.clips[i].record().overlaps(clip.record())) {
      return conflict("'" + clip.name + "' would overlap '" + track.clips[i].name + "' on " + track.name);
    }
  }
  return {};
}

// Removes a transition on the cut exactly at `at` on `track` (the cut is about to be filled).
void removeTransitionAtCut(const SeqRef& ref, const model::Track& track, FramePos at, ChangeSet& cs) {
  const std::size_t i = model::firstClipAtOrAfter(track, at);
  if (i == 0 || i >= track.clips.size() || track.clips[i].start != at || track.clips[i - 1].end() != at) return;
  for (const model::Transition& t : ref.seq.transitions) {
    if (t.track == track.id && t.left == track.clips[i - 1].id && t.right == track.clips[i].id) {
      cs.add(model::TransitionRemoved{ref.seq.id, t});
    }
  }
}

// The pieces of the clips on `track` that lie under `range`: trimmed, split or removed.
Result<std::vector<ClipPieces>> clearRange(const SeqRef& ref, const model::Track& track, time::FrameRange range,
                                           ChangeSet& cs) {
  std::vector<ClipPieces> out;
  std::size_t i = model::firstClipAtOrAfter(track, range.start);
  if (i > 0 && track.clips[i - 1].end() > range.start) --i;
  for (; i < track.clips.size() && track.clips[i].start < range.end; ++i) {
    const model::Clip& c = track.clips[i];
    ClipPieces p{&track, c, {}};
    if (c.start < range.start) {
      PL_TRY_ASSIGN(parts, splitClip(ref, c, range.start, c.id));
      p.after.push_back(parts.left);
    }
    if (c.end() > range.end) {
      const model::ClipId id = c.start < range.start ? model::ClipId{model::reserveIds(ref.project, cs, 1)} : c.id;
      PL_TRY_ASSIGN(parts, splitClip(ref, c, range.end, id));
      p.after.push_back(parts.right);
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Result<ChangeSet> append(const model::Project& project, model::SequenceId seq, model::TrackId track,
                         const SourceSpan& span, model::TrackId linkedAudioTrack) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(main, resolveTrack(ref, track));
  const FramePos at = main->clips.empty() ? FramePos{0} : main->clips.back().end();
  ChangeSet cs;
  PL_TRY_ASSIGN(placed, preparePlacement(ref, track, at, span, linkedAudioTrack, cs));
  for (const Placed& p : placed) {
    PL_TRY(checkFree(*p.track, p.clip));
    cs.add(model::ClipAdded{ref.seq.id, p.track->id, p.clip});
  }
  return cs;
}

Result<ChangeSet> insert(const model::Project& project, model::SequenceId seq, model::TrackId track, FramePos at,
                         const SourceSpan& span, model::TrackId linkedAudioTrack) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  ChangeSet cs;
  PL_TRY_ASSIGN(placed, preparePlacement(ref, track, at, span, linkedAudioTrack, cs));
  std::vector<ClipPieces> pieces;
  for (const Placed& p : placed) {
    const model::Clip* under = model::clipAt(*p.track, at);
    if (under == nullptr || under->start == at) continue;
    PL_TRY_ASSIGN(parts, splitClip(ref, *under, at, model::ClipId{model::reserveIds(project, cs, 1)}));
    pieces.push_back(ClipPieces{p.track, *under, {parts.left, parts.right}});
  }
  relinkSplitParts(project, newParts(pieces), cs);
  PL_TRY(reconcileTransitions(ref, pieces, UnfitTransition::Fail, cs));
  for (const Placed& p : placed) removeTransitionAtCut(ref, *p.track, at, cs);
  // Right parts go in at `at` first, so the ripple below carries them along with everything after.
  emitPieces(ref, pieces, cs);
  // The tracks holding clips linked to clips the ripple moves ripple too (EditPlan, sync_ripple.h).
  EditPlan plan(ref);
  for (const Placed& p : placed) {
    cs.add(model::ClipsShifted{ref.seq.id, p.track->id, at, p.clip.duration});
    cs.add(model::ClipAdded{ref.seq.id, p.track->id, p.clip});
    plan.shifted(*p.track, at, p.clip.duration, placed.front().clip.id.value);
  }
  return plan.finish(std::move(cs));
}

Result<ChangeSet> overwrite(const model::Project& project, model::SequenceId seq, model::TrackId track, FramePos at,
                            const SourceSpan& span, model::TrackId linkedAudioTrack) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  ChangeSet cs;
  PL_TRY_ASSIGN(placed, preparePlacement(ref, track, at, span, linkedAudioTrack, cs));
  std::vector<ClipPieces> pieces;
  for (const Placed& p : placed) {
    PL_TRY_ASSIGN(cleared, clearRange(ref, *p.track, p.clip.record(), cs));
    for (ClipPieces& c : cleared) pieces.push_back(std::move(c));
  }
  relinkSplitParts(project, newParts(pieces), cs);
  PL_TRY(reconcileTransitions(ref, pieces, UnfitTransition::Remove, cs));
  emitPieces(ref, pieces, cs);
  for (const Placed& p : placed) cs.add(model::ClipAdded{ref.seq.id, p.track->id, p.clip});
  return cs;
}

}  // namespace postline::edit
