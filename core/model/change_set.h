#pragma once
#include <cstddef>
#include <cstdint>
#include <variant>
#include <vector>

#include "core/base/result.h"
#include "core/model/project.h"

namespace postline::model {

// The changes an edit makes, each carrying what is needed to undo it. Applying a ChangeSet
// is the only way the model changes; inverse() of a ChangeSet undoes it exactly.

struct ClipAdded { SequenceId seq; TrackId track; Clip clip; };
struct ClipRemoved { SequenceId seq; TrackId track; Clip clip; };
// `before` must match the clip on the track; the id never changes.
struct ClipUpdated { SequenceId seq; TrackId track; Clip before; Clip after; };
// Every clip on the track whose start is >= `from` moves by `delta` frames (a ripple).
// With delta < 0, no other clip may start in [from + delta, from), so the shift is exactly invertible.
struct ClipsShifted { SequenceId seq; TrackId track; time::FramePos from; time::FrameCount delta; };
struct TransitionAdded { SequenceId seq; Transition transition; };
struct TransitionRemoved { SequenceId seq; Transition transition; };
struct TransitionUpdated { SequenceId seq; Transition before; Transition after; };
struct MarkerAdded { SequenceId seq; Marker marker; };
struct MarkerRemoved { SequenceId seq; Marker marker; };
struct MarkerUpdated { SequenceId seq; Marker before; Marker after; };
struct TrackAdded { SequenceId seq; Track track; std::size_t index; };
struct TrackRemoved { SequenceId seq; Track track; std::size_t index; };
struct TrackUpdated { SequenceId seq; Track before; Track after; };   // header fields only; clips ignored
// binIndex: place in the bin's item list; kNoIndex appends (added) or finds it (removed).
inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
struct MediaAdded { MediaItem item; BinId bin; std::size_t binIndex = kNoIndex; };
struct MediaRemoved { MediaItem item; BinId bin; std::size_t binIndex = kNoIndex; };
struct MediaUpdated { MediaItem before; MediaItem after; };
struct BinAdded { Bin bin; };
struct BinRemoved { Bin bin; };
struct BinUpdated { Bin before; Bin after; };
struct SequenceAdded { Sequence sequence; };
struct SequenceRemoved { Sequence sequence; };
// Format, rate, colour space or timeline grade (SequenceSettings::timelineGrade) of a sequence.
struct SequenceSettingsChanged { SequenceId seq; SequenceSettings before; SequenceSettings after; };
// The project's id counter moves (new ids were handed out); undo moves it back.
struct NextIdChanged { std::uint64_t before; std::uint64_t after; };

using Change = std::variant<ClipAdded, ClipRemoved, ClipUpdated, ClipsShifted, TransitionAdded, TransitionRemoved,
                            TransitionUpdated, MarkerAdded, MarkerRemoved, MarkerUpdated, TrackAdded, TrackRemoved,
                            TrackUpdated, MediaAdded, MediaRemoved, MediaUpdated, BinAdded, BinRemoved, BinUpdated,
                            SequenceAdded, SequenceRemoved, SequenceSettingsChanged, NextIdChanged>;

// An ordered list of changes, applied first to last.
struct ChangeSet {
  std::vector<Change> changes;

  bool empty() const { return changes.empty(); }
  // Appends all of `other`'s changes after this one's.
  void append(const ChangeSet& other);
  template <class C>
  void add(C change) { changes.emplace_back(std::move(change)); }
};

// The ChangeSet that undoes `cs`: each change inverted, in reverse order.
ChangeSet inverse(const ChangeSet& cs);

// Applies `cs` to `project`. All or nothing: when a change does not match the model
// (a stale `before`, an unknown id) or the result breaks a track invariant (overlap,
// unsorted clips), the project is left exactly as it was and the error says why.
base::Result<void> apply(Project& project, const ChangeSet& cs);

// Hands out `count` fresh ids: returns the first and records the counter move in `cs`.
std::uint64_t reserveIds(const Project& project, ChangeSet& cs, std::uint64_t count);

}  // namespace postline::model
