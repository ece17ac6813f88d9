#include "core/edit/slip_slide.h"

#include "core/edit/clip_edges.h"
#include "core/edit/edit_plan.h"
#include "core/model/clip_timing.h"

namespace postline::edit {

using time::FrameCount;

namespace {

// Plans the slip of one clip: same timeline range, source moved by d frames at its speed.
Result<void> planSlip(EditPlan& plan, const SeqRef& ref, const ClipRef& c, FrameCount d, const std::string& what) {
  if (c.media.info.still) return {};
  if (!c.clip.freeze) {
    const bool later = d.value > 0;
    PL_TRY_ASSIGN(room, later ? model::tailHandle(c.clip, c.media, ref.rate())
                              : model::headHandle(c.clip, c.media, ref.rate()));
    if ((later ? d : -d) > room) {
      return outOfRange(what + " passes the " + (later ? "end" : "start") + " of the media of " + quoted(c.clip) +
                        " (" + framesText(room) + " of handle)");
    }
  }
  PL_TRY_ASSIGN(ticks, model::ticksForFrames(d, c.clip.speed, ref.rate(), c.media.info.timeBase));
  model::Clip after = c.clip;
  after.sourceIn += ticks;
  return plan.update(c.track, c.clip, std::move(after), what);
}

const model::MediaItem* mediaOfClip(const SeqRef& ref, const model::Clip& c) { return ref.project.findMedia(c.media); }

// Plans the slide of one clip and the matching trims of its adjacent neighbours.
Result<void> planSlide(EditPlan& plan, const SeqRef& ref, const ClipRef& c, FrameCount d, const std::string& what) {
  const std::vector<model::Clip>& clips = c.track.clips;
  const std::size_t i = static_cast<std::size_t>(&c.clip - clips.data());
  model::Clip moved = c.clip;
  moved.start += d;
  if (moved.start.value < 0) return outOfRange(what + " would move it before the sequence start");
  PL_TRY(plan.update(c.track, c.clip, std::move(moved), what));
  if (i > 0 && clips[i - 1].end() == c.clip.start) {
    const model::Clip& a = clips[i - 1];
    const model::MediaItem* m = mediaOfClip(ref, a);
    if (m == nullptr) return invalid(quoted(a) + " refers to missing media");
    PL_TRY_ASSIGN(after, tailTrimmed(ref, a, *m, d, what));
    PL_TRY(plan.update(c.track, a, std::move(after), what));
  }
  if (i + 1 < clips.size() && clips[i + 1].start == c.clip.end()) {
    const model::Clip& b = clips[i + 1];
    const model::MediaItem* m = mediaOfClip(ref, b);
    if (m == nullptr) return invalid(quoted(b) + " refers to missing media");
    PL_TRY_ASSIGN(after, headTrimmed(ref, b, *m, d, true, what));
    PL_TRY(plan.update(c.track, b, std::move(after), what));
  }
  return {};
}

std::string what(const char* verb, const model::Clip& c, FrameCount d) {
  return std::string(verb) + " of " + quoted(c) + " by " + framesText(d);
}

}  // namespace

Result<ChangeSet> slip(const model::Project& project, model::SequenceId seq, model::ClipId clip, FrameCount delta) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, resolveClip(ref, clip));
  if (delta.value == 0) return ChangeSet{};
  EditPlan plan(ref);
  PL_TRY(planSlip(plan, ref, c, delta, what("slip", c.clip, delta)));
  for (const ClipRef& p : linkedPartners(ref, c, LinkEdge::Whole)) {
    PL_TRY(planSlip(plan, ref, p, delta, what("slip", p.clip, delta)));
  }
  return plan.finish();
}

Result<ChangeSet> slide(const model::Project& project, model::SequenceId seq, model::ClipId clip, FrameCount delta) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, resolveClip(ref, clip));
  if (delta.value == 0) return ChangeSet{};
  EditPlan plan(ref);
  PL_TRY(planSlide(plan, ref, c, delta, what("slide", c.clip, delta)));
  for (const ClipRef& p : linkedPartners(ref, c, LinkEdge::Whole)) {
    PL_TRY(planSlide(plan, ref, p, delta, what("slide", p.clip, delta)));
  }
  return plan.finish();
}

}  // namespace postline::edit
