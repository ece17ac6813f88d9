#include "core/base/resources.h"

#include <cstdlib>
#include <system_error>

#ifndef POSTLINE_SOURCE_RESOURCES
#error "POSTLINE_SOURCE_RESOURCES must name the source tree's resources/ folder"
#endif

namespace postline::base {

std::filesystem::path resourcePath(std::string_view relative) {
  const std::filesystem::path rel{std::string(relative)};
  if (const char* env = std::getenv("POSTLINE_RESOURCES"); env != nullptr && *env != '\0')
    return std::filesystem::path(env) / rel;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "postline" / rel;
    if (std::filesystem::exists(installed, ec)) return installed;
  }
  return std::filesystem::path(POSTLINE_SOURCE_RESOURCES) / rel;
}

}  // namespace postline::base
