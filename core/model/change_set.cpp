#include "core/model/change_set.h"

#include <algorithm>

namespace postline::model {
namespace {

struct Inverter {
  Change operator()(const ClipAdded& c) const { return ClipRemoved{c.seq, c.track, c.clip}; }
  Change operator()(const ClipRemoved& c) const { return ClipAdded{c.seq, c.track, c.clip}; }
  Change operator()(const ClipUpdated& c) const { return ClipUpdated{c.seq, c.track, c.after, c.before}; }
  Change operator()(const ClipsShifted& c) const { return ClipsShifted{c.seq, c.track, c.from + c.delta, -c.delta}; }
  Change operator()(const TransitionAdded& c) const { return TransitionRemoved{c.seq, c.transition}; }
  Change operator()(const TransitionRemoved& c) const { return TransitionAdded{c.seq, c.transition}; }
  Change operator()(const TransitionUpdated& c) const { return TransitionUpdated{c.seq, c.after, c.before}; }
  Change operator()(const MarkerAdded& c) const { return MarkerRemoved{c.seq, c.marker}; }
  Change operator()(const MarkerRemoved& c) const { return MarkerAdded{c.seq, c.marker}; }
  Change operator()(const MarkerUpdated& c) const { return MarkerUpdated{c.seq, c.after, c.before}; }
  Change operator()(const TrackAdded& c) const { return TrackRemoved{c.seq, c.track, c.index}; }
  Change operator()(const TrackRemoved& c) const { return TrackAdded{c.seq, c.track, c.index}; }
  Change operator()(const TrackUpdated& c) const { return TrackUpdated{c.seq, c.after, c.before}; }
  Change operator()(const MediaAdded& c) const { return MediaRemoved{c.item, c.bin, c.binIndex}; }
  Change operator()(const MediaRemoved& c) const { return MediaAdded{c.item, c.bin, c.binIndex}; }
  Change operator()(const MediaUpdated& c) const { return MediaUpdated{c.after, c.before}; }
  Change operator()(const BinAdded& c) const { return BinRemoved{c.bin}; }
  Change operator()(const BinRemoved& c) const { return BinAdded{c.bin}; }
  Change operator()(const BinUpdated& c) const { return BinUpdated{c.after, c.before}; }
  Change operator()(const SequenceAdded& c) const { return SequenceRemoved{c.sequence}; }
  Change operator()(const SequenceRemoved& c) const { return SequenceAdded{c.sequence}; }
  Change operator()(const SequenceSettingsChanged& c) const {
    return SequenceSettingsChanged{c.seq, c.after, c.before};
  }
  Change operator()(const NextIdChanged& c) const { return NextIdChanged{c.after, c.before}; }
};

}  // namespace

void ChangeSet::append(const ChangeSet& other) {
  changes.insert(changes.end(), other.changes.begin(), other.changes.end());
}

ChangeSet inverse(const ChangeSet& cs) {
  ChangeSet out;
  out.changes.reserve(cs.changes.size());
  for (auto it = cs.changes.rbegin(); it != cs.changes.rend(); ++it) out.changes.push_back(std::visit(Inverter{}, *it));
  return out;
}

std::uint64_t reserveIds(const Project& project, ChangeSet& cs, std::uint64_t count) {
  for (auto& change : cs.changes) {
    if (auto* n = std::get_if<NextIdChanged>(&change)) {
      const std::uint64_t first = n->after;
      n->after += count;
      return first;
    }
  }
  cs.add(NextIdChanged{project.nextId, project.nextId + count});
  return project.nextId;
}

}  // namespace postline::model
