// checkDelivery: a delivered file's probe against its preset, as strings a person reads.
// Pure: no file access (probeDelivery and thumbnailStrip live in core/export/ffmpeg).
#include "core/export/verify.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace postline::exporting {

namespace {

constexpr double kLoudnessToleranceLu = 0.5;
constexpr double kTruePeakMarginDb = 0.05;   // meter tolerance (EBU Tech 3341: +-0.3; ours is tighter)
constexpr double kLossyAudioCeiling = 1.05;  // AAC may overshoot its setting slightly in short files
constexpr double kPcmRateTolerance = 0.02;
constexpr double kAacPrimingSamples = 1024.0;
const char* const kAny = "any";

std::string num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// "16", "2.5": a preset's own figure without trailing zeros.
std::string plain(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string mbps(double v) { return num(v, v >= 1.0 ? 1 : 3) + " Mbit/s"; }

std::string fpsText(const time::Rational& fps) {
  if (fps.den() == 1) return std::to_string(fps.num()) + " fps";
  return num(fps.toDouble(), 3) + " fps (" + fps.toString() + ")";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Lower case without spaces, '_' and '-': "DNXHR HQ" and "dnxhr_hq" both become "dnxhrhq".
std::string squash(const std::string& s) {
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) != 0) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

// FFmpeg calls the bt2020 non-constant-luminance matrix "bt2020nc"; presets may say "bt2020".
std::string matrixName(const std::string& m) { return m == "bt2020" ? "bt2020nc" : m; }

Check make(const char* name, std::string expected, std::string measured, bool pass) {
  return Check{name, std::move(expected), std::move(measured), pass};
}

Check anyCheck(const char* name, std::string measured) { return make(name, kAny, std::move(measured), true); }

bool isPcm(const std::string& codec) { return codec.rfind("pcm_", 0) == 0; }

// Bits per sample named by a PCM codec ("pcm_s24le" -> 24, "pcm_f32le" -> 32); 0 for others.
int pcmBits(const std::string& codec) {
  if (!isPcm(codec)) return 0;
  int bits = 0;
  for (std::size_t i = 5; i < codec.size() && std::isdigit(static_cast<unsigned char>(codec[i])) != 0; ++i) {
    bits = bits * 10 + (codec[i] - '0');
  }
  return bits;
}

Check containerCheck(const DeliveryProbe& p, const Preset& preset) {
  const std::string got = deliveredContainer(p);
  std::string measured = got;
  if (!p.brand.empty()) measured += " (brand '" + p.brand + "')";
  return make("container", preset.container, measured, got == lower(preset.container));
}

Check faststartCheck(const DeliveryProbe& p, const Preset& preset) {
  const std::string measured = p.faststart ? "moov before mdat" : "moov after mdat (not streamable)";
  if (!preset.faststart) return anyCheck("faststart", measured);
  return make("faststart", "moov before mdat", measured, p.faststart);
}

Check videoCodecCheck(const DeliveryProbe& p, const Preset& preset) {
  const std::string want = probedCodecFor(preset.video.codec);
  return make("video_codec", want, p.videoCodec.empty() ? "no video" : p.videoCodec, p.videoCodec == want);
}

Check profileCheck(const DeliveryProbe& p, const Preset& preset) {
  const std::string measured = p.videoProfile.empty() ? "none" : p.videoProfile;
  if (preset.video.profile.empty()) return anyCheck("profile", measured);
  return make("profile", preset.video.profile, measured, profileMatches(preset.video.profile, p.videoProfile));
}

Check resolutionCheck(const DeliveryProbe& p, const DeliveryExpectation& e) {
  const auto size = [](int w, int h) { return std::to_string(w) + "x" + std::to_string(h); };
  return make("resolution", size(e.width, e.height), size(p.width, p.height), p.width == e.width && p.height == e.height);
}

Check sampleAspectCheck(const DeliveryProbe& p) {
  // 0:1 means "not stored", which players treat as square pixels.
  const bool square = p.sampleAspect == "1:1" || p.sampleAspect == "0:1";
  const std::string measured = p.sampleAspect == "0:1" ? "unset (square)" : p.sampleAspect;
  return make("sample_aspect", "1:1", measured, square);
}

Check fpsCheck(const DeliveryProbe& p, const DeliveryExpectation& e) {
  const std::string measured = p.fps.num() <= 0 ? "unknown" : fpsText(p.fps);
  return make("fps", fpsText(e.fps), measured, p.fps == e.fps);
}

Check bitrateCheck(const DeliveryProbe& p, const Preset& preset) {
  const VideoPreset& v = preset.video;
  if (v.maxMbps <= 0.0) return anyCheck("bitrate", mbps(p.videoMbps));
  const std::string window = plain(v.minMbps) + "\u2013" + plain(v.maxMbps) + " Mbit/s";
  return make("bitrate", window, mbps(p.videoMbps), p.videoMbps >= v.minMbps && p.videoMbps <= v.maxMbps);
}

Check pixelFormatCheck(const DeliveryProbe& p, const Preset& preset) {
  return make("pixel_format", preset.video.pixFmt, p.pixFmt.empty() ? "unknown" : p.pixFmt, p.pixFmt == preset.video.pixFmt);
}

Check colorTagsCheck(const DeliveryProbe& p, const Preset& preset) {
  const VideoPreset& v = preset.video;
  const auto tags = [](const std::string& pri, const std::string& trc, const std::string& mtx, const std::string& range) {
    return pri + "/" + trc + "/" + matrixName(mtx) + " " + range;
  };
  const std::string want = tags(v.colorPrimaries, v.colorTransfer, v.colorMatrix, v.colorRange);
  const std::string got = tags(p.colorPrimaries, p.colorTransfer, p.colorMatrix, p.colorRange);
  return make("color_tags", want, got, want == got);
}

Check keyframeCheck(const DeliveryProbe& p, const Preset& preset, const DeliveryExpectation& e) {
  const std::string measured = std::to_string(p.keyframeInterval) + " frames";
  if (preset.video.keyframeIntervalS <= 0.0) return anyCheck("keyframe_interval", measured);
  const auto gop = static_cast<int>(std::lround(e.fps.toDouble() * preset.video.keyframeIntervalS));
  // One frame of slack: some encoders close a GOP one frame late at a scene cut.
  const std::string expected = "at most " + std::to_string(gop) + " frames (" + plain(preset.video.keyframeIntervalS) + " s)";
  return make("keyframe_interval", expected, measured, p.keyframeInterval > 0 && p.keyframeInterval <= gop + 1);
}

Check audioCodecCheck(const DeliveryProbe& p, const Preset& preset) {
  const std::string want = probedCodecFor(preset.audio.codec);
  const bool aac = want == "aac";
  const std::string expected = aac ? "aac (LC)" : want;
  std::string measured = p.audioCodec.empty() ? "no audio" : p.audioCodec;
  if (!p.audioProfile.empty()) measured += " (" + p.audioProfile + ")";
  return make("audio_codec", expected, measured, p.audioCodec == want && (!aac || p.audioProfile == "LC"));
}

Check audioFormatCheck(const DeliveryProbe& p, const Preset& preset) {
  const auto text = [](int rate, int channels, int bits) {
    std::string s = std::to_string(rate) + " Hz, " + std::to_string(channels) + " ch";
    if (bits > 0) s += ", " + std::to_string(bits) + "-bit";
    return s;
  };
  const int bits = pcmBits(probedCodecFor(preset.audio.codec));
  const AudioPreset& a = preset.audio;
  const bool pass = p.audioSampleRate == a.sampleRate && p.audioChannels == a.channels && p.audioBits == bits;
  const std::string measured = p.audioCodec.empty() ? "no audio" : text(p.audioSampleRate, p.audioChannels, p.audioBits);
  return make("audio_format", text(a.sampleRate, a.channels, bits), measured, pass);
}

Check audioBitrateCheck(const DeliveryProbe& p, const Preset& preset) {
  const AudioPreset& a = preset.audio;
  const std::string measured = num(p.audioKbps, 0) + " kbit/s";
  const int bits = pcmBits(probedCodecFor(a.codec));
  if (bits > 0) {
    const double want = static_cast<double>(a.sampleRate) * a.channels * bits / 1000.0;
    return make("audio_bitrate", num(want, 0) + " kbit/s", measured,
                std::abs(p.audioKbps - want) <= want * kPcmRateTolerance);
  }
  if (a.bitrateKbps <= 0) return anyCheck("audio_bitrate", measured);
  return make("audio_bitrate", "at most " + std::to_string(a.bitrateKbps) + " kbit/s", measured,
              p.audioKbps > 0.0 && p.audioKbps <= a.bitrateKbps * kLossyAudioCeiling);
}

Check durationCheck(const DeliveryProbe& p, const Preset& preset, const DeliveryExpectation& e) {
  // One frame, plus one AAC frame: the encoder pads the last audio frame to 1024 samples.
  double tolerance = e.fps.num() > 0 ? 1.0 / e.fps.toDouble() : 0.0;
  if (probedCodecFor(preset.audio.codec) == "aac" && preset.audio.sampleRate > 0) {
    tolerance += kAacPrimingSamples / preset.audio.sampleRate;
  }
  std::string expected = num(e.durationS, 3) + " s \u00b1" + num(tolerance, 3);
  bool pass = std::abs(p.durationS - e.durationS) <= tolerance;
  if (preset.maxDurationS && e.overLimitAccepted) {
    expected += " (over the platform limit of " + plain(*preset.maxDurationS) + " s: exported anyway)";
  } else if (preset.maxDurationS) {
    expected += " (platform limit " + plain(*preset.maxDurationS) + " s)";
    pass = pass && p.durationS <= *preset.maxDurationS + tolerance;
  }
  std::string measured = num(p.durationS, 3) + " s";
  if (p.truncated) {
    // The index promises the duration but the media data stops early: a broken upload.
    measured += p.indexedFrames > 0 ? " in the index, but only " + std::to_string(p.frames) + " of " +
                                          std::to_string(p.indexedFrames) + " frames present (truncated)"
                                    : " in the index, but the data is damaged or cut short";
    pass = false;
  }
  return make("duration", expected, measured, pass);
}

std::string lufsText(const std::optional<double>& v, const DeliveryProbe& p) {
  if (v) return num(*v, 1) + " LUFS";
  return p.audioCodec.empty() ? "no audio" : "silence";
}

Check loudnessCheck(const DeliveryProbe& p, const Preset& preset) {
  const std::string measured = lufsText(p.integratedLufs, p);
  if (!preset.loudnessLufs) return anyCheck("loudness", measured);
  const double target = *preset.loudnessLufs;
  const bool pass = p.integratedLufs && std::abs(*p.integratedLufs - target) <= kLoudnessToleranceLu;
  return make("loudness", num(target, 1) + " LUFS \u00b1" + num(kLoudnessToleranceLu, 1), measured, pass);
}

Check truePeakCheck(const DeliveryProbe& p, const Preset& preset) {
  std::string measured = p.truePeakDbtp ? num(*p.truePeakDbtp, 1) + " dBTP" : (p.audioCodec.empty() ? "no audio" : "silence");
  // Silence (or no audio) has no peak above any ceiling; the audio checks report a missing stream.
  const bool pass = !p.truePeakDbtp || *p.truePeakDbtp <= preset.truePeakDbtp + kTruePeakMarginDb;
  return make("true_peak", "at most " + num(preset.truePeakDbtp, 1) + " dBTP", measured, pass);
}

}  // namespace

std::string deliveredContainer(const DeliveryProbe& probe) {
  const std::string& c = probe.container;
  if (c.find("mp4") != std::string::npos && c.find("mov") != std::string::npos) {
    return probe.brand == "qt  " ? "mov" : "mp4";
  }
  if (c.find("matroska") != std::string::npos) return "mkv";
  return c;
}

std::string probedCodecFor(const std::string& encoder) {
  static const std::map<std::string, std::string> kCodecs = {
      {"libx264", "h264"},  {"libx265", "hevc"},   {"prores_ks", "prores"}, {"prores_aw", "prores"},
      {"prores", "prores"}, {"dnxhd", "dnxhd"},    {"aac", "aac"},          {"libfdk_aac", "aac"},
      {"libopus", "opus"},  {"libmp3lame", "mp3"}, {"h264_nvenc", "h264"},  {"hevc_nvenc", "hevc"},
  };
  const auto it = kCodecs.find(encoder);
  return it == kCodecs.end() ? encoder : it->second;
}

bool profileMatches(const std::string& wanted, const std::string& probed) {
  const std::string w = squash(wanted);
  const std::string p = squash(probed);
  if (w == p) return true;
  // Encoder option names that libav reports under another name.
  if (w == "baseline") return p == "constrainedbaseline";
  if (w == "4444xq") return p == "xq";
  return false;
}

std::vector<Check> checkDelivery(const DeliveryProbe& probe, const Preset& preset, const DeliveryExpectation& expect) {
  return {
      containerCheck(probe, preset),      faststartCheck(probe, preset),       videoCodecCheck(probe, preset),
      profileCheck(probe, preset),        resolutionCheck(probe, expect),      sampleAspectCheck(probe),
      fpsCheck(probe, expect),            bitrateCheck(probe, preset),         pixelFormatCheck(probe, preset),
      colorTagsCheck(probe, preset),      keyframeCheck(probe, preset, expect), audioCodecCheck(probe, preset),
      audioFormatCheck(probe, preset),    audioBitrateCheck(probe, preset),    durationCheck(probe, preset, expect),
      loudnessCheck(probe, preset),       truePeakCheck(probe, preset),
  };
}

base::Result<Verification> verifyDelivery(const std::filesystem::path& file, const Preset& preset,
                                          const DeliveryExpectation& expect) {
  PL_TRY_ASSIGN(probe, probeDelivery(file));
  Verification v;
  v.file = file;
  v.checks = checkDelivery(probe, preset, expect);
  v.pass = std::all_of(v.checks.begin(), v.checks.end(), [](const Check& c) { return c.pass; });
  v.probe = std::move(probe);
  return v;
}

}  // namespace postline::exporting
