#pragma once
#include <cstdint>
#include <string>

#include "core/model/ids.h"
#include "core/model/title.h"
#include "core/time/rational.h"

namespace postline::model {

// What a media file holds, decided at import; Title is generated from text (no file).
enum class MediaKind { Video, Audio, Image, Title };

// Facts probed from the file. Source positions of clips are ticks of `timeBase`.
struct MediaInfo {
  std::string container;                 // e.g. "mov,mp4,m4a,3gp,3g2,mj2"
  bool hasVideo = false;
  bool hasAudio = false;
  bool still = false;                    // a single image: any source range is valid
  int width = 0;                         // display width in pixels
  int height = 0;                        // display height in pixels
  time::Rational frameRate{0};           // frames per second; 0 when unknown or still
  bool variableFrameRate = false;        // flagged, never silently reinterpreted
  time::Rational timeBase{1};             // seconds per tick of source positions (1/fps for CFR video)
  std::int64_t duration = 0;             // length in ticks of timeBase; [0, duration) is usable
  std::string videoCodec;
  std::string audioCodec;
  int sampleRate = 0;                    // Hz
  int channels = 0;
  std::string colorSpace;                // e.g. "bt709"; empty when untagged

  friend bool operator==(const MediaInfo&, const MediaInfo&) = default;
};

// One imported file. Shot/take come from names like Shot_01_Take_03 (0 = not known).
struct MediaItem {
  MediaId id;
  std::string path;        // absolute path of the file as last found
  std::string name;        // display name (file name without folder by default)
  MediaKind kind = MediaKind::Video;
  MediaInfo info;
  int shot = 0;            // shot number, 0 when the name carries none
  int take = 0;            // take number, 0 when the name carries none
  int rating = 0;          // 0 (unrated) to 5 stars
  std::string notes;
  TitleSpec title;         // the text and its look; only meaningful for MediaKind::Title (path is "")

  friend bool operator==(const MediaItem&, const MediaItem&) = default;
};

// Stable lower-case name of a media kind ("video", "audio", "image", "title").
const char* mediaKindName(MediaKind kind);

}  // namespace postline::model
