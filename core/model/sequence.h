#pragma once
#include <string>
#include <vector>

#include "core/color/grade.h"
#include "core/model/audio_params.h"
#include "core/model/clip.h"
#include "core/model/ids.h"
#include "core/model/transition.h"
#include "core/time/frame_rate.h"

namespace postline::model {

enum class TrackKind { Video, Audio };

// The five audio roles of the mix; video tracks have None.
enum class AudioRole { None, Dialogue, Sfx, Foley, Music, Ambient };

// One lane of clips. `clips` is sorted by start and no two clips overlap.
struct Track {
  TrackId id;
  TrackKind kind = TrackKind::Video;
  std::string name;              // "V1", "A1", ...
  AudioRole role = AudioRole::None;
  bool muted = false;
  bool locked = false;
  double volumeDb = 0.0;         // audio fader, -96 .. +12 dB
  double pan = 0.0;              // -1 (left) .. +1 (right), constant-power law; audio tracks only
  bool solo = false;             // when any audio track is soloed, only soloed tracks sound
  std::vector<EqBand> eq;        // parametric EQ, applied in order (at most 8 bands)
  Compressor compressor;         // after the EQ, before the fader
  std::vector<Clip> clips;

  friend bool operator==(const Track&, const Track&) = default;
};

enum class ColorSpace { Rec709, Rec2020 };

// Format of a sequence and its timeline grade. Defaults: 1920x1080, 24 fps, Rec.709, 48 kHz,
// identity grade. Changing any of it (the timeline grade included) is one SequenceSettingsChanged.
struct SequenceSettings {
  int width = 1920;
  int height = 1080;
  time::FrameRate frameRate;
  ColorSpace colorSpace = ColorSpace::Rec709;
  int sampleRate = 48000;
  color::TimelineGrade timelineGrade;  // applied over the whole composited timeline
  MixSettings mix;                     // master bus: gain, loudness target, limiter

  friend bool operator==(const SequenceSettings&, const SequenceSettings&) = default;
};

// A timeline: video tracks (V1 at the bottom, V2+ overlays) then audio tracks A1..An.
struct Sequence {
  SequenceId id;
  std::string name;
  SequenceSettings settings;
  std::vector<Track> tracks;
  std::vector<Transition> transitions;
  std::vector<Marker> markers;

  Track* findTrack(TrackId id);
  const Track* findTrack(TrackId id) const;
  // The track holding clip `id`, or nullptr.
  const Track* trackOfClip(ClipId id) const;
  // Clip `id` on any track, or nullptr.
  const Clip* findClip(ClipId id) const;
  const Transition* findTransition(TransitionId id) const;
  const Marker* findMarker(MarkerId id) const;
  // First frame after the last clip of any track.
  time::FramePos end() const;

  friend bool operator==(const Sequence&, const Sequence&) = default;
};

// Clip `id` on `track`, or nullptr (binary search by `startHint` first, then a scan).
const Clip* findClipOnTrack(const Track& track, ClipId id, time::FramePos startHint = time::FramePos{-1});
Clip* findClipOnTrack(Track& track, ClipId id, time::FramePos startHint = time::FramePos{-1});
// Index of the first clip on `track` whose start is >= pos.
std::size_t firstClipAtOrAfter(const Track& track, time::FramePos pos);
// The clip covering frame `pos` on `track`, or nullptr.
const Clip* clipAt(const Track& track, time::FramePos pos);

const char* audioRoleName(AudioRole role);
const char* trackKindName(TrackKind kind);
const char* colorSpaceName(ColorSpace cs);

}  // namespace postline::model
