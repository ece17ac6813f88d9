#include <gtest/gtest.h>

#include <limits>

#include "core/time/frame_rate.h"
#include "core/time/rational.h"

using namespace postline::time;
using postline::base::ErrorCode;

TEST(Rational, AlwaysReducedWithPositiveDenominator) {
  auto r = Rational::make(48000, -1001 * 2);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->num(), -24000);
  EXPECT_EQ(r->den(), 1001);
  EXPECT_EQ(Rational::make(0, 7)->den(), 1);
}

TEST(Rational, ZeroDenominatorIsAnError) {
  auto r = Rational::make(1, 0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  EXPECT_FALSE(Rational(3).div(Rational(0)).ok());
}

TEST(Rational, ArithmeticIsExact) {
  const Rational a = Rational::make(1, 3).value();
  const Rational b = Rational::make(1, 6).value();
  EXPECT_EQ(a.add(b).value(), Rational::make(1, 2).value());
  EXPECT_EQ(a.sub(b).value(), b);
  EXPECT_EQ(a.mul(b).value(), Rational::make(1, 18).value());
  EXPECT_EQ(a.div(b).value(), Rational(2));
  // 85 % of 24000/1001 fps stays exact.
  EXPECT_EQ(Rational::make(24000, 1001)->mul(Rational::make(17, 20).value()).value(), Rational::make(20400, 1001).value());
}

TEST(Rational, OverflowIsReportedNotUndefined) {
  const Rational big(std::numeric_limits<std::int64_t>::max());
  auto r = big.add(Rational(1));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Overflow);
  EXPECT_FALSE(big.mul(big).ok());
  const Rational tiny = Rational::make(1, std::numeric_limits<std::int64_t>::max()).value();
  EXPECT_FALSE(tiny.mul(Rational::make(1, 3).value()).ok());
  // Reduction rescues products that only look too big.
  EXPECT_EQ(big.mul(Rational::make(3, std::numeric_limits<std::int64_t>::max()).value()).value(), Rational(3));
  EXPECT_EQ(Rational::make(std::numeric_limits<std::int64_t>::min(), -1).error().code, ErrorCode::Overflow);
}

TEST(Rational, ComparesExactlyWithoutOverflow) {
  const Rational a = Rational::make(std::numeric_limits<std::int64_t>::max() - 1, std::numeric_limits<std::int64_t>::max()).value();
  const Rational b = Rational::make(std::numeric_limits<std::int64_t>::max() - 2, std::numeric_limits<std::int64_t>::max() - 1).value();
  EXPECT_GT(a, b);
  EXPECT_LT(Rational::make(24000, 1001).value(), Rational(24));
  EXPECT_EQ(Rational::make(2, 4).value(), Rational::make(1, 2).value());
}

TEST(Rational, ParsesAndPrints) {
  EXPECT_EQ(Rational::parse("24000/1001").value(), Rational::make(24000, 1001).value());
  EXPECT_EQ(Rational::parse("-3").value(), Rational(-3));
  EXPECT_EQ(Rational::parse("30000/1001")->toString(), "30000/1001");
  EXPECT_EQ(Rational(25).toString(), "25");
  EXPECT_EQ(Rational::parse("abc").error().code, ErrorCode::Parse);
  EXPECT_FALSE(Rational::parse("1/").ok());
  EXPECT_FALSE(Rational::parse("1/0").ok());
  EXPECT_FALSE(Rational::parse("").ok());
}

TEST(Rounding, NearestWithHalvesTowardPlusInfinity) {
  EXPECT_EQ(roundNearest(1, 2).value(), 1);
  EXPECT_EQ(roundNearest(-1, 2).value(), 0);
  EXPECT_EQ(roundNearest(3, 2).value(), 2);
  EXPECT_EQ(roundNearest(-3, 2).value(), -1);
  EXPECT_EQ(roundNearest(7, 3).value(), 2);
  EXPECT_EQ(roundNearest(8, 3).value(), 3);
  EXPECT_EQ(roundNearest(-8, 3).value(), -3);
  EXPECT_EQ(roundNearest(5, -2).value(), -2);  // -2.5 -> -2
  EXPECT_FALSE(roundNearest(1, 0).ok());
  const Int128 huge = static_cast<Int128>(std::numeric_limits<std::int64_t>::max()) * 4;
  EXPECT_EQ(roundNearest(huge, 1).error().code, ErrorCode::Overflow);
}

TEST(FrameRate, StandardRatesAndParsing) {
  ASSERT_EQ(standardFrameRates().size(), 8u);
  EXPECT_EQ(FrameRate().fps(), Rational(24));
  EXPECT_EQ(FrameRate::parse("29.97")->fps(), Rational::make(30000, 1001).value());
  EXPECT_EQ(FrameRate::parse("23.976")->nominalFps(), 24);
  EXPECT_EQ(FrameRate::parse("60000/1001")->nominalFps(), 60);
  EXPECT_TRUE(FrameRate::parse("59.94")->supportsDropFrame());
  EXPECT_FALSE(FrameRate::parse("24000/1001")->supportsDropFrame());
  EXPECT_FALSE(FrameRate::parse("0").ok());
  EXPECT_FALSE(FrameRate::parse("-24").ok());
  EXPECT_FALSE(FrameRate::parse("fast").ok());
  EXPECT_EQ(FrameRate::parse("25")->frameDuration(), Rational::make(1, 25).value());
}
