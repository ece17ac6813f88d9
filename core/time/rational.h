#pragma once
#include <compare>
#include <cstdint>
#include <string>

#include "core/base/result.h"

namespace postline::time {

// Signed 128-bit integer for exact intermediate products (GCC/Clang extension).
__extension__ typedef __int128 Int128;

// An exact fraction num/den with int64 parts, always reduced and with den > 0.
// Arithmetic is computed in 128 bits and reduced; a result that does not fit int64
// is reported as ErrorCode::Overflow, never undefined behaviour.
class Rational {
 public:
  constexpr Rational() = default;
  // Whole number n/1.
  constexpr Rational(std::int64_t whole) : m_num(whole) {}  // NOLINT: implicit by design

  // num/den reduced; den == 0 is InvalidArgument, a non-representable result is Overflow.
  static base::Result<Rational> make(std::int64_t num, std::int64_t den);
  // Parses "24000/1001", "24" or "-3/4".
  static base::Result<Rational> parse(const std::string& text);

  constexpr std::int64_t num() const { return m_num; }
  constexpr std::int64_t den() const { return m_den; }

  base::Result<Rational> add(const Rational& other) const;
  base::Result<Rational> sub(const Rational& other) const;
  base::Result<Rational> mul(const Rational& other) const;
  // Division by zero is InvalidArgument.
  base::Result<Rational> div(const Rational& other) const;

  bool isZero() const { return m_num == 0; }
  bool isNegative() const { return m_num < 0; }
  // Nearest double; for UI and external APIs only.
  double toDouble() const { return static_cast<double>(m_num) / static_cast<double>(m_den); }
  // "num/den", or "num" when den == 1.
  std::string toString() const;

  friend bool operator==(const Rational& a, const Rational& b) = default;
  // Exact comparison (cross-multiplied in 128 bits, cannot overflow).
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

 private:
  std::int64_t m_num = 0;
  std::int64_t m_den = 1;
};

// Builds a reduced Rational from 128-bit parts; Overflow when it does not fit int64.
base::Result<Rational> makeRational128(Int128 num, Int128 den);

// THE rounding rule of Postline: nearest integer, exact halves toward +infinity
// (floor(num/den + 1/2)). Every conversion between frames, samples and time bases uses it.
base::Result<std::int64_t> roundNearest(Int128 num, Int128 den);

}  // namespace postline::time
