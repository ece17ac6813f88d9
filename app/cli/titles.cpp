#include "app/cli/titles.h"

#include <cmath>

#include "core/edit/placement.h"

namespace postline::cli {

using base::ErrorCode;
using base::makeError;
using base::Result;

namespace {

// Index of the first track after the last video track of `s`, and the video track count.
std::pair<std::size_t, int> afterVideoTracks(const model::Sequence& s) {
  std::size_t index = 0;
  int videos = 0;
  for (std::size_t i = 0; i < s.tracks.size(); ++i) {
    if (s.tracks[i].kind == model::TrackKind::Video) {
      index = i + 1;
      ++videos;
    }
  }
  return {index, videos};
}

// The id of video track `name`, adding it (through `apply`) when it is the next one up.
template <class Apply>
Result<model::TrackId> videoTrack(const model::Project& p, model::SequenceId seqId, const std::string& name,
                                  const Apply& apply) {
  const model::Sequence* s = p.findSequence(seqId);
  for (const model::Track& t : s->tracks) {
    if (t.kind == model::TrackKind::Video && t.name == name) return t.id;
  }
  const auto [index, videos] = afterVideoTracks(*s);
  if (name != "V" + std::to_string(videos + 1)) {
    return makeError(ErrorCode::NotFound, "sequence '" + s->name + "' has no video track '" + name +
                                              "' (a new one must be V" + std::to_string(videos + 1) + ")");
  }
  model::ChangeSet cs;
  model::Track track;
  track.id = model::TrackId{model::reserveIds(p, cs, 1)};
  track.kind = model::TrackKind::Video;
  track.name = name;
  cs.add(model::TrackAdded{seqId, track, index});
  PL_TRY(apply("Add track " + name, std::move(cs)));
  return track.id;
}

// The title item: a frame-sized still named after its first line.
model::MediaItem titleItem(const model::Sequence& s, const model::TitleSpec& spec) {
  model::MediaItem m;
  m.kind = model::MediaKind::Title;
  m.name = spec.text.substr(0, spec.text.find('\n'));
  if (m.name.size() > 48) m.name = m.name.substr(0, 45) + "...";
  m.title = spec;
  m.info.hasVideo = true;
  m.info.still = true;
  m.info.width = s.settings.width;
  m.info.height = s.settings.height;
  m.info.timeBase = time::Rational::make(1, 1000).value();  // source ticks in ms (any range is valid)
  return m;
}

}  // namespace

Result<void> addTitle(const model::Project& project, model::SequenceId seq, const model::TitleSpec& spec,
                      const TitlePlacement& placement,
                      const std::function<Result<void>(const std::string&, model::ChangeSet)>& apply) {
  const model::Sequence* s = project.findSequence(seq);
  if (s == nullptr) return makeError(ErrorCode::NotFound, "sequence id " + std::to_string(seq.value) + " is not in the project");
  if (spec.text.empty()) return makeError(ErrorCode::InvalidArgument, "a title needs text");
  if (!(placement.seconds > 0.0 && placement.seconds < 1e6)) {
    return makeError(ErrorCode::InvalidArgument, "a title's duration must be a positive number of seconds");
  }
  const model::Bin* graphics = project.standardBin("03_Graphics");
  if (graphics == nullptr) return makeError(ErrorCode::NotFound, "the project has no 03_Graphics bin");
  const model::BinId graphicsId = graphics->id;
  PL_TRY_ASSIGN(track, videoTrack(project, seq, placement.track, apply));
  model::ChangeSet add;
  model::MediaItem item = titleItem(*project.findSequence(seq), spec);
  item.id = model::MediaId{model::reserveIds(project, add, 1)};
  add.add(model::MediaAdded{item, graphicsId});
  PL_TRY(apply("Add title '" + item.name + "'", std::move(add)));
  const auto ms = static_cast<std::int64_t>(std::llround(placement.seconds * 1000.0));
  auto place = edit::overwrite(project, seq, track, placement.at, edit::SourceSpan{item.id, 0, ms});
  if (!place.ok()) return makeError(place.error().code, "placing the title: " + place.error().message);
  return apply("Place title '" + item.name + "'", std::move(place).value());
}

}  // namespace postline::cli
