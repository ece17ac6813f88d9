#include "core/edit/move.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/edit/link.h"

namespace postline::edit {

using time::FrameCount;
using time::FramePos;

namespace {

// One clip's move: where it is, where it goes.
struct Move {
  const model::Track* from = nullptr;
  const model::Track* to = nullptr;
  const model::Clip* before = nullptr;
  model::Clip after;
};

// The track `offset` tracks of the same kind away from `from`.
Result<const model::Track*> offsetTrack(const SeqRef& ref, const model::Track& from, int offset) {
  if (offset == 0) return &from;
  std::vector<const model::Track*> same;
  std::ptrdiff_t index = 0;
  for (const model::Track& t : ref.seq.tracks) {
    if (&t == &from) index = static_cast<std::ptrdiff_t>(same.size());
    if (t.kind == from.kind) same.push_back(&t);
  }
  const std::ptrdiff_t target = index + offset;
  if (target < 0 || target >= static_cast<std::ptrdiff_t>(same.size())) {
    return outOfRange(std::string("there is no ") + model::trackKindName(from.kind) + " track " +
                      std::to_string(offset) + " away from " + from.name);
  }
  const model::Track* t = same[static_cast<std::size_t>(target)];
  if (t->locked) return conflict("track " + t->name + " is locked");
  return t;
}

Result<std::vector<Move>> planMoves(const SeqRef& ref, const std::vector<ClipOnTrack>& clips, FrameCount delta,
                                    int offset) {
  std::vector<Move> moves;
  for (const ClipOnTrack& c : clips) {
    if (c.track->locked) return conflict("clip '" + c.clip->name + "' is on locked track " + c.track->name);
    Move m{c.track, c.track, c.clip, *c.clip};
    if (c.selected) {
      auto to = offsetTrack(ref, *c.track, offset);
      if (!to.ok()) return to.error();
      m.to = to.value();
    }
    m.after.start += delta;
    if (m.after.start.value < 0) return conflict("clip '" + c.clip->name + "' would start before the sequence");
    moves.push_back(std::move(m));
  }
  return moves;
}

// Conflict when moved clips overlap each other or a clip that stays, on their target tracks.
Result<void> checkOverlaps(std::vector<const Move*> onTrack, const std::unordered_set<std::uint64_t>& moving) {
  std::sort(onTrack.begin(), onTrack.end(), [](const Move* a, const Move* b) { return a->after.start < b->after.start; });
  const model::Track& track = *onTrack.front()->to;
  for (std::size_t k = 0; k < onTrack.size(); ++k) {
    const model::Clip& c = onTrack[k]->after;
    if (k + 1 < onTrack.size() && c.end() > onTrack[k + 1]->after.start) {
      return conflict("'" + c.name + "' would overlap '" + onTrack[k + 1]->after.name + "' on " + track.name);
    }
    std::size_t i = model::firstClipAtOrAfter(track, c.start);
    if (i > 0) --i;
    for (; i < track.clips.size() && track.clips[i].start < c.end(); ++i) {
      const model::Clip& other = track.clips[i];
      if (!moving.contains(other.id.value) && other.record().overlaps(c.record())) {
        return conflict("'" + c.name + "' would overlap '" + other.name + "' on " + track.name);
      }
    }
  }
  return {};
}

// Transitions touching moved clips: kept (retargeted) when both clips land on one track, else removed.
void moveTransitions(const SeqRef& ref, const std::unordered_map<std::uint64_t, const model::Track*>& target,
                     ChangeSet& cs) {
  for (const model::Transition& t : ref.seq.transitions) {
    auto l = target.find(t.left.value);
    auto r = target.find(t.right.value);
    if (l == target.end() && r == target.end()) continue;
    if (l == target.end() || r == target.end() || l->second != r->second) {
      cs.add(model::TransitionRemoved{ref.seq.id, t});
    } else if (l->second->id != t.track) {
      model::Transition after = t;
      after.track = l->second->id;
      cs.add(model::TransitionUpdated{ref.seq.id, t, after});
    }
  }
}

}  // namespace

Result<ChangeSet> moveClips(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids,
                            FrameCount delta, int trackOffset) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(clips, withLinkedPartners(ref, ids));
  if (delta.value == 0 && trackOffset == 0) return ChangeSet{};
  PL_TRY_ASSIGN(moves, planMoves(ref, clips, delta, trackOffset));
  std::unordered_set<std::uint64_t> moving;
  std::unordered_map<std::uint64_t, const model::Track*> target;
  std::unordered_map<std::uint64_t, std::vector<const Move*>> byTrack;
  for (const Move& m : moves) {
    moving.insert(m.before->id.value);
    target.emplace(m.before->id.value, m.to);
    byTrack[m.to->id.value].push_back(&m);
  }
  for (const auto& [id, onTrack] : byTrack) PL_TRY(checkOverlaps(onTrack, moving));
  ChangeSet cs;
  moveTransitions(ref, target, cs);
  // Later clips first when moving right (earlier first when moving left), so a track stays sorted
  // while the updates apply one by one.
  if (delta.value > 0) std::reverse(moves.begin(), moves.end());
  for (const Move& m : moves) {
    if (m.to == m.from) {
      cs.add(clipUpdate(ref, *m.from, *m.before, m.after));
    } else {
      cs.add(model::ClipRemoved{ref.seq.id, m.from->id, *m.before});
      cs.add(model::ClipAdded{ref.seq.id, m.to->id, m.after});
    }
  }
  return cs;
}

std::vector<FramePos> snapTargets(const model::Sequence& seq, FramePos playhead,
                                  const std::vector<model::ClipId>& exclude) {
  std::unordered_set<std::uint64_t> skip;
  for (model::ClipId id : exclude) skip.insert(id.value);
  std::vector<FramePos> out;
  for (const model::Track& t : seq.tracks) {
    for (const model::Clip& c : t.clips) {
      if (skip.contains(c.id.value)) continue;
      out.push_back(c.start);
      out.push_back(c.end());
    }
  }
  out.push_back(playhead);
  for (const model::Marker& m : seq.markers) {
    out.push_back(m.position);
    if (m.duration.value > 0) out.push_back(m.position + m.duration);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// The nearest target within tolerance (ties to the earlier), or nothing.
std::optional<FramePos> nearest(FramePos candidate, const std::vector<FramePos>& targets, FrameCount tolerance) {
  auto it = std::lower_bound(targets.begin(), targets.end(), candidate);
  std::optional<FramePos> best;
  if (it != targets.begin()) best = *std::prev(it);
  if (it != targets.end() && (!best || *it - candidate < candidate - *best)) best = *it;
  if (!best) return std::nullopt;
  const std::int64_t distance = std::abs((*best - candidate).value);
  if (distance > tolerance.value) return std::nullopt;
  return best;
}

// The clips `ids` and their linked partners, as ids, and the frames they span together [first, last).
std::vector<model::ClipId> withPartners(const model::Sequence& seq, const std::vector<model::ClipId>& ids,
                                        FramePos& first, FramePos& last) {
  std::unordered_set<std::uint64_t> wanted;
  for (model::ClipId id : ids) wanted.insert(id.value);
  std::unordered_set<std::uint64_t> groups;
  for (const model::Track& t : seq.tracks) {
    for (const model::Clip& c : t.clips) {
      if (c.linkGroup != 0 && wanted.contains(c.id.value)) groups.insert(c.linkGroup);
    }
  }
  std::vector<model::ClipId> out;
  for (const model::Track& t : seq.tracks) {
    for (const model::Clip& c : t.clips) {
      if (!wanted.contains(c.id.value) && (c.linkGroup == 0 || !groups.contains(c.linkGroup))) continue;
      first = out.empty() ? c.start : std::min(first, c.start);
      last = out.empty() ? c.end() : std::max(last, c.end());
      out.push_back(c.id);
    }
  }
  return out;
}

}  // namespace

FramePos snap(FramePos candidate, const std::vector<FramePos>& targets, FrameCount tolerance) {
  return nearest(candidate, targets, tolerance).value_or(candidate);
}

FrameCount snapMoveDelta(const model::Sequence& seq, const std::vector<model::ClipId>& clips, FrameCount delta,
                         FramePos playhead, FrameCount tolerance) {
  FramePos first{0};
  FramePos last{0};
  const std::vector<model::ClipId> moving = withPartners(seq, clips, first, last);
  if (moving.empty()) return delta;
  const std::vector<FramePos> targets = snapTargets(seq, playhead, moving);
  const std::optional<FramePos> s = nearest(first + delta, targets, tolerance);
  const std::optional<FramePos> e = nearest(last + delta, targets, tolerance);
  if (s && (!e || std::abs((*s - (first + delta)).value) <= std::abs((*e - (last + delta)).value))) return *s - first;
  if (e) return *e - last;
  return delta;
}

}  // namespace postline::edit
