#include "core/edit/tracks.h"

#include <algorithm>
#include <set>

namespace postline::edit {

namespace {

// The header fields of `t` (what TrackUpdated carries; clips are ignored by apply).
model::Track headerOf(const model::Track& t) {
  model::Track h = t;
  h.clips.clear();
  return h;
}

Result<const model::Track*> findTrack(const SeqRef& ref, model::TrackId id) {
  const model::Track* t = ref.seq.findTrack(id);
  if (t == nullptr) {
    return base::makeError(base::ErrorCode::NotFound,
                           "sequence '" + ref.seq.name + "' has no track with id " + std::to_string(id.value));
  }
  return t;
}

// The first free "V<n>"/"A<n>" name with n >= count + 1.
std::string freeName(const model::Sequence& seq, model::TrackKind kind) {
  std::set<std::string> used;
  int count = 0;
  for (const model::Track& t : seq.tracks) {
    used.insert(t.name);
    if (t.kind == kind) ++count;
  }
  const std::string prefix = kind == model::TrackKind::Video ? "V" : "A";
  for (int n = count + 1;; ++n) {
    std::string name = prefix + std::to_string(n);
    if (!used.count(name)) return name;
  }
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

}  // namespace

Result<ChangeSet> setTrackFlag(const model::Project& project, model::SequenceId seq, model::TrackId track,
                               TrackFlag flag, bool on) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(t, findTrack(ref, track));
  if (flag == TrackFlag::Solo && t->kind == model::TrackKind::Video) {
    return invalid("solo applies to audio tracks only (" + t->name + " is a video track)");
  }
  model::Track after = headerOf(*t);
  switch (flag) {
    case TrackFlag::Mute: after.muted = on; break;
    case TrackFlag::Solo: after.solo = on; break;
    case TrackFlag::Lock: after.locked = on; break;
  }
  ChangeSet cs;
  const model::Track before = headerOf(*t);
  if (!(after == before)) cs.add(model::TrackUpdated{seq, before, after});
  return cs;
}

Result<ChangeSet> addTrack(const model::Project& project, model::SequenceId seq, model::TrackKind kind,
                           model::AudioRole role, std::string name) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  model::Track t;
  t.kind = kind;
  t.role = kind == model::TrackKind::Audio ? role : model::AudioRole::None;
  t.name = trimmed(name).empty() ? freeName(ref.seq, kind) : trimmed(name);
  std::size_t index = ref.seq.tracks.size();
  if (kind == model::TrackKind::Video) {
    const auto firstAudio = std::find_if(ref.seq.tracks.begin(), ref.seq.tracks.end(),
                                         [](const model::Track& x) { return x.kind == model::TrackKind::Audio; });
    index = static_cast<std::size_t>(firstAudio - ref.seq.tracks.begin());
  }
  ChangeSet cs;
  t.id = model::TrackId{model::reserveIds(project, cs, 1)};
  cs.add(model::TrackAdded{seq, std::move(t), index});
  return cs;
}

Result<ChangeSet> renameTrack(const model::Project& project, model::SequenceId seq, model::TrackId track,
                              std::string name) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(t, findTrack(ref, track));
  name = trimmed(name);
  if (name.empty()) return invalid("a track needs a name (" + t->name + ")");
  ChangeSet cs;
  if (name == t->name) return cs;
  model::Track after = headerOf(*t);
  after.name = std::move(name);
  cs.add(model::TrackUpdated{seq, headerOf(*t), after});
  return cs;
}

}  // namespace postline::edit
