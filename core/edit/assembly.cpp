#include "core/edit/assembly.h"

#include <algorithm>
#include <map>

#include "core/edit/placement.h"

namespace postline::edit {

using time::FramePos;

Result<std::vector<const model::MediaItem*>> chooseTakes(const model::Project& project,
                                                         const std::vector<model::MediaId>& takes) {
  if (takes.empty()) return invalid("an assembly edit needs at least one take");
  std::map<int, const model::MediaItem*> byShot;
  std::vector<const model::MediaItem*> unnumbered;
  for (model::MediaId id : takes) {
    const model::MediaItem* m = project.findMedia(id);
    if (m == nullptr) {
      return base::makeError(base::ErrorCode::NotFound, "media " + std::to_string(id.value) + " is not in the project");
    }
    if (m->shot == 0) {
      unnumbered.push_back(m);
      continue;
    }
    auto [it, added] = byShot.try_emplace(m->shot, m);
    const model::MediaItem* best = it->second;
    if (!added && (m->rating > best->rating || (m->rating == best->rating && m->take > best->take))) it->second = m;
  }
  std::vector<const model::MediaItem*> out;
  for (const auto& [shot, m] : byShot) out.push_back(m);
  out.insert(out.end(), unnumbered.begin(), unnumbered.end());
  return out;
}

namespace {

// The end of a track's last clip (frame 0 when empty, or when there is no track).
FramePos trackEnd(const model::Track* t) {
  return t == nullptr || t->clips.empty() ? FramePos{0} : t->clips.back().end();
}

// Puts one take at `at` on its track(s); returns its length in frames.
Result<time::FrameCount> placeTake(const SeqRef& ref, const model::MediaItem& m, FramePos at, const model::Track& video,
                                   const model::Track* audio, ChangeSet& cs) {
  const SourceSpan span{m.id, 0, m.info.still ? 0 : m.info.duration};
  const bool visual = m.info.hasVideo || m.info.still;
  if (!visual && audio == nullptr) return invalid("'" + m.name + "' has only audio and no audio track was given");
  const bool linked = visual && audio != nullptr && m.info.hasAudio && !m.info.still;
  const std::uint64_t first = model::reserveIds(ref.project, cs, linked ? 3 : 1);
  const model::Track& main = visual ? video : *audio;
  PL_TRY_ASSIGN(clip, makeClip(ref, main, span, at, model::ClipId{first}));
  if (linked) {
    clip.linkGroup = first + 2;
    model::Clip sound = clip;
    sound.id = model::ClipId{first + 1};
    PL_TRY(checkClipFits(ref, *audio, sound));
    cs.add(model::ClipAdded{ref.seq.id, audio->id, sound});
  }
  cs.add(model::ClipAdded{ref.seq.id, main.id, clip});
  return clip.duration;
}

}  // namespace

Result<ChangeSet> assemblyEdit(const model::Project& project, model::SequenceId seq,
                               const std::vector<model::MediaId>& takes, model::TrackId video, model::TrackId audio) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(videoTrack, resolveTrack(ref, video));
  if (videoTrack->kind != model::TrackKind::Video) return invalid("track " + videoTrack->name + " is not a video track");
  const model::Track* audioTrack = nullptr;
  if (audio.valid()) {
    PL_TRY_ASSIGN(a, resolveTrack(ref, audio));
    if (a->kind != model::TrackKind::Audio) return invalid("track " + a->name + " is not an audio track");
    audioTrack = a;
  }
  PL_TRY_ASSIGN(chosen, chooseTakes(project, takes));
  FramePos at = std::max(trackEnd(videoTrack), trackEnd(audioTrack));
  ChangeSet cs;
  for (const model::MediaItem* m : chosen) {
    PL_TRY_ASSIGN(length, placeTake(ref, *m, at, *videoTrack, audioTrack, cs));
    at += length;
  }
  return cs;
}

}  // namespace postline::edit
