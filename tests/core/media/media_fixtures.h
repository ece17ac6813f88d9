#pragma once
// Generated media for the tests (nothing binary is committed). Each getter writes its file once,
// on first use, with core/media/ffmpeg/media_writer and returns its path; later calls (and later
// test processes of the same build) reuse it. Files live in <build>/test_fixtures/media-vN (or
// the system temp folder when POSTLINE_BINARY_DIR is not defined) and are written under a
// temporary name then renamed, so parallel test processes never see half a file.
// Getters for optional encoders (HEVC, VP9, MP3) return an empty path when the encoder is
// missing: `if (p.empty()) GTEST_SKIP() << "no encoder";`. A failed write throws.
// No libav here: tests include this freely.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/media/ffmpeg/media_writer.h"

namespace postline::media::fixtures {

namespace fs = std::filesystem;
using ffmpeg::AudioSpec;
using ffmpeg::VideoSpec;

// Bump when the writer's output changes, so stale cached fixtures are not reused.
inline constexpr const char* kFixtureVersion = "media-v3";

// The folder holding the generated fixtures.
inline fs::path dir() {
#ifdef POSTLINE_BINARY_DIR
  static const fs::path d = fs::path(POSTLINE_BINARY_DIR) / "test_fixtures" / kFixtureVersion;
#else
  static const fs::path d = fs::temp_directory_path() / (std::string("postline-fixtures-") + kFixtureVersion);
#endif
  fs::create_directories(d);
  return d;
}

// Path of fixture `name`, written by `write` (into a temporary path with the same extension)
// unless it already exists. Returns "" when `write` reports a missing encoder (NotFound).
inline fs::path make(const std::string& name, const std::function<base::Result<void>(const fs::path&)>& write) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  const fs::path target = dir() / name;
  if (fs::exists(target)) return target;
  const fs::path tmp = dir() / (fs::path(name).stem().string() + ".tmp" + std::to_string(::getpid()) + "_" +
                                std::to_string(std::random_device{}()) + fs::path(name).extension().string());
  const base::Result<void> r = write(tmp);
  if (!r.ok()) {
    fs::remove(tmp);
    if (r.error().code == base::ErrorCode::NotFound) return {};
    throw std::runtime_error("fixture " + name + ": " + r.error().message);
  }
  fs::rename(tmp, target);
  return target;
}

inline fs::path video(const std::string& name, const VideoSpec& spec) {
  return make(name, [spec](const fs::path& p) { return ffmpeg::writeVideo(p, spec); });
}

inline fs::path audio(const std::string& name, const AudioSpec& spec) {
  return make(name, [spec](const fs::path& p) { return ffmpeg::writeAudio(p, spec); });
}

inline std::vector<std::uint8_t> readBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline base::Result<void> writeBytes(const fs::path& p, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) return base::makeError(base::ErrorCode::Io, p.string() + ": cannot write");
  return {};
}

// ---- Video (all with burned frame numbers, 8-bit yuv420p BT.709 unless named otherwise) ----

// H.264 320x180 24 fps, 300 frames (12.5 s), one keyframe every 250 frames, no B-frames.
inline fs::path h264LongGop() {
  VideoSpec s;
  s.frames = 300;
  s.gop = 250;
  return video("h264_longgop_320x180_24.mp4", s);
}

// H.264 320x180 24 fps, 96 frames, keyframe every 12, up to 2 B-frames (reordered pts).
inline fs::path h264BFrames() {
  VideoSpec s;
  s.frames = 96;
  s.gop = 12;
  s.bFrames = 2;
  return video("h264_bframes_320x180_24.mp4", s);
}

// H.264 320x180 24 fps, 48 frames (2 s) with an AAC stereo 48 kHz 440 Hz tone of 2 s.
inline fs::path h264WithAudio() {
  VideoSpec s;
  s.audioTone = 440;
  return video("h264_aac_320x180_24.mp4", s);
}

// HEVC (libx265) 320x180 24 fps, 48 frames, keyframe every 24. "" without libx265.
inline fs::path hevc() {
  VideoSpec s;
  s.codec = "libx265";
  s.gop = 24;
  return video("hevc_320x180_24.mp4", s);
}

// ProRes (prores_ks, yuv422p10le) 320x180 24 fps, 24 frames, in .mov (every frame a keyframe).
inline fs::path prores() {
  VideoSpec s;
  s.codec = "prores_ks";
  s.frames = 24;
  return video("prores_320x180_24.mov", s);
}

// VP9 (libvpx-vp9) 320x180 24 fps, 48 frames, in .mkv. "" without libvpx.
inline fs::path vp9() {
  VideoSpec s;
  s.codec = "libvpx-vp9";
  return video("vp9_320x180_24.mkv", s);
}

// 10-bit H.264 (yuv420p10le, High 10) 320x180 24 fps, 48 frames.
inline fs::path h264TenBit() {
  VideoSpec s;
  s.pixFmt = "yuv420p10le";
  return video("h264_10bit_320x180_24.mp4", s);
}

// H.264 coded 320x180 with a display matrix rotating 90 degrees clockwise: displays 180x320,
// frame code at the top-left of the DISPLAYED picture. 24 fps, 48 frames.
inline fs::path rotated90() {
  VideoSpec s;
  s.rotation = 90;
  return video("h264_rot90_320x180_24.mp4", s);
}

// H.264 322x182 (even, not a multiple of 16) 24 fps, 48 frames.
inline fs::path oddSize() {
  VideoSpec s;
  s.width = 322;
  s.height = 182;
  return video("h264_322x182_24.mp4", s);
}

// The millisecond timestamps of vfr(): 60 frames, steps cycling 33, 50, 42, 67 ms.
inline std::vector<std::int64_t> vfrPtsMillis() {
  std::vector<std::int64_t> pts;
  const std::int64_t steps[] = {33, 50, 42, 67};
  std::int64_t t = 0;
  for (int i = 0; i < 60; ++i) {
    pts.push_back(t);
    t += steps[i % 4];
  }
  return pts;
}

// H.264 320x180 variable frame rate mp4 (timestamps vfrPtsMillis()), 60 frames, 2.855 s (the
// last frame lasts 42 ms, the step before it; every packet carries its duration).
inline fs::path vfr() {
  VideoSpec s;
  s.ptsMillis = vfrPtsMillis();
  s.gop = 24;
  return video("h264_vfr_320x180.mp4", s);
}

// H.264 320x180 at 24000/1001 fps, 48 frames.
inline fs::path h264At23976() {
  VideoSpec s;
  s.fps = time::Rational::make(24000, 1001).value();
  return video("h264_320x180_23976.mp4", s);
}

// H.264 320x180 at 30000/1001 fps, 60 frames.
inline fs::path h264At2997() {
  VideoSpec s;
  s.fps = time::Rational::make(30000, 1001).value();
  s.frames = 60;
  s.gop = 15;
  return video("h264_320x180_2997.mp4", s);
}

// H.264 48 frames at 24 fps whose container comment names an AI generator ("Google Veo 3").
inline fs::path generatorTagged() {
  VideoSpec s;
  s.comment = "Generated by Google Veo 3";
  return video("h264_veo_tagged.mp4", s);
}

// ---- Audio ----

// 16-bit PCM WAV, 48 kHz, 2 s, 440 Hz tone: mono, stereo, 5.1.
inline fs::path wavMono() { AudioSpec s; s.channels = 1; return audio("tone_mono_48k.wav", s); }
inline fs::path wavStereo() { AudioSpec s; return audio("tone_stereo_48k.wav", s); }
inline fs::path wav51() { AudioSpec s; s.channels = 6; return audio("tone_51_48k.wav", s); }

// 16-bit PCM WAV stereo 48 kHz, 3 s, carrying the sample-index ramp (see AudioSpec).
inline fs::path wavRamp() {
  AudioSpec s;
  s.seconds = 3.0;
  s.sampleIndexRamp = true;
  return audio("ramp_stereo_48k.wav", s);
}

// 16-bit PCM WAV stereo at 44.1 kHz, 2 s (needs resampling to 48 kHz).
inline fs::path wav44k() { AudioSpec s; s.sampleRate = 44100; return audio("tone_stereo_44k.wav", s); }

// AAC stereo 48 kHz, 2 s, in .m4a.
inline fs::path aacStereo() { AudioSpec s; s.codec = "aac"; return audio("tone_stereo_48k.m4a", s); }

// MP3 stereo 48 kHz, 2 s. "" without libmp3lame.
inline fs::path mp3() { AudioSpec s; s.codec = "libmp3lame"; return audio("tone_stereo_48k.mp3", s); }

// ---- Stills ----

// 64x48 PNG with straight alpha: red->green horizontally, alpha 255 at top to 0 at the bottom.
inline fs::path pngAlpha() {
  return make("still_alpha_64x48.png", [](const fs::path& p) {
    std::vector<std::uint8_t> rgba(64 * 48 * 4);
    for (int y = 0; y < 48; ++y) {
      for (int x = 0; x < 64; ++x) {
        std::uint8_t* px = &rgba[static_cast<std::size_t>(y * 64 + x) * 4];
        px[0] = static_cast<std::uint8_t>(255 - x * 4);
        px[1] = static_cast<std::uint8_t>(x * 4);
        px[2] = 64;
        px[3] = static_cast<std::uint8_t>(255 - y * 255 / 47);
      }
    }
    return ffmpeg::writePng(p, 64, 48, rgba);
  });
}

// ---- Bad files ----

// An empty .mp4 (0 bytes).
inline fs::path zeroBytes() {
  return make("bad_zero_bytes.mp4", [](const fs::path& p) { return writeBytes(p, {}); });
}

// h264WithAudio() cut at 60% of its bytes (index at the front, so it opens and claims 2 s).
inline fs::path truncatedMp4() {
  const fs::path whole = h264WithAudio();
  return make("bad_truncated.mp4", [whole](const fs::path& p) {
    std::vector<std::uint8_t> bytes = readBytes(whole);
    bytes.resize(bytes.size() * 6 / 10);
    return writeBytes(p, bytes);
  });
}

// A text file named .mp4.
inline fs::path textAsMp4() {
  return make("bad_text.mp4", [](const fs::path& p) {
    const std::string text = "This is not a video, just some text with a video extension.\n";
    return writeBytes(p, std::vector<std::uint8_t>(text.begin(), text.end()));
  });
}

// A path that does not exist.
inline fs::path missingPath() { return dir() / "does_not_exist.mp4"; }

// An mp4 whose video sample entry is 'zzzz' (h264WithAudio() with 'avc1' patched), so the
// video stream has no decoder (its audio still decodes).
inline fs::path unsupportedCodec() {
  const fs::path whole = h264WithAudio();
  return make("bad_unknown_codec.mp4", [whole](const fs::path& p) {
    std::vector<std::uint8_t> bytes = readBytes(whole);
    for (std::size_t i = 0; i + 4 <= bytes.size(); ++i) {
      if (bytes[i] == 'a' && bytes[i + 1] == 'v' && bytes[i + 2] == 'c' && bytes[i + 3] == '1') {
        bytes[i] = bytes[i + 1] = bytes[i + 2] = bytes[i + 3] = 'z';
      }
    }
    return writeBytes(p, bytes);
  });
}

}  // namespace postline::media::fixtures
