#pragma once
// Where Postline's read-only resources (resources/ in the source tree: looks, presets, ...) live.
#include <filesystem>
#include <string_view>

namespace postline::base {

// The path of resources/<relative>, searched in order: $POSTLINE_RESOURCES/<relative> when that
// variable is set (non-empty); <dir of the executable>/../share/postline/<relative> when it exists
// (an installed build); else the source tree's resources/<relative>. The file need not exist.
std::filesystem::path resourcePath(std::string_view relative);

}  // namespace postline::base
