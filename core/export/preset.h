#pragma once
// Delivery presets: what one platform wants, as data (resources/presets/*.json, user presets in
// $POSTLINE_USER_PRESETS or ~/.config/postline/presets). The file format is docs/FORMAT.md's
// "Delivery presets"; ids are a contract (docs/CLI.md).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/export/encoder.h"
#include "core/time/rational.h"

namespace postline::exporting {

// How a sequence frame rate becomes the delivery rate when they differ (docs/ARCHITECTURE.md "Export").
enum class ConformMethod { Repeat, Blend };

struct VideoPreset {
  std::string codec = "libx264";      // libav encoder: libx264, libx265, prores_ks, dnxhd
  std::string profile;                // encoder profile name: "high", "main", "hq" (ProRes), "dnxhr_hq"
  std::string speed = "medium";       // x264/x265 speed preset ("" for codecs without one)
  int width = 0;                      // delivered frame; 0 x 0 = the sequence's size (masters)
  int height = 0;
  std::optional<time::Rational> fps;  // delivered rate; nullopt = the sequence's
  std::string pixFmt = "yuv420p";     // coded pixel format: yuv420p, yuv422p10le (ProRes), yuv422p (DNxHR HQ)
  double minMbps = 0.0;               // delivered average video bitrate window (0, 0 = no window: masters)
  double maxMbps = 0.0;
  double keyframeIntervalS = 2.0;     // seconds between keyframes (GOP = round(fps * this)); 0 = encoder default
  std::string colorPrimaries = "bt709";
  std::string colorTransfer = "bt709";
  std::string colorMatrix = "bt709";
  std::string colorRange = "tv";      // "tv" (limited) or "pc" (full)
  friend bool operator==(const VideoPreset&, const VideoPreset&) = default;
};

struct AudioPreset {
  std::string codec = "aac";          // libav encoder: aac, pcm_s24le
  int bitrateKbps = 320;              // ignored by PCM
  int sampleRate = 48000;
  int channels = 2;
  friend bool operator==(const AudioPreset&, const AudioPreset&) = default;
};

struct Preset {
  std::string id;                     // "youtube-1080p": lower-case letters, digits, '-'
  std::string name;                   // "YouTube 1080p"
  std::string fileTag;                // "YouTube_1080p", "Reels_9x16": goes into output file names
  std::string container = "mp4";      // "mp4" or "mov": the output's extension
  bool faststart = true;              // moov atom before the media data (web presets)
  VideoPreset video;
  AudioPreset audio;
  std::optional<double> loudnessLufs; // integrated target of the mix; nullopt = the mix as it is (masters)
  double truePeakDbtp = -1.0;         // ceiling of the delivered sound
  std::optional<double> maxDurationS; // platform limit (60 s, 90 s, 600 s); nullopt = none
  ConformMethod conform = ConformMethod::Repeat;  // when the sequence rate differs from video.fps
  bool user = false;                  // loaded from the user preset folder
  std::filesystem::path source;       // the file it came from
  friend bool operator==(const Preset&, const Preset&) = default;

  // The delivered size for a sequence of seqWidth x seqHeight (the preset's, or the sequence's).
  std::pair<int, int> frameSize(int seqWidth, int seqHeight) const;
  // The delivered rate for a sequence running at `seqFps`.
  time::Rational frameRate(const time::Rational& seqFps) const;
  // Average video bitrate the encoder aims at, bits/s (the window's middle; 0 without a window).
  std::int64_t targetBitrate() const;
};

// Parses one preset file's text; every error names `source` and the field with its allowed values
// (InvalidArgument): unknown codec (not an encoder this FFmpeg has), impossible sizes (odd, <= 0,
// > 8192), rates, windows (min > max), loudness outside -70..0, unknown pixel format or colour tag.
base::Result<Preset> parsePreset(const std::string& jsonText, const std::filesystem::path& source);
// Reads and parses one file (Io/NotFound name the file).
base::Result<Preset> loadPresetFile(const std::filesystem::path& file);

// All presets: the shipped ones (resources/presets, base::resourcePath) then the user's (their folder:
// $POSTLINE_USER_PRESETS, else $XDG_CONFIG_HOME/postline/presets, else ~/.config/postline/presets).
// A user preset with a shipped id replaces it. A broken user file does not hide the others: it is
// skipped and its error appended to `problems`. Sorted as shipped, then user presets by id.
base::Result<std::vector<Preset>> loadPresets(std::vector<std::string>* problems = nullptr);
// The folder user presets are read from (it need not exist).
std::filesystem::path userPresetDir();
// The preset with `id`, or NotFound listing the known ids.
base::Result<Preset> findPreset(const std::vector<Preset>& presets, const std::string& id);

// The encoder settings that deliver `preset` for a sequence of seqWidth x seqHeight at seqFps:
// size, rate, codecs, colour tags, faststart, GOP = round(fps x keyframe interval), and with a
// bitrate window the rate control that keeps the delivered average inside it: x264 pads to the
// window's middle at constant bitrate (filler data) with half a second of VBV buffer; encoders
// that cannot pad (x265) aim at the middle (ABR) with the window's maximum as VBV peak.
// inputWidth/inputHeight stay 0: a caller pushing pictures of another size sets them.
EncoderSettings encoderSettingsFor(const Preset& preset, int seqWidth, int seqHeight, const time::Rational& seqFps);

}  // namespace postline::exporting
