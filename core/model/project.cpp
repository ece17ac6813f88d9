#include "core/model/project.h"

#include <algorithm>

#include "core/model/find_by_id.h"
#include <utility>

namespace postline::model {

Project Project::createDefault(const std::string& name) {
  Project p;
  p.name = name;
  for (const char* binName : kStandardBins) p.bins.push_back(Bin{BinId{p.nextId++}, binName, BinId{}, {}});
  p.sequences.push_back(makeDefaultSequence(p, "Sequence 01"));
  return p;
}

Bin* Project::findBin(BinId id) { return const_cast<Bin*>(std::as_const(*this).findBin(id)); }
const Bin* Project::findBin(BinId id) const { return findPtrById(bins, id); }

const Bin* Project::standardBin(const std::string& binName) const {
  for (const Bin& b : bins) {
    if (!b.parent.valid() && b.name == binName) return &b;
  }
  return nullptr;
}

std::vector<const MediaItem*> Project::mediaUnderBin(const std::string& binName) const {
  std::vector<BinId> under;
  for (const Bin& b : bins) {
    if (b.name == binName || std::find(under.begin(), under.end(), b.parent) != under.end()) under.push_back(b.id);
  }
  std::vector<const MediaItem*> items;
  for (const Bin& b : bins) {
    if (std::find(under.begin(), under.end(), b.id) == under.end()) continue;
    for (MediaId id : b.items) {
      if (const MediaItem* m = findMedia(id)) items.push_back(m);
    }
  }
  return items;
}

MediaItem* Project::findMedia(MediaId id) { return const_cast<MediaItem*>(std::as_const(*this).findMedia(id)); }
const MediaItem* Project::findMedia(MediaId id) const { return findPtrById(media, id); }
Sequence* Project::findSequence(SequenceId id) { return const_cast<Sequence*>(std::as_const(*this).findSequence(id)); }
const Sequence* Project::findSequence(SequenceId id) const { return findPtrById(sequences, id); }

Track& addTrack(Project& project, Sequence& seq, TrackKind kind, AudioRole role) {
  const auto sameKind = std::count_if(seq.tracks.begin(), seq.tracks.end(), [kind](const Track& t) { return t.kind == kind; });
  Track t;
  t.id = TrackId{project.nextId++};
  t.kind = kind;
  t.name = (kind == TrackKind::Video ? "V" : "A") + std::to_string(sameKind + 1);
  t.role = kind == TrackKind::Audio ? role : AudioRole::None;
  // Video tracks stay before audio tracks; each new track goes last among its kind.
  auto pos = seq.tracks.end();
  if (kind == TrackKind::Video) {
    pos = std::find_if(seq.tracks.begin(), seq.tracks.end(), [](const Track& x) { return x.kind == TrackKind::Audio; });
  }
  return *seq.tracks.insert(pos, std::move(t));
}

Sequence makeDefaultSequence(Project& project, const std::string& name) {
  Sequence s;
  s.id = SequenceId{project.nextId++};
  s.name = name;
  addTrack(project, s, TrackKind::Video);
  for (AudioRole role : {AudioRole::Dialogue, AudioRole::Sfx, AudioRole::Foley, AudioRole::Music, AudioRole::Ambient}) {
    addTrack(project, s, TrackKind::Audio, role);
  }
  return s;
}

const char* mediaKindName(MediaKind kind) {
  switch (kind) {
    case MediaKind::Video: return "video";
    case MediaKind::Audio: return "audio";
    case MediaKind::Image: return "image";
    case MediaKind::Title: return "title";
  }
  return "video";
}

}  // namespace postline::model
