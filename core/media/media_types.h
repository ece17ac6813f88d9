#pragma once
// Plain data the media layer hands to the rest of Postline. No FFmpeg types here:
// FFmpeg lives only under core/media/ffmpeg.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/time/rational.h"

namespace postline::media {

// Colour tags as FFmpeg names them ("bt709", "smpte2084", "tv"/"pc"); "unknown" when untagged.
struct ColorTags {
  std::string primaries = "unknown";
  std::string transfer = "unknown";
  std::string matrix = "unknown";
  std::string range = "unknown";

  friend bool operator==(const ColorTags&, const ColorTags&) = default;
};

// Facts about the best video stream of a file.
struct VideoStreamInfo {
  std::string codec;                 // "h264", "hevc", "prores", "vp9", "png", ...
  std::string profile;               // "High", "Main 10", ... ("" when none)
  std::string pixFmt;                // "yuv420p", "yuv420p10le", "rgba", ...
  int bitDepth = 8;
  int width = 0;                     // coded width in pixels
  int height = 0;                    // coded height in pixels
  int displayWidth = 0;              // after sample aspect and rotation
  int displayHeight = 0;
  int rotation = 0;                  // clockwise degrees to apply for display: 0, 90, 180, 270
  time::Rational sampleAspect{1};    // pixel aspect ratio
  time::Rational frameRate{0};       // average/nominal frames per second, exact
  bool variableFrameRate = false;
  std::int64_t frames = 0;           // decodable frames (counted or estimated from duration)
  time::Rational timeBase{1};        // seconds per pts tick of the stream
  ColorTags color;
};

// Facts about the best audio stream of a file.
struct AudioStreamInfo {
  std::string codec;                 // "aac", "pcm_s16le", "mp3", ...
  int sampleRate = 0;                // Hz
  int channels = 0;
  std::string layout;                // "stereo", "5.1", "mono", ...
  double durationS = 0.0;
};

// Everything `probe` learns about one file.
struct ProbeResult {
  std::string file;
  std::string container;             // FFmpeg's format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
  double durationS = 0.0;
  bool still = false;                // a single image (PNG, JPEG, ...)
  std::optional<VideoStreamInfo> video;
  std::optional<AudioStreamInfo> audio;
  std::vector<std::string> warnings; // e.g. a truncated file and its real decodable length
  std::optional<std::string> generator;  // a hint such as "Google Veo" from tags or a C2PA manifest
};

// Layout of a decoded picture's planes.
enum class FrameFormat {
  Yuv420,  // planar Y, U, V with chroma halved both ways
  Yuv422,  // chroma halved horizontally
  Yuv444,
  Rgba,    // one plane of RGBA, straight alpha: 8-bit, or 16-bit (bitDepth 16, little-endian uint16) for deep stills
};

// One plane of samples. For bitDepth > 8 each sample is a little-endian uint16.
struct Plane {
  std::vector<std::uint8_t> data;
  int width = 0;                     // samples per row
  int height = 0;                    // rows
  int stride = 0;                    // bytes per row in `data`
};

// A decoded picture, rotation already applied, with the tags the GPU needs for YUV->RGB.
struct VideoFrame {
  FrameFormat format = FrameFormat::Yuv420;
  int bitDepth = 8;
  int width = 0;                     // display width of the picture (after rotation)
  int height = 0;
  std::array<Plane, 3> planes;       // Y, U, V (Rgba uses planes[0] only)
  int planeCount = 3;
  ColorTags color;
  std::int64_t index = 0;            // frame number in decode order of presentation (0 = first)
  std::int64_t pts = 0;              // presentation timestamp in the stream's time base
  time::Rational timeBase{1};

  // Bytes held by the planes (what a frame cache counts).
  std::size_t byteSize() const {
    std::size_t n = 0;
    for (const Plane& p : planes) n += p.data.size();
    return n;
  }
};
using VideoFramePtr = std::shared_ptr<const VideoFrame>;

// Decoded audio: stereo float32 planar at 48 kHz, samples [start, start + left.size()).
struct AudioBlock {
  std::int64_t start = 0;            // first sample (48 kHz) from the file's start
  std::vector<float> left;
  std::vector<float> right;
};

}  // namespace postline::media
