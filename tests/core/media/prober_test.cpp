#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/media/ffmpeg/media_writer.h"
#include "core/media/prober.h"
#include "tests/core/media/media_fixtures.h"

using namespace postline::media;
namespace fx = postline::media::fixtures;
using postline::base::ErrorCode;
using postline::time::Rational;

namespace {
ProbeResult probeOk(const std::filesystem::path& p) {
  auto r = probe(p);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : ProbeResult{};
}
}  // namespace

TEST(Prober, LongGopH264) {
  const ProbeResult r = probeOk(fx::h264LongGop());
  ASSERT_TRUE(r.video.has_value());
  EXPECT_FALSE(r.audio.has_value());
  EXPECT_FALSE(r.still);
  EXPECT_NE(r.container.find("mp4"), std::string::npos);
  EXPECT_NEAR(r.durationS, 12.5, 0.01);
  EXPECT_EQ(r.video->codec, "h264");
  EXPECT_EQ(r.video->profile, "High");
  EXPECT_EQ(r.video->pixFmt, "yuv420p");
  EXPECT_EQ(r.video->bitDepth, 8);
  EXPECT_EQ(r.video->width, 320);
  EXPECT_EQ(r.video->height, 180);
  EXPECT_EQ(r.video->displayWidth, 320);
  EXPECT_EQ(r.video->displayHeight, 180);
  EXPECT_EQ(r.video->rotation, 0);
  EXPECT_EQ(r.video->frameRate, Rational(24));
  EXPECT_FALSE(r.video->variableFrameRate);
  EXPECT_EQ(r.video->frames, 300);
  EXPECT_EQ(r.video->color.primaries, "bt709");
  EXPECT_EQ(r.video->color.transfer, "bt709");
  EXPECT_EQ(r.video->color.matrix, "bt709");
  EXPECT_EQ(r.video->color.range, "tv");
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_FALSE(r.generator.has_value());
}

TEST(Prober, VideoWithAudio) {
  const ProbeResult r = probeOk(fx::h264WithAudio());
  ASSERT_TRUE(r.video && r.audio);
  EXPECT_EQ(r.audio->codec, "aac");
  EXPECT_EQ(r.audio->sampleRate, 48000);
  EXPECT_EQ(r.audio->channels, 2);
  EXPECT_EQ(r.audio->layout, "stereo");
  EXPECT_NEAR(r.audio->durationS, 2.0, 0.05);
  EXPECT_EQ(r.video->frames, 48);
  EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
}

TEST(Prober, NtscRatesAreExact) {
  EXPECT_EQ(probeOk(fx::h264At23976()).video->frameRate, Rational::make(24000, 1001).value());
  const ProbeResult r = probeOk(fx::h264At2997());
  EXPECT_EQ(r.video->frameRate, Rational::make(30000, 1001).value());
  EXPECT_EQ(r.video->frames, 60);
  EXPECT_FALSE(r.video->variableFrameRate);
}

TEST(Prober, VariableFrameRateIsDetected) {
  const ProbeResult r = probeOk(fx::vfr());
  ASSERT_TRUE(r.video);
  EXPECT_TRUE(r.video->variableFrameRate);
  EXPECT_EQ(r.video->frames, 60);
  EXPECT_FALSE(probeOk(fx::h264BFrames()).video->variableFrameRate);
}

TEST(Prober, RotationSwapsDisplaySize) {
  const ProbeResult r = probeOk(fx::rotated90());
  EXPECT_EQ(r.video->rotation, 90);
  EXPECT_EQ(r.video->width, 320);
  EXPECT_EQ(r.video->displayWidth, 180);
  EXPECT_EQ(r.video->displayHeight, 320);
}

TEST(Prober, OtherCodecsAndDepths) {
  const ProbeResult ten = probeOk(fx::h264TenBit());
  EXPECT_EQ(ten.video->bitDepth, 10);
  EXPECT_EQ(ten.video->pixFmt, "yuv420p10le");
  EXPECT_EQ(ten.video->profile, "High 10");
  const ProbeResult pr = probeOk(fx::prores());
  EXPECT_EQ(pr.video->codec, "prores");
  EXPECT_EQ(pr.video->bitDepth, 10);
  EXPECT_EQ(pr.video->frames, 24);
  EXPECT_NE(pr.container.find("mov"), std::string::npos);
  if (!fx::hevc().empty()) {
    EXPECT_EQ(probeOk(fx::hevc()).video->codec, "hevc");
  }
  if (!fx::vp9().empty()) {
    const ProbeResult v = probeOk(fx::vp9());
    EXPECT_EQ(v.video->codec, "vp9");
    EXPECT_EQ(v.video->frames, 48);
    EXPECT_EQ(v.video->frameRate, Rational(24));
  }
  const ProbeResult odd = probeOk(fx::oddSize());
  EXPECT_EQ(odd.video->width, 322);
  EXPECT_EQ(odd.video->displayHeight, 182);
}

TEST(Prober, AudioOnlyFiles) {
  const ProbeResult mono = probeOk(fx::wavMono());
  EXPECT_FALSE(mono.video.has_value());
  ASSERT_TRUE(mono.audio);
  EXPECT_EQ(mono.audio->codec, "pcm_s16le");
  EXPECT_EQ(mono.audio->channels, 1);
  EXPECT_EQ(mono.audio->layout, "mono");
  EXPECT_NEAR(mono.durationS, 2.0, 0.001);
  EXPECT_EQ(probeOk(fx::wav51()).audio->layout, "5.1");
  EXPECT_EQ(probeOk(fx::wav44k()).audio->sampleRate, 44100);
  EXPECT_EQ(probeOk(fx::aacStereo()).audio->codec, "aac");
  if (!fx::mp3().empty()) {
    EXPECT_EQ(probeOk(fx::mp3()).audio->codec, "mp3");
  }
}

TEST(Prober, PngIsAStill) {
  const ProbeResult r = probeOk(fx::pngAlpha());
  EXPECT_TRUE(r.still);
  ASSERT_TRUE(r.video);
  EXPECT_EQ(r.video->codec, "png");
  EXPECT_EQ(r.video->pixFmt, "rgba");
  EXPECT_EQ(r.video->frames, 1);
  EXPECT_EQ(r.video->width, 64);
}

TEST(Prober, TruncatedFileReportsItsRealLength) {
  const ProbeResult r = probeOk(fx::truncatedMp4());
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings.front().find("truncated"), std::string::npos) << r.warnings.front();
  EXPECT_LT(r.durationS, 1.9);
  EXPECT_GT(r.durationS, 0.5);
  EXPECT_LT(r.video->frames, 48);
}

TEST(Prober, GeneratorHintFromTags) {
  EXPECT_EQ(probeOk(fx::generatorTagged()).generator, "Google Veo");
}

TEST(Prober, BadFilesAreErrorsNamingTheFile) {
  struct Case {
    std::filesystem::path path;
    ErrorCode code;
  };
  for (const Case& c : {Case{fx::zeroBytes(), ErrorCode::Parse}, Case{fx::textAsMp4(), ErrorCode::Parse},
                        Case{fx::missingPath(), ErrorCode::NotFound}, Case{fx::unsupportedCodec(), ErrorCode::Parse},
                        Case{fx::dir(), ErrorCode::InvalidArgument}}) {
    auto r = probe(c.path);
    ASSERT_FALSE(r.ok()) << c.path;
    EXPECT_EQ(r.error().code, c.code) << r.error().message;
    EXPECT_NE(r.error().message.find(c.path.string()), std::string::npos) << r.error().message;
  }
  EXPECT_NE(probe(fx::unsupportedCodec()).error().message.find("zzzz"), std::string::npos);
}

TEST(Prober, GivesUpAtTheDeadlineAndRefusesSpecialFiles) {
  auto late = probe(fx::h264LongGop(), std::chrono::milliseconds(0));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::Io);
  EXPECT_NE(late.error().message.find("timed out"), std::string::npos) << late.error().message;
  const std::filesystem::path fifo = fx::dir() / ("fifo_" + std::to_string(::getpid()) + ".mp4");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto r = probe(fifo);  // must not block waiting for a writer
  std::filesystem::remove(fifo);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a regular file"), std::string::npos) << r.error().message;
}

// MPEG program streams leave some packets without a presentation time; the gaps that leaves in
// the timestamps are whole frame steps and must not read as a variable frame rate.
TEST(Prober, TimestampGapsInAProgramStreamAreNotVariableRate) {
  const auto dir = std::filesystem::temp_directory_path() / ("postline_ps_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  postline::media::ffmpeg::VideoSpec spec;
  spec.codec = "mpeg2video";
  spec.fps = Rational::make(30000, 1001).value();
  spec.frames = 60;
  spec.bFrames = 2;
  ASSERT_TRUE(postline::media::ffmpeg::writeVideo(dir / "ps.mpg", spec).ok());
  auto r = probe(dir / "ps.mpg");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->video.has_value());
  EXPECT_EQ(r->video->frameRate, Rational::make(30000, 1001).value());
  EXPECT_FALSE(r->video->variableFrameRate);
  std::filesystem::remove_all(dir);
}
