#pragma once
// GLSL sources from shaders/, embedded into the binary at build time (cmake/embed_shaders.cmake).
#include <string_view>

namespace postline::render::gl {

// The first line of every assembled fragment shader (OCIO 2.1 emits GLSL 4.0).
inline constexpr const char* kGlslVersion = "#version 400 core\n";

// The text of shaders/<name> (e.g. "grade.glsl"), or an empty view when there is none.
std::string_view shaderSource(std::string_view name);

}  // namespace postline::render::gl
