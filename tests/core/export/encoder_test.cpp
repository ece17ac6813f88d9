// The export encoder: what it writes (probed and decoded back with core/media), the RGBA path,
// ProRes in .mov, and the audio timing.
#include <gtest/gtest.h>

#include <cmath>

#include "core/media/audio_decoder.h"
#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/prober.h"
#include "tests/core/export/encoder_test_util.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::test;

std::unique_ptr<Encoder> openOk(const fs::path& p, const EncoderSettings& s) {
  auto r = Encoder::open(p, s);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r).value() : nullptr;
}

media::ProbeResult probeOk(const fs::path& p) {
  auto r = media::probe(p);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : media::ProbeResult{};
}

media::VideoFramePtr decodeFrame(const fs::path& p, std::int64_t index) {
  auto d = media::ffmpeg::openVideoDecoder(p);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
  if (!d.ok()) return nullptr;
  auto f = d.value()->frame(index);
  EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message);
  return f.ok() ? f.value() : nullptr;
}

// 48 frames of the pattern, each followed by its 2000 samples of the 1 kHz tone (24 fps, 48 kHz).
void encodePatternWithTone(Encoder& e, int width, int height, std::size_t block) {
  std::int64_t sample = 0;
  for (int f = 0; f < 48; ++f) {
    ASSERT_TRUE(push(e, patternYuv(width, height, f)).ok());
    const std::int64_t due = (f + 1) * 2000;
    while (sample < due) {
      const std::int64_t n = std::min<std::int64_t>(static_cast<std::int64_t>(block), due - sample);
      const std::vector<float> s = tone(sample, n);
      ASSERT_TRUE(e.pushAudio(s.data(), static_cast<std::size_t>(n)).ok());
      sample += n;
    }
  }
}

TEST(Encoder, H264WithAacProbesAsPromised) {
  const fs::path dir = freshDir();
  const fs::path out = dir / "pattern.mp4";
  auto e = openOk(out, smallSettings());
  ASSERT_TRUE(e);
  EXPECT_TRUE(fs::exists(dir / "pattern.partial.mp4"));
  EXPECT_FALSE(fs::exists(out));
  encodePatternWithTone(*e, 320, 180, 2000);
  EXPECT_EQ(e->framesPushed(), 48);
  EXPECT_EQ(e->samplesPushed(), 96000);
  auto done = e->finish();
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(filesIn(dir), std::vector<std::string>{"pattern.mp4"});  // the partial file is gone

  const media::ProbeResult r = probeOk(out);
  ASSERT_TRUE(r.video && r.audio);
  EXPECT_EQ(r.video->codec, "h264");
  EXPECT_EQ(r.video->width, 320);
  EXPECT_EQ(r.video->height, 180);
  EXPECT_EQ(r.video->frameRate, time::Rational(24));
  EXPECT_EQ(r.video->frames, 48);
  EXPECT_EQ(r.video->pixFmt, "yuv420p");
  EXPECT_EQ(r.video->color.primaries, "bt709");
  EXPECT_EQ(r.video->color.transfer, "bt709");
  EXPECT_EQ(r.video->color.matrix, "bt709");
  EXPECT_EQ(r.video->color.range, "tv");
  EXPECT_EQ(r.audio->codec, "aac");
  EXPECT_EQ(r.audio->sampleRate, 48000);
  EXPECT_EQ(r.audio->channels, 2);
  EXPECT_NEAR(r.durationS, 2.0, 1.0 / 24.0);
  EXPECT_NE(r.container.find("mp4"), std::string::npos);
}

// mp4 and mov carry AAC's 1024 priming samples in an edit list, so decoding starts on sample 0.
// (Matroska in FFmpeg 5.1 has no such field for AAC: the whole file starts 1024 samples early.)
TEST(Encoder, AudioInOddBlocksKeepsEverySampleInPlace) {
  const fs::path dir = freshDir();
  for (const char* name : {"tone.mp4", "tone.mov"}) {
    const fs::path out = dir / name;
    auto e = openOk(out, smallSettings());
    ASSERT_TRUE(e);
    encodePatternWithTone(*e, 320, 180, 777);  // blocks that never match AAC's 1024
    ASSERT_TRUE(e->finish().ok());
    auto d = media::openAudioDecoder(out);
    ASSERT_TRUE(d.ok()) << d.error().message;
    auto block = d.value()->read(time::SamplePos{0}, time::SampleCount{96000});
    ASSERT_TRUE(block.ok()) << block.error().message;
    // Correlate with the tone pushed: a shift of a few samples (priming, a lost block) would show.
    const std::vector<float> ref = tone(0, 96000);
    double xy = 0.0, xx = 0.0, yy = 0.0;
    for (std::size_t i = 4800; i < 91200; ++i) {
      const double x = block->left[i];
      const double y = ref[i * 2];
      xy += x * y;
      xx += x * x;
      yy += y * y;
    }
    EXPECT_GT(xy / std::sqrt(xx * yy), 0.99) << name;
    EXPECT_NEAR(std::sqrt(xx / (91200 - 4800)), 0.5 / std::sqrt(2.0), 0.02) << name;
    EXPECT_NEAR(d.value()->info().durationS, 2.0, 0.05) << name;
  }
}

TEST(Encoder, FlatYuvDecodesBackToThePushedLevels) {
  const fs::path dir = freshDir();
  const fs::path out = dir / "flat.mp4";
  EncoderSettings s = smallSettings();
  s.audio = false;
  auto e = openOk(out, s);
  ASSERT_TRUE(e);
  for (int f = 0; f < 12; ++f) ASSERT_TRUE(push(*e, flatYuv(320, 180, 100, 80, 170)).ok());
  ASSERT_TRUE(e->finish().ok());
  const media::ProbeResult r = probeOk(out);
  EXPECT_FALSE(r.audio.has_value());
  EXPECT_EQ(r.video->frames, 12);
  auto frame = decodeFrame(out, 7);
  ASSERT_TRUE(frame);
  EXPECT_NEAR(planeMean(*frame, 0), 100.0, 1.0);
  EXPECT_NEAR(planeMean(*frame, 1), 80.0, 1.0);
  EXPECT_NEAR(planeMean(*frame, 2), 170.0, 1.0);
}

// BT.709 Y'CbCr of an 8-bit RGB colour in tv (limited) or pc (full) range.
std::array<double, 3> rec709(double r, double g, double b, bool full) {
  r /= 255.0;
  g /= 255.0;
  b /= 255.0;
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double cb = (b - y) / 1.8556;
  const double cr = (r - y) / 1.5748;
  if (full) return {255.0 * y, 128.0 + 255.0 * cb, 128.0 + 255.0 * cr};
  return {16.0 + 219.0 * y, 128.0 + 224.0 * cb, 128.0 + 224.0 * cr};
}

TEST(Encoder, RgbaIsConvertedWithTheSettingsMatrixAndRange) {
  const fs::path dir = freshDir();
  std::vector<std::uint8_t> rgba(320 * 180 * 4);
  for (std::size_t i = 0; i < rgba.size(); i += 4) {
    rgba[i] = 200;
    rgba[i + 1] = 100;
    rgba[i + 2] = 50;
    rgba[i + 3] = 255;
  }
  for (bool full : {false, true}) {
    const fs::path out = dir / (full ? "rgba_full.mov" : "rgba_tv.mp4");
    EncoderSettings s = smallSettings();
    s.audio = false;
    s.fullRange = full;
    auto e = openOk(out, s);
    ASSERT_TRUE(e);
    for (int f = 0; f < 6; ++f) ASSERT_TRUE(e->pushRgba(rgba.data(), 320 * 4).ok());
    ASSERT_TRUE(e->finish().ok());
    EXPECT_EQ(probeOk(out).video->color.range, full ? "pc" : "tv");
    auto frame = decodeFrame(out, 3);
    ASSERT_TRUE(frame);
    const auto want = rec709(200, 100, 50, full);
    for (int p = 0; p < 3; ++p) EXPECT_NEAR(planeMean(*frame, p), want[static_cast<std::size_t>(p)], 2.0) << out << " plane " << p;
  }
}

TEST(Encoder, ProresInMovWorks) {
  const fs::path dir = freshDir();
  const fs::path out = dir / "master.mov";
  EncoderSettings s = smallSettings();
  s.videoCodec = "prores_ks";
  s.pixFmt = "yuv422p10le";
  s.profile = "hq";
  auto e = openOk(out, s);
  ASSERT_TRUE(e);
  for (int f = 0; f < 12; ++f) {
    ASSERT_TRUE(push(*e, flatYuv(320, 180, 120, 90, 160)).ok());
    const std::vector<float> a = tone(f * 2000, 2000);
    ASSERT_TRUE(e->pushAudio(a.data(), 2000).ok());
  }
  ASSERT_TRUE(e->finish().ok());
  const media::ProbeResult r = probeOk(out);
  ASSERT_TRUE(r.video && r.audio);
  EXPECT_EQ(r.video->codec, "prores");
  EXPECT_EQ(r.video->pixFmt, "yuv422p10le");
  EXPECT_EQ(r.video->frames, 12);
  EXPECT_EQ(r.video->color.matrix, "bt709");
  EXPECT_NEAR(r.durationS, 0.5, 1.0 / 24.0);
  auto frame = decodeFrame(out, 4);
  ASSERT_TRUE(frame);
  EXPECT_EQ(frame->bitDepth, 10);
  EXPECT_NEAR(planeMean(*frame, 0), 120.0, 0.5);
  EXPECT_NEAR(planeMean(*frame, 1), 90.0, 0.5);
  EXPECT_NEAR(planeMean(*frame, 2), 160.0, 0.5);
}

TEST(Encoder, Rec2020TagsAreWritten) {
  const fs::path dir = freshDir();
  const fs::path out = dir / "wide.mp4";
  EncoderSettings s = smallSettings();
  s.audio = false;
  s.colorPrimaries = "bt2020";
  s.colorTransfer = "bt2020-10";
  s.colorMatrix = "bt2020";
  auto e = openOk(out, s);
  ASSERT_TRUE(e);
  for (int f = 0; f < 3; ++f) ASSERT_TRUE(push(*e, patternYuv(320, 180, f)).ok());
  ASSERT_TRUE(e->finish().ok());
  const media::ProbeResult r = probeOk(out);
  EXPECT_EQ(r.video->color.primaries, "bt2020");
  EXPECT_EQ(r.video->color.transfer, "bt2020-10");
  EXPECT_EQ(r.video->color.matrix, "bt2020nc");
}

}  // namespace
