#include "ui/timeline/timeline_drop.h"

#include <algorithm>
#include <cctype>

#include "core/edit/placement.h"

namespace postline::ui {

namespace {

bool hasPicture(const model::MediaItem& m) { return m.kind != model::MediaKind::Audio; }

// The whole media (a still: its default length).
edit::SourceSpan fullSpan(const model::MediaItem& m) {
  return edit::SourceSpan{m.id, 0, m.info.still ? 0 : m.info.duration};
}

// The role an audio-only file's name suggests.
model::AudioRole guessRole(const std::string& name) {
  std::string s = name;
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (s.find("dialog") != std::string::npos || s.find("vo_") != std::string::npos || s.find("voice") != std::string::npos) {
    return model::AudioRole::Dialogue;
  }
  if (s.find("sfx") != std::string::npos) return model::AudioRole::Sfx;
  if (s.find("foley") != std::string::npos) return model::AudioRole::Foley;
  if (s.find("amb") != std::string::npos || s.find("room") != std::string::npos) return model::AudioRole::Ambient;
  return model::AudioRole::Music;
}

// The first track of `kind` (with `role` when given) that is targeted, else the first of that kind/role.
model::TrackId pickTrack(const model::Sequence& seq, const std::set<model::TrackId>& targeted, model::TrackKind kind,
                         model::AudioRole role = model::AudioRole::None) {
  auto fits = [&](const model::Track& t) { return t.kind == kind && (role == model::AudioRole::None || t.role == role); };
  for (const model::Track& t : seq.tracks) {
    if (fits(t) && targeted.count(t.id)) return t.id;
  }
  for (const model::Track& t : seq.tracks) {
    if (fits(t)) return t.id;
  }
  return {};
}

model::TrackId defaultAudioTrack(const model::Sequence& seq, const std::set<model::TrackId>& targeted) {
  for (const model::Track& t : seq.tracks) {
    if (t.kind == model::TrackKind::Audio && targeted.count(t.id)) return t.id;
  }
  const model::TrackId dialogue = pickTrack(seq, {}, model::TrackKind::Audio, model::AudioRole::Dialogue);
  return dialogue.valid() ? dialogue : pickTrack(seq, {}, model::TrackKind::Audio);
}

}  // namespace

std::vector<DropTarget> dropTargets(const model::Project& project, const model::Sequence& seq,
                                    const std::set<model::TrackId>& targeted, const std::vector<model::MediaId>& media,
                                    model::TrackId hoverTrack) {
  const model::Track* hover = seq.findTrack(hoverTrack);
  const bool overVideo = hover && hover->kind == model::TrackKind::Video;
  std::vector<DropTarget> out;
  for (model::MediaId id : media) {
    const model::MediaItem* m = project.findMedia(id);
    if (!m) continue;
    DropTarget t{id, {}, {}};
    if (hasPicture(*m)) {
      t.track = overVideo ? hover->id : pickTrack(seq, targeted, model::TrackKind::Video);
      if (m->info.hasAudio) t.linkedAudio = (hover && !overVideo) ? hover->id : defaultAudioTrack(seq, targeted);
    } else if (hover && !overVideo) {
      t.track = hover->id;
    } else {
      t.track = pickTrack(seq, {}, model::TrackKind::Audio, guessRole(m->name));
      if (!t.track.valid()) t.track = defaultAudioTrack(seq, targeted);
    }
    if (t.track.valid()) out.push_back(t);
  }
  return out;
}

std::vector<DropGhost> dropGhosts(const model::Project& project, const model::Sequence& seq,
                                  const std::vector<DropTarget>& targets, time::FramePos at) {
  std::vector<DropGhost> ghosts;
  const edit::SeqRef ref{project, seq};
  for (const DropTarget& t : targets) {
    const model::MediaItem* m = project.findMedia(t.media);
    auto len = edit::spanFrames(ref, *m, fullSpan(*m));
    if (!len.ok()) continue;
    const QString name = QString::fromStdString(m->name);
    ghosts.push_back(DropGhost{t.track, at, len.value(), name});
    if (t.linkedAudio.valid()) ghosts.push_back(DropGhost{t.linkedAudio, at, len.value(), name});
    at += len.value();
  }
  return ghosts;
}

base::Result<model::ChangeSet> dropChanges(const model::Project& project, model::SequenceId seq,
                                           const std::vector<DropTarget>& targets, time::FramePos at, bool insert) {
  model::Project work = project;
  model::ChangeSet all;
  for (const DropTarget& t : targets) {
    const model::MediaItem* m = work.findMedia(t.media);
    const edit::SourceSpan span = fullSpan(*m);
    auto cs = insert ? edit::insert(work, seq, t.track, at, span, t.linkedAudio)
                     : edit::overwrite(work, seq, t.track, at, span, t.linkedAudio);
    if (!cs.ok()) return cs.error();
    auto len = edit::spanFrames(edit::SeqRef{work, *work.findSequence(seq)}, *m, span);
    if (auto applied = model::apply(work, cs.value()); !applied.ok()) return applied.error();
    all.append(cs.value());
    if (len.ok()) at += len.value();
  }
  return all;
}

}  // namespace postline::ui
