// thumbnailStrip: JPEGs of the requested size, spread over the whole file (checked by decoding
// them back: the first half of the test file is dark, the second half bright).
#include <gtest/gtest.h>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "tests/core/export_verify/verify_test_util.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::verifytest;

// Width and height from a JPEG's baseline SOF0 marker; {0, 0} when the bytes are not a JPEG.
std::pair<int, int> jpegSize(const std::vector<std::uint8_t>& j) {
  if (j.size() < 4 || j[0] != 0xFF || j[1] != 0xD8 || j[j.size() - 2] != 0xFF || j[j.size() - 1] != 0xD9) return {0, 0};
  for (std::size_t i = 2; i + 9 < j.size();) {
    if (j[i] != 0xFF) return {0, 0};
    const int marker = j[i + 1];
    const std::size_t length = (static_cast<std::size_t>(j[i + 2]) << 8) | j[i + 3];
    if (marker == 0xC0) return {(j[i + 7] << 8) | j[i + 8], (j[i + 5] << 8) | j[i + 6]};
    i += 2 + length;
  }
  return {0, 0};
}

// Mean luma (8-bit) of a JPEG decoded with the media layer.
double meanLuma(const fs::path& dir, const std::vector<std::uint8_t>& jpeg, int index) {
  const fs::path file = dir / ("thumb" + std::to_string(index) + ".jpg");
  writeBytes(file, jpeg);
  auto dec = media::ffmpeg::openVideoDecoder(file);
  EXPECT_TRUE(dec.ok()) << (dec.ok() ? "" : dec.error().message);
  if (!dec.ok()) return -1.0;
  auto frame = dec.value()->frame(0);
  EXPECT_TRUE(frame.ok()) << (frame.ok() ? "" : frame.error().message);
  if (!frame.ok()) return -1.0;
  // Stills decode to RGBA (grey: R = G = B, the JPEG's full-range luma) or to a luma plane.
  const media::VideoFrame& f = *frame.value();
  EXPECT_EQ(f.bitDepth, 8);
  const media::Plane& y = f.planes[0];
  const std::size_t step = f.format == media::FrameFormat::Rgba ? 4 : 1;
  double sum = 0.0;
  for (int r = 0; r < f.height; ++r) {
    for (int c = 0; c < f.width; ++c) sum += y.data[static_cast<std::size_t>(r) * static_cast<std::size_t>(y.stride) + step * static_cast<std::size_t>(c)];
  }
  return sum / (static_cast<double>(f.width) * f.height);
}

TEST(ThumbnailStrip, SixJpegsSpreadOverTheFile) {
  const fs::path dir = freshDir();
  const Delivery d;  // 48 frames, 320x180
  writeDelivery(dir / "halves.mp4", d, d.settings(), [](int f) { return f < 24 ? 40 : 200; });
  auto strip = thumbnailStrip(dir / "halves.mp4", 6, 90);
  ASSERT_TRUE(strip.ok()) << strip.error().message;
  ASSERT_EQ(strip.value().size(), 6u);
  for (int i = 0; i < 6; ++i) {
    const auto& jpeg = strip.value()[static_cast<std::size_t>(i)];
    EXPECT_EQ(jpegSize(jpeg), (std::pair<int, int>{160, 90})) << "thumbnail " << i;
    // Frames 4, 12, 20 are dark (luma 40), 28, 36, 44 bright (200); JPEG is full range.
    const double luma = meanLuma(dir, jpeg, i);
    // Limited-range 40 and 200 are full-range 28 and 214.
    EXPECT_NEAR(luma, i < 3 ? 28.0 : 214.0, 6.0) << "thumbnail " << i;
  }
}

TEST(ThumbnailStrip, KeepsTheAspectAtAnyHeight) {
  const fs::path file = freshDir() / "ramp.mp4";
  writeDelivery(file, Delivery{});
  auto strip = thumbnailStrip(file, 3, 45);  // odd heights round down to even 4:2:0 JPEGs
  ASSERT_TRUE(strip.ok()) << strip.error().message;
  ASSERT_EQ(strip.value().size(), 3u);
  for (const auto& jpeg : strip.value()) EXPECT_EQ(jpegSize(jpeg), (std::pair<int, int>{78, 44}));
  EXPECT_NE(strip.value()[0], strip.value()[2]);  // different frames of the moving ramp
}

TEST(ThumbnailStrip, ErrorsNameTheFile) {
  const fs::path dir = freshDir();
  auto missing = thumbnailStrip(dir / "gone.mp4");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(missing.error().message.find("gone.mp4"), std::string::npos);
  writeBytes(dir / "junk.mp4", std::vector<std::uint8_t>(4096, 0x5A));
  auto junk = thumbnailStrip(dir / "junk.mp4");
  ASSERT_FALSE(junk.ok());
  EXPECT_NE(junk.error().message.find("junk.mp4"), std::string::npos);
  auto bad = thumbnailStrip(dir / "gone.mp4", 0);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, base::ErrorCode::InvalidArgument);
}

}  // namespace
