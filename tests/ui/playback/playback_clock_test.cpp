#include "ui/playback/playback_clock.h"

#include <gtest/gtest.h>

#include "core/time/convert.h"

namespace postline::ui::playback {
namespace {

TEST(PlaybackClock, FrameDueIsTheFloorOfTheSamplePosition) {
  const time::FrameRate fps24;
  EXPECT_EQ(frameAtSample(0, fps24), 0);
  EXPECT_EQ(frameAtSample(1999, fps24), 0);
  EXPECT_EQ(frameAtSample(2000, fps24), 1);
  EXPECT_EQ(frameAtSample(96000, fps24), 48);
  EXPECT_EQ(frameAtSample(-1, fps24), -1);
  const auto ntsc = time::FrameRate::make(time::Rational::make(30000, 1001).value()).value();
  EXPECT_EQ(frameAtSample(1601, ntsc), 0);  // frame 1 starts at 1601.6
  EXPECT_EQ(frameAtSample(1602, ntsc), 1);
}

TEST(PlaybackClock, FirstSampleOfAFrameMapsBackToIt) {
  for (const time::FrameRate& rate : time::standardFrameRates()) {
    for (std::int64_t f = -50; f < 5000; f += 7) {
      const std::int64_t s = sampleOfFrame(f, rate);
      EXPECT_EQ(frameAtSample(s, rate), f) << rate.toString() << " frame " << f;
      EXPECT_EQ(frameAtSample(s - 1, rate), f - 1) << rate.toString() << " frame " << f;
      const auto rounded = time::framesToSamples(time::FramePos{f}, rate);
      ASSERT_TRUE(rounded.ok());
      EXPECT_LE(std::abs(rounded.value().value - s), 1);
    }
  }
}

TEST(PlaybackClock, PlayRangeUsesMarksOnlyWhenAsked) {
  EXPECT_EQ(playRange(100, 10, 20, false).first, 0);
  EXPECT_EQ(playRange(100, 10, 20, false).last, 99);
  EXPECT_EQ(playRange(100, 10, 20, true).first, 10);
  EXPECT_EQ(playRange(100, 10, 20, true).last, 20);
  EXPECT_EQ(playRange(100, std::nullopt, 20, true).first, 0);
  EXPECT_EQ(playRange(100, 30, std::nullopt, true).last, 99);
  EXPECT_EQ(playRange(0, std::nullopt, std::nullopt, false).last, 0);
  EXPECT_EQ(playRange(100, 120, std::nullopt, true).last, 120);
}

}  // namespace
}  // namespace postline::ui::playback
