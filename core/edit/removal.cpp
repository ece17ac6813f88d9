#include "core/edit/removal.h"

#include <unordered_map>

#include "core/edit/edit_plan.h"
#include "core/edit/link.h"

namespace postline::edit {

void removeTransitionsTouching(const SeqRef& ref, const std::unordered_set<std::uint64_t>& clips, ChangeSet& cs) {
  for (const model::Transition& t : ref.seq.transitions) {
    if (clips.contains(t.left.value) || clips.contains(t.right.value)) cs.add(model::TransitionRemoved{ref.seq.id, t});
  }
}

namespace {

// The clips to remove (with partners), checked against locked tracks.
Result<std::vector<ClipOnTrack>> collectRemoval(const SeqRef& ref, const std::vector<model::ClipId>& ids) {
  PL_TRY_ASSIGN(clips, withLinkedPartners(ref, ids));
  for (const ClipOnTrack& c : clips) {
    if (c.track->locked) return conflict("clip '" + c.clip->name + "' is on locked track " + c.track->name);
  }
  return clips;
}

}  // namespace

Result<ChangeSet> lift(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(clips, collectRemoval(ref, ids));
  std::unordered_set<std::uint64_t> removed;
  for (const ClipOnTrack& c : clips) removed.insert(c.clip->id.value);
  ChangeSet cs;
  removeTransitionsTouching(ref, removed, cs);
  for (const ClipOnTrack& c : clips) cs.add(model::ClipRemoved{ref.seq.id, c.track->id, *c.clip});
  return cs;
}

Result<ChangeSet> rippleDelete(const model::Project& project, model::SequenceId seq,
                               const std::vector<model::ClipId>& ids) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(clips, collectRemoval(ref, ids));
  // Each removed clip closes its gap; a clip and its linked partners are one ripple (keyed by the
  // first clip of their link group), so the tracks of clips linked to later clips follow (EditPlan).
  std::unordered_map<std::uint64_t, std::uint64_t> rippleOfGroup;
  EditPlan plan(ref);
  for (const ClipOnTrack& c : clips) {
    std::uint64_t ripple = c.clip->id.value;
    if (c.clip->linkGroup != 0) ripple = rippleOfGroup.try_emplace(c.clip->linkGroup, ripple).first->second;
    PL_TRY(plan.remove(*c.track, *c.clip));
    PL_TRY(plan.shift(*c.track, c.clip->end(), -c.clip->duration, ripple));
  }
  return plan.finish();
}

}  // namespace postline::edit
