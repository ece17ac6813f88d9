// Mixer edits: a track's fader, pan, mute/solo, EQ and compressor, the sequence's master bus, and
// clearing a track's volume automation (ducking off). Each validates with core/model/audio_validate.h
// and returns one ChangeSet (empty when nothing changes).
#pragma once
#include <vector>

#include "core/edit/edit_context.h"
#include "core/model/audio_params.h"

namespace postline::edit {

// The mixer fields of an audio track header.
struct TrackAudio {
  double volumeDb = 0.0;   // fader, -96 .. +12 dB
  double pan = 0.0;        // -1 .. +1
  bool muted = false;
  bool solo = false;
  std::vector<model::EqBand> eq;
  model::Compressor compressor;

  friend bool operator==(const TrackAudio&, const TrackAudio&) = default;
};

// The mixer fields of `track`.
TrackAudio trackAudioOf(const model::Track& track);

// Sets the mixer fields of audio track `track` to `audio` (one TrackUpdated; empty when equal).
// NotFound for an unknown sequence or track, InvalidArgument for a video track, OutOfRange for a
// value out of range (the message names the track, the field and its range).
Result<ChangeSet> setTrackAudio(const model::Project& project, model::SequenceId seq, model::TrackId track,
                                const TrackAudio& audio);

// One field at a time (each is setTrackAudio with the other fields kept).
Result<ChangeSet> setTrackFader(const model::Project& project, model::SequenceId seq, model::TrackId track,
                                double volumeDb);
Result<ChangeSet> setTrackPan(const model::Project& project, model::SequenceId seq, model::TrackId track, double pan);
Result<ChangeSet> setTrackEq(const model::Project& project, model::SequenceId seq, model::TrackId track,
                             std::vector<model::EqBand> eq);
Result<ChangeSet> setTrackCompressor(const model::Project& project, model::SequenceId seq, model::TrackId track,
                                     const model::Compressor& compressor);

// Sets the sequence's master bus (gain, loudness target, ceiling, limiter): one
// SequenceSettingsChanged, empty when equal; OutOfRange names the field out of range.
Result<ChangeSet> setMixSettings(const model::Project& project, model::SequenceId seq, const model::MixSettings& mix);

// Removes the volume keys of every clip on audio track `track` (ducking off): one ClipUpdated
// per clip that had keys; empty when none had. A locked track is a Conflict.
Result<ChangeSet> clearVolumeKeys(const model::Project& project, model::SequenceId seq, model::TrackId track);

// The ClipUpdated changes of `cs` on track `track`: one track's share of a mix action that edits
// several (auto-ducking changes music and ambient clips together).
ChangeSet clipChangesOnTrack(const ChangeSet& cs, model::TrackId track);

}  // namespace postline::edit
