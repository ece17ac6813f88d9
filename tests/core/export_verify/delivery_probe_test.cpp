// probeDelivery on real files written by exporting::Encoder: what it reads must be what was
// written (codec, profile, size, rate, frames, keyframes, colour tags, audio, loudness), the atom
// order, and clear errors for missing and corrupt files.
#include <gtest/gtest.h>

#include <cmath>

#include "core/audio/loudness/analyzer.h"
#include "tests/core/export_verify/verify_test_util.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::verifytest;

DeliveryProbe probeOk(const fs::path& file) {
  auto r = probeDelivery(file);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : DeliveryProbe{};
}

TEST(DeliveryProbe, ReadsWhatTheEncoderWrote) {
  const fs::path file = freshDir() / "web.mp4";
  const Delivery d;
  writeDelivery(file, d);
  const DeliveryProbe p = probeOk(file);
  EXPECT_NE(p.container.find("mp4"), std::string::npos);
  EXPECT_EQ(p.brand, "isom");
  EXPECT_EQ(deliveredContainer(p), "mp4");
  EXPECT_TRUE(p.faststart);  // the encoder writes +faststart
  EXPECT_EQ(p.videoCodec, "h264");
  EXPECT_EQ(p.videoProfile, "High");
  EXPECT_EQ(p.pixFmt, "yuv420p");
  EXPECT_EQ(p.width, 320);
  EXPECT_EQ(p.height, 180);
  EXPECT_TRUE(p.sampleAspect == "1:1" || p.sampleAspect == "0:1") << p.sampleAspect;
  EXPECT_EQ(p.fps, time::Rational(24));
  EXPECT_EQ(p.frames, 48);
  EXPECT_EQ(p.indexedFrames, 48);
  EXPECT_FALSE(p.truncated);
  EXPECT_EQ(p.keyframeInterval, 24);  // gop 24: keyframes at 0 and 24
  EXPECT_EQ(p.colorPrimaries, "bt709");
  EXPECT_EQ(p.colorTransfer, "bt709");
  EXPECT_EQ(p.colorMatrix, "bt709");
  EXPECT_EQ(p.colorRange, "tv");
  EXPECT_EQ(p.audioCodec, "aac");
  EXPECT_EQ(p.audioProfile, "LC");
  EXPECT_EQ(p.audioSampleRate, 48000);
  EXPECT_EQ(p.audioChannels, 2);
  EXPECT_EQ(p.audioBits, 0);
  EXPECT_NEAR(p.durationS, 2.0, 0.05);
  // The packet bytes add up to the file, less its small index (48 + ~95 entries, a few kB).
  const double videoBytes = p.videoMbps * 1e6 * 2.0 / 8.0;
  const double audioBytes = p.audioKbps * 1e3 * 2.0 / 8.0;
  const auto fileBytes = static_cast<double>(fs::file_size(file));
  EXPECT_GT(p.videoMbps, 0.0);
  EXPECT_GT(p.audioKbps, 16.0);
  EXPECT_LE(videoBytes + audioBytes, fileBytes * 1.02);  // the audio span is up to 1024 samples longer than 2 s
  EXPECT_GE(videoBytes + audioBytes, fileBytes - 16384.0);
}

TEST(DeliveryProbe, MeasuresTheLoudnessOfTheSound) {
  const fs::path file = freshDir() / "tone.mp4";
  const Delivery d;
  writeDelivery(file, d);
  const DeliveryProbe p = probeOk(file);
  // The reference: the same tone measured before encoding.
  const std::vector<float> source = toneSamples(0, 96000, d.amplitude);
  auto reference = audio::loudness::measureStereo(source.data(), 96000);
  ASSERT_TRUE(reference.ok());
  ASSERT_TRUE(p.integratedLufs.has_value());
  ASSERT_TRUE(p.truePeakDbtp.has_value());
  EXPECT_NEAR(reference.value().integratedLufs, -14.0, 0.1);
  EXPECT_NEAR(*p.integratedLufs, reference.value().integratedLufs, 0.2);
  // A steady tone keeps its peak through AAC, but its abrupt start overshoots a little (pre-echo).
  const double sourcePeak = 20.0 * std::log10(d.amplitude);
  EXPECT_GE(*p.truePeakDbtp, sourcePeak - 0.2);
  EXPECT_LE(*p.truePeakDbtp, sourcePeak + 1.5);
}

TEST(DeliveryProbe, FaststartFalseWhenTheIndexComesLast) {
  const fs::path dir = freshDir();
  writeDelivery(dir / "fast.mp4", Delivery{});
  ASSERT_TRUE(moveIndexToEnd(dir / "fast.mp4", dir / "slow.mp4"));
  const DeliveryProbe fast = probeOk(dir / "fast.mp4");
  const DeliveryProbe slow = probeOk(dir / "slow.mp4");
  EXPECT_TRUE(fast.faststart);
  EXPECT_FALSE(slow.faststart);
  EXPECT_EQ(slow.brand, "isom");
  // The rewritten file still plays: same frames, same sound.
  EXPECT_EQ(slow.frames, 48);
  ASSERT_TRUE(slow.integratedLufs && fast.integratedLufs);
  EXPECT_NEAR(*slow.integratedLufs, *fast.integratedLufs, 0.01);
}

TEST(DeliveryProbe, NtscRateIsExact) {
  const fs::path file = freshDir() / "ntsc.mp4";
  Delivery d;
  d.fps = time::Rational::make(30000, 1001).value();
  d.frames = 30;
  d.gop = 15;
  // 30 frames at 29.97 are 1601.6 samples each: let the encoder take whole blocks.
  EncoderSettings s = d.settings();
  s.audio = false;
  writeDelivery(file, d, s, [](int) { return 0; });
  const DeliveryProbe p = probeOk(file);
  EXPECT_EQ(p.fps, time::Rational::make(30000, 1001).value());
  EXPECT_EQ(p.frames, 30);
  EXPECT_EQ(p.keyframeInterval, 15);
  EXPECT_EQ(p.audioCodec, "");
  EXPECT_FALSE(p.integratedLufs.has_value());
  EXPECT_FALSE(p.truePeakDbtp.has_value());
  EXPECT_NEAR(p.durationS, 30.0 * 1001.0 / 30000.0, 0.01);
}

TEST(DeliveryProbe, ProResWithPcmInMov) {
  const fs::path file = freshDir() / "master.mov";
  Delivery d;
  d.frames = 24;
  EncoderSettings s = d.settings();
  s.videoCodec = "prores_ks";
  s.profile = "hq";
  s.pixFmt = "yuv422p10le";
  s.audioCodec = "pcm_s24le";
  writeDelivery(file, d, s, [](int) { return 0; });
  const DeliveryProbe p = probeOk(file);
  EXPECT_EQ(p.brand, "qt  ");
  EXPECT_EQ(deliveredContainer(p), "mov");
  EXPECT_EQ(p.videoCodec, "prores");
  EXPECT_EQ(p.videoProfile, "HQ");
  EXPECT_EQ(p.pixFmt, "yuv422p10le");
  EXPECT_EQ(p.frames, 24);
  EXPECT_EQ(p.keyframeInterval, 1);  // intra-only
  EXPECT_EQ(p.audioCodec, "pcm_s24le");
  EXPECT_EQ(p.audioProfile, "");
  EXPECT_EQ(p.audioBits, 24);
  EXPECT_NEAR(p.audioKbps, 48000.0 * 2 * 24 / 1000.0, 2304.0 * 0.005);
  ASSERT_TRUE(p.integratedLufs.has_value());
  EXPECT_NEAR(*p.integratedLufs, -14.0, 0.2);
}

TEST(DeliveryProbe, MissingFileIsNotFoundNamingIt) {
  const fs::path file = freshDir() / "nothing here.mp4";
  auto r = probeDelivery(file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(r.error().message.find(file.string()), std::string::npos) << r.error().message;
}

TEST(DeliveryProbe, CorruptFileIsParseErrorNamingIt) {
  const fs::path file = freshDir() / "garbage.mp4";
  std::vector<std::uint8_t> junk(20000);
  for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<std::uint8_t>((i * 2654435761u) >> 13);
  writeBytes(file, junk);
  auto r = probeDelivery(file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::Parse);
  EXPECT_NE(r.error().message.find(file.string()), std::string::npos) << r.error().message;
}

TEST(DeliveryProbe, TruncatedFileNeverVerifies) {
  const fs::path dir = freshDir();
  const Delivery d;
  writeDelivery(dir / "whole.mp4", d);
  std::vector<std::uint8_t> bytes = readBytes(dir / "whole.mp4");
  bytes.resize(bytes.size() / 2);  // the index is intact (faststart), half the media is gone
  writeBytes(dir / "half.mp4", bytes);
  // The figures are still read; the duration check says what is wrong.
  auto r = verifyDelivery(dir / "half.mp4", webPreset(), expectationFor(d));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r.value().pass);
  EXPECT_TRUE(r.value().probe.truncated);
  EXPECT_LT(r.value().probe.frames, 48);
  EXPECT_EQ(r.value().probe.indexedFrames, 48);
  EXPECT_EQ(failedChecks(r.value().checks), std::vector<std::string>{"duration"});
  EXPECT_NE(checkNamed(r.value().checks, "duration").measured.find("truncated"), std::string::npos)
      << checkNamed(r.value().checks, "duration").measured;
}

}  // namespace
