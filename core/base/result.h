#pragma once
#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include "core/base/error.h"

namespace postline::base {

// Either a value of T or an Error. Used across every layer boundary instead of exceptions.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return m_data.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(m_data); }
  const T& value() const& { assert(ok()); return std::get<0>(m_data); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(m_data)); }
  T valueOr(T fallback) const { return ok() ? std::get<0>(m_data) : fallback; }

  const Error& error() const { assert(!ok()); return std::get<1>(m_data); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> m_data;
};

// Success without a value, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT: implicit by design

  bool ok() const { return m_ok; }
  explicit operator bool() const { return m_ok; }
  const Error& error() const { assert(!m_ok); return m_error; }

 private:
  Error m_error;
  bool m_ok = true;
};

// Shorthand for building an Error inside a function returning Result<T>.
inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace postline::base

// Returns the error of a failed Result from the enclosing function; otherwise binds its value.
#define PL_TRY_ASSIGN(var, expr)                          \
  auto var##_result__ = (expr);                           \
  if (!var##_result__.ok()) return var##_result__.error(); \
  auto var = std::move(var##_result__).value()

// Returns the error of a failed Result<void> (or any Result) from the enclosing function.
#define PL_TRY(expr)                                  \
  do {                                                \
    auto pl_try_result__ = (expr);                    \
    if (!pl_try_result__.ok()) return pl_try_result__.error(); \
  } while (0)
