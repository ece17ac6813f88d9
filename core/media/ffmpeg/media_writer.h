#pragma once
// A small libav encoder that writes synthetic media: the fixtures of the tests and the demo
// project's clips. Plain C++ interface (no libav types), so tests can include it freely.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/time/rational.h"

namespace postline::media::ffmpeg {

// What writeVideo encodes. The container follows the file extension (.mp4, .mov, .mkv).
struct VideoSpec {
  int width = 320;                     // coded width in pixels (even)
  int height = 180;                    // coded height in pixels (even)
  time::Rational fps{24};              // frames per second (constant frame rate)
  int frames = 48;                     // number of pictures (ignored when ptsMillis is set)
  std::string codec = "libx264";       // "libx264", "libx265", "prores_ks", "libvpx-vp9"
  std::string pixFmt = "yuv420p";      // "yuv420p", "yuv420p10le" (prores_ks: yuv422p10le)
  int gop = 12;                        // frames between keyframes
  int bFrames = 0;                     // max consecutive B-frames (x264/x265)
  bool burnFrameNumbers = true;        // burn the frame number code (see core/media/frame_number.h)
  int rotation = 0;                    // clockwise degrees a player applies (display matrix; mp4/mov only)
  std::vector<std::int64_t> ptsMillis; // non-empty: rising timestamps in ms, one per frame (variable rate)
  int audioTone = 0;                   // Hz of a sine tone in an AAC stereo 48 kHz track; 0 = no audio
  std::string comment;                 // written as the container's "comment" tag when non-empty
  std::string encoderTag;              // written as the container's "encoder" tag when non-empty
  std::string preset = "veryfast";     // x264/x265 speed preset
  // When set, paints picture `index` as RGB24 (width * height * 3 bytes, display orientation,
  // rotation must be 0) instead of the test pattern; converted with BT.709 and tagged so.
  std::function<void(std::int64_t index, std::vector<std::uint8_t>& rgb)> painter;
  // When non-empty: the AAC track's samples, interleaved stereo float32 at 48 kHz (instead of audioTone).
  std::vector<float> audioSamples;
};

// Encodes a moving textured pattern (plus the frame code) into `path`. The pattern is drawn in
// display orientation and rotated into coded orientation, so after display rotation the code
// sits at the top-left. NotFound when the encoder is not built into this FFmpeg.
base::Result<void> writeVideo(const std::filesystem::path& path, const VideoSpec& spec);

// What writeAudio encodes. The container follows the extension (.wav, .m4a, .mp4, .mp3, .mkv).
struct AudioSpec {
  int sampleRate = 48000;              // Hz
  int channels = 2;                    // 1, 2 or 6 (5.1)
  double seconds = 2.0;                // duration
  double toneHz = 440.0;               // sine tone on every channel (amplitude 0.5)
  std::string codec = "pcm_s16le";     // "pcm_s16le", "aac", "libmp3lame"
  // When true, channel 0 holds the low 16 bits of the absolute sample index as a sawtooth and
  // channel 1 (if any) the next 16 bits, both as signed 16-bit samples: sample i stores
  // (i & 0xFFFF) - 32768 and ((i >> 16) & 0xFFFF) - 32768. Exact only with pcm_s16le at the
  // rate the decoder outputs; decode with rampSampleIndex below. Other channels carry the tone.
  bool sampleIndexRamp = false;
  // When non-empty: the samples to write, interleaved `channels` per frame in [-1, 1]
  // (their length sets the duration; `seconds` and `toneHz` are ignored).
  std::vector<float> samples;
};

// Encodes the audio described by `spec` into `path`. NotFound when the encoder is missing.
base::Result<void> writeAudio(const std::filesystem::path& path, const AudioSpec& spec);

// The absolute sample index stored by a sampleIndexRamp file, from the two decoded float
// samples (s16 / 32768) of channels 0 and 1 at that index (pass -1.0f for `high` on mono files,
// which then wrap every 65536 samples).
inline std::int64_t rampSampleIndex(float low, float high) {
  const auto word = [](float v) { return static_cast<std::int64_t>(std::lround(v * 32768.0)) + 32768; };
  return (word(high) << 16) | word(low);
}

// Writes an RGBA picture (w * h * 4 bytes, row-major, straight alpha) as a PNG file.
base::Result<void> writePng(const std::filesystem::path& path, int w, int h, const std::vector<std::uint8_t>& rgba);
// Writes a 16-bit RGBA picture (w * h * 4 samples, 0..65535, row-major) as a 16-bit PNG file.
base::Result<void> writePng16(const std::filesystem::path& path, int w, int h, const std::vector<std::uint16_t>& rgba);

}  // namespace postline::media::ffmpeg
