#include "core/time/rational.h"

#include <charconv>
#include <limits>

namespace postline::time {
namespace {

using base::ErrorCode;
using base::makeError;

constexpr Int128 kMax = std::numeric_limits<std::int64_t>::max();
constexpr Int128 kMin = std::numeric_limits<std::int64_t>::min();

Int128 abs128(Int128 v) { return v < 0 ? -v : v; }

Int128 gcd128(Int128 a, Int128 b) {
  a = abs128(a);
  b = abs128(b);
  while (b != 0) {
    Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// floor(a / b) for b > 0.
Int128 floorDiv(Int128 a, Int128 b) {
  Int128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

bool parseInt(const std::string& s, std::int64_t& out) {
  const char* first = s.data();
  const char* last = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(first, last, out);
  return ec == std::errc() && ptr == last && !s.empty();
}

}  // namespace

base::Result<Rational> makeRational128(Int128 num, Int128 den) {
  if (den == 0) return makeError(ErrorCode::InvalidArgument, "rational with a zero denominator");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Int128 g = gcd128(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (num > kMax || num < kMin || den > kMax) {
    return makeError(ErrorCode::Overflow, "exact time arithmetic overflowed 64 bits");
  }
  return Rational::make(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
}

base::Result<Rational> Rational::make(std::int64_t num, std::int64_t den) {
  if (den == 0) return makeError(ErrorCode::InvalidArgument, "rational with a zero denominator");
  Int128 n = num;
  Int128 d = den;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const Int128 g = gcd128(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  if (n > kMax || n < kMin || d > kMax) {
    return makeError(ErrorCode::Overflow, "exact time arithmetic overflowed 64 bits");
  }
  Rational r;
  r.m_num = static_cast<std::int64_t>(n);
  r.m_den = static_cast<std::int64_t>(d);
  return r;
}

base::Result<Rational> Rational::parse(const std::string& text) {
  const auto slash = text.find('/');
  std::int64_t num = 0;
  std::int64_t den = 1;
  const bool okNum = parseInt(slash == std::string::npos ? text : text.substr(0, slash), num);
  const bool okDen = slash == std::string::npos || parseInt(text.substr(slash + 1), den);
  if (!okNum || !okDen) {
    return makeError(ErrorCode::Parse, "'" + text + "' is not a rational number like 24000/1001");
  }
  return make(num, den);
}

base::Result<Rational> Rational::add(const Rational& o) const {
  return makeRational128(static_cast<Int128>(m_num) * o.m_den + static_cast<Int128>(o.m_num) * m_den,
                         static_cast<Int128>(m_den) * o.m_den);
}

base::Result<Rational> Rational::sub(const Rational& o) const {
  return makeRational128(static_cast<Int128>(m_num) * o.m_den - static_cast<Int128>(o.m_num) * m_den,
                         static_cast<Int128>(m_den) * o.m_den);
}

base::Result<Rational> Rational::mul(const Rational& o) const {
  return makeRational128(static_cast<Int128>(m_num) * o.m_num, static_cast<Int128>(m_den) * o.m_den);
}

base::Result<Rational> Rational::div(const Rational& o) const {
  if (o.m_num == 0) return makeError(ErrorCode::InvalidArgument, "division of a rational by zero");
  return makeRational128(static_cast<Int128>(m_num) * o.m_den, static_cast<Int128>(m_den) * o.m_num);
}

std::string Rational::toString() const {
  if (m_den == 1) return std::to_string(m_num);
  return std::to_string(m_num) + "/" + std::to_string(m_den);
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  const Int128 l = static_cast<Int128>(a.m_num) * b.m_den;
  const Int128 r = static_cast<Int128>(b.m_num) * a.m_den;
  if (l < r) return std::strong_ordering::less;
  if (l > r) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

base::Result<std::int64_t> roundNearest(Int128 num, Int128 den) {
  if (den == 0) return makeError(ErrorCode::InvalidArgument, "rounding with a zero denominator");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  // floor(num/den + 1/2): take the floor, then step up when the remainder is at least half.
  Int128 q = floorDiv(num, den);
  const Int128 rem = num - q * den;  // 0 <= rem < den
  if (2 * rem >= den) ++q;
  if (q > kMax || q < kMin) return makeError(ErrorCode::Overflow, "rounded time value overflowed 64 bits");
  return static_cast<std::int64_t>(q);
}

}  // namespace postline::time
