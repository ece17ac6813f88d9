// What delivery added to the export encoder: scaling from another input size, 16-bit RGBA into
// 10-bit ProRes, DNxHR and 24-bit PCM, x265 at a bitrate, the faststart switch, square pixels,
// keyframe distance, and clear errors for rate settings that cannot work.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/prober.h"
#include "tests/core/export/encoder_test_util.h"
#include "tests/core/export/packet_stats.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::test;

media::VideoFramePtr decodeFrame(const fs::path& p, std::int64_t index) {
  auto d = media::ffmpeg::openVideoDecoder(p);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
  if (!d.ok()) return nullptr;
  auto f = d.value()->frame(index);
  EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message);
  return f.ok() ? f.value() : nullptr;
}

// Sample (x, y) of plane 0 of an 8-bit frame.
int luma(const media::VideoFrame& f, int x, int y) {
  return f.planes[0].data[static_cast<std::size_t>(y) * static_cast<std::size_t>(f.planes[0].stride) + static_cast<std::size_t>(x)];
}

TEST(EncoderDelivery, SmallerInputIsScaledToTheCodedSize) {
  const fs::path out = freshDir() / "up.mp4";
  EncoderSettings s = smallSettings();
  s.audio = false;
  s.width = 640;
  s.height = 360;
  s.inputWidth = 320;
  s.inputHeight = 180;
  auto e = Encoder::open(out, s);
  ASSERT_TRUE(e.ok()) << e.error().message;
  Yuv half = flatYuv(320, 180, 60, 128, 128);  // left half dark, right half bright
  for (int r = 0; r < 180; ++r) std::fill_n(half.y.begin() + r * 320 + 160, 160, 200);
  for (int f = 0; f < 6; ++f) ASSERT_TRUE(push(**e, half).ok());
  ASSERT_TRUE((*e)->finish().ok());
  auto r = media::probe(out);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->video->width, 640);
  EXPECT_EQ(r->video->height, 360);
  auto frame = decodeFrame(out, 3);
  ASSERT_TRUE(frame);
  EXPECT_NEAR(luma(*frame, 100, 180), 60, 3);
  EXPECT_NEAR(luma(*frame, 540, 180), 200, 3);
  EXPECT_NEAR(luma(*frame, 310, 180), 60, 6);  // the edge stays at the middle, not at 160
  EXPECT_NEAR(luma(*frame, 330, 180), 200, 6);
}

TEST(EncoderDelivery, OddOrHalfGivenInputSizeIsRejected) {
  const fs::path dir = freshDir();
  EncoderSettings s = smallSettings();
  s.inputWidth = 321;
  s.inputHeight = 180;
  auto r = Encoder::open(dir / "odd.mp4", s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::InvalidArgument);
  EXPECT_NE(r.error().message.find("input size"), std::string::npos) << r.error().message;
  s.inputWidth = 320;
  s.inputHeight = 0;
  EXPECT_FALSE(Encoder::open(dir / "half.mp4", s).ok());
  EXPECT_TRUE(filesIn(dir).empty());
}

TEST(EncoderDelivery, Rgba16ShortStrideIsAnErrorAndDropsTheFile) {
  const fs::path dir = freshDir();
  EncoderSettings s = smallSettings();
  s.audio = false;
  auto e = Encoder::open(dir / "short.mp4", s);
  ASSERT_TRUE(e.ok()) << e.error().message;
  std::vector<std::uint16_t> px(static_cast<std::size_t>(320) * 180 * 4, 30000);
  auto r = (*e)->pushRgba16(px.data(), 320 * 4);  // 8-bit stride for 16-bit pixels
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::InvalidArgument);
  EXPECT_NE(r.error().message.find("stride"), std::string::npos) << r.error().message;
  (*e)->cancel();
  EXPECT_TRUE(filesIn(dir).empty());
}

// 16-bit RGBA into 10-bit ProRes: a flat colour lands on its BT.709 tv-range value (swscale is
// exact to about one 10-bit step), alpha is ignored.
TEST(EncoderDelivery, Rgba16ValuesSurviveAtTenBits) {
  const fs::path out = freshDir() / "deep.mov";
  EncoderSettings s = smallSettings();
  s.audio = false;
  s.videoCodec = "prores_ks";
  s.profile = "hq";
  s.pixFmt = "yuv422p10le";
  auto e = Encoder::open(out, s);
  ASSERT_TRUE(e.ok()) << e.error().message;
  const double r = 0.7003, g = 0.4011, b = 0.2507;
  std::vector<std::uint16_t> px(static_cast<std::size_t>(320) * 180 * 4);
  for (std::size_t i = 0; i < px.size(); i += 4) {
    px[i] = static_cast<std::uint16_t>(std::lround(r * 65535.0));
    px[i + 1] = static_cast<std::uint16_t>(std::lround(g * 65535.0));
    px[i + 2] = static_cast<std::uint16_t>(std::lround(b * 65535.0));
    px[i + 3] = 0;  // alpha is ignored
  }
  for (int f = 0; f < 4; ++f) ASSERT_TRUE((*e)->pushRgba16(px.data(), 320 * 8).ok());
  ASSERT_TRUE((*e)->finish().ok());
  auto frame = decodeFrame(out, 2);
  ASSERT_TRUE(frame);
  ASSERT_EQ(frame->bitDepth, 10);
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double want[3] = {64.0 + 876.0 * y, 512.0 + 896.0 * (b - y) / 1.8556, 512.0 + 896.0 * (r - y) / 1.5748};
  for (int p = 0; p < 3; ++p) {
    EXPECT_NEAR(planeMean(*frame, p) * 4.0, want[p], 1.5) << "plane " << p;  // planeMean is in 8-bit units
  }
}

// The 16-bit path keeps what 8 bits would lose: a grey ramp from 0.400 to 0.410 spans under three
// 8-bit codes but about nine 10-bit ones, and the ProRes file must show them.
TEST(EncoderDelivery, Rgba16RampKeepsTenBitSteps) {
  const fs::path out = freshDir() / "ramp.mov";
  EncoderSettings s = smallSettings();
  s.audio = false;
  s.videoCodec = "prores_ks";
  s.profile = "hq";
  s.pixFmt = "yuv422p10le";
  auto e = Encoder::open(out, s);
  ASSERT_TRUE(e.ok()) << e.error().message;
  std::vector<std::uint16_t> px(static_cast<std::size_t>(320) * 180 * 4);
  for (std::size_t i = 0; i < px.size(); i += 4) {
    const double x = 0.400 + 0.010 * static_cast<double>((i / 4) % 320) / 319.0;
    const auto v = static_cast<std::uint16_t>(std::lround(x * 65535.0));
    px[i] = px[i + 1] = px[i + 2] = v;
    px[i + 3] = 65535;
  }
  for (int f = 0; f < 3; ++f) ASSERT_TRUE((*e)->pushRgba16(px.data(), 320 * 8).ok());
  ASSERT_TRUE((*e)->finish().ok());
  auto frame = decodeFrame(out, 1);
  ASSERT_TRUE(frame);
  ASSERT_EQ(frame->bitDepth, 10);
  const media::Plane& y = frame->planes[0];
  std::set<int> levels;
  for (int c = 0; c < y.width; ++c) {
    const std::uint8_t* at = y.data.data() + 90 * y.stride + 2 * c;
    levels.insert(at[0] | (at[1] << 8));
  }
  EXPECT_GE(levels.size(), 7u);
  EXPECT_NEAR(*levels.begin(), 64 + 876 * 0.400, 2.0);
  EXPECT_NEAR(*levels.rbegin(), 64 + 876 * 0.410, 2.0);
}

TEST(EncoderDelivery, DnxhrHqWithPcm24InMov) {
  const fs::path out = freshDir() / "master.mov";
  EncoderSettings s = smallSettings();
  s.videoCodec = "dnxhd";
  s.profile = "dnxhr_hq";
  s.pixFmt = "yuv422p";
  s.audioCodec = "pcm_s24le";
  s.faststart = false;
  auto e = Encoder::open(out, s);
  ASSERT_TRUE(e.ok()) << e.error().message;
  for (int f = 0; f < 6; ++f) {
    ASSERT_TRUE(push(**e, flatYuv(320, 180, 120, 100, 150)).ok());
    const std::vector<float> a = tone(f * 2000, 2000);
    ASSERT_TRUE((*e)->pushAudio(a.data(), 2000).ok());
  }
  ASSERT_TRUE((*e)->finish().ok());
  auto r = media::probe(out);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->video->codec, "dnxhd");
  EXPECT_EQ(r->video->profile, "DNXHR HQ");
  EXPECT_EQ(r->video->pixFmt, "yuv422p");
  EXPECT_EQ(r->audio->codec, "pcm_s24le");
  EXPECT_GT(topLevelBox(out, "moov"), topLevelBox(out, "mdat"));  // faststart off: index at the end
}

TEST(EncoderDelivery, X265AtABitrateWithKeyframes) {
  const fs::path out = freshDir() / "hevc.mp4";
  EncoderSettings s = smallSettings();
  s.audio = false;
  s.videoCodec = "libx265";
  s.bitRate = 1000000;
  s.maxRate = 1500000;
  s.bufSize = 500000;
  s.gop = 12;
  auto e = Encoder::open(out, s);
  ASSERT_TRUE(e.ok()) << e.error().message;
  for (int f = 0; f < 40; ++f) ASSERT_TRUE(push(**e, patternYuv(320, 180, f)).ok());
  ASSERT_TRUE((*e)->finish().ok());
  auto r = media::probe(out);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->video->codec, "hevc");
  EXPECT_EQ(r->video->sampleAspect, time::Rational(1));
  const VideoPackets p = readVideoPackets(out);
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_LE(p.maxKeyframeDistance(), 12);
  EXPECT_GE(p.keyframes.size(), 4u);
}

TEST(EncoderDelivery, X264KeyframesAreAtMostAGopApart) {
  const fs::path out = freshDir() / "gop.mp4";
  EncoderSettings s = smallSettings();
  s.audio = false;
  s.gop = 10;
  auto e = Encoder::open(out, s);
  ASSERT_TRUE(e.ok()) << e.error().message;
  // Slow motion without cuts: x264's own cadence (250) would give one keyframe in 45 frames.
  for (int f = 0; f < 45; ++f) ASSERT_TRUE(push(**e, patternYuv(320, 180, f)).ok());
  ASSERT_TRUE((*e)->finish().ok());
  const VideoPackets p = readVideoPackets(out);
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_LE(p.maxKeyframeDistance(), 10);
  EXPECT_GE(p.keyframes.size(), 5u);
}

TEST(EncoderDelivery, ImpossibleRateSettingsAreClearErrors) {
  const fs::path dir = freshDir();
  struct Case {
    const char* what;
    std::function<void(EncoderSettings&)> set;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"pad without a bitrate", [](EncoderSettings& s) { s.padToBitRate = true; }, "needs a bitrate"},
      {"max without buffer", [](EncoderSettings& s) { s.bitRate = 1000000; s.maxRate = 2000000; }, "buffer"},
      {"max under average", [](EncoderSettings& s) { s.bitRate = 2000000; s.maxRate = 1000000; s.bufSize = 1000000; }, "under"},
      {"prores cannot pad", [](EncoderSettings& s) {
         s.videoCodec = "prores_ks"; s.pixFmt = "yuv422p10le"; s.bitRate = 1000000; s.bufSize = 500000; s.padToBitRate = true;
       }, "cannot pad"},
  };
  for (const Case& c : cases) {
    EncoderSettings s = smallSettings();
    c.set(s);
    auto r = Encoder::open(dir / "x.mov", s);
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.error().code, base::ErrorCode::InvalidArgument) << c.what;
    EXPECT_NE(r.error().message.find("x.mov"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find(c.says), std::string::npos) << r.error().message;
  }
  EXPECT_TRUE(filesIn(dir).empty());
}

}  // namespace
