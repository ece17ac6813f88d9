#include <gtest/gtest.h>

#include <string>

#include "core/base/result.h"

using postline::base::Error;
using postline::base::ErrorCode;
using postline::base::Result;

namespace {

Result<int> half(int v) {
  if (v % 2 != 0) return Error{ErrorCode::InvalidArgument, std::to_string(v) + " is odd"};
  return v / 2;
}

Result<int> quarter(int v) {
  PL_TRY_ASSIGN(h, half(v));
  return half(h);
}

Result<void> mustBeEven(int v) {
  PL_TRY(half(v));
  return {};
}

}  // namespace

TEST(Result, CarriesValueOrError) {
  auto ok = half(10);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value(), 5);
  auto bad = half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(bad.error().message, "3 is odd");
  EXPECT_EQ(bad.valueOr(-1), -1);
}

TEST(Result, TryMacrosPropagateTheFirstError) {
  EXPECT_EQ(quarter(12).value(), 3);
  auto r = quarter(6);  // 6 -> 3 -> odd
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "3 is odd");
  EXPECT_TRUE(mustBeEven(4).ok());
  EXPECT_FALSE(mustBeEven(5).ok());
}

TEST(Result, ErrorCodeNamesAreStable) {
  EXPECT_STREQ(postline::base::errorCodeName(ErrorCode::OutOfRange), "out_of_range");
  EXPECT_STREQ(postline::base::errorCodeName(ErrorCode::Version), "version");
}
