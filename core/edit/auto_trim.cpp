#include "core/edit/auto_trim.h"

#include <unordered_set>

#include "core/edit/clip_edges.h"
#include "core/edit/edit_plan.h"
#include "core/time/convert.h"

namespace postline::edit {

using time::FrameCount;

namespace {

Result<ClipRef> resolveClipOn(const SeqRef& ref, const model::Track& t, const model::Clip& k) {
  const model::MediaItem* m = ref.project.findMedia(k.media);
  if (m == nullptr) return invalid(quoted(k) + " refers to missing media");
  return ClipRef{t, k, *m};
}

// A clip to trim and the ripple it belongs to (the id of the selected clip that brought it in).
struct Target {
  ClipRef c;
  std::uint64_t ripple;
};

// The selection with linked partners added, without duplicates. One pass over the sequence's
// clips (so selecting every clip stays linear), then NotFound for any id that is not there.
Result<std::vector<Target>> gather(const SeqRef& ref, const std::vector<model::ClipId>& ids) {
  std::unordered_set<model::ClipId> wanted(ids.begin(), ids.end());
  std::unordered_set<model::ClipId> seen;
  std::vector<Target> out;
  for (const model::Track& t : ref.seq.tracks) {
    for (const model::Clip& k : t.clips) {
      if (wanted.count(k.id) == 0) continue;
      PL_TRY_ASSIGN(c, resolveClipOn(ref, t, k));
      if (seen.insert(k.id).second) out.push_back(Target{c, k.id.value});
      for (const ClipRef& p : linkedPartners(ref, c, LinkEdge::Whole)) {
        if (seen.insert(p.clip.id).second) out.push_back(Target{p, k.id.value});
      }
    }
  }
  for (model::ClipId id : ids) {
    if (seen.count(id) == 0) PL_TRY(resolveClip(ref, id));  // reports the NotFound
  }
  return out;
}

// Plans one clip: head and tail trimmed; in Ripple mode it keeps its start and the clips after it
// close up (EditPlan moves it by the frames removed before it, on its track and on linked tracks).
Result<void> planClip(EditPlan& plan, const SeqRef& ref, const Target& t, FrameCount head, FrameCount tail,
                      TrimMode mode) {
  const ClipRef& c = t.c;
  const std::string what = "auto-trim of " + quoted(c.clip) + " by " + std::to_string(head.value) + " + " +
                           framesText(tail);
  if (c.clip.duration < head + tail + FrameCount{1}) {
    return outOfRange(what + " leaves nothing: it is " + framesText(c.clip.duration) + " long and needs at least " +
                      framesText(head + tail + FrameCount{1}));
  }
  const bool ripple = mode == TrimMode::Ripple;
  PL_TRY_ASSIGN(h, headTrimmed(ref, c.clip, c.media, head, !ripple, what));
  PL_TRY_ASSIGN(after, tailTrimmed(ref, h, c.media, -tail, what));
  PL_TRY(plan.update(c.track, c.clip, std::move(after), what));
  if (ripple) PL_TRY(plan.shift(c.track, c.clip.end(), -(head + tail), t.ripple));
  return {};
}

}  // namespace

FrameCount defaultAutoTrim(const time::FrameRate& rate) {
  auto half = time::Rational::make(1, 2);
  auto frames = time::secondsToFrames(half.value(), rate);
  return FrameCount{frames.ok() ? frames->value : 0};
}

Result<ChangeSet> autoTrim(const model::Project& project, model::SequenceId seq, std::vector<model::ClipId> clips,
                           FrameCount head, FrameCount tail, TrimMode mode) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  if (head.value < 0 || tail.value < 0) return invalid("auto-trim lengths must not be negative");
  PL_TRY_ASSIGN(selection, gather(ref, clips));
  if (head.value == 0 && tail.value == 0) return ChangeSet{};
  EditPlan plan(ref);
  for (const Target& t : selection) PL_TRY(planClip(plan, ref, t, head, tail, mode));
  return plan.finish();
}

}  // namespace postline::edit
