// EditPlan: collects the FINAL state of a timing edit on a few tracks (updated clips, ripple
// shifts, added clips), checks it locally (overlaps, transitions on the cuts it touches) and
// turns it into a ChangeSet. Work is O(changes * log clips) plus one pass over the transitions.
#pragma once
#include <string>
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

class EditPlan {
 public:
  explicit EditPlan(const SeqRef& ref) : m_ref(ref) {}

  // Clip `before` (on `track`) ends up as `after` (final position included). `what` names the
  // edit in error messages. Checks the track is unlocked and `after` fits its media.
  Result<void> update(const model::Track& track, const model::Clip& before, model::Clip after, std::string what);
  // Every clip of `track` whose ORIGINAL start is >= from ends up moved by delta frames (unless updated).
  // Several shifts on one track compose; a later shift's moved clips must stay at or after earlier `from`s.
  Result<void> shift(const model::Track& track, time::FramePos from, time::FrameCount delta);
  // A new clip at its final position on `track` (its id already reserved by the caller).
  Result<void> add(const model::Track& track, model::Clip clip);

  // Checks the final state and returns `cs` followed by the plan's changes: transitions whose cut
  // disappeared are removed; a remaining transition without enough handle is an error naming it.
  Result<ChangeSet> finish(ChangeSet cs = {});

 private:
  struct Update {
    std::size_t index;
    model::Clip after;
    std::string what;
  };
  struct Shift {
    time::FramePos from;
    time::FrameCount delta;
  };
  struct TrackEdit {
    const model::Track* track;
    std::vector<Update> updates;       // sorted by index in finish()
    std::vector<Shift> shifts;         // sorted by from in finish()
    std::vector<std::int64_t> prefix;  // prefix[i] = sum of shifts[0..i) deltas
    std::vector<model::Clip> adds;
  };
  // A clip in its final state: the data (source, speed, ...) and its final start.
  struct Final {
    const model::Clip* data;
    time::FramePos start;
    time::FramePos end() const { return start + data->duration; }
  };

  Result<TrackEdit*> edit(const model::Track& track);
  static time::FrameCount step(const TrackEdit& te, time::FramePos originalStart);
  static const Update* findUpdate(const TrackEdit& te, std::size_t index);
  static Final finalAt(const TrackEdit& te, std::size_t index);
  Result<void> prepare(TrackEdit& te) const;
  static std::vector<std::size_t> candidateCuts(const TrackEdit& te);
  Result<void> checkTransitions(ChangeSet& cs) const;
  void emit(const TrackEdit& te, ChangeSet& cs) const;

  SeqRef m_ref;
  std::vector<TrackEdit> m_tracks;
};

}  // namespace postline::edit
