#include "core/project/json_fields.h"

#include <cmath>

namespace postline::project::detail {

using base::ErrorCode;
using base::Result;

namespace {

// "a string", "an array", ... for messages.
std::string describe(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    default: return "an unreadable value";
  }
}

base::Error wrongType(const Where& at, const char* expected, const Json& found) {
  return at.error(std::string("expected ") + expected + ", found " + describe(found));
}

}  // namespace

std::string Where::str() const {
  if (m_parent == nullptr) return {};
  std::string s = m_parent->str();
  if (m_isIndex) return s + "[" + std::to_string(m_index) + "]";
  return s.empty() ? std::string(m_key) : s + "." + m_key;
}

base::Error Where::error(const std::string& problem) const {
  const std::string path = str();
  return base::makeError(ErrorCode::Parse, path.empty() ? problem : path + ": " + problem);
}

Result<void> expectObject(const Json& v, const Where& at) {
  if (!v.is_object()) return wrongType(at, "an object", v);
  return {};
}

Result<const Json*> member(const Json& obj, const Where& at, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return Where(at, key).error("missing");
  return &*it;
}

Result<const Json*> arrayMember(const Json& obj, const Where& at, const char* key) {
  PL_TRY_ASSIGN(v, member(obj, at, key));
  if (!v->is_array()) return wrongType(Where(at, key), "an array", *v);
  return v;
}

Result<const Json*> optionalObject(const Json& obj, const Where& at, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return static_cast<const Json*>(nullptr);
  if (!it->is_object()) return wrongType(Where(at, key), "an object", *it);
  return &*it;
}

Result<void> get(const Json& obj, const Where& at, const char* key, bool& out) {
  PL_TRY_ASSIGN(v, member(obj, at, key));
  if (!v->is_boolean()) return wrongType(Where(at, key), "true or false", *v);
  out = v->get<bool>();
  return {};
}

Result<void> get(const Json& obj, const Where& at, const char* key, double& out) {
  PL_TRY_ASSIGN(v, member(obj, at, key));
  if (!v->is_number()) return wrongType(Where(at, key), "a number", *v);
  const double d = v->get<double>();
  if (!std::isfinite(d)) return Where(at, key).error("is not a finite number");
  out = d;
  return {};
}

Result<void> get(const Json& obj, const Where& at, const char* key, std::string& out) {
  PL_TRY_ASSIGN(v, member(obj, at, key));
  if (!v->is_string()) return wrongType(Where(at, key), "a string", *v);
  out = v->get_ref<const std::string&>();
  return {};
}

Result<void> get(const Json& obj, const Where& at, const char* key, time::Rational& out) {
  std::string text;
  PL_TRY(get(obj, at, key, text));
  auto r = time::Rational::parse(text);
  if (!r.ok()) {
    if (text.size() > 40) text = text.substr(0, 40) + "...";
    return Where(at, key).error("'" + text + "' is not an exact rational like \"24000/1001\"");
  }
  out = r.value();
  return {};
}

Result<std::int64_t> intValue(const Json& v, const Where& at, std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  if (v.is_number_unsigned()) {
    const std::uint64_t u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(max)) {
      return at.error("must be between " + std::to_string(min) + " and " + std::to_string(max) + ", found " +
                      std::to_string(u));
    }
    value = static_cast<std::int64_t>(u);
  } else if (v.is_number_integer()) {
    value = v.get<std::int64_t>();
  } else {
    return wrongType(at, "an integer", v);
  }
  if (value < min || value > max) {
    return at.error("must be between " + std::to_string(min) + " and " + std::to_string(max) + ", found " +
                    std::to_string(value));
  }
  return value;
}

Result<void> getInt(const Json& obj, const Where& at, const char* key, std::int64_t& out, std::int64_t min,
                    std::int64_t max) {
  PL_TRY_ASSIGN(v, member(obj, at, key));
  PL_TRY_ASSIGN(value, intValue(*v, Where(at, key), min, max));
  out = value;
  return {};
}

Result<void> getInt(const Json& obj, const Where& at, const char* key, int& out, int min, int max) {
  std::int64_t value = 0;
  PL_TRY(getInt(obj, at, key, value, min, max));
  out = static_cast<int>(value);
  return {};
}

Result<void> getId(const Json& obj, const Where& at, const char* key, std::uint64_t& out) {
  std::int64_t value = 0;
  PL_TRY(getInt(obj, at, key, value, 0, kMaxId));
  out = static_cast<std::uint64_t>(value);
  return {};
}

}  // namespace postline::project::detail
