#pragma once
// Helpers for the delivery verification tests: real deliveries written with exporting::Encoder
// (a moving picture and a 1 kHz tone of known loudness), a preset that matches them, and an mp4
// rewriter that moves the index behind the media data (a file without faststart).
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <string>
#include <vector>

#include "core/export/encoder.h"
#include "core/export/preset.h"
#include "core/export/verify.h"

namespace postline::exporting::verifytest {

namespace fs = std::filesystem;

// An empty folder for the current test, unique per process (ctest runs tests in parallel).
// Folders of earlier runs (processes that are gone) are removed.
inline fs::path freshDir() {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  const fs::path root = fs::path(POSTLINE_BINARY_DIR) / "test_output" / "export_verify";
  const std::string prefix = std::string(info->test_suite_name()) + "_" + info->name() + "_";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || name.find('_', prefix.size()) != std::string::npos) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
  }
  const fs::path d = root / (prefix + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// What to write: picture size, rate, length, codec, and the tone's amplitude (a stereo 1 kHz sine
// of amplitude A reads 20*log10(A) LUFS: BS.1770's K-weighting is calibrated to 0 dB at 1 kHz).
struct Delivery {
  int width = 320;
  int height = 180;
  time::Rational fps{24};
  int frames = 48;
  double amplitude = 0.19953;  // -14.0 LUFS
  int gop = 24;
  EncoderSettings settings() const {
    EncoderSettings s;
    s.width = width;
    s.height = height;
    s.fps = fps;
    s.preset = "veryfast";  // ultrafast would code Constrained Baseline whatever the profile says
    s.profile = "high";
    s.gop = gop;
    s.threads = 2;
    s.audioBitrate = 192000;
    return s;
  }
};

// A w x h 4:2:0 frame: a diagonal ramp moving 3 pixels a frame, at `luma` brightness (0 = ramp).
inline void pushFrame(Encoder& e, int w, int h, int frame, int luma) {
  std::vector<std::uint8_t> y(static_cast<std::size_t>(w) * h), u(static_cast<std::size_t>(w / 2) * (h / 2), 128),
      v(u.size(), 128);
  for (int r = 0; r < h; ++r) {
    for (int c = 0; c < w; ++c) {
      const int ramp = 16 + (c + r + 3 * frame) % 200;
      y[static_cast<std::size_t>(r * w + c)] = static_cast<std::uint8_t>(luma > 0 ? luma : ramp);
    }
  }
  ASSERT_TRUE(e.pushYuv420(y.data(), w, u.data(), w / 2, v.data(), w / 2).ok());
}

// Interleaved samples [first, first + count) of the tone on `channels` channels at 48 kHz.
inline std::vector<float> toneSamples(std::int64_t first, std::int64_t count, double amplitude, int channels = 2) {
  std::vector<float> s(static_cast<std::size_t>(count * channels));
  for (std::int64_t i = 0; i < count; ++i) {
    const auto x = static_cast<float>(amplitude * std::sin(2.0 * std::numbers::pi * 1000.0 * static_cast<double>(first + i) / 48000.0));
    for (int c = 0; c < channels; ++c) s[static_cast<std::size_t>(i * channels + c)] = x;
  }
  return s;
}

// Writes `d` with `s` to `path`: each frame followed by its share of the tone. `lumaOf(frame)`
// chooses flat pictures (thumbnail tests); 0 keeps the moving ramp.
template <typename LumaOf>
void writeDelivery(const fs::path& path, const Delivery& d, const EncoderSettings& s, LumaOf lumaOf) {
  auto opened = Encoder::open(path, s);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  Encoder& e = *opened.value();
  std::int64_t sample = 0;
  for (int f = 0; f < d.frames; ++f) {
    pushFrame(e, s.width, s.height, f, lumaOf(f));
    // Samples due by the end of frame f: (f + 1) * 48000 / fps, exact for the tested rates.
    const std::int64_t due = (f + 1) * 48000 * d.fps.den() / d.fps.num();
    if (s.audio && due > sample) {
      const std::vector<float> tone = toneSamples(sample, due - sample, d.amplitude, s.channels);
      ASSERT_TRUE(e.pushAudio(tone.data(), static_cast<std::size_t>(due - sample)).ok());
      sample = due;
    }
  }
  auto done = e.finish();
  ASSERT_TRUE(done.ok()) << done.error().message;
}

inline void writeDelivery(const fs::path& path, const Delivery& d) {
  writeDelivery(path, d, d.settings(), [](int) { return 0; });
}

// A web preset that the default Delivery matches.
inline Preset webPreset() {
  Preset p;
  p.id = "test-web";
  p.name = "Test Web 180p";
  p.fileTag = "Test_180p";
  p.container = "mp4";
  p.faststart = true;
  p.video.codec = "libx264";
  p.video.profile = "high";
  p.video.width = 320;
  p.video.height = 180;
  p.video.fps = time::Rational(24);
  p.video.pixFmt = "yuv420p";
  p.video.minMbps = 0.01;  // any sane encode of the small test picture
  p.video.maxMbps = 50.0;
  p.video.keyframeIntervalS = 1.0;
  p.audio.codec = "aac";
  p.audio.bitrateKbps = 192;
  p.loudnessLufs = -14.0;
  p.truePeakDbtp = -1.0;
  return p;
}

inline DeliveryExpectation expectationFor(const Delivery& d) {
  DeliveryExpectation e;
  e.width = d.width;
  e.height = d.height;
  e.fps = d.fps;
  e.durationS = static_cast<double>(d.frames) * static_cast<double>(d.fps.den()) / static_cast<double>(d.fps.num());
  return e;
}

inline std::vector<std::uint8_t> readBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const fs::path& p, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// The names of the checks that failed, in order.
inline std::vector<std::string> failedChecks(const std::vector<Check>& checks) {
  std::vector<std::string> names;
  for (const Check& c : checks) {
    if (!c.pass) names.push_back(c.name);
  }
  return names;
}

inline const Check& checkNamed(const std::vector<Check>& checks, const std::string& name) {
  for (const Check& c : checks) {
    if (c.name == name) return c;
  }
  static const Check missing{"missing", "", "", false};
  ADD_FAILURE() << "no check named " << name;
  return missing;
}

// Copies the faststart mp4 `in` to `out` with its moov atom moved behind mdat, as a muxer without
// faststart writes it; every chunk offset (stco/co64) is moved back by moov's size, so the copy
// still plays. Returns false when `in` is not ftyp, moov, ..., mdat.
bool moveIndexToEnd(const fs::path& in, const fs::path& out);

}  // namespace postline::exporting::verifytest
