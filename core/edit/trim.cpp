#include "core/edit/trim.h"

#include "core/edit/clip_edges.h"
#include "core/edit/edit_plan.h"

namespace postline::edit {

using time::FrameCount;

namespace {

std::string trimWhat(const model::Clip& c, FrameCount d) { return "trim of " + quoted(c) + " by " + framesText(d); }

// Plans a head trim of one clip (and, in Ripple mode, the shift of the clips after it).
// `ripple` names the edit's ripple (the trimmed clip's id, shared by its linked partners).
Result<void> planHead(EditPlan& plan, const SeqRef& ref, const ClipRef& c, FrameCount d, TrimMode mode,
                      const std::string& what, std::uint64_t ripple = 0) {
  PL_TRY_ASSIGN(after, headTrimmed(ref, c.clip, c.media, d, mode == TrimMode::Normal, what));
  PL_TRY(plan.update(c.track, c.clip, std::move(after), what));
  if (mode == TrimMode::Ripple) PL_TRY(plan.shift(c.track, c.clip.end(), -d, ripple));
  return {};
}

// Plans a tail trim of one clip (and, in Ripple mode, the shift of the clips after it).
Result<void> planTail(EditPlan& plan, const SeqRef& ref, const ClipRef& c, FrameCount d, TrimMode mode,
                      const std::string& what, std::uint64_t ripple = 0) {
  PL_TRY_ASSIGN(after, tailTrimmed(ref, c.clip, c.media, d, what));
  PL_TRY(plan.update(c.track, c.clip, std::move(after), what));
  if (mode == TrimMode::Ripple) PL_TRY(plan.shift(c.track, c.clip.end(), d, ripple));
  return {};
}

// The clip on `track` starting exactly at `pos`, with its media, or NotFound.
Result<ClipRef> clipStartingAt(const SeqRef& ref, const model::Track& track, time::FramePos pos,
                               const model::Clip& left) {
  const std::size_t i = model::firstClipAtOrAfter(track, pos);
  if (i >= track.clips.size() || track.clips[i].start != pos) {
    return base::makeError(base::ErrorCode::NotFound,
                           "no clip starts where " + quoted(left) + " ends on " + track.name + ", so there is no cut to roll");
  }
  const model::MediaItem* m = ref.project.findMedia(track.clips[i].media);
  if (m == nullptr) return invalid(quoted(track.clips[i]) + " refers to missing media");
  return ClipRef{track, track.clips[i], *m};
}

}  // namespace

namespace {

using PlanEdge = Result<void> (*)(EditPlan&, const SeqRef&, const ClipRef&, FrameCount, TrimMode, const std::string&,
                                  std::uint64_t);

// Trims one edge of `clip` and of its linked partners whose same edge sits on the same frame.
Result<ChangeSet> trimEdge(const model::Project& project, model::SequenceId seq, model::ClipId clip, FrameCount delta,
                           TrimMode mode, LinkEdge edge, PlanEdge planEdge) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, resolveClip(ref, clip));
  if (delta.value == 0) return ChangeSet{};
  EditPlan plan(ref);
  const std::uint64_t ripple = c.clip.id.value;
  PL_TRY(planEdge(plan, ref, c, delta, mode, trimWhat(c.clip, delta), ripple));
  for (const ClipRef& p : linkedPartners(ref, c, edge)) {
    const std::string what = trimWhat(p.clip, delta) + " (linked to " + quoted(c.clip) + ")";
    PL_TRY(planEdge(plan, ref, p, delta, mode, what, ripple));
  }
  return plan.finish();
}

}  // namespace

Result<ChangeSet> trimIn(const model::Project& project, model::SequenceId seq, model::ClipId clip, FrameCount delta,
                         TrimMode mode) {
  return trimEdge(project, seq, clip, delta, mode, LinkEdge::Head, planHead);
}

Result<ChangeSet> trimOut(const model::Project& project, model::SequenceId seq, model::ClipId clip, FrameCount delta,
                          TrimMode mode) {
  return trimEdge(project, seq, clip, delta, mode, LinkEdge::Tail, planTail);
}

Result<ChangeSet> roll(const model::Project& project, model::SequenceId seq, model::ClipId left, FrameCount delta) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(l, resolveClip(ref, left));
  PL_TRY_ASSIGN(r, clipStartingAt(ref, l.track, l.clip.end(), l.clip));
  if (delta.value == 0) return ChangeSet{};
  const std::string what =
      "roll of the cut between " + quoted(l.clip) + " and " + quoted(r.clip) + " by " + framesText(delta);
  EditPlan plan(ref);
  PL_TRY(planTail(plan, ref, l, delta, TrimMode::Normal, what));
  PL_TRY(planHead(plan, ref, r, delta, TrimMode::Normal, what));
  for (const ClipRef& p : linkedPartners(ref, l, LinkEdge::Tail)) {
    PL_TRY(planTail(plan, ref, p, delta, TrimMode::Normal, what + " (linked " + quoted(p.clip) + ")"));
  }
  for (const ClipRef& p : linkedPartners(ref, r, LinkEdge::Head)) {
    PL_TRY(planHead(plan, ref, p, delta, TrimMode::Normal, what + " (linked " + quoted(p.clip) + ")"));
  }
  return plan.finish();
}

}  // namespace postline::edit
