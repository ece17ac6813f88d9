#include "ui/viewer/media_snapshot.h"

#include <algorithm>

namespace postline::ui {

namespace {
constexpr std::int64_t kStillFrames = 240;  // 10 s at 24 fps for stills and titles

bool hasPictures(const model::MediaItem& item) {
  return item.kind == model::MediaKind::Title || item.kind == model::MediaKind::Image || item.info.hasVideo;
}

time::FrameRate rateOf(const model::MediaItem& item) {
  if (item.info.still || item.info.frameRate.isZero()) return time::FrameRate{};
  auto rate = time::FrameRate::make(item.info.frameRate);
  return rate.ok() ? rate.value() : time::FrameRate{};
}
}  // namespace

std::int64_t mediaFrameCount(const model::MediaItem& item) {
  if (!hasPictures(item)) return 0;
  if (item.kind == model::MediaKind::Title || item.info.still || item.info.frameRate.isZero()) return kStillFrames;
  auto seconds = time::Rational(item.info.duration).mul(item.info.timeBase);
  if (!seconds.ok()) return 0;
  auto frames = seconds.value().mul(item.info.frameRate);
  if (!frames.ok() || frames.value().den() == 0) return 0;
  return std::max<std::int64_t>(1, frames.value().num() / frames.value().den());
}

base::Result<MediaSnapshot> makeMediaSnapshot(const model::Project& project, model::MediaId media) {
  const model::MediaItem* item = project.findMedia(media);
  if (item == nullptr) {
    return base::makeError(base::ErrorCode::NotFound, "media " + std::to_string(media.value) + " is not in the project");
  }
  model::Project p;
  p.name = item->name;
  p.nextId = std::max(project.nextId, item->id.value + 1);
  p.media.push_back(*item);
  model::Sequence seq;
  seq.id = model::SequenceId{p.nextId++};
  seq.name = item->name;
  seq.settings.width = item->info.width > 0 ? item->info.width : 1920;
  seq.settings.height = item->info.height > 0 ? item->info.height : 1080;
  seq.settings.frameRate = rateOf(*item);
  model::Track& v1 = model::addTrack(p, seq, model::TrackKind::Video);
  const std::int64_t frames = mediaFrameCount(*item);
  if (frames > 0) {
    model::Clip clip;
    clip.id = model::ClipId{p.nextId++};
    clip.media = item->id;
    clip.start = time::FramePos{0};
    clip.duration = time::FrameCount{frames};
    clip.name = item->name;
    v1.clips.push_back(clip);
  }
  MediaSnapshot out;
  out.sequence = seq.id;
  out.frames = frames;
  p.sequences.push_back(std::move(seq));
  out.project = std::make_shared<const model::Project>(std::move(p));
  return out;
}

}  // namespace postline::ui
