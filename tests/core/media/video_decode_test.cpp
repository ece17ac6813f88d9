// Frame accuracy of the video decoder on every generated fixture kind, the frame index, the
// plane rotation, the time rule for variable frame rate, and errors on bad files.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/ffmpeg/video_convert.h"
#include "core/media/ffmpeg/video_index.h"
#include "core/media/frame_number.h"
#include "tests/core/media/media_fixtures.h"

namespace {

using namespace postline;
using namespace postline::media;
namespace fx = postline::media::fixtures;

std::unique_ptr<VideoDecoder> openOrFail(const std::filesystem::path& p) {
  auto r = ffmpeg::openVideoDecoder(p);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r).value() : nullptr;
}

// One fixture kind: its file, frame count, how many random seeks to check, the expected picture.
struct Kind {
  std::string name;
  std::function<std::filesystem::path()> file;
  std::int64_t frames;
  int randomSeeks;
  FrameFormat format;
  int bitDepth;
  int width;
  int height;
};

std::string kindName(const testing::TestParamInfo<Kind>& info) { return info.param.name; }

// Extra kinds built here: 180 degrees, and 270 degrees on 4:2:2 (which widens to 4:4:4).
std::filesystem::path rotated180() {
  fx::VideoSpec s;
  s.rotation = 180;
  return fx::video("h264_rot180_320x180_24.mp4", s);
}
std::filesystem::path proresRotated270() {
  fx::VideoSpec s;
  s.codec = "prores_ks";
  s.frames = 24;
  s.rotation = 270;
  return fx::video("prores_rot270_320x180_24.mov", s);
}

// gtest prints a kind by its name.
void PrintTo(const Kind& k, std::ostream* os) { *os << k.name; }

// The VFR mp4 gives its last frame no duration, so the container's edit list ends at that
// frame's start and FFmpeg marks its packet as discarded: it is not part of the clip.
void expectFrameCount(const VideoDecoder& dec, const Kind& k) {
  if (k.name == "Vfr") {
    EXPECT_TRUE(dec.frameCount() == k.frames || dec.frameCount() == k.frames - 1) << dec.frameCount();
  } else {
    EXPECT_EQ(dec.frameCount(), k.frames);
  }
}

class FrameAccuracy : public testing::TestWithParam<Kind> {
 protected:
  std::unique_ptr<VideoDecoder> open() {
    const std::filesystem::path p = GetParam().file();
    if (p.empty()) return nullptr;
    return openOrFail(p);
  }
};

TEST_P(FrameAccuracy, RandomFramesInRandomOrderAreExact) {
  auto dec = open();
  if (!dec) GTEST_SKIP() << "encoder missing";
  const Kind& k = GetParam();
  expectFrameCount(*dec, k);
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<std::int64_t> pick(0, dec->frameCount() - 1);
  for (int i = 0; i < k.randomSeeks; ++i) {
    const std::int64_t n = pick(rng);
    auto f = dec->frame(n);
    ASSERT_TRUE(f.ok()) << "frame " << n << ": " << f.error().message;
    ASSERT_EQ(readFrameNumber(**f), n) << "asked for frame " << n << " (seek " << i << ")";
    ASSERT_EQ((*f)->index, n);
  }
}

TEST_P(FrameAccuracy, SequentialFramesAreExactAndWellFormed) {
  auto dec = open();
  if (!dec) GTEST_SKIP() << "encoder missing";
  const Kind& k = GetParam();
  for (std::int64_t n = 0; n < dec->frameCount(); ++n) {
    auto f = dec->frame(n);
    ASSERT_TRUE(f.ok()) << "frame " << n << ": " << f.error().message;
    ASSERT_EQ(readFrameNumber(**f), n);
    const VideoFrame& v = **f;
    ASSERT_EQ(v.format, k.format);
    ASSERT_EQ(v.bitDepth, k.bitDepth);
    ASSERT_EQ(v.width, k.width);
    ASSERT_EQ(v.height, k.height);
    const int bps = v.bitDepth > 8 ? 2 : 1;
    ASSERT_EQ(v.planes[0].stride, v.width * bps);
    ASSERT_EQ(v.planes[0].data.size(), static_cast<std::size_t>(v.planes[0].stride * v.height));
    if (v.format == FrameFormat::Yuv420) {
      EXPECT_EQ(v.planes[1].width, (v.width + 1) / 2);
      EXPECT_EQ(v.planes[2].height, (v.height + 1) / 2);
    }
  }
}

TEST_P(FrameAccuracy, FramePastTheEndIsOutOfRangeNamingFileAndCount) {
  auto dec = open();
  if (!dec) GTEST_SKIP() << "encoder missing";
  auto f = dec->frame(dec->frameCount());
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, base::ErrorCode::OutOfRange);
  EXPECT_NE(f.error().message.find(dec->path().filename().string()), std::string::npos) << f.error().message;
  EXPECT_NE(f.error().message.find(std::to_string(dec->frameCount()) + " frames"), std::string::npos);
  EXPECT_EQ(dec->frame(-1).error().code, base::ErrorCode::OutOfRange);
  // The decoder still works after an error.
  auto again = dec->frame(dec->frameCount() - 1);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(readFrameNumber(**again), dec->frameCount() - 1);
}

// 200 random seeks per kind, 100 on the 250-frame-GOP file (each seek there decodes ~125 frames
// on average; 200 took 7.5 s in Debug on 2 cores) and 50 on the two extra rotation kinds
// (their path differs from Rotated90 only in the plane rotation). ProRes (24 intra frames) repeats frames,
// which exercises the "same frame again" path.
INSTANTIATE_TEST_SUITE_P(
    Fixtures, FrameAccuracy,
    testing::Values(Kind{"H264LongGop250", fx::h264LongGop, 300, 200, FrameFormat::Yuv420, 8, 320, 180},
                    Kind{"H264BFrames", fx::h264BFrames, 96, 200, FrameFormat::Yuv420, 8, 320, 180},
                    Kind{"Hevc", fx::hevc, 48, 200, FrameFormat::Yuv420, 8, 320, 180},
                    Kind{"ProRes422Hq10", fx::prores, 24, 200, FrameFormat::Yuv422, 10, 320, 180},
                    Kind{"Vp9", fx::vp9, 48, 200, FrameFormat::Yuv420, 8, 320, 180},
                    Kind{"H264TenBit", fx::h264TenBit, 48, 200, FrameFormat::Yuv420, 10, 320, 180},
                    Kind{"Rotated90", fx::rotated90, 48, 200, FrameFormat::Yuv420, 8, 180, 320},
                    Kind{"Rotated180", rotated180, 48, 200, FrameFormat::Yuv420, 8, 320, 180},
                    Kind{"ProResRotated270", proresRotated270, 24, 200, FrameFormat::Yuv444, 10, 180, 320},
                    Kind{"OddSize", fx::oddSize, 48, 200, FrameFormat::Yuv420, 8, 322, 182},
                    Kind{"Vfr", fx::vfr, 60, 200, FrameFormat::Yuv420, 8, 320, 180},
                    Kind{"H264At23976", fx::h264At23976, 48, 200, FrameFormat::Yuv420, 8, 320, 180}),
    kindName);

TEST(VideoDecoder, StreamInfoAndColourTags) {
  auto dec = openOrFail(fx::h264BFrames());
  ASSERT_TRUE(dec);
  EXPECT_EQ(dec->info().codec, "h264");
  EXPECT_EQ(dec->frameRate(), time::Rational(24));
  EXPECT_FALSE(dec->info().variableFrameRate);
  EXPECT_EQ(dec->info().frames, 96);
  auto f = dec->frame(5);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)->color.matrix, "bt709");
  EXPECT_EQ((*f)->timeBase, dec->info().timeBase);
  EXPECT_EQ(dec->timeOfFrame(48).value(), time::Rational(2));

  auto rotated = openOrFail(fx::rotated90());
  ASSERT_TRUE(rotated);
  EXPECT_EQ(rotated->info().rotation, 90);
  EXPECT_EQ(rotated->info().displayWidth, 180);
  EXPECT_EQ(rotated->info().displayHeight, 320);
}

TEST(VideoDecoder, VariableFrameRateFollowsTheLastFrameAtOrBeforeRule) {
  auto dec = openOrFail(fx::vfr());
  ASSERT_TRUE(dec);
  EXPECT_TRUE(dec->info().variableFrameRate);
  const std::vector<std::int64_t> ms = fx::vfrPtsMillis();
  const auto count = static_cast<std::int64_t>(ms.size());
  ASSERT_TRUE(dec->frameCount() == count || dec->frameCount() == count - 1);  // see expectFrameCount
  const auto at = [](std::int64_t millis) { return time::Rational::make(millis, 1000).value(); };
  for (std::size_t i = 0; i < static_cast<std::size_t>(dec->frameCount()); ++i) {
    const auto n = static_cast<std::int64_t>(i);
    EXPECT_EQ(dec->indexAtTime(at(ms[i])).value(), n) << "at the frame's own time";
    if (i + 1 < ms.size()) {
      EXPECT_EQ(dec->indexAtTime(at(ms[i + 1] - 1)).value(), n) << "just before the next frame";
    }
  }
  // Decoded pictures follow the rule too, in a shuffled order.
  std::vector<std::int64_t> times;
  for (std::int64_t t = 0; t < ms.back(); t += 23) times.push_back(t);  // ~120 times, between and on frames
  std::shuffle(times.begin(), times.end(), std::mt19937(7));
  for (std::int64_t t : times) {
    const auto expected = std::upper_bound(ms.begin(), ms.end(), t) - ms.begin() - 1;
    auto f = dec->frameAtTime(at(t));
    ASSERT_TRUE(f.ok()) << f.error().message;
    EXPECT_EQ(readFrameNumber(**f), expected) << "t = " << t << " ms";
  }
  EXPECT_EQ(dec->indexAtTime(at(-1)).error().code, base::ErrorCode::OutOfRange);
  EXPECT_EQ(dec->indexAtTime(at(ms.back() + 10000)).error().code, base::ErrorCode::OutOfRange);
}

TEST(VideoDecoder, StillPngIsRgbaWithAlpha) {
  auto dec = openOrFail(fx::pngAlpha());
  ASSERT_TRUE(dec);
  ASSERT_EQ(dec->frameCount(), 1);
  auto f = dec->frame(0);
  ASSERT_TRUE(f.ok()) << f.error().message;
  const VideoFrame& v = **f;
  EXPECT_EQ(v.format, FrameFormat::Rgba);
  EXPECT_EQ(v.planeCount, 1);
  EXPECT_EQ(v.width, 64);
  EXPECT_EQ(v.height, 48);
  EXPECT_EQ(v.planes[0].data[3], 255);                                    // top-left alpha
  EXPECT_EQ(v.planes[0].data[static_cast<std::size_t>(47 * 64 * 4 + 3)], 0);  // bottom-left alpha
  EXPECT_EQ(v.planes[0].data[0], 255);                                    // red at the left
}

TEST(VideoDecoder, BadFilesGiveErrorsNotCrashes) {
  const auto missing = ffmpeg::openVideoDecoder(fx::missingPath());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(missing.error().message.find("does_not_exist.mp4"), std::string::npos);
  for (const auto& p : {fx::zeroBytes(), fx::textAsMp4(), fx::unsupportedCodec(), fx::wavStereo()}) {
    const auto r = ffmpeg::openVideoDecoder(p);
    ASSERT_FALSE(r.ok()) << p;
    EXPECT_NE(r.error().message.find(p.filename().string()), std::string::npos) << r.error().message;
  }
}

TEST(VideoDecoder, TruncatedFileDecodesWhatIsThereAndErrorsOnTheRest) {
  auto r = ffmpeg::openVideoDecoder(fx::truncatedMp4());
  if (!r.ok()) {
    EXPECT_NE(r.error().message.find("bad_truncated.mp4"), std::string::npos);
    return;
  }
  auto& dec = *r;
  int good = 0;
  for (std::int64_t n : {0, 47, 1, 30, 2, 46, 3}) {
    auto f = dec->frame(n);
    if (f.ok()) {
      EXPECT_EQ(readFrameNumber(**f), n);
      ++good;
    } else {
      EXPECT_NE(f.error().message.find("bad_truncated.mp4"), std::string::npos);
    }
  }
  EXPECT_GT(good, 0);
}

TEST(VideoDecoder, GarbageInTheMiddleGivesErrorsOrPicturesNeverACrash) {
  const auto whole = fx::h264BFrames();
  const auto p = fx::make("bad_garbage_middle.mp4", [whole](const std::filesystem::path& out) {
    std::vector<std::uint8_t> bytes = fx::readBytes(whole);
    std::mt19937 rng(99);
    for (std::size_t i = bytes.size() * 4 / 10; i < bytes.size() * 6 / 10; ++i) bytes[i] = static_cast<std::uint8_t>(rng());
    return fx::writeBytes(out, bytes);
  });
  auto r = ffmpeg::openVideoDecoder(p);
  if (!r.ok()) return;  // refusing the file is fine too
  auto& dec = *r;
  for (std::int64_t n : {0, 95, 50, 10, 60, 40, 1, 94}) {
    auto f = dec->frame(n);
    if (!f.ok()) {
      EXPECT_NE(f.error().message.find("bad_garbage_middle.mp4"), std::string::npos);
    }
  }
  auto first = dec->frame(0);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(readFrameNumber(**first), 0);
}

TEST(FrameIndex, MapsFrameNumbersToPtsAndKeyframes) {
  // Decode order I0 P3 B1 B2 I4 P6 B5 (pts in ticks of 10).
  std::vector<ffmpeg::PacketEntry> packets = {{0, -10, 10, true},  {30, 0, 10, false},  {10, 10, 10, false},
                                              {20, 20, 10, false}, {40, 30, 10, true},  {60, 40, 10, false},
                                              {50, 50, 10, false}};
  const auto idx = ffmpeg::FrameIndex::build(packets, 10);
  ASSERT_EQ(idx.size(), 7);
  for (std::int64_t n = 0; n < 7; ++n) EXPECT_EQ(idx.pts(n), n * 10);
  EXPECT_EQ(idx.indexOfPts(30), 3);
  EXPECT_EQ(idx.indexOfPts(35), -1);
  EXPECT_EQ(idx.lastIndexAtOrBefore(35), 3);
  EXPECT_EQ(idx.lastIndexAtOrBefore(-1), -1);
  EXPECT_EQ(idx.keyAtOrBefore(3), 0);
  EXPECT_EQ(idx.keyAtOrBefore(4), 4);
  EXPECT_EQ(idx.keyAtOrBefore(6), 4);
  EXPECT_EQ(idx.seekTimestamp(0), -10);
  EXPECT_EQ(idx.endPts(), 70);
  EXPECT_FALSE(idx.variableRate());
}

TEST(RotatePlane, TurnsClockwise) {
  Plane p;  // 3 x 2:  a b c / d e f
  p.width = 3;
  p.height = 2;
  p.stride = 3;
  p.data = {'a', 'b', 'c', 'd', 'e', 'f'};
  const Plane r90 = ffmpeg::rotatePlane(p, 90, 1);
  EXPECT_EQ(r90.width, 2);
  EXPECT_EQ(r90.height, 3);
  EXPECT_EQ(std::string(r90.data.begin(), r90.data.end()), "daebfc");
  const Plane r180 = ffmpeg::rotatePlane(p, 180, 1);
  EXPECT_EQ(std::string(r180.data.begin(), r180.data.end()), "fedcba");
  const Plane r270 = ffmpeg::rotatePlane(p, 270, 1);
  EXPECT_EQ(std::string(r270.data.begin(), r270.data.end()), "cfbead");
}

}  // namespace
