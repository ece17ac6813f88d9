#include "core/edit/edit_plan.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/edit/clip_edges.h"

namespace postline::edit {

using time::FrameCount;
using time::FramePos;

Result<EditPlan::TrackEdit*> EditPlan::edit(const model::Track& track) {
  if (track.locked) return conflict("track " + track.name + " is locked");
  for (TrackEdit& te : m_tracks) {
    if (te.track == &track) return &te;
  }
  m_tracks.push_back(TrackEdit{&track, {}, {}, {}, {}, {}});
  return &m_tracks.back();
}

Result<void> EditPlan::update(const model::Track& track, const model::Clip& before, model::Clip after,
                              std::string what) {
  PL_TRY_ASSIGN(te, edit(track));
  const model::Clip* k = model::findClipOnTrack(track, before.id, before.start);
  if (k == nullptr) return invalid(quoted(before) + " is not on track " + track.name);
  PL_TRY(checkClipFits(m_ref, track, after));
  te->updates.push_back(Update{static_cast<std::size_t>(k - track.clips.data()), std::move(after), std::move(what)});
  return {};
}

Result<void> EditPlan::remove(const model::Track& track, const model::Clip& clip) {
  PL_TRY_ASSIGN(te, edit(track));
  const model::Clip* k = model::findClipOnTrack(track, clip.id, clip.start);
  if (k == nullptr) return invalid(quoted(clip) + " is not on track " + track.name);
  te->removes.push_back(static_cast<std::size_t>(k - track.clips.data()));
  return {};
}

Result<void> EditPlan::shift(const model::Track& track, FramePos from, FrameCount delta, std::uint64_t ripple) {
  PL_TRY_ASSIGN(te, edit(track));
  if (delta.value != 0) te->shifts.push_back(Shift{from, delta, ripple, false, 0});
  return {};
}

void EditPlan::shifted(const model::Track& track, FramePos from, FrameCount delta, std::uint64_t ripple) {
  if (delta.value != 0) m_external.push_back(Ripple{&track, from, delta, ripple});
}

Result<void> EditPlan::add(const model::Track& track, model::Clip clip) {
  PL_TRY_ASSIGN(te, edit(track));
  PL_TRY(checkClipFits(m_ref, track, clip));
  te->adds.push_back(std::move(clip));
  return {};
}

// Ripples the tracks holding linked partners of the clips the plan's shifts move (syncRipples).
Result<void> EditPlan::syncLinkedTracks() {
  std::vector<Ripple> ripples = m_external;
  for (const TrackEdit& te : m_tracks) {
    for (const Shift& s : te.shifts) ripples.push_back(Ripple{te.track, s.from, s.delta, s.ripple});
  }
  for (const Ripple& r : syncRipples(m_ref, ripples)) {
    if (r.track->locked) {
      return conflict("track " + r.track->name + " is locked, but it holds clips linked to clips the edit moves");
    }
    PL_TRY_ASSIGN(te, edit(*r.track));
    te->shifts.push_back(Shift{r.from, r.delta, r.key, true, 0});
  }
  return {};
}

FrameCount EditPlan::step(const TrackEdit& te, FramePos originalStart) {
  auto it = std::upper_bound(te.shifts.begin(), te.shifts.end(), originalStart,
                             [](FramePos s, const Shift& sh) { return s < sh.from; });
  return FrameCount{te.prefix[static_cast<std::size_t>(it - te.shifts.begin())]};
}

const EditPlan::Update* EditPlan::findUpdate(const TrackEdit& te, std::size_t index) {
  auto it = std::lower_bound(te.updates.begin(), te.updates.end(), index,
                             [](const Update& u, std::size_t i) { return u.index < i; });
  return it != te.updates.end() && it->index == index ? &*it : nullptr;
}

bool EditPlan::removed(const TrackEdit& te, std::size_t index) {
  return std::binary_search(te.removes.begin(), te.removes.end(), index);
}

std::size_t EditPlan::keptBefore(const TrackEdit& te, std::size_t index) {
  for (std::size_t j = index; j-- > 0;) {
    if (!removed(te, j)) return j;
  }
  return kNone;
}

std::size_t EditPlan::keptAfter(const TrackEdit& te, std::size_t index) {
  for (std::size_t j = index + 1; j < te.track->clips.size(); ++j) {
    if (!removed(te, j)) return j;
  }
  return kNone;
}

EditPlan::Final EditPlan::finalAt(const TrackEdit& te, std::size_t index) {
  const model::Clip& c = te.track->clips[index];
  const FrameCount moved = step(te, c.start);
  if (const Update* u = findUpdate(te, index)) return Final{&u->after, u->after.start + moved};
  return Final{&c, c.start + moved};
}

// Moves each shift's `from` to the start of the first kept clip it moves (the same clips move),
// merges shifts that now start at the same clip and drops those that move nothing. Afterwards at
// most one shift lies between two kept neighbours, so the checks are local and the emitted
// ripples (largest `from` first) never pass over a clip that stays.
void EditPlan::normalizeShifts(TrackEdit& te) {
  const std::vector<model::Clip>& clips = te.track->clips;
  std::vector<Shift> kept;
  for (Shift s : te.shifts) {
    std::size_t i = model::firstClipAtOrAfter(*te.track, s.from);
    while (i < clips.size() && removed(te, i)) ++i;
    if (i >= clips.size()) continue;
    s.first = i;
    s.from = clips[i].start;
    kept.push_back(s);
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Shift& a, const Shift& b) { return a.first < b.first; });
  te.shifts.clear();
  for (const Shift& s : kept) {
    if (te.shifts.empty() || te.shifts.back().first != s.first) {
      te.shifts.push_back(s);
      continue;
    }
    te.shifts.back().delta += s.delta;
    te.shifts.back().synced = te.shifts.back().synced || s.synced;
  }
  std::erase_if(te.shifts, [](const Shift& s) { return s.delta.value == 0; });
}

// Sorts the track's changes and checks its final state around every change.
Result<void> EditPlan::prepare(TrackEdit& te) const {
  std::sort(te.removes.begin(), te.removes.end());
  te.removes.erase(std::unique(te.removes.begin(), te.removes.end()), te.removes.end());
  normalizeShifts(te);
  te.prefix.assign(1, 0);
  for (const Shift& s : te.shifts) te.prefix.push_back(te.prefix.back() + s.delta.value);
  std::stable_sort(te.updates.begin(), te.updates.end(), [](const Update& a, const Update& b) { return a.index < b.index; });
  PL_TRY(checkUpdates(te));
  return checkShifts(te);
}

// No updated clip overlaps its final neighbours; no clip is edited twice or edited and removed.
Result<void> EditPlan::checkUpdates(const TrackEdit& te) const {
  for (std::size_t u = 0; u < te.updates.size(); ++u) {
    const Update& up = te.updates[u];
    if (u > 0 && te.updates[u - 1].index == up.index) return invalid(up.what + " edits " + quoted(up.after) + " twice");
    if (removed(te, up.index)) return invalid(up.what + " edits " + quoted(up.after) + ", which it removes");
    const Final me = finalAt(te, up.index);
    for (std::size_t n : {keptBefore(te, up.index), keptAfter(te, up.index)}) {
      if (n == kNone) continue;
      const Final other = finalAt(te, n);
      const bool overlaps = n < up.index ? other.end() > me.start : me.end() > other.start;
      if (overlaps) {
        return conflict(up.what + " would overlap " + quoted(*other.data) + " on " + te.track->name);
      }
    }
  }
  return {};
}

// Each ripple leaves the clip before it in place without overlap (finally, and while the
// ChangeSet's ClipsShifted runs: no clip that stays may start in [from + delta, from)).
Result<void> EditPlan::checkShifts(const TrackEdit& te) const {
  const std::vector<model::Clip>& clips = te.track->clips;
  for (const Shift& s : te.shifts) {
    const Final first = finalAt(te, s.first);
    const std::string why = s.synced ? " (the track ripples to keep linked clips in sync)" : "";
    if (first.start.value < 0) {
      return conflict(quoted(*first.data) + " on " + te.track->name + " would move before the sequence start" + why);
    }
    const std::size_t p = keptBefore(te, s.first);
    if (p == kNone) continue;
    const bool passes = s.delta.value < 0 && clips[p].start >= s.from + s.delta;
    if (passes || finalAt(te, p).end() > first.start) {
      return conflict(quoted(clips[p]) + " on " + te.track->name + " is in the way of the ripple at frame " +
                      std::to_string(s.from.value) + ": " + quoted(*first.data) + " would overlap it" + why);
    }
  }
  return {};
}

// Index of the left clip of each original cut that the track's changes may alter (sorted, unique;
// a wrapped index stands for "no clip before"). Cuts next to removed clips lose their transitions anyway.
std::vector<std::size_t> EditPlan::candidateCuts(const TrackEdit& te) {
  std::vector<std::size_t> lefts;
  for (const Update& u : te.updates) {
    if (u.index > 0) lefts.push_back(u.index - 1);
    lefts.push_back(u.index);
  }
  for (const Shift& s : te.shifts) lefts.push_back(s.first - 1);
  for (const model::Clip& a : te.adds) lefts.push_back(model::firstClipAtOrAfter(*te.track, a.start) - 1);
  std::sort(lefts.begin(), lefts.end());
  lefts.erase(std::unique(lefts.begin(), lefts.end()), lefts.end());
  return lefts;
}

// Removes the transitions touching removed clips; returns the other transitions on the plan's
// tracks by their left clip's id.
std::unordered_map<std::uint64_t, const model::Transition*> EditPlan::transitionsByLeft(ChangeSet& cs) const {
  std::unordered_set<std::uint64_t> gone;
  for (const TrackEdit& te : m_tracks) {
    for (std::size_t r : te.removes) gone.insert(te.track->clips[r].id.value);
  }
  std::unordered_map<std::uint64_t, const model::Transition*> byLeft;
  for (const model::Transition& t : m_ref.seq.transitions) {
    auto onTrack = [&](const TrackEdit& te) { return te.track->id == t.track; };
    if (std::none_of(m_tracks.begin(), m_tracks.end(), onTrack)) continue;
    if (gone.contains(t.left.value) || gone.contains(t.right.value)) {
      cs.add(model::TransitionRemoved{m_ref.seq.id, t});
    } else {
      byLeft.emplace(t.left.value, &t);
    }
  }
  return byLeft;
}

// Removes the transitions touching removed clips and those whose cut vanished; checks the handles
// of the transitions that stay on cuts next to the plan's changes.
Result<void> EditPlan::checkTransitions(ChangeSet& cs) const {
  const std::unordered_map<std::uint64_t, const model::Transition*> byLeft = transitionsByLeft(cs);
  if (byLeft.empty()) return {};
  for (const TrackEdit& te : m_tracks) {
    const std::vector<model::Clip>& clips = te.track->clips;
    for (std::size_t l : candidateCuts(te)) {
      if (l >= clips.size() || l + 1 >= clips.size()) continue;  // also skips the wrapped "no clip before" index
      auto it = byLeft.find(clips[l].id.value);
      if (it == byLeft.end() || it->second->right != clips[l + 1].id) continue;
      const model::Transition& t = *it->second;
      const Final left = finalAt(te, l);
      const Final right = finalAt(te, l + 1);
      if (left.end() != right.start) {
        cs.add(model::TransitionRemoved{m_ref.seq.id, t});
        continue;
      }
      const Update* u = findUpdate(te, l);
      if (u == nullptr) u = findUpdate(te, l + 1);
      model::Clip lc = *left.data;
      model::Clip rc = *right.data;
      lc.start = left.start;
      rc.start = right.start;
      PL_TRY(checkTransitionFits(m_ref, t, lc, rc, u != nullptr ? u->what : std::string()));
    }
  }
  return {};
}

// Emits one track's changes: removed clips, ripple shifts (largest `from` first, on the original
// clips), then updates (before = the original as shifted), then added clips.
void EditPlan::emit(const TrackEdit& te, ChangeSet& cs) const {
  const std::size_t count = te.removes.size() + te.shifts.size() + te.updates.size() + te.adds.size();
  cs.changes.reserve(cs.changes.size() + count);
  for (std::size_t r : te.removes) cs.add(model::ClipRemoved{m_ref.seq.id, te.track->id, te.track->clips[r]});
  for (auto it = te.shifts.rbegin(); it != te.shifts.rend(); ++it) {
    cs.add(model::ClipsShifted{m_ref.seq.id, te.track->id, it->from, it->delta});
  }
  for (const Update& u : te.updates) {
    model::Clip before = te.track->clips[u.index];
    const FrameCount moved = step(te, before.start);
    before.start += moved;
    model::Clip after = u.after;
    after.start += moved;
    if (!(before == after)) cs.add(model::ClipUpdated{m_ref.seq.id, te.track->id, std::move(before), std::move(after)});
  }
  for (const model::Clip& a : te.adds) cs.add(model::ClipAdded{m_ref.seq.id, te.track->id, a});
}

Result<ChangeSet> EditPlan::finish(ChangeSet cs) {
  PL_TRY(syncLinkedTracks());
  for (TrackEdit& te : m_tracks) PL_TRY(prepare(te));
  PL_TRY(checkTransitions(cs));
  for (const TrackEdit& te : m_tracks) emit(te, cs);
  return cs;
}

}  // namespace postline::edit
