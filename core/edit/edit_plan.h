// EditPlan: collects the FINAL state of a timing edit on a few tracks (updated and removed clips,
// ripple shifts, added clips), keeps linked clips in sync (sync_ripple.h), checks it locally
// (overlaps, transitions on the cuts it touches) and turns it into a ChangeSet.
// Work is O(changes * log clips) plus one pass over the transitions and the sync closure.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/edit/edit_context.h"
#include "core/edit/sync_ripple.h"

namespace postline::edit {

class EditPlan {
 public:
  explicit EditPlan(const SeqRef& ref) : m_ref(ref) {}

  // Clip `before` (on `track`) ends up as `after`. `after.start` is its place before the plan's
  // ripples: the clip then moves with the shifts of its track like any clip starting at
  // before.start (a ripple trim passes before.start). `what` names the edit in error messages.
  // Checks the track is unlocked and `after` fits its media.
  Result<void> update(const model::Track& track, const model::Clip& before, model::Clip after, std::string what);
  // Clip `clip` leaves `track`; transitions touching it are removed. Pair with a shift to close the gap.
  Result<void> remove(const model::Track& track, const model::Clip& clip);
  // Every clip of `track` whose ORIGINAL start is >= from ends up moved by delta frames. `ripple`
  // names the edit (a clip's shift and its linked partners' shifts share one value); finish()
  // ripples every track holding linked partners of moved clips too (syncRipples).
  // Several shifts on one track compose; a later shift's moved clips must stay at or after earlier `from`s.
  Result<void> shift(const model::Track& track, time::FramePos from, time::FrameCount delta, std::uint64_t ripple);
  // A ripple the caller's ChangeSet makes itself (on clips the plan does not know, e.g. an insert's
  // split parts): it only takes part in keeping linked clips in sync; the plan leaves `track` alone.
  void shifted(const model::Track& track, time::FramePos from, time::FrameCount delta, std::uint64_t ripple);
  // A new clip at its final position on `track` (its id already reserved by the caller).
  Result<void> add(const model::Track& track, model::Clip clip);

  // Adds the sync ripples, checks the final state and returns `cs` followed by the plan's changes:
  // transitions whose cut disappeared are removed; a remaining transition without enough handle is
  // an error naming it; a ripple that would make clips overlap is a Conflict naming the clip in the way.
  Result<ChangeSet> finish(ChangeSet cs = {});

 private:
  struct Update {
    std::size_t index;
    model::Clip after;
    std::string what;
  };
  struct Shift {
    time::FramePos from;  // after prepare(): the start of the first kept clip it moves
    time::FrameCount delta;
    std::uint64_t ripple = 0;
    bool synced = false;    // added to keep linked clips in sync
    std::size_t first = 0;  // after prepare(): index of the first clip it moves
  };
  struct TrackEdit {
    const model::Track* track;
    std::vector<Update> updates;         // sorted by index in prepare()
    std::vector<std::size_t> removes;    // sorted in prepare()
    std::vector<Shift> shifts;           // sorted by from, merged in prepare()
    std::vector<std::int64_t> prefix;    // prefix[i] = sum of shifts[0..i) deltas
    std::vector<model::Clip> adds;
  };
  // A clip in its final state: the data (source, speed, ...) and its final start.
  struct Final {
    const model::Clip* data;
    time::FramePos start;
    time::FramePos end() const { return start + data->duration; }
  };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  Result<TrackEdit*> edit(const model::Track& track);
  Result<void> syncLinkedTracks();
  static time::FrameCount step(const TrackEdit& te, time::FramePos originalStart);
  static const Update* findUpdate(const TrackEdit& te, std::size_t index);
  static bool removed(const TrackEdit& te, std::size_t index);
  static std::size_t keptBefore(const TrackEdit& te, std::size_t index);
  static std::size_t keptAfter(const TrackEdit& te, std::size_t index);
  static Final finalAt(const TrackEdit& te, std::size_t index);
  static void normalizeShifts(TrackEdit& te);
  Result<void> prepare(TrackEdit& te) const;
  Result<void> checkUpdates(const TrackEdit& te) const;
  Result<void> checkShifts(const TrackEdit& te) const;
  static std::vector<std::size_t> candidateCuts(const TrackEdit& te);
  std::unordered_map<std::uint64_t, const model::Transition*> transitionsByLeft(ChangeSet& cs) const;
  Result<void> checkTransitions(ChangeSet& cs) const;
  void emit(const TrackEdit& te, ChangeSet& cs) const;

  SeqRef m_ref;
  std::vector<TrackEdit> m_tracks;
  std::vector<Ripple> m_external;  // ripples the caller emits itself
};

}  // namespace postline::edit
