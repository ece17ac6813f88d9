#include "core/edit/edit_plan.h"

#include <algorithm>
#include <unordered_map>

#include "core/edit/clip_edges.h"

namespace postline::edit {

using time::FrameCount;
using time::FramePos;

Result<EditPlan::TrackEdit*> EditPlan::edit(const model::Track& track) {
  if (track.locked) return conflict("track " + track.name + " is locked");
  for (TrackEdit& te : m_tracks) {
    if (te.track == &track) return &te;
  }
  m_tracks.push_back(TrackEdit{&track, {}, {}, {}, {}});
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

Result<void> EditPlan::shift(const model::Track& track, FramePos from, FrameCount delta) {
  PL_TRY_ASSIGN(te, edit(track));
  if (delta.value != 0) te->shifts.push_back(Shift{from, delta});
  return {};
}

Result<void> EditPlan::add(const model::Track& track, model::Clip clip) {
  PL_TRY_ASSIGN(te, edit(track));
  PL_TRY(checkClipFits(m_ref, track, clip));
  te->adds.push_back(std::move(clip));
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

EditPlan::Final EditPlan::finalAt(const TrackEdit& te, std::size_t index) {
  if (const Update* u = findUpdate(te, index)) return Final{&u->after, u->after.start};
  const model::Clip& c = te.track->clips[index];
  return Final{&c, c.start + step(te, c.start)};
}

// Sorts the track's changes and checks that no updated clip overlaps its final neighbours.
Result<void> EditPlan::prepare(TrackEdit& te) const {
  std::sort(te.shifts.begin(), te.shifts.end(), [](const Shift& a, const Shift& b) { return a.from < b.from; });
  te.prefix.assign(1, 0);
  for (const Shift& s : te.shifts) te.prefix.push_back(te.prefix.back() + s.delta.value);
  std::stable_sort(te.updates.begin(), te.updates.end(), [](const Update& a, const Update& b) { return a.index < b.index; });
  const std::vector<model::Clip>& clips = te.track->clips;
  for (std::size_t u = 0; u < te.updates.size(); ++u) {
    const Update& up = te.updates[u];
    if (u > 0 && te.updates[u - 1].index == up.index) return invalid(up.what + " edits " + quoted(up.after) + " twice");
    const Final me = finalAt(te, up.index);
    for (std::size_t n : {up.index - 1, up.index + 1}) {
      if (n >= clips.size()) continue;  // also catches index 0 - 1 (wraps around)
      const Final other = finalAt(te, n);
      const bool overlaps = n < up.index ? other.end() > me.start : me.end() > other.start;
      if (overlaps) {
        return conflict(up.what + " would overlap " + quoted(*other.data) + " on " + te.track->name);
      }
    }
  }
  return {};
}

// Index of the left clip of each original cut that the track's changes may alter (sorted, unique;
// a wrapped index stands for "no clip before").
std::vector<std::size_t> EditPlan::candidateCuts(const TrackEdit& te) {
  std::vector<std::size_t> lefts;
  for (const Update& u : te.updates) {
    if (u.index > 0) lefts.push_back(u.index - 1);
    lefts.push_back(u.index);
  }
  for (const Shift& s : te.shifts) lefts.push_back(model::firstClipAtOrAfter(*te.track, s.from) - 1);
  for (const model::Clip& a : te.adds) lefts.push_back(model::firstClipAtOrAfter(*te.track, a.start) - 1);
  std::sort(lefts.begin(), lefts.end());
  lefts.erase(std::unique(lefts.begin(), lefts.end()), lefts.end());
  return lefts;
}

// Finds the transitions on cuts next to the plan's changes: removes those whose cut vanished,
// checks the handles of those that stay.
Result<void> EditPlan::checkTransitions(ChangeSet& cs) const {
  std::unordered_map<std::uint64_t, const model::Transition*> byLeft;
  for (const model::Transition& t : m_ref.seq.transitions) {
    for (const TrackEdit& te : m_tracks) {
      if (te.track->id == t.track) byLeft.emplace(t.left.value, &t);
    }
  }
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

// Emits one track's changes: ripple shifts (largest `from` first, on the original clips), then
// updates (before = the original as shifted), then added clips.
void EditPlan::emit(const TrackEdit& te, ChangeSet& cs) const {
  cs.changes.reserve(cs.changes.size() + te.shifts.size() + te.updates.size() + te.adds.size());
  for (auto it = te.shifts.rbegin(); it != te.shifts.rend(); ++it) {
    cs.add(model::ClipsShifted{m_ref.seq.id, te.track->id, it->from, it->delta});
  }
  for (const Update& u : te.updates) {
    model::Clip before = te.track->clips[u.index];
    before.start += step(te, before.start);
    if (!(before == u.after)) cs.add(model::ClipUpdated{m_ref.seq.id, te.track->id, std::move(before), u.after});
  }
  for (const model::Clip& a : te.adds) cs.add(model::ClipAdded{m_ref.seq.id, te.track->id, a});
}

Result<ChangeSet> EditPlan::finish(ChangeSet cs) {
  for (TrackEdit& te : m_tracks) PL_TRY(prepare(te));
  PL_TRY(checkTransitions(cs));
  for (const TrackEdit& te : m_tracks) emit(te, cs);
  return cs;
}

}  // namespace postline::edit
