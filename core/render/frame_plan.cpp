#include "core/render/frame_plan.h"

#include <algorithm>
#include <limits>
#include <string>

#include "core/model/clip_timing.h"
#include "core/model/sequence.h"
#include "core/model/transition.h"

namespace postline::render {

using base::ErrorCode;
using base::makeError;
using time::FrameCount;
using time::FramePos;

namespace {

bool isStill(const model::MediaItem& media) {
  return media.kind == model::MediaKind::Image || media.kind == model::MediaKind::Title || media.info.still;
}

// floor(a / b) for b > 0.
time::Int128 floorDiv(time::Int128 a, time::Int128 b) {
  time::Int128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

// Source tick at `pos` by the clip's formula, also outside its record range (no clamping).
base::Result<std::int64_t> unclampedTick(const model::Clip& clip, FramePos pos, const model::MediaItem& media,
                                         const time::FrameRate& rate) {
  if (clip.record().contains(pos)) return model::sourceTickAt(clip, pos, media, rate);
  if (clip.freeze) return clip.sourceIn;
  FrameCount offset = pos - clip.start;
  if (clip.reverse) offset = clip.duration - FrameCount{1} - offset;
  PL_TRY_ASSIGN(ticks, model::ticksForFrames(offset, clip.speed, rate, media.info.timeBase));
  return clip.sourceIn + ticks;
}

// Picture index holding `tick`: floor(tick * timeBase * fps); one tick per frame when fps is unknown.
base::Result<std::int64_t> frameOfTick(std::int64_t tick, const model::MediaInfo& info) {
  if (info.frameRate.num() <= 0) return tick;
  PL_TRY_ASSIGN(perTick, info.timeBase.mul(info.frameRate));  // frames per tick
  const time::Int128 q = floorDiv(static_cast<time::Int128>(tick) * perTick.num(), perTick.den());
  if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min()) {
    return makeError(ErrorCode::Overflow, "source frame of tick " + std::to_string(tick) + " overflowed 64 bits");
  }
  return static_cast<std::int64_t>(q);
}

}  // namespace

base::Result<SourcePoint> sourcePointAt(const model::Clip& clip, FramePos pos, const model::MediaItem& media,
                                        const time::FrameRate& rate) {
  SourcePoint p;
  if (isStill(media)) return p;  // picture 0 at 0 s, whatever the range
  PL_TRY_ASSIGN(tick, unclampedTick(clip, pos, media, rate));
  // Outside the media there is nothing to show: hold the first or last picture instead.
  if (tick < 0) {
    tick = 0;
    p.clamped = true;
  } else if (media.info.duration > 0 && tick >= media.info.duration) {
    tick = media.info.duration - 1;
    p.clamped = true;
  }
  p.tick = tick;
  PL_TRY_ASSIGN(frame, frameOfTick(tick, media.info));
  p.frame = frame;
  PL_TRY_ASSIGN(seconds, media.info.timeBase.mul(time::Rational(tick)));
  p.seconds = seconds;
  return p;
}

namespace {

// What a track contributes at one frame.
struct PlanContext {
  const model::Project& project;
  const model::Sequence& sequence;
  FramePos frame;
  std::vector<Layer>& layers;
};

base::Result<void> appendLayer(const PlanContext& ctx, const model::Clip& clip, int trackIndex, float opacity) {
  if (!clip.enabled) return {};
  const model::MediaItem* media = ctx.project.findMedia(clip.media);
  if (media == nullptr) {
    return makeError(ErrorCode::NotFound, "clip '" + clip.name + "' refers to media id " +
                                              std::to_string(clip.media.value) + ", which is not in the project");
  }
  const model::SequenceSettings& settings = ctx.sequence.settings;
  PL_TRY_ASSIGN(point, sourcePointAt(clip, ctx.frame, *media, settings.frameRate));
  // MediaInfo carries no sample aspect ratio yet: its width/height are display pixels, taken as square.
  // A title is rasterised at the sequence frame size, so it fills the frame like a same-size picture.
  const bool title = media->kind == model::MediaKind::Title;
  const SourceGeometry geometry{static_cast<double>(title ? settings.width : media->info.width),
                                static_cast<double>(title ? settings.height : media->info.height), 1.0};
  auto transform = reframeTransform(settings.width, settings.height, geometry, clip.reframe);
  if (!transform.ok()) {
    return makeError(transform.error().code, "clip '" + clip.name + "': " + transform.error().message);
  }
  Layer layer;
  layer.clip = clip.id;
  layer.media = media->id;
  layer.path = media->path;
  layer.still = isStill(*media);
  layer.sourceFrame = point.frame;
  layer.sourceSeconds = point.seconds;
  layer.colorSpace = media->info.colorSpace;
  layer.grade = clip.grade;
  layer.transform = *transform;
  const model::Reframe& r = clip.reframe;
  layer.crop = {static_cast<float>(r.cropLeft), static_cast<float>(r.cropTop), static_cast<float>(1.0 - r.cropRight),
                static_cast<float>(1.0 - r.cropBottom)};
  layer.opacity = opacity;
  layer.track = trackIndex;
  if (title) layer.title = media->title;
  layer.frameWidth = settings.width;
  layer.frameHeight = settings.height;
  ctx.layers.push_back(std::move(layer));
  return {};
}

// The cross-dissolve on `track` covering the frame, with its two clips, or a null transition.
struct ActiveDissolve {
  const model::Transition* transition = nullptr;
  const model::Clip* left = nullptr;
  const model::Clip* right = nullptr;
  time::FrameRange range;
};

base::Result<ActiveDissolve> dissolveAt(const model::Sequence& seq, const model::Track& track, FramePos frame) {
  for (const model::Transition& t : seq.transitions) {
    if (t.track != track.id || t.kind != model::TransitionKind::CrossDissolve || t.duration.value <= 0) continue;
    const model::Clip* left = model::findClipOnTrack(track, t.left);
    const model::Clip* right = model::findClipOnTrack(track, t.right);
    if (left == nullptr || right == nullptr) {
      return makeError(ErrorCode::NotFound, "transition " + std::to_string(t.id.value) + " on " + track.name +
                                                " refers to a clip that is not on that track");
    }
    const time::FrameRange range = model::transitionRange(t, right->start);
    if (range.contains(frame)) return ActiveDissolve{&t, left, right, range};
  }
  return ActiveDissolve{};
}

base::Result<void> planTrack(const PlanContext& ctx, const model::Track& track, int trackIndex) {
  PL_TRY_ASSIGN(dissolve, dissolveAt(ctx.sequence, track, ctx.frame));
  if (dissolve.transition != nullptr) {
    const double into = static_cast<double>((ctx.frame - dissolve.range.start).value) + 0.5;
    const auto w = static_cast<float>(into / static_cast<double>(dissolve.transition->duration.value));
    PL_TRY(appendLayer(ctx, *dissolve.left, trackIndex, 1.0f));
    return appendLayer(ctx, *dissolve.right, trackIndex, w);
  }
  const model::Clip* clip = model::clipAt(track, ctx.frame);
  if (clip == nullptr) return {};  // a gap
  return appendLayer(ctx, *clip, trackIndex, 1.0f);
}

base::Result<const model::Sequence*> findSequence(const Snapshot& snapshot) {
  if (!snapshot.project) return makeError(ErrorCode::InvalidArgument, "render snapshot has no project");
  const model::Sequence* seq = snapshot.project->findSequence(snapshot.sequence);
  if (seq == nullptr) {
    return makeError(ErrorCode::NotFound, "sequence id " + std::to_string(snapshot.sequence.value) +
                                              " is not in project '" + snapshot.project->name + "'");
  }
  return seq;
}

}  // namespace

base::Result<FramePlan> planFrame(const Snapshot& snapshot, FramePos frame) {
  PL_TRY_ASSIGN(seq, findSequence(snapshot));
  FramePlan plan;
  plan.frame = frame;
  plan.width = seq->settings.width;
  plan.height = seq->settings.height;
  if (frame < FramePos{0} || frame >= seq->end()) return plan;
  const PlanContext ctx{*snapshot.project, *seq, frame, plan.layers};
  int videoIndex = 0;
  for (const model::Track& track : seq->tracks) {
    if (track.kind != model::TrackKind::Video) continue;
    const int index = videoIndex++;
    if (track.muted) continue;
    PL_TRY(planTrack(ctx, track, index));
  }
  return plan;
}

time::FrameCount sequenceLength(const Snapshot& snapshot) {
  auto seq = findSequence(snapshot);
  if (!seq.ok()) return FrameCount{0};
  return (*seq)->end() - FramePos{0};
}

}  // namespace postline::render
