// Public API of the OCIO wrapper: named input/output transforms and .cube looks, cached.
#include "core/color/ocio/ocio.h"

#include <array>
#include <exception>
#include <map>
#include <mutex>
#include <system_error>

#include "core/color/ocio/ocio_internal.h"

namespace postline::color::ocio {
namespace {

using base::ErrorCode;
using base::makeError;
namespace OCIO = detail::OCIO;

constexpr std::array<std::string_view, 7> kInputSpaces = {"Rec.709",        "sRGB",         "Rec.2020",
                                                           "Rec.2100 PQ",    "Rec.2100 HLG", "Linear Rec.709",
                                                           "Linear Rec.2020"};
constexpr std::array<std::string_view, 2> kDisplays = {"Rec.709", "Rec.2020"};
constexpr std::size_t kMaxCached = 128;

// Built transforms by key; a look's key carries the file's size and mtime, so an edited file
// is rebuilt. `build` serialises building, since a look build clears OCIO's own file cache.
struct Cache {
  std::mutex mutex;
  std::map<std::string, TransformPtr> entries;
  std::mutex build;
};

Cache& cache() {
  static Cache c;
  return c;
}

TransformPtr cached(const std::string& key) {
  std::lock_guard lock(cache().mutex);
  const auto it = cache().entries.find(key);
  return it == cache().entries.end() ? nullptr : it->second;
}

void store(const std::string& key, const TransformPtr& t) {
  std::lock_guard lock(cache().mutex);
  if (cache().entries.size() >= kMaxCached) cache().entries.clear();
  cache().entries[key] = t;
}

bool validIdentifier(const std::string& name) {
  if (name.empty() || name.size() > 64 || (name[0] >= '0' && name[0] <= '9')) return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

base::Result<void> checkFunctionName(const std::string& functionName) {
  if (validIdentifier(functionName)) return {};
  return makeError(ErrorCode::InvalidArgument,
                   "OCIO function name '" + functionName + "' is not a GLSL identifier of at most 64 characters");
}

std::string joinNames(const auto& names) {
  std::string s;
  for (const auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

template <class Names>
bool contains(const Names& names, std::string_view name) {
  for (const auto n : names)
    if (n == name) return true;
  return false;
}

// A transform between two colour spaces of the config, cached under `key`.
base::Result<TransformPtr> spaceTransform(const std::string& key, std::string_view src, std::string_view dst,
                                          const std::string& functionName) {
  if (auto hit = cached(key)) return hit;
  std::lock_guard lock(cache().build);
  if (auto hit = cached(key)) return hit;
  try {
    const auto processor = detail::config()->getProcessor(std::string(src).c_str(), std::string(dst).c_str());
    PL_TRY_ASSIGN(t, detail::makeTransform(processor, functionName, false));
    store(key, t);
    return t;
  } catch (const std::exception& e) {
    return makeError(ErrorCode::InvalidArgument, "OCIO cannot convert '" + std::string(src) + "' to '" +
                                                     std::string(dst) + "': " + e.what());
  }
}

base::Result<TransformPtr> buildLook(const std::filesystem::path& cube, const std::string& functionName) {
  PL_TRY_ASSIGN(info, detail::checkCubeFile(cube));
  try {
    OCIO::ClearAllCaches();  // OCIO caches file contents by path only; the file may have changed
    auto file = OCIO::FileTransform::Create();
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(cube, ec);
    file->setSrc((ec ? cube : absolute).string().c_str());
    // Tetrahedral for the 3D table; OCIO rejects it (with a warning) for a file holding only a 1D one.
    file->setInterpolation(info.size3d > 0 ? OCIO::INTERP_TETRAHEDRAL : OCIO::INTERP_LINEAR);
    const auto processor = detail::config()->getProcessor(file);
    return detail::makeTransform(processor, functionName, true);
  } catch (const std::exception& e) {
    return makeError(ErrorCode::Parse, "LUT file '" + cube.string() + "' cannot be read by OCIO: " + e.what());
  }
}

}  // namespace

base::Result<TransformPtr> lookTransform(const std::filesystem::path& cube, const std::string& functionName) {
  PL_TRY(checkFunctionName(functionName));
  std::error_code ec;
  const auto size = std::filesystem::file_size(cube, ec);
  const auto mtime = ec ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(cube, ec);
  if (ec) {
    auto checked = detail::checkCubeFile(cube);  // names the problem: missing, not a file, ...
    if (!checked.ok()) return checked.error();
    return makeError(ErrorCode::Io, "LUT file '" + cube.string() + "' cannot be read: " + ec.message());
  }
  const auto absolute = std::filesystem::absolute(cube, ec);
  const std::string key = "look\n" + (ec ? cube : absolute).string() + "\n" + std::to_string(size) + "\n" +
                          std::to_string(mtime.time_since_epoch().count()) + "\n" + functionName;
  if (auto hit = cached(key)) return hit;
  std::lock_guard lock(cache().build);
  if (auto hit = cached(key)) return hit;
  PL_TRY_ASSIGN(t, buildLook(cube, functionName));
  store(key, t);
  return t;
}

base::Result<TransformPtr> inputTransform(std::string_view colorSpace, const std::string& functionName) {
  PL_TRY(checkFunctionName(functionName));
  if (!contains(kInputSpaces, colorSpace))
    return makeError(ErrorCode::InvalidArgument, "unknown input colour space '" + std::string(colorSpace) +
                                                     "' (known: " + joinNames(kInputSpaces) + ")");
  return spaceTransform("input\n" + std::string(colorSpace) + "\n" + functionName, colorSpace, kWorkingSpace,
                        functionName);
}

base::Result<TransformPtr> outputTransform(std::string_view display, const std::string& functionName) {
  PL_TRY(checkFunctionName(functionName));
  if (!contains(kDisplays, display))
    return makeError(ErrorCode::InvalidArgument, "unknown output display '" + std::string(display) +
                                                     "' (known: " + joinNames(kDisplays) + ")");
  return spaceTransform("output\n" + std::string(display) + "\n" + functionName, kWorkingSpace, display,
                        functionName);
}

std::vector<std::string> colorSpaceNames() { return {kInputSpaces.begin(), kInputSpaces.end()}; }

std::string colorSpaceForTags(std::string_view primaries, std::string_view transfer) {
  const bool wide = primaries == "bt2020";
  if (transfer == "smpte2084") return "Rec.2100 PQ";
  if (transfer == "arib-std-b67") return "Rec.2100 HLG";
  if (transfer == "bt2020-10" || transfer == "bt2020-12") return "Rec.2020";
  if (wide) return transfer == "linear" ? "Linear Rec.2020" : "Rec.2020";
  if (transfer == "iec61966-2-1" || transfer == "iec61966_2_1") return "sRGB";
  if (transfer == "linear") return "Linear Rec.709";
  return "Rec.709";
}

}  // namespace postline::color::ocio
