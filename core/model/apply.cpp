// Applying a ChangeSet to the model, all or nothing.
#include <algorithm>
#include <set>
#include <utility>

#include "core/model/change_set.h"
#include "core/model/find_by_id.h"

namespace postline::model {
namespace {

using base::ErrorCode;
using base::makeError;
using base::Result;

Result<void> stale(const std::string& what) {
  return makeError(ErrorCode::Conflict, "the model does not match the edit (" + what + "); nothing was changed");
}

// Applies one change; remembers which tracks need their invariants checked at the end.
class Applier {
 public:
  explicit Applier(Project& p) : m_p(p) {}

  const std::set<std::pair<std::uint64_t, std::uint64_t>>& touched() const { return m_touched; }

  Result<void> operator()(const ClipAdded& c) {
    Track* t = track(c.seq, c.track);
    if (t == nullptr) return stale("no track for the added clip");
    auto pos = std::upper_bound(t->clips.begin(), t->clips.end(), c.clip.start,
                                [](time::FramePos s, const Clip& k) { return s < k.start; });
    t->clips.insert(pos, c.clip);
    return {};
  }
  Result<void> operator()(const ClipRemoved& c) {
    Track* t = track(c.seq, c.track);
    Clip* k = t ? findClipOnTrack(*t, c.clip.id, c.clip.start) : nullptr;
    if (k == nullptr || !(*k == c.clip)) return stale("removed clip " + std::to_string(c.clip.id.value));
    t->clips.erase(t->clips.begin() + (k - t->clips.data()));
    return {};
  }
  Result<void> operator()(const ClipUpdated& c) {
    Track* t = track(c.seq, c.track);
    Clip* k = t ? findClipOnTrack(*t, c.before.id, c.before.start) : nullptr;
    if (k == nullptr || !(*k == c.before) || c.after.id != c.before.id) {
      return stale("updated clip " + std::to_string(c.before.id.value));
    }
    *k = c.after;
    return {};
  }
  Result<void> operator()(const ClipsShifted& c) {
    Track* t = track(c.seq, c.track);
    if (t == nullptr) return stale("no track to ripple");
    for (const Clip& k : t->clips) {
      if (k.start < c.from && k.start >= c.from + c.delta) return stale("ripple would pass over a clip");
    }
    for (Clip& k : t->clips) {
      if (k.start >= c.from) k.start += c.delta;
    }
    return {};
  }
  Result<void> operator()(const TransitionAdded& c) { return addTo(sequenceItems<Transition>(c.seq), c.transition); }
  Result<void> operator()(const TransitionRemoved& c) {
    return removeFrom(sequenceItems<Transition>(c.seq), c.transition);
  }
  Result<void> operator()(const TransitionUpdated& c) {
    return updateIn(sequenceItems<Transition>(c.seq), c.before, c.after);
  }
  Result<void> operator()(const MarkerAdded& c) { return addTo(sequenceItems<Marker>(c.seq), c.marker); }
  Result<void> operator()(const MarkerRemoved& c) { return removeFrom(sequenceItems<Marker>(c.seq), c.marker); }
  Result<void> operator()(const MarkerUpdated& c) { return updateIn(sequenceItems<Marker>(c.seq), c.before, c.after); }
  Result<void> operator()(const TrackAdded& c) {
    Sequence* s = m_p.findSequence(c.seq);
    if (s == nullptr || c.index > s->tracks.size() || s->findTrack(c.track.id)) return stale("added track");
    s->tracks.insert(s->tracks.begin() + static_cast<std::ptrdiff_t>(c.index), c.track);
    return {};
  }
  Result<void> operator()(const TrackRemoved& c) {
    Sequence* s = m_p.findSequence(c.seq);
    if (s == nullptr || c.index >= s->tracks.size() || !(s->tracks[c.index] == c.track)) return stale("removed track");
    s->tracks.erase(s->tracks.begin() + static_cast<std::ptrdiff_t>(c.index));
    return {};
  }
  Result<void> operator()(const TrackUpdated& c) {
    Track* t = track(c.seq, c.before.id);
    if (t == nullptr || c.after.id != c.before.id) return stale("updated track");
    std::vector<Clip> clips = std::move(t->clips);
    *t = c.after;
    t->clips = std::move(clips);
    return {};
  }
  Result<void> operator()(const MediaAdded& c) {
    Bin* b = m_p.findBin(c.bin);
    const bool badIndex = b != nullptr && c.binIndex != kNoIndex && c.binIndex > b->items.size();
    if (b == nullptr || badIndex || m_p.findMedia(c.item.id)) return stale("added media " + c.item.path);
    auto mediaPos = std::lower_bound(m_p.media.begin(), m_p.media.end(), c.item.id,
                                     [](const MediaItem& m, MediaId id) { return m.id < id; });
    m_p.media.insert(mediaPos, c.item);
    const auto at = c.binIndex == kNoIndex ? b->items.size() : c.binIndex;
    b->items.insert(b->items.begin() + static_cast<std::ptrdiff_t>(at), c.item.id);
    return {};
  }
  Result<void> operator()(const MediaRemoved& c) {
    Bin* b = m_p.findBin(c.bin);
    auto it = findById(m_p.media, c.item.id);
    auto slot = b ? std::find(b->items.begin(), b->items.end(), c.item.id) : std::vector<MediaId>::iterator{};
    const bool badIndex = b != nullptr && c.binIndex != kNoIndex && slot != b->items.end() &&
                          static_cast<std::size_t>(slot - b->items.begin()) != c.binIndex;
    if (b == nullptr || it == m_p.media.end() || !(*it == c.item) || slot == b->items.end() || badIndex) {
      return stale("removed media " + c.item.path);
    }
    m_p.media.erase(it);
    b->items.erase(slot);
    return {};
  }
  Result<void> operator()(const MediaUpdated& c) { return updateIn(&m_p.media, c.before, c.after); }
  Result<void> operator()(const BinAdded& c) { return addTo(&m_p.bins, c.bin); }
  Result<void> operator()(const BinRemoved& c) { return removeFrom(&m_p.bins, c.bin); }
  Result<void> operator()(const BinUpdated& c) { return updateIn(&m_p.bins, c.before, c.after); }
  Result<void> operator()(const SequenceAdded& c) { return addTo(&m_p.sequences, c.sequence); }
  Result<void> operator()(const SequenceRemoved& c) { return removeFrom(&m_p.sequences, c.sequence); }
  Result<void> operator()(const SequenceSettingsChanged& c) {
    Sequence* s = m_p.findSequence(c.seq);
    if (s == nullptr || !(s->settings == c.before)) return stale("sequence settings");
    s->settings = c.after;
    return {};
  }
  Result<void> operator()(const NextIdChanged& c) {
    if (m_p.nextId != c.before) return stale("id counter");
    m_p.nextId = c.after;
    return {};
  }

 private:
  Track* track(SequenceId seq, TrackId id) {
    Sequence* s = m_p.findSequence(seq);
    Track* t = s ? s->findTrack(id) : nullptr;
    if (t != nullptr) m_touched.insert({seq.value, id.value});
    return t;
  }
  template <class T>
  std::vector<T>* sequenceItems(SequenceId seq) {
    Sequence* s = m_p.findSequence(seq);
    if (s == nullptr) return nullptr;
    if constexpr (std::is_same_v<T, Transition>) return &s->transitions;
    else return &s->markers;
  }
  template <class T>
  Result<void> addTo(std::vector<T>* items, const T& item) {
    if (items == nullptr || findById(*items, item.id) != items->end()) return stale("added item");
    // Kept in id order (ids only grow, so a new item goes last): undoing a removal puts the item back in its place.
    auto pos = std::lower_bound(items->begin(), items->end(), item.id, [](const T& t, auto id) { return t.id < id; });
    items->insert(pos, item);
    return {};
  }
  template <class T>
  Result<void> removeFrom(std::vector<T>* items, const T& item) {
    auto it = items ? findById(*items, item.id) : decltype(findById(*items, item.id)){};
    if (items == nullptr || it == items->end() || !(*it == item)) return stale("removed item");
    items->erase(it);
    return {};
  }
  template <class T>
  Result<void> updateIn(std::vector<T>* items, const T& before, const T& after) {
    auto it = items ? findById(*items, before.id) : decltype(findById(*items, before.id)){};
    if (items == nullptr || it == items->end() || !(*it == before) || after.id != before.id) {
      return stale("updated item");
    }
    *it = after;
    return {};
  }

  Project& m_p;
  std::set<std::pair<std::uint64_t, std::uint64_t>> m_touched;
};

// Sorts a track's clips by start when an update moved one, then checks that none overlap.
Result<void> settleTrack(Track& t) {
  auto byStart = [](const Clip& a, const Clip& b) { return a.start < b.start; };
  if (!std::is_sorted(t.clips.begin(), t.clips.end(), byStart)) std::stable_sort(t.clips.begin(), t.clips.end(), byStart);
  for (std::size_t i = 0; i < t.clips.size(); ++i) {
    const Clip& k = t.clips[i];
    if (k.duration.value <= 0) return stale("clip " + std::to_string(k.id.value) + " on " + t.name + " has no length");
    if (i + 1 < t.clips.size() && k.end() > t.clips[i + 1].start) {
      return makeError(ErrorCode::Conflict, "clips '" + k.name + "' and '" + t.clips[i + 1].name + "' would overlap on " +
                                                t.name + "; nothing was changed");
    }
  }
  return {};
}

Result<void> applyUnchecked(Project& project, const ChangeSet& cs, std::size_t& applied, Applier& applier) {
  for (applied = 0; applied < cs.changes.size(); ++applied) {
    auto r = std::visit(applier, cs.changes[applied]);
    if (!r.ok()) return r;
  }
  for (const auto& [seqId, trackId] : applier.touched()) {
    Sequence* s = project.findSequence(SequenceId{seqId});
    Track* t = s ? s->findTrack(TrackId{trackId}) : nullptr;
    if (t == nullptr) continue;  // the track itself was removed later in the set
    auto r = settleTrack(*t);
    if (!r.ok()) return r;
  }
  return {};
}

}  // namespace

Result<void> apply(Project& project, const ChangeSet& cs) {
  Applier applier(project);
  std::size_t applied = 0;
  auto result = applyUnchecked(project, cs, applied, applier);
  if (result.ok()) return result;
  // Roll back the changes that went in, newest first. They were just applied, so they invert cleanly.
  ChangeSet done;
  done.changes.assign(cs.changes.begin(), cs.changes.begin() + static_cast<std::ptrdiff_t>(applied));
  Applier undo(project);
  for (const Change& c : inverse(done).changes) (void)std::visit(undo, c);
  for (const auto& [seqId, trackId] : undo.touched()) {
    Sequence* s = project.findSequence(SequenceId{seqId});
    if (Track* t = s ? s->findTrack(TrackId{trackId}) : nullptr) (void)settleTrack(*t);
  }
  return result;
}

}  // namespace postline::model
