#include "core/edit/speed.h"

#include "core/edit/clip_edges.h"
#include "core/edit/edit_plan.h"
#include "core/model/audio_keys.h"
#include "core/model/clip_timing.h"

namespace postline::edit {

using time::FrameCount;

namespace {

// "85%" for whole percentages, else the exact fraction ("2/3").
std::string speedText(const time::Rational& speed) {
  auto pct = speed.mul(time::Rational(100));
  if (pct.ok() && pct->den() == 1) return std::to_string(pct->num()) + "%";
  return speed.toString();
}

// New duration for a speed change: the same source span, rounded by THE rule; one frame shorter
// when the rounded-up duration would need source past the media end.
Result<FrameCount> durationAtSpeed(const SeqRef& ref, const ClipRef& c, const time::Rational& speed) {
  PL_TRY_ASSIGN(ratio, c.clip.speed.div(speed));
  PL_TRY_ASSIGN(frames, time::roundNearest(static_cast<time::Int128>(c.clip.duration.value) * ratio.num(), ratio.den()));
  if (frames <= 1 || c.clip.freeze || c.media.info.still) return FrameCount{frames};
  model::Clip probe = c.clip;
  probe.speed = speed;
  probe.duration = FrameCount{frames};
  PL_TRY_ASSIGN(out, model::sourceOut(probe, c.media, ref.rate()));
  return FrameCount{out > c.media.info.duration ? frames - 1 : frames};
}

// `ripple` names the edit's ripple (the clip's id, shared by its linked partners).
Result<void> planSpeed(EditPlan& plan, const SeqRef& ref, const ClipRef& c, const time::Rational& speed,
                       TrimMode mode, const std::string& what, std::uint64_t ripple) {
  if (c.clip.speed == speed) return {};
  PL_TRY_ASSIGN(duration, durationAtSpeed(ref, c, speed));
  if (duration.value <= 0) return outOfRange(what + " leaves " + quoted(c.clip) + " with no frames");
  model::Clip after = c.clip;
  after.speed = speed;
  after.duration = duration;
  // The sound at each key plays old speed / new speed times as far from the head.
  PL_TRY_ASSIGN(stretch, c.clip.speed.div(speed));
  after.audio.volume = model::scaleKeys(c.clip.audio.volume, stretch.toDouble());
  if (!c.clip.freeze && !c.media.info.still) {
    PL_TRY_ASSIGN(out, model::sourceOut(after, c.media, ref.rate()));
    if (out > c.media.info.duration) return outOfRange(what + " needs source past the end of its media");
  }
  PL_TRY(plan.update(c.track, c.clip, std::move(after), what));
  if (mode == TrimMode::Ripple) PL_TRY(plan.shift(c.track, c.clip.end(), duration - c.clip.duration, ripple));
  return {};
}

Result<void> planReverse(EditPlan& plan, const ClipRef& c, bool reverse) {
  if (c.clip.reverse == reverse) return {};
  model::Clip after = c.clip;
  after.reverse = reverse;
  return plan.update(c.track, c.clip, std::move(after), (reverse ? "reversing " : "un-reversing ") + quoted(c.clip));
}

// The source tick the hold shows, inside the media (a tick in the last source frame moves to that frame's start).
Result<std::int64_t> holdTick(const SeqRef& ref, const ClipRef& c, std::optional<std::int64_t> given,
                              const model::Clip& hold) {
  const std::int64_t length = c.media.info.duration;
  if (given && !c.media.info.still && (*given < 0 || *given >= length)) {
    return outOfRange("hold of " + quoted(c.clip) + ": source tick " + std::to_string(*given) + " is outside its media (0 to " +
                      std::to_string(length) + " ticks)");
  }
  std::int64_t tick = 0;
  if (given) {
    tick = *given;
  } else {
    PL_TRY_ASSIGN(t, model::sourceTickAt(c.clip, c.clip.end() - FrameCount{1}, c.media, ref.rate()));
    tick = t;
  }
  if (c.media.info.still) return tick;
  PL_TRY_ASSIGN(oneFrame, model::sourceSpan(hold, c.media, ref.rate()));
  return std::max<std::int64_t>(0, std::min(tick, length - oneFrame));
}

}  // namespace

Result<ChangeSet> setSpeed(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                           time::Rational speed, TrimMode mode) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, resolveClip(ref, clip));
  if (speed.num() <= 0) return invalid("speed of " + quoted(c.clip) + " must be positive (got " + speed.toString() + ")");
  EditPlan plan(ref);
  const std::uint64_t ripple = c.clip.id.value;
  auto what = [&](const model::Clip& k) { return "speed change of " + quoted(k) + " to " + speedText(speed); };
  PL_TRY(planSpeed(plan, ref, c, speed, mode, what(c.clip), ripple));
  for (const ClipRef& p : linkedPartners(ref, c, LinkEdge::Whole)) {
    PL_TRY(planSpeed(plan, ref, p, speed, mode, what(p.clip), ripple));
  }
  return plan.finish();
}

Result<ChangeSet> setReverse(const model::Project& project, model::SequenceId seq, model::ClipId clip, bool reverse) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, resolveClip(ref, clip));
  EditPlan plan(ref);
  PL_TRY(planReverse(plan, c, reverse));
  for (const ClipRef& p : linkedPartners(ref, c, LinkEdge::Whole)) PL_TRY(planReverse(plan, p, reverse));
  return plan.finish();
}

Result<ChangeSet> freezeFrameHold(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                  FrameCount hold, std::optional<std::int64_t> sourceTick) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, resolveClip(ref, clip));
  if (hold.value <= 0) return invalid("hold of " + quoted(c.clip) + " must last at least one frame");
  if (c.track.kind != model::TrackKind::Video) {
    return invalid(quoted(c.clip) + " is on audio track " + c.track.name + "; only video clips can hold a frame");
  }
  model::Clip h = c.clip;
  h.start = c.clip.end();
  h.duration = hold;
  h.speed = time::Rational(1);
  h.reverse = false;
  h.freeze = true;
  h.linkGroup = 0;
  h.audio = model::ClipAudio{};
  h.name = c.clip.name + " (hold)";
  PL_TRY_ASSIGN(tick, holdTick(ref, c, sourceTick, h));
  h.sourceIn = tick;
  ChangeSet cs;
  h.id = model::ClipId{model::reserveIds(project, cs, 1)};
  EditPlan plan(ref);
  const std::uint64_t ripple = c.clip.id.value;
  PL_TRY(plan.shift(c.track, c.clip.end(), hold, ripple));
  PL_TRY(plan.add(c.track, std::move(h)));
  for (const ClipRef& p : linkedPartners(ref, c, LinkEdge::Tail)) {
    PL_TRY(plan.shift(p.track, c.clip.end(), hold, ripple));
  }
  return plan.finish(std::move(cs));
}

}  // namespace postline::edit
