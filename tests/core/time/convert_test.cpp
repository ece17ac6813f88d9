// Property tests: round trips over every standard rate for positions up to 24 h, no drift.
#include <gtest/gtest.h>

#include <random>

#include "core/time/convert.h"
#include "core/time/time_range.h"

using namespace postline::time;

namespace {

// Frame positions to test at `rate`: the first 2000 frames, 3000 random ones, and the 24 h edge.
std::vector<std::int64_t> positions(const FrameRate& rate) {
  const std::int64_t day = roundNearest(static_cast<Int128>(86400) * rate.fps().num(), rate.fps().den()).value();
  std::vector<std::int64_t> out;
  for (std::int64_t f = 0; f < 2000; ++f) out.push_back(f);
  std::mt19937_64 rng(1234);
  std::uniform_int_distribution<std::int64_t> any(0, day);
  for (int i = 0; i < 3000; ++i) out.push_back(any(rng));
  for (std::int64_t f = day - 5; f <= day; ++f) out.push_back(f);
  return out;
}

// The reference: nearest sample to f * 48000 / fps, computed independently in 128 bits.
std::int64_t expectedSamples(std::int64_t f, const FrameRate& rate) {
  const Int128 num = static_cast<Int128>(f) * 48000 * rate.fps().den();
  const Int128 den = rate.fps().num();
  Int128 q = num / den;
  if (2 * (num - q * den) >= den) ++q;
  return static_cast<std::int64_t>(q);
}

}  // namespace

class EveryRate : public ::testing::TestWithParam<int> {
 protected:
  const FrameRate& rate() const { return standardFrameRates()[static_cast<std::size_t>(GetParam())]; }
};

TEST_P(EveryRate, FramesToSamplesMatchesTheExactValue) {
  for (std::int64_t f : positions(rate())) {
    ASSERT_EQ(framesToSamples(FramePos{f}, rate())->value, expectedSamples(f, rate())) << f << " @ " << rate().toString();
  }
}

TEST_P(EveryRate, FramesSamplesFramesRoundTrips) {
  for (std::int64_t f : positions(rate())) {
    auto s = framesToSamples(FramePos{f}, rate());
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(samplesToFrames(s.value(), rate())->value, f) << "frame " << f << " @ " << rate().toString();
  }
}

TEST_P(EveryRate, FramesTicksFramesRoundTripsInCommonTimeBases) {
  for (const Rational tb : {Rational::make(1, 90000).value(), Rational::make(1, 12800).value(),
                            Rational::make(1, 1000).value(), rate().frameDuration()}) {
    for (std::int64_t f : positions(rate())) {
      auto ticks = framesToTicks(FramePos{f}, rate(), tb);
      ASSERT_TRUE(ticks.ok());
      ASSERT_EQ(ticksToFrames(ticks.value(), tb, rate())->value, f) << f << " via " << tb.toString();
    }
  }
}

TEST_P(EveryRate, SecondsAreExactAndRoundTrip) {
  for (std::int64_t f : positions(rate())) {
    auto s = framesToSeconds(FramePos{f}, rate());
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(secondsToFrames(s.value(), rate())->value, f);
  }
}

TEST_P(EveryRate, NoDriftWhenStepping) {
  // Summing per-frame sample lengths lands exactly where the direct conversion does: no error accumulates.
  std::int64_t total = 0;
  const std::int64_t frames = 24 * 3600 * 2;  // two hours frame by frame
  for (std::int64_t f = 0; f < frames; ++f) {
    total += framesToSamples(FramePos{f + 1}, rate())->value - framesToSamples(FramePos{f}, rate())->value;
  }
  EXPECT_EQ(total, expectedSamples(frames, rate()));
  // And a length converted as a whole equals the difference of its ends.
  EXPECT_EQ(framesToSamples(FrameCount{frames}, rate())->value, expectedSamples(frames, rate()));
}

INSTANTIATE_TEST_SUITE_P(StandardRates, EveryRate, ::testing::Range(0, 8));

TEST(Convert, KnownValues) {
  const FrameRate ntsc = FrameRate::parse("29.97").value();
  EXPECT_EQ(framesToSamples(FramePos{1}, ntsc)->value, 1602);  // 1601.6 rounds up
  EXPECT_EQ(framesToSamples(FramePos{5}, ntsc)->value, 8008);  // exact
  EXPECT_EQ(framesToSamples(FramePos{1}, FrameRate::parse("23.976").value())->value, 2002);
  EXPECT_EQ(framesToSamples(FramePos{-24}, FrameRate())->value, -48000);
  EXPECT_EQ(samplesToFrames(SamplePos{1000}, FrameRate())->value, 1);   // exactly half a frame rounds up
  EXPECT_EQ(samplesToFrames(SamplePos{999}, FrameRate())->value, 0);
  EXPECT_EQ(ticksToFrames(12800, Rational::make(1, 12800).value(), FrameRate())->value, 24);
}

TEST(Convert, OverflowIsReported) {
  auto r = framesToSamples(FramePos{std::numeric_limits<std::int64_t>::max() / 2}, FrameRate());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, postline::base::ErrorCode::Overflow);
}

TEST(TimeRange, HalfOpenPredicates) {
  const FrameRange a{FramePos{0}, FramePos{10}};
  const FrameRange b{FramePos{10}, FramePos{20}};
  const FrameRange c{FramePos{5}, FramePos{15}};
  EXPECT_TRUE(a.contains(FramePos{0}));
  EXPECT_FALSE(a.contains(FramePos{10}));
  EXPECT_TRUE(a.meets(b));
  EXPECT_FALSE(b.meets(a));
  EXPECT_TRUE(a.before(b));
  EXPECT_FALSE(a.overlaps(b));
  EXPECT_TRUE(a.overlaps(c));
  EXPECT_TRUE(c.overlaps(b));
  EXPECT_EQ(a.intersection(c), (FrameRange{FramePos{5}, FramePos{10}}));
  EXPECT_TRUE(a.intersection(b).empty());
  EXPECT_TRUE(a.contains(FrameRange{FramePos{2}, FramePos{10}}));
  EXPECT_FALSE(a.contains(c));
  const FrameRange empty{FramePos{3}, FramePos{3}};
  EXPECT_FALSE(empty.overlaps(a));
  EXPECT_FALSE(empty.contains(FramePos{3}));
  EXPECT_EQ(a.duration(), FrameCount{10});
  EXPECT_EQ(a.shifted(FrameCount{5}), (FrameRange{FramePos{5}, FramePos{15}}));
}
