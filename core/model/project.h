#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/bin.h"
#include "core/model/media_item.h"
#include "core/model/sequence.h"

namespace postline::model {

// The whole edit: bins, media and sequences. Plain data; changed only by applying a ChangeSet.
struct Project {
  std::string name;
  std::vector<Bin> bins;
  std::vector<MediaItem> media;
  std::vector<Sequence> sequences;
  std::uint64_t nextId = 1;      // the next id to hand out; ids are never reused

  // A new project: the five standard bins and one default sequence ("Sequence 01")
  // with V1 and A1 Dialogue, A2 SFX, A3 Foley, A4 Music, A5 Ambient.
  static Project createDefault(const std::string& name);

  Bin* findBin(BinId id);
  const Bin* findBin(BinId id) const;
  // Root bin with this standard name ("01_Source_Clips"...), or nullptr.
  const Bin* standardBin(const std::string& name) const;
  MediaItem* findMedia(MediaId id);
  const MediaItem* findMedia(MediaId id) const;
  Sequence* findSequence(SequenceId id);
  const Sequence* findSequence(SequenceId id) const;
  // The media items of the root bin named `name` and of its sub-bins (bins in project order,
  // items in display order), e.g. the stills of "04_Reference".
  std::vector<const MediaItem*> mediaUnderBin(const std::string& name) const;

  friend bool operator==(const Project&, const Project&) = default;
};

// Adds a track of `kind` named V<n>/A<n> to `seq` and returns it (ids taken from project.nextId).
// Video tracks are kept before audio tracks. Used to build new sequences, not for undoable edits.
Track& addTrack(Project& project, Sequence& seq, TrackKind kind, AudioRole role = AudioRole::None);
// A sequence with default settings, V1 and the five role audio tracks, not yet added to the project.
Sequence makeDefaultSequence(Project& project, const std::string& name);

}  // namespace postline::model
