#include "core/model/sequence.h"

#include <algorithm>

#include "core/model/find_by_id.h"

namespace postline::model {

Track* Sequence::findTrack(TrackId id) { return const_cast<Track*>(std::as_const(*this).findTrack(id)); }
const Track* Sequence::findTrack(TrackId id) const { return findPtrById(tracks, id); }

const Track* Sequence::trackOfClip(ClipId id) const {
  for (const Track& t : tracks) {
    if (findClipOnTrack(t, id) != nullptr) return &t;
  }
  return nullptr;
}

const Clip* Sequence::findClip(ClipId id) const {
  for (const Track& t : tracks) {
    if (const Clip* c = findClipOnTrack(t, id)) return c;
  }
  return nullptr;
}

const Transition* Sequence::findTransition(TransitionId id) const { return findPtrById(transitions, id); }
const Marker* Sequence::findMarker(MarkerId id) const { return findPtrById(markers, id); }

time::FramePos Sequence::end() const {
  time::FramePos e{0};
  for (const Track& t : tracks) {
    if (!t.clips.empty()) e = std::max(e, t.clips.back().end());
  }
  return e;
}

const Clip* findClipOnTrack(const Track& track, ClipId id, time::FramePos startHint) {
  if (startHint.value >= 0) {
    auto it = std::lower_bound(track.clips.begin(), track.clips.end(), startHint,
                               [](const Clip& c, time::FramePos s) { return c.start < s; });
    if (it != track.clips.end() && it->id == id) return &*it;
  }
  return findPtrById(track.clips, id);
}

Clip* findClipOnTrack(Track& track, ClipId id, time::FramePos startHint) {
  return const_cast<Clip*>(findClipOnTrack(std::as_const(track), id, startHint));
}

std::size_t firstClipAtOrAfter(const Track& track, time::FramePos pos) {
  auto it = std::lower_bound(track.clips.begin(), track.clips.end(), pos,
                             [](const Clip& c, time::FramePos s) { return c.start < s; });
  return static_cast<std::size_t>(it - track.clips.begin());
}

const Clip* clipAt(const Track& track, time::FramePos pos) {
  auto it = std::upper_bound(track.clips.begin(), track.clips.end(), pos,
                             [](time::FramePos s, const Clip& c) { return s < c.start; });
  if (it == track.clips.begin()) return nullptr;
  --it;
  return it->record().contains(pos) ? &*it : nullptr;
}

const char* audioRoleName(AudioRole role) {
  switch (role) {
    case AudioRole::None: return "none";
    case AudioRole::Dialogue: return "dialogue";
    case AudioRole::Sfx: return "sfx";
    case AudioRole::Foley: return "foley";
    case AudioRole::Music: return "music";
    case AudioRole::Ambient: return "ambient";
  }
  return "none";
}

const char* trackKindName(TrackKind kind) { return kind == TrackKind::Video ? "video" : "audio"; }

const char* colorSpaceName(ColorSpace cs) { return cs == ColorSpace::Rec709 ? "rec709" : "rec2020"; }

}  // namespace postline::model
