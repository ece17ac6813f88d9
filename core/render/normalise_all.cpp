#include "core/render/normalise_all.h"

#include <algorithm>

#include "core/color/match.h"
#include "core/color/ocio/ocio.h"
#include "core/media/ffmpeg/ffmpeg_poster.h"
#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/model/find_by_id.h"
#include "core/render/frame_plan.h"
#include "core/render/source_format.h"

namespace postline::render {

base::Result<color::ImageF> workingPicture(const media::VideoFrame& frame, int maxWidth) {
  const int w = std::min(frame.width, maxWidth);
  const int h = std::max(1, static_cast<int>(static_cast<long long>(frame.height) * w / std::max(1, frame.width)));
  PL_TRY_ASSIGN(rgba, media::ffmpeg::scaleToRgba(frame, w, h));
  PL_TRY_ASSIGN(input, color::ocio::inputTransform(sourceFormat(frame).colorSpace));
  color::ImageF img(w, h);
  for (std::size_t i = 0; i < img.rgba.size(); ++i) img.rgba[i] = static_cast<float>(rgba.rgba[i]) / 255.0f;
  input->applyCpu(img.rgba.data(), img.pixels());
  return img;
}

base::Result<color::ImageF> referencePicture(const std::filesystem::path& file, std::int64_t frameIndex) {
  PL_TRY_ASSIGN(decoder, media::ffmpeg::openVideoDecoder(file));
  PL_TRY_ASSIGN(frame, decoder->frame(frameIndex));
  return workingPicture(*frame);
}

namespace {

// The layer of `clip` at the middle of its time on the timeline.
base::Result<Layer> middleLayer(const model::Project& p, const model::Sequence& seq, const model::Clip& clip) {
  const model::MediaItem* media = model::findPtrById(p.media, clip.media);
  if (media == nullptr) {
    return base::makeError(base::ErrorCode::NotFound, "clip '" + clip.name + "' uses a media item that is not in the project");
  }
  const time::FramePos mid = clip.start + time::FrameCount{clip.duration.value / 2};
  PL_TRY_ASSIGN(point, sourcePointAt(clip, mid, *media, seq.settings.frameRate));
  Layer l;
  l.clip = clip.id;
  l.media = clip.media;
  l.path = media->path;
  l.still = media->kind == model::MediaKind::Image || media->info.still;
  l.sourceFrame = l.still ? 0 : point.frame;
  l.sourceSeconds = point.seconds;
  return l;
}

}  // namespace

base::Result<std::vector<ClipMatch>> normaliseAll(const Snapshot& snapshot, const ReferenceFor& referenceFor,
                                                  PictureSource& pictures) {
  const model::Project& p = *snapshot.project;
  const model::Sequence* seq = model::findPtrById(p.sequences, snapshot.sequence);
  if (seq == nullptr) return base::makeError(base::ErrorCode::NotFound, "no sequence with id " + std::to_string(snapshot.sequence.value));
  std::vector<ClipMatch> out;
  for (const model::Track& t : seq->tracks) {
    if (t.kind != model::TrackKind::Video) continue;
    for (const model::Clip& c : t.clips) {
      const model::MediaItem* media = model::findPtrById(p.media, c.media);
      if (media != nullptr && media->kind == model::MediaKind::Title) continue;  // text: nothing to match
      const color::ImageF* reference = media != nullptr && c.enabled ? referenceFor(*media) : nullptr;
      if (reference == nullptr) continue;
      PL_TRY_ASSIGN(layer, middleLayer(p, *seq, c));
      PL_TRY_ASSIGN(frame, pictures.picture(layer));
      PL_TRY_ASSIGN(pic, workingPicture(*frame));
      PL_TRY_ASSIGN(normalise, color::matchGrade(pic, *reference));
      out.push_back({c.id, normalise});
    }
  }
  return out;
}

}  // namespace postline::render
