#include "core/edit/transitions.h"

#include <algorithm>

#include "core/edit/clip_edges.h"
#include "core/model/validate.h"

namespace postline::edit {

using base::ErrorCode;
using base::makeError;

namespace {

// The transition `id` of the sequence with its (unlocked) track's two clips.
struct TransitionRef {
  const model::Transition& t;
  const model::Clip& left;
  const model::Clip& right;
};

Result<TransitionRef> resolveTransition(const SeqRef& ref, model::TransitionId id) {
  const model::Transition* t = ref.seq.findTransition(id);
  if (t == nullptr) {
    return makeError(ErrorCode::NotFound, "transition " + std::to_string(id.value) + " is not in '" + ref.seq.name + "'");
  }
  PL_TRY_ASSIGN(track, resolveTrack(ref, t->track));
  const model::Clip* l = model::findClipOnTrack(*track, t->left);
  const model::Clip* r = l ? model::findClipOnTrack(*track, t->right, l->end()) : nullptr;
  if (l == nullptr || r == nullptr) return invalid("transition " + std::to_string(id.value) + " refers to missing clips");
  return TransitionRef{*t, *l, *r};
}

// Checks a new or changed transition: positive length and enough handle on both sides.
Result<void> checkNew(const SeqRef& ref, const model::Transition& t, const model::Clip& l, const model::Clip& r) {
  if (t.duration.value <= 0) {
    return invalid("a transition between " + quoted(l) + " and " + quoted(r) + " needs a length of at least one frame");
  }
  PL_TRY(checkTransitionFits(ref, t, l, r, ""));
  return model::checkTransition(ref.project, ref.seq, t);
}

}  // namespace

Result<ChangeSet> addTransition(const model::Project& project, model::SequenceId seq, model::ClipId left,
                                model::ClipId right, time::FrameCount duration, model::TransitionAlign align) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(l, resolveClip(ref, left));
  PL_TRY_ASSIGN(r, resolveClip(ref, right));
  if (&l.track != &r.track) {
    return invalid(quoted(l.clip) + " and " + quoted(r.clip) + " are on different tracks; a transition joins clips on one track");
  }
  PL_TRY(resolveTrack(ref, l.track.id));
  if (l.clip.end() != r.clip.start) {
    return invalid(quoted(l.clip) + " does not end where " + quoted(r.clip) + " starts on " + l.track.name +
                   "; a transition needs a cut between them");
  }
  auto onCut = [&](const model::Transition& t) { return t.track == l.track.id && (t.left == left || t.right == right); };
  if (std::any_of(ref.seq.transitions.begin(), ref.seq.transitions.end(), onCut)) {
    return conflict("the cut between " + quoted(l.clip) + " and " + quoted(r.clip) + " already has a transition");
  }
  model::Transition t;
  t.track = l.track.id;
  t.left = left;
  t.right = right;
  t.kind = l.track.kind == model::TrackKind::Video ? model::TransitionKind::CrossDissolve
                                                   : model::TransitionKind::AudioCrossfade;
  t.duration = duration;
  t.align = align;
  PL_TRY(checkNew(ref, t, l.clip, r.clip));
  ChangeSet cs;
  t.id = model::TransitionId{model::reserveIds(project, cs, 1)};
  cs.add(model::TransitionAdded{seq, t});
  return cs;
}

Result<ChangeSet> removeTransition(const model::Project& project, model::SequenceId seq, model::TransitionId id) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(tr, resolveTransition(ref, id));
  ChangeSet cs;
  cs.add(model::TransitionRemoved{seq, tr.t});
  return cs;
}

Result<ChangeSet> setTransitionDuration(const model::Project& project, model::SequenceId seq, model::TransitionId id,
                                        time::FrameCount duration, model::TransitionAlign align) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(tr, resolveTransition(ref, id));
  model::Transition after = tr.t;
  after.duration = duration;
  after.align = align;
  if (after == tr.t) return ChangeSet{};
  PL_TRY(checkNew(ref, after, tr.left, tr.right));
  ChangeSet cs;
  cs.add(model::TransitionUpdated{seq, tr.t, after});
  return cs;
}

}  // namespace postline::edit
