#include <gtest/gtest.h>

#include "core/media/ffmpeg/media_writer.h"
#include "core/media/frame_number.h"

using namespace postline::media;

TEST(FrameCode, ReadsBackWhatWasDrawn) {
  VideoFrame f;
  f.planes[0].width = f.width = 80;
  f.planes[0].height = f.height = 70;
  f.planes[0].stride = 80;
  f.planes[0].data.assign(80 * 70, 100);
  for (int y = 0; y < kFrameCodeSide; ++y)
    for (int x = 0; x < kFrameCodeSide; ++x) f.planes[0].data[y * 80 + x] = static_cast<std::uint8_t>(frameCodeLuma(4242, x, y));
  EXPECT_EQ(readFrameNumber(f), 4242);
}

#include "tests/core/media/media_fixtures.h"

namespace fx = postline::media::fixtures;

TEST(MediaFixtures, EveryFixtureIsWritten) {
  for (const auto& p : {fx::h264LongGop(), fx::h264BFrames(), fx::h264WithAudio(), fx::prores(), fx::h264TenBit(),
                        fx::rotated90(), fx::oddSize(), fx::vfr(), fx::h264At23976(), fx::h264At2997(),
                        fx::generatorTagged(), fx::wavMono(), fx::wavStereo(), fx::wav51(), fx::wavRamp(),
                        fx::wav44k(), fx::aacStereo(), fx::pngAlpha(), fx::truncatedMp4(), fx::textAsMp4(),
                        fx::unsupportedCodec()}) {
    ASSERT_FALSE(p.empty());
    EXPECT_GT(std::filesystem::file_size(p), 0u) << p;
  }
  for (const auto& p : {fx::hevc(), fx::vp9(), fx::mp3()}) {
    if (!p.empty()) {
      EXPECT_GT(std::filesystem::file_size(p), 0u) << p;
    }
  }
  EXPECT_EQ(std::filesystem::file_size(fx::zeroBytes()), 0u);
  EXPECT_FALSE(std::filesystem::exists(fx::missingPath()));
}

TEST(MediaWriter, MissingEncoderIsNotFound) {
  postline::media::ffmpeg::VideoSpec s;
  s.codec = "no_such_encoder";
  auto r = postline::media::ffmpeg::writeVideo(fx::dir() / "never.mp4", s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, postline::base::ErrorCode::NotFound);
}

namespace {
VideoFrame codeFrame(std::int64_t n, int bitDepth, FrameFormat format) {
  VideoFrame f;
  f.format = format;
  f.bitDepth = bitDepth;
  const int bps = format == FrameFormat::Rgba ? 4 : (bitDepth > 8 ? 2 : 1);
  Plane& p = f.planes[0];
  p.width = f.width = 96;
  p.height = f.height = 80;
  p.stride = 96 * bps;
  p.data.assign(static_cast<std::size_t>(p.stride * p.height), 0);
  for (int y = 0; y < kFrameCodeSide; ++y) {
    for (int x = 0; x < kFrameCodeSide; ++x) {
      const int luma = frameCodeLuma(n, x, y);
      std::uint8_t* px = &p.data[static_cast<std::size_t>(y * p.stride + x * bps)];
      if (format == FrameFormat::Rgba) {
        px[0] = px[1] = px[2] = static_cast<std::uint8_t>(luma == 235 ? 255 : 0);
        px[3] = 255;
      } else if (bitDepth > 8) {
        const int v = luma << (bitDepth - 8);
        px[0] = static_cast<std::uint8_t>(v & 0xFF);
        px[1] = static_cast<std::uint8_t>(v >> 8);
      } else {
        px[0] = static_cast<std::uint8_t>(luma);
      }
    }
  }
  return f;
}
}  // namespace

TEST(FrameCode, TenBitRgbaAndUnreadable) {
  EXPECT_EQ(readFrameNumber(codeFrame(299, 10, FrameFormat::Yuv420)), 299);
  EXPECT_EQ(readFrameNumber(codeFrame(65535, 8, FrameFormat::Rgba)), 65535);
  EXPECT_EQ(readFrameNumber(codeFrame(0, 8, FrameFormat::Yuv422)), 0);
  VideoFrame grey = codeFrame(5, 8, FrameFormat::Yuv420);
  std::fill(grey.planes[0].data.begin(), grey.planes[0].data.end(), 128);
  EXPECT_EQ(readFrameNumber(grey), -1);
  VideoFrame tiny;
  tiny.planes[0].width = tiny.planes[0].height = tiny.planes[0].stride = 32;
  tiny.planes[0].data.assign(32 * 32, 16);
  EXPECT_EQ(readFrameNumber(tiny), -1);
}

TEST(MediaWriter, SampleIndexRampIsExactInPcm) {
  const std::vector<std::uint8_t> bytes = fx::readBytes(fx::wavRamp());
  // Find the WAV "data" chunk, then check every 997th stereo sample.
  std::size_t at = 12;
  while (at + 8 <= bytes.size() && std::string(bytes.begin() + static_cast<long>(at), bytes.begin() + static_cast<long>(at) + 4) != "data") {
    at += 8 + (bytes[at + 4] | bytes[at + 5] << 8 | bytes[at + 6] << 16 | bytes[at + 7] << 24);
  }
  ASSERT_LT(at + 8, bytes.size());
  const std::uint8_t* data = bytes.data() + at + 8;
  const std::int64_t samples = static_cast<std::int64_t>(bytes.size() - at - 8) / 4;
  EXPECT_EQ(samples, 3 * 48000);
  const auto s16 = [&](std::int64_t i, int ch) {
    const std::uint8_t* p = data + i * 4 + ch * 2;
    return static_cast<float>(static_cast<std::int16_t>(p[0] | p[1] << 8)) / 32768.0f;
  };
  for (std::int64_t i = 0; i < samples; i += 997) {
    ASSERT_EQ(postline::media::ffmpeg::rampSampleIndex(s16(i, 0), s16(i, 1)), i);
  }
  EXPECT_EQ(postline::media::ffmpeg::rampSampleIndex(s16(70000, 0), -1.0f), 70000 - 65536);  // mono wraps
}
