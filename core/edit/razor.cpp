#include "core/edit/razor.h"

#include <algorithm>
#include <unordered_map>

#include "core/edit/clip_edges.h"
#include "core/model/clip_timing.h"
#include "core/time/timecode.h"

namespace postline::edit {

using time::FrameCount;
using time::FramePos;

Result<SplitParts> splitClip(const SeqRef& ref, const model::Clip& clip, FramePos at, model::ClipId rightId) {
  if (!(clip.start < at && at < clip.end())) {
    return invalid("cannot cut clip '" + clip.name + "' at frame " + std::to_string(at.value) + ": it covers frames " +
                   std::to_string(clip.start.value) + " to " + std::to_string(clip.end().value - 1));
  }
  const model::MediaItem* media = ref.project.findMedia(clip.media);
  if (media == nullptr) return base::makeError(base::ErrorCode::NotFound, "clip '" + clip.name + "' refers to missing media");
  SplitParts p{clip, clip};
  p.left.duration = at - clip.start;
  p.right.id = rightId;
  p.right.start = at;
  p.right.duration = clip.end() - at;
  if (!clip.freeze) {
    // Forward: the right part starts after the left part's source. Reversed: the right part shows
    // the start of the source range, so the left part starts after the right part's source.
    const FrameCount skip = clip.reverse ? p.right.duration : p.left.duration;
    PL_TRY_ASSIGN(ticks, model::ticksForFrames(skip, clip.speed, ref.rate(), media->info.timeBase));
    (clip.reverse ? p.left : p.right).sourceIn = clip.sourceIn + ticks;
  }
  p.left.audio.fadeIn = std::min(clip.audio.fadeIn, p.left.duration);
  p.left.audio.fadeOut = FrameCount{0};
  p.right.audio.fadeIn = FrameCount{0};
  p.right.audio.fadeOut = std::min(clip.audio.fadeOut, p.right.duration);
  // The left part keeps every key (those past its end sound again if its tail is extended).
  PL_TRY_ASSIGN(volume, volumeFromHead(ref, clip, at));
  p.right.audio.volume = std::move(volume);
  return p;
}

std::vector<model::Clip*> newParts(std::vector<ClipPieces>& pieces) {
  std::vector<model::Clip*> out;
  for (ClipPieces& p : pieces) {
    for (model::Clip& c : p.after) {
      if (c.id != p.before.id) out.push_back(&c);
    }
  }
  return out;
}

void emitPieces(const SeqRef& ref, const std::vector<ClipPieces>& pieces, ChangeSet& cs) {
  for (const ClipPieces& p : pieces) {
    bool kept = false;
    for (const model::Clip& c : p.after) {
      if (c.id == p.before.id) {
        kept = true;
        cs.add(clipUpdate(ref, *p.track, p.before, c));
      } else {
        cs.add(model::ClipAdded{ref.seq.id, p.track->id, c});
      }
    }
    if (!kept) cs.add(model::ClipRemoved{ref.seq.id, p.track->id, p.before});
  }
}

namespace {

// The piece of `p` that ends where its original ended (keepEnd) or starts where it started.
const model::Clip* heir(const ClipPieces& p, bool keepEnd) {
  for (const model::Clip& c : p.after) {
    if (keepEnd ? c.end() == p.before.end() : c.start == p.before.start) return &c;
  }
  return nullptr;
}

// The clip now holding one side of a transition's cut: unchanged, an heir piece, or none.
const model::Clip* sideAfter(const SeqRef& ref, const model::Transition& t, bool left,
                             const std::unordered_map<std::uint64_t, const ClipPieces*>& byId) {
  const model::ClipId id = left ? t.left : t.right;
  auto it = byId.find(id.value);
  if (it != byId.end()) return heir(*it->second, left);
  const model::Track* track = ref.seq.findTrack(t.track);
  return track ? model::findClipOnTrack(*track, id) : nullptr;
}

}  // namespace

Result<void> reconcileTransitions(const SeqRef& ref, const std::vector<ClipPieces>& pieces, UnfitTransition mode,
                                  ChangeSet& cs) {
  if (pieces.empty() || ref.seq.transitions.empty()) return {};
  std::unordered_map<std::uint64_t, const ClipPieces*> byId;
  for (const ClipPieces& p : pieces) byId.emplace(p.before.id.value, &p);
  for (const model::Transition& t : ref.seq.transitions) {
    if (!byId.contains(t.left.value) && !byId.contains(t.right.value)) continue;
    const model::Clip* left = sideAfter(ref, t, true, byId);
    const model::Clip* right = sideAfter(ref, t, false, byId);
    if (left == nullptr || right == nullptr || left->end() != right->start) {
      cs.add(model::TransitionRemoved{ref.seq.id, t});
      continue;
    }
    const time::FrameRange r = model::transitionRange(t, right->start);
    if (r.start < left->start || r.end > right->end()) {
      if (mode == UnfitTransition::Fail) {
        return conflict("the edit would cut inside the transition between '" + left->name + "' and '" + right->name +
                        "'");
      }
      cs.add(model::TransitionRemoved{ref.seq.id, t});
      continue;
    }
    if (left->id == t.left && right->id == t.right) continue;
    model::Transition after = t;
    after.left = left->id;
    after.right = right->id;
    cs.add(model::TransitionUpdated{ref.seq.id, t, after});
  }
  return {};
}

void relinkSplitParts(const model::Project& project, const std::vector<model::Clip*>& parts, ChangeSet& cs) {
  std::unordered_map<std::uint64_t, int> counts;
  for (const model::Clip* c : parts) {
    if (c->linkGroup != 0) ++counts[c->linkGroup];
  }
  std::unordered_map<std::uint64_t, std::uint64_t> fresh;
  for (model::Clip* c : parts) {
    if (c->linkGroup == 0) continue;
    if (counts[c->linkGroup] < 2) {
      c->linkGroup = 0;
      continue;
    }
    auto [it, added] = fresh.try_emplace(c->linkGroup, 0);
    if (added) it->second = model::reserveIds(project, cs, 1);
    c->linkGroup = it->second;
  }
}

namespace {

// The tracks a razor cuts: the named ones (locked is an error), or every unlocked track.
Result<std::vector<const model::Track*>> razorTracks(const SeqRef& ref, const std::vector<model::TrackId>& ids) {
  std::vector<const model::Track*> out;
  if (ids.empty()) {
    for (const model::Track& t : ref.seq.tracks) {
      if (!t.locked) out.push_back(&t);
    }
    return out;
  }
  for (model::TrackId id : ids) {
    PL_TRY_ASSIGN(t, resolveTrack(ref, id));
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  return out;
}

}  // namespace

Result<ChangeSet> razor(const model::Project& project, model::SequenceId seq, FramePos at,
                        std::vector<model::TrackId> tracks) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(targets, razorTracks(ref, tracks));
  ChangeSet cs;
  std::vector<ClipPieces> pieces;
  for (const model::Track* t : targets) {
    const model::Clip* c = model::clipAt(*t, at);
    if (c == nullptr || c->start == at) continue;
    const model::ClipId rightId{model::reserveIds(project, cs, 1)};
    PL_TRY_ASSIGN(parts, splitClip(ref, *c, at, rightId));
    pieces.push_back(ClipPieces{t, *c, {parts.left, parts.right}});
  }
  if (pieces.empty()) return invalid("nothing to cut at " + time::formatTimecode(at, ref.rate()));
  std::vector<model::Clip*> rights;
  for (ClipPieces& p : pieces) rights.push_back(&p.after.back());
  relinkSplitParts(project, rights, cs);
  PL_TRY(reconcileTransitions(ref, pieces, UnfitTransition::Fail, cs));
  emitPieces(ref, pieces, cs);
  return cs;
}

}  // namespace postline::edit
