// Delivery rate control: the average video bitrate (packet bytes x 8 / duration, as the delivery
// verification measures it) lands inside the preset's window on an easy, nearly static picture
// (which ABR alone would encode to a few kbit/s) and on busy noise with motion (which would run
// over), also for exports of only 2-3 seconds.
#include <gtest/gtest.h>

#include <cstdio>

#include "core/export/preset.h"
#include "tests/core/export/encoder_test_util.h"
#include "tests/core/export/packet_stats.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::test;

enum class Content { Easy, Busy };

// Easy: a still diagonal gradient with one small square moving across it.
Yuv easyFrame(int w, int h, int frame) {
  Yuv p = flatYuv(w, h, 0, 128, 128);
  for (int r = 0; r < h; ++r) {
    for (int c = 0; c < w; ++c) p.y[static_cast<std::size_t>(r * w + c)] = static_cast<std::uint8_t>(40 + (r + c) * 160 / (w + h));
  }
  for (int r = 100; r < 140; ++r) {
    for (int c = 0; c < 40; ++c) p.y[static_cast<std::size_t>(r * w + (c + frame * 4) % w)] = 235;
  }
  return p;
}

// Busy: the moving ramp under strong per-frame noise (no two frames alike, nothing predictable).
Yuv busyFrame(int w, int h, int frame) {
  Yuv p = patternYuv(w, h, frame * 7);
  std::uint32_t x = 2463534242u + static_cast<std::uint32_t>(frame) * 7919u;
  const auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
  };
  for (auto& v : p.y) v = static_cast<std::uint8_t>(std::clamp<int>(v + static_cast<int>(next() % 97) - 48, 16, 235));
  for (auto& v : p.u) v = static_cast<std::uint8_t>(std::clamp<int>(v + static_cast<int>(next() % 41) - 20, 16, 240));
  return p;
}

// Encodes `seconds` of `content` with the preset's settings (no audio) and returns the packets.
VideoPackets deliver(const std::string& id, Content content, int seconds, const time::Rational& seqFps) {
  setenv("XDG_CONFIG_HOME", "/nonexistent-postline-test", 1);
  unsetenv("POSTLINE_USER_PRESETS");
  auto all = loadPresets();
  EXPECT_TRUE(all.ok());
  if (!all.ok()) return {};
  EncoderSettings s = encoderSettingsFor(*findPreset(*all, id), 1920, 1080, seqFps);
  s.audio = false;
  const fs::path out = freshDir() / (id + (content == Content::Easy ? "_easy.mp4" : "_busy.mp4"));
  auto e = Encoder::open(out, s);
  EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message);
  if (!e.ok()) return {};
  const int frames = static_cast<int>(seconds * s.fps.num() / s.fps.den());
  for (int f = 0; f < frames; ++f) {
    const Yuv pic = content == Content::Easy ? easyFrame(s.width, s.height, f) : busyFrame(s.width, s.height, f);
    const auto pushed = push(**e, pic);
    EXPECT_TRUE(pushed.ok()) << pushed.error().message;
    if (!pushed.ok()) return {};
  }
  const auto done = (*e)->finish();
  EXPECT_TRUE(done.ok()) << done.error().message;
  VideoPackets p = readVideoPackets(out);
  EXPECT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.count, frames);
  // The margin matters as much as the verdict: print what was delivered.
  std::printf("%s %s %d s: %.2f Mbps\n", id.c_str(), content == Content::Easy ? "easy" : "busy", seconds, p.mbps());
  return p;
}

TEST(RateControl, ReelsEasyPictureStillReachesTheWindow) {
  const VideoPackets p = deliver("reels", Content::Easy, 3, time::Rational(30));
  EXPECT_GE(p.mbps(), 8.0);
  EXPECT_LE(p.mbps(), 12.0);
}

TEST(RateControl, ReelsBusyPictureStaysUnderTheWindow) {
  const VideoPackets p = deliver("reels", Content::Busy, 3, time::Rational(30));
  EXPECT_GE(p.mbps(), 8.0);
  EXPECT_LE(p.mbps(), 12.0);
  EXPECT_LE(p.maxKeyframeDistance(), 60);
}

TEST(RateControl, ShortBusyExportStaysInside) {
  const VideoPackets p = deliver("linkedin-1x1", Content::Busy, 2, time::Rational(30));
  EXPECT_GE(p.mbps(), 8.0);
  EXPECT_LE(p.mbps(), 12.0);
}

TEST(RateControl, YouTube1080pEasyAndBusy) {
  for (Content c : {Content::Easy, Content::Busy}) {
    const VideoPackets p = deliver("youtube-1080p", c, 3, time::Rational(24));
    EXPECT_GE(p.mbps(), 16.0) << (c == Content::Easy ? "easy" : "busy");
    EXPECT_LE(p.mbps(), 24.0) << (c == Content::Easy ? "easy" : "busy");
    EXPECT_LE(p.maxKeyframeDistance(), 48);
  }
}

}  // namespace
