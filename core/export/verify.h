#pragma once
// Checks a delivered file against its preset (issue 7: "every output verified against its spec").
// The file is probed with libav (core/export/ffmpeg, not the media prober: it needs bitrates,
// sample aspect, atom order) and its sound measured with libebur128 (audio::loudness::measureFile).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/export/preset.h"
#include "core/time/rational.h"

namespace postline::exporting {

// What a delivery must be, beyond the preset itself: resolved for its sequence and range.
struct DeliveryExpectation {
  int width = 0;                      // delivered frame (Preset::frameSize)
  int height = 0;
  time::Rational fps{24};             // Preset::frameRate
  double durationS = 0.0;             // the exported range's length
  bool overLimitAccepted = false;     // the user chose to deliver past the preset's max duration
};

// What the probe read from the file.
struct DeliveryProbe {
  std::string container;              // "mov,mp4,m4a,3gp,3g2,mj2"
  std::string brand;                  // ISO/QuickTime major brand of the ftyp atom: "isom", "qt  "; "" when none
  bool faststart = false;             // the moov atom comes before mdat (mp4/mov)
  std::string videoCodec;             // "h264", "hevc", "prores", "dnxhd"
  std::string videoProfile;           // "High", "Main", "HQ", "DNXHR HQ"
  std::string pixFmt;                 // "yuv420p", "yuv422p10le", ...
  int width = 0;
  int height = 0;
  std::string sampleAspect = "1:1";   // "1:1", or "0:1" when unset (treated as square)
  time::Rational fps{0};              // the stream's average frame rate
  std::int64_t frames = 0;            // video packets
  std::int64_t indexedFrames = 0;     // video frames the container's index lists (0 when it keeps none)
  bool truncated = false;             // the file ends, or its data breaks, before its index says it should
  double videoMbps = 0.0;             // video packet bytes * 8 / video duration / 1e6
  std::string colorPrimaries, colorTransfer, colorMatrix, colorRange;  // FFmpeg names ("bt709", "tv")
  int keyframeInterval = 0;           // the largest distance between keyframes, frames (the file's end closes the last GOP)
  std::string audioCodec;             // "aac", "pcm_s24le"; "" when there is no audio
  std::string audioProfile;           // "LC" for AAC-LC
  int audioSampleRate = 0;
  int audioChannels = 0;
  int audioBits = 0;                  // bits per sample for PCM (24), 0 for lossy codecs
  double audioKbps = 0.0;             // audio packet bytes * 8 / audio duration / 1000
  double durationS = 0.0;             // the container's duration
  std::optional<double> integratedLufs;  // libebur128, all channels; nullopt for silence/no audio
  std::optional<double> truePeakDbtp;
};

// One comparison: "resolution" expected "1080x1920" measured "1080x1920" pass.
struct Check {
  std::string name;                   // stable snake_case id: container, faststart, video_codec, profile,
                                      // resolution, sample_aspect, fps, bitrate, pixel_format, color_tags,
                                      // keyframe_interval, audio_codec, audio_format, audio_bitrate,
                                      // duration, loudness, true_peak
  std::string expected;
  std::string measured;
  bool pass = false;
};

// The container a person names: "mp4" or "mov" (the libav demuxer reads both; the ftyp brand
// tells them apart: "qt  " is QuickTime), "mkv" for Matroska, else the demuxer's name.
std::string deliveredContainer(const DeliveryProbe& probe);

// The codec libav reports for files written by `encoder` ("libx264" -> "h264", "prores_ks" ->
// "prores", "pcm_s24le" -> "pcm_s24le"); unknown names pass through.
std::string probedCodecFor(const std::string& encoder);

// Whether libav's profile name `probed` ("High", "DNXHR HQ", "Constrained Baseline") is what the
// encoder option `wanted` ("high", "dnxhr_hq", "baseline") asks for.
bool profileMatches(const std::string& wanted, const std::string& probed);

struct Verification {
  std::filesystem::path file;
  DeliveryProbe probe;
  std::vector<Check> checks;
  bool pass = false;                  // every check passed
};

// Reads `file`. Errors name the file (NotFound, Parse for something that is not media).
base::Result<DeliveryProbe> probeDelivery(const std::filesystem::path& file);

// The checks of `probe` against `preset` and `expect` (pure; no file access). Tolerances: duration
// within one frame (+ one AAC frame of priming); fps exact; bitrate inside [min, max] when the preset
// has a window; loudness within +-0.5 LU of the target when the preset has one; true peak at or
// under the ceiling (+0.05 dB of meter tolerance); keyframe interval at most the preset's (+1 frame).
// Every one of the 17 names is always listed, in the order of Check::name, so reports line up; a
// check the preset does not ask for (no bitrate window, no loudness target, no GOP, faststart off)
// passes with expected "any" and still shows what was measured. audio_bitrate is a ceiling for
// lossy codecs (AAC's average undershoots its setting on simple sound) and the exact PCM rate +-2 %.
std::vector<Check> checkDelivery(const DeliveryProbe& probe, const Preset& preset, const DeliveryExpectation& expect);

// probeDelivery + checkDelivery.
base::Result<Verification> verifyDelivery(const std::filesystem::path& file, const Preset& preset,
                                          const DeliveryExpectation& expect);

// `count` frames spread evenly over `file`, each scaled to `height` pixels high and encoded as
// JPEG (the report's thumbnail strip). Errors name the file.
base::Result<std::vector<std::vector<std::uint8_t>>> thumbnailStrip(const std::filesystem::path& file, int count = 6,
                                                                    int height = 90);

}  // namespace postline::exporting
