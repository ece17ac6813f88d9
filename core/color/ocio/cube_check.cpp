// A cheap, strict check of a .cube file before OCIO parses it, so a bad file gives a clear
// error naming the file and line instead of whatever the OCIO parser makes of it.
#include <charconv>
#include <cmath>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include "core/color/ocio/ocio_internal.h"

namespace postline::color::ocio::detail {
namespace {

using base::ErrorCode;
using base::makeError;

struct CubeCounts {
  long long size1d = 0;
  long long size3d = 0;
  long long entries = 0;
  float domainMin[3] = {0, 0, 0};
  float domainMax[3] = {1, 1, 1};
};

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\f\v");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\f\v");
  return s.substr(first, last - first + 1);
}

// Splits on blanks into at most `max` tokens; returns how many there were (may exceed max).
int splitTokens(std::string_view s, std::string_view* out, int max) {
  int n = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (n < max) out[n] = s.substr(i, j - i);
    ++n;
    i = j;
  }
  return n;
}

base::Error parseError(const std::filesystem::path& cube, std::size_t line, const std::string& what) {
  return makeError(ErrorCode::Parse,
                   "LUT file '" + cube.string() + "' line " + std::to_string(line) + ": " + what);
}

// A LUT_1D_SIZE / LUT_3D_SIZE line: stores the size, checks it against the limits.
base::Result<void> readSize(const std::filesystem::path& cube, std::size_t lineNo, std::string_view key,
                            std::string_view value, long long& size) {
  long long n = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc{} || ptr != value.data() + value.size() || n < 2)
    return parseError(cube, lineNo, std::string(key) + " must be an integer >= 2");
  const long long limit = key == "LUT_3D_SIZE" ? kMaxCube3dSize : kMaxCube1dSize;
  if (n > limit)
    return makeError(ErrorCode::OutOfRange, "LUT file '" + cube.string() + "': " + std::string(key) + " " +
                                                std::to_string(n) + " is larger than the maximum " +
                                                std::to_string(limit));
  size = n;
  return {};
}

// Exactly `count` (2 or 3) finite numbers: a table entry, or the values after a keyword.
base::Result<void> readNumbers(const std::filesystem::path& cube, std::size_t lineNo, std::string_view line,
                               float* out, int count = 3) {
  std::string_view tok[3];
  if (splitTokens(line, tok, 3) != count)
    return parseError(cube, lineNo, count == 3 ? "expected three numbers" : "expected two numbers");
  for (int i = 0; i < count; ++i) {
    const auto t = tok[i];
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), out[i]);
    if (ec == std::errc::result_out_of_range) return parseError(cube, lineNo, "value out of float range");
    if (ec != std::errc{} || ptr != t.data() + t.size())
      return parseError(cube, lineNo, "'" + std::string(t.substr(0, 32)) + "' is not a number");
    if (!std::isfinite(out[i])) return parseError(cube, lineNo, "value is not a finite number");
  }
  return {};
}

base::Result<void> readLine(const std::filesystem::path& cube, std::size_t lineNo, std::string_view line,
                            CubeCounts& counts) {
  line = trim(line);
  if (line.empty() || line.front() == '#') return {};
  const char c = line.front();
  std::string_view first[1];
  splitTokens(line, first, 1);
  float probe = 0.0f;
  const auto parsed = std::from_chars(first[0].data(), first[0].data() + first[0].size(), probe);
  const bool number = parsed.ec != std::errc::invalid_argument && parsed.ptr == first[0].data() + first[0].size();
  const bool keyword = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  if (!keyword || number) {
    float entry[3];
    PL_TRY(readNumbers(cube, lineNo, line, entry));
    ++counts.entries;
    return {};
  }
  std::string_view tok[2];
  const int n = splitTokens(line, tok, 2);
  if (tok[0] == "LUT_3D_SIZE" || tok[0] == "LUT_1D_SIZE") {
    if (n != 2) return parseError(cube, lineNo, std::string(tok[0]) + " needs exactly one value");
    if (counts.entries > 0) return parseError(cube, lineNo, std::string(tok[0]) + " after the table");
    return readSize(cube, lineNo, tok[0], tok[1], tok[0] == "LUT_3D_SIZE" ? counts.size3d : counts.size1d);
  }
  if (tok[0] == "DOMAIN_MIN" || tok[0] == "DOMAIN_MAX")
    return readNumbers(cube, lineNo, line.substr(tok[0].size()),
                       tok[0] == "DOMAIN_MIN" ? counts.domainMin : counts.domainMax);
  if (tok[0] == "LUT_1D_INPUT_RANGE" || tok[0] == "LUT_3D_INPUT_RANGE") {
    float range[2];
    PL_TRY(readNumbers(cube, lineNo, line.substr(tok[0].size()), range, 2));
    if (!(range[0] < range[1])) return parseError(cube, lineNo, std::string(tok[0]) + " minimum not below maximum");
    return {};
  }
  if (tok[0] == "TITLE") return {};
  return parseError(cube, lineNo, "unknown keyword '" + std::string(tok[0].substr(0, 32)) + "'");
}

// The whole file as text: NotFound / OutOfRange (size) / Parse (empty, binary) / Io.
base::Result<std::string> readCubeText(const std::filesystem::path& cube) {
  std::error_code ec;
  const auto status = std::filesystem::status(cube, ec);
  if (ec || !std::filesystem::exists(status))
    return makeError(ErrorCode::NotFound, "LUT file '" + cube.string() + "' does not exist");
  if (!std::filesystem::is_regular_file(status))
    return makeError(ErrorCode::Parse, "LUT file '" + cube.string() + "' is not a regular file");
  const auto bytes = std::filesystem::file_size(cube, ec);
  if (ec) return makeError(ErrorCode::Io, "LUT file '" + cube.string() + "' cannot be read: " + ec.message());
  if (bytes > kMaxCubeBytes)
    return makeError(ErrorCode::OutOfRange, "LUT file '" + cube.string() + "' is " + std::to_string(bytes) +
                                                " bytes, larger than the maximum " + std::to_string(kMaxCubeBytes));
  if (bytes == 0) return makeError(ErrorCode::Parse, "LUT file '" + cube.string() + "' is empty");
  std::ifstream in(cube, std::ios::binary);
  if (!in) return makeError(ErrorCode::Io, "LUT file '" + cube.string() + "' cannot be opened");
  std::string text(static_cast<std::size_t>(bytes), '\0');
  in.read(text.data(), static_cast<std::streamsize>(bytes));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.find('\0') != std::string::npos)
    return makeError(ErrorCode::Parse, "LUT file '" + cube.string() + "' is binary, not a text .cube file");
  return text;
}

}  // namespace

base::Result<CubeInfo> checkCubeFile(const std::filesystem::path& cube) {
  PL_TRY_ASSIGN(text, readCubeText(cube));
  CubeCounts counts;
  std::size_t lineNo = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    PL_TRY(readLine(cube, ++lineNo, std::string_view(text).substr(pos, end - pos), counts));
    pos = end + 1;
  }
  if (counts.size1d == 0 && counts.size3d == 0)
    return makeError(ErrorCode::Parse, "LUT file '" + cube.string() + "' has no LUT_3D_SIZE or LUT_1D_SIZE");
  const long long expected = counts.size1d + counts.size3d * counts.size3d * counts.size3d;
  if (counts.entries != expected)
    return makeError(ErrorCode::Parse, "LUT file '" + cube.string() + "' has " + std::to_string(counts.entries) +
                                           " table entries, its sizes need " + std::to_string(expected));
  for (int c = 0; c < 3; ++c)
    if (!(counts.domainMin[c] < counts.domainMax[c]))
      return makeError(ErrorCode::Parse, "LUT file '" + cube.string() + "' has DOMAIN_MIN not below DOMAIN_MAX");
  return CubeInfo{static_cast<int>(counts.size1d), static_cast<int>(counts.size3d)};
}

}  // namespace postline::color::ocio::detail
