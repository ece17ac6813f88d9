#include <gtest/gtest.h>

#include "core/media/frame_number.h"
#include "core/media/thumbnails.h"
#include "tests/core/media/media_fixtures.h"

using namespace postline;
using namespace postline::media;
namespace fx = postline::media::fixtures;

namespace {

// The frame number burned into a thumbnail taken at the picture's native size.
std::int64_t numberIn(const Image& img) {
  VideoFrame f;
  f.format = FrameFormat::Rgba;
  f.planeCount = 1;
  f.width = img.width;
  f.height = img.height;
  f.planes[0] = Plane{img.rgba, img.width, img.height, img.width * 4};
  return readFrameNumber(f);
}

time::Rational secs(std::int64_t n, std::int64_t d = 1) { return time::Rational::make(n, d).value(); }

}  // namespace

TEST(Thumbnails, PosterIsTheMiddleFrameScaledToTheHeight) {
  auto small = posterFrame(fx::h264LongGop(), 90);
  ASSERT_TRUE(small.ok()) << small.error().message;
  EXPECT_EQ(small->width, 160);
  EXPECT_EQ(small->height, 90);
  ASSERT_EQ(small->rgba.size(), 160u * 90u * 4u);
  for (std::size_t i = 3; i < small->rgba.size(); i += 4) ASSERT_EQ(small->rgba[i], 255);
  auto native = posterFrame(fx::h264LongGop(), 180);
  ASSERT_TRUE(native.ok()) << native.error().message;
  EXPECT_EQ(numberIn(*native), 150);  // 300 frames: the middle is frame 150
}

TEST(Thumbnails, PosterAtARequestedTime) {
  auto img = posterFrame(fx::h264LongGop(), 180, secs(2));
  ASSERT_TRUE(img.ok()) << img.error().message;
  EXPECT_EQ(numberIn(*img), 48);  // 24 fps
}

TEST(Thumbnails, FilmstripFollowsTheTimesAndClampsToTheClip) {
  auto strip = filmstrip(fx::h264BFrames(), {secs(0), secs(1), secs(25, 24), secs(100), secs(-1)}, 180);
  ASSERT_TRUE(strip.ok()) << strip.error().message;
  ASSERT_EQ(strip->size(), 5u);
  EXPECT_EQ(numberIn((*strip)[0]), 0);
  EXPECT_EQ(numberIn((*strip)[1]), 24);
  EXPECT_EQ(numberIn((*strip)[2]), 25);
  EXPECT_EQ(numberIn((*strip)[3]), 95);  // past the end: the last of 96 frames
  EXPECT_EQ(numberIn((*strip)[4]), 0);
}

TEST(Thumbnails, RotatedClipsKeepTheirDisplayAspect) {
  auto small = posterFrame(fx::rotated90(), 90);
  ASSERT_TRUE(small.ok()) << small.error().message;
  EXPECT_EQ(small->width, 51);  // 90 * 180 / 320, rounded
  auto native = posterFrame(fx::rotated90(), 320, secs(0));
  ASSERT_TRUE(native.ok()) << native.error().message;
  EXPECT_EQ(native->width, 180);
  EXPECT_EQ(numberIn(*native), 0);
}

TEST(Thumbnails, TenBitAndProResDecode) {
  for (const auto& p : {fx::h264TenBit(), fx::prores()}) {
    auto img = posterFrame(p, 180, secs(0));
    ASSERT_TRUE(img.ok()) << img.error().message;
    EXPECT_EQ(numberIn(*img), 0) << p;
  }
}

TEST(Thumbnails, BadInputIsAnError) {
  EXPECT_EQ(posterFrame(fx::h264LongGop(), 0).error().code, base::ErrorCode::InvalidArgument);
  for (const auto& p : {fx::missingPath(), fx::zeroBytes(), fx::textAsMp4(), fx::wavStereo()}) {
    EXPECT_FALSE(posterFrame(p, 90).ok()) << p;
  }
}

TEST(Thumbnails, FilmstripTimesAreMiddlesOfEqualParts) {
  const auto t = filmstripTimes(secs(10), 4);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], secs(5, 4));
  EXPECT_EQ(t[3], secs(35, 4));
  EXPECT_EQ(thumbnailWidth(1920, 1080, 90), 160);
  EXPECT_EQ(thumbnailWidth(0, 0, 90), 90);
}
