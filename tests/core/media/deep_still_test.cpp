// 16-bit stills keep their precision: a 16-bit PNG decodes to 16-bit RGBA with every sample
// exact, and an 8-bit PNG still decodes to 8-bit RGBA.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/ffmpeg/media_writer.h"
#include "tests/core/media/media_fixtures.h"

namespace postline::media {
namespace {

TEST(DeepStill, SixteenBitPngDecodesExactlyAsSixteenBitRgba) {
  const int w = 7;
  const int h = 3;
  std::vector<std::uint16_t> rgba(static_cast<std::size_t>(w) * h * 4);
  for (std::size_t i = 0; i < rgba.size(); ++i) rgba[i] = static_cast<std::uint16_t>((i * 2654435761u) & 0xFFFF);
  const auto path = fixtures::dir() / "deep_still_16.png";
  ASSERT_TRUE(ffmpeg::writePng16(path, w, h, rgba).ok());
  auto dec = ffmpeg::openVideoDecoder(path);
  ASSERT_TRUE(dec.ok()) << dec.error().message;
  auto frame = dec.value()->frame(0);
  ASSERT_TRUE(frame.ok()) << frame.error().message;
  const VideoFrame& f = *frame.value();
  ASSERT_EQ(f.format, FrameFormat::Rgba);
  ASSERT_EQ(f.bitDepth, 16);
  ASSERT_EQ(f.planes[0].width, w);
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint16_t*>(f.planes[0].data.data() + static_cast<std::size_t>(y) * f.planes[0].stride);
    for (int i = 0; i < w * 4; ++i) EXPECT_EQ(row[i], rgba[static_cast<std::size_t>(y) * w * 4 + i]) << "row " << y << " sample " << i;
  }
}

TEST(DeepStill, EightBitPngStaysEightBit) {
  const std::vector<std::uint8_t> rgba = {10, 20, 30, 255, 200, 100, 50, 128};
  const auto path = fixtures::dir() / "still_8.png";
  ASSERT_TRUE(ffmpeg::writePng(path, 2, 1, rgba).ok());
  auto dec = ffmpeg::openVideoDecoder(path);
  ASSERT_TRUE(dec.ok()) << dec.error().message;
  auto frame = dec.value()->frame(0);
  ASSERT_TRUE(frame.ok());
  EXPECT_EQ(frame.value()->bitDepth, 8);
  EXPECT_EQ(frame.value()->planes[0].data[4], 200);
  EXPECT_EQ(frame.value()->planes[0].data[7], 128);
}

}  // namespace
}  // namespace postline::media
