#include "core/edit/removal.h"

#include "core/edit/link.h"

namespace postline::edit {

void removeTransitionsTouching(const SeqRef& ref, const std::unordered_set<std::uint64_t>& clips, ChangeSet& cs) {
  for (const model::Transition& t : ref.seq.transitions) {
    if (clips.contains(t.left.value) || clips.contains(t.right.value)) cs.add(model::TransitionRemoved{ref.seq.id, t});
  }
}

namespace {

// The clips to remove (with partners), checked against locked tracks, and their transitions removed.
Result<std::vector<ClipOnTrack>> collectRemoval(const SeqRef& ref, const std::vector<model::ClipId>& ids,
                                                ChangeSet& cs) {
  PL_TRY_ASSIGN(clips, withLinkedPartners(ref, ids));
  std::unordered_set<std::uint64_t> removed;
  for (const ClipOnTrack& c : clips) {
    if (c.track->locked) return conflict("clip '" + c.clip->name + "' is on locked track " + c.track->name);
    removed.insert(c.clip->id.value);
  }
  removeTransitionsTouching(ref, removed, cs);
  return clips;
}

}  // namespace

Result<ChangeSet> lift(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  ChangeSet cs;
  PL_TRY_ASSIGN(clips, collectRemoval(ref, ids, cs));
  for (const ClipOnTrack& c : clips) cs.add(model::ClipRemoved{ref.seq.id, c.track->id, *c.clip});
  return cs;
}

Result<ChangeSet> rippleDelete(const model::Project& project, model::SequenceId seq,
                               const std::vector<model::ClipId>& ids) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  ChangeSet cs;
  PL_TRY_ASSIGN(clips, collectRemoval(ref, ids, cs));
  // withLinkedPartners lists clips by track, then by start: walk each track's run from the right,
  // so every gap closes before the ones to its left and each shift range is empty when it runs.
  for (std::size_t i = clips.size(); i-- > 0;) {
    const ClipOnTrack& c = clips[i];
    cs.add(model::ClipRemoved{ref.seq.id, c.track->id, *c.clip});
    const bool lastOnTrack = &c.track->clips.back() == c.clip;
    if (!lastOnTrack) cs.add(model::ClipsShifted{ref.seq.id, c.track->id, c.clip->end(), -c.clip->duration});
  }
  return cs;
}

}  // namespace postline::edit
