#include <gtest/gtest.h>

#include <random>

#include "core/time/timecode.h"

using namespace postline::time;
using postline::base::ErrorCode;

namespace {
const FrameRate kNtsc = FrameRate::parse("29.97").value();
const FrameRate kNtsc60 = FrameRate::parse("59.94").value();
}  // namespace

TEST(Timecode, NonDrop) {
  EXPECT_EQ(formatTimecode(FramePos{0}, FrameRate()), "00:00:00:00");
  EXPECT_EQ(formatTimecode(FramePos{24 * 3600 + 23}, FrameRate()), "01:00:00:23");
  EXPECT_EQ(formatTimecode(FramePos{-25}, FrameRate::parse("25").value()), "-00:00:01:00");
  // 23.976 counts 24 frames per timecode second.
  EXPECT_EQ(formatTimecode(FramePos{24}, FrameRate::parse("23.976").value()), "00:00:01:00");
  EXPECT_EQ(formatTimecode(FramePos{1800}, kNtsc, false), "00:01:00:00");
}

TEST(Timecode, DropFrameSkipsLabelsButNotFrames) {
  EXPECT_EQ(formatTimecode(FramePos{1799}, kNtsc), "00:00:59;29");
  EXPECT_EQ(formatTimecode(FramePos{1800}, kNtsc), "00:01:00;02");
  EXPECT_EQ(formatTimecode(FramePos{17982}, kNtsc), "00:10:00;00");  // tenth minute keeps 00
  EXPECT_EQ(formatTimecode(FramePos{107892}, kNtsc), "01:00:00;00");  // one hour of 29.97 wall clock
  EXPECT_EQ(formatTimecode(FramePos{3600}, kNtsc60), "00:01:00;04");
  EXPECT_EQ(formatTimecode(FramePos{215784}, kNtsc60), "01:00:00;00");
}

TEST(Timecode, ParsesBack) {
  EXPECT_EQ(parseTimecode("01:00:00:00", FrameRate())->value, 86400);
  EXPECT_EQ(parseTimecode("00:01:00;02", kNtsc)->value, 1800);
  EXPECT_EQ(parseTimecode("00:10:00;00", kNtsc)->value, 17982);
  EXPECT_EQ(parseTimecode("-00:00:01:00", FrameRate())->value, -24);
}

TEST(Timecode, RejectsNonsense) {
  EXPECT_EQ(parseTimecode("12:xx:00:00", FrameRate()).error().code, ErrorCode::Parse);
  EXPECT_EQ(parseTimecode("00:00:00:24", FrameRate()).error().code, ErrorCode::OutOfRange);
  EXPECT_EQ(parseTimecode("00:61:00:00", FrameRate()).error().code, ErrorCode::OutOfRange);
  EXPECT_EQ(parseTimecode("00:01:00;00", kNtsc).error().code, ErrorCode::OutOfRange);  // a dropped label
  EXPECT_FALSE(parseTimecode("00:00:01;00", FrameRate()).ok());                         // no drop-frame at 24
  EXPECT_FALSE(parseTimecode("", FrameRate()).ok());
  auto r = parseTimecode("banana", FrameRate());
  EXPECT_NE(r.error().message.find("banana"), std::string::npos);
}

TEST(Timecode, RoundTripsOverEveryRateUpTo24Hours) {
  std::mt19937_64 rng(99);
  for (const FrameRate& rate : standardFrameRates()) {
    const std::int64_t day = roundNearest(static_cast<Int128>(86400) * rate.fps().num(), rate.fps().den()).value();
    std::uniform_int_distribution<std::int64_t> any(0, day);
    for (int i = 0; i < 20000; ++i) {
      const FramePos f{i < 4000 ? i : any(rng)};
      for (bool drop : {false, true}) {
        const std::string text = formatTimecode(f, rate, drop);
        auto back = parseTimecode(text, rate);
        ASSERT_TRUE(back.ok()) << text << ": " << back.error().message;
        ASSERT_EQ(back->value, f.value) << text << " @ " << rate.toString();
      }
    }
  }
}

TEST(Timecode, DropFrameLabelsAreConsecutiveAndComplete) {
  // Every frame of an hour at 29.97 gets a distinct, increasing, valid label.
  std::string prev;
  for (std::int64_t f = 0; f < 107892; ++f) {
    const std::string tc = formatTimecode(FramePos{f}, kNtsc);
    ASSERT_LT(prev, tc);
    prev = tc;
  }
}
