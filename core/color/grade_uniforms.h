#pragma once
// The uniforms of shaders/grade.glsl and shaders/film.glsl for a set of parameters: every field
// of the structs in grade.h maps to a uniform (some as values derived on the CPU, e.g. white
// balance gains), so moving a slider changes uniforms only, never the shader text.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/color/grade.h"

namespace postline::color {

// One float uniform (or vector of 1..4 floats) by its GLSL name.
struct Uniform {
  std::string name;
  int components = 1;            // 1..4 (float, vec2, vec3, vec4)
  std::array<float, 4> v{};      // the first `components` are used
};

// Uniforms of pl_grade (shaders/grade.glsl): white balance, exposure, contrast, primaries,
// saturation, tonal ranges, curves switch, split tone, look mix. The curves table and the look
// textures are textures (curves.h, the OCIO look), not listed here.
std::vector<Uniform> gradeUniforms(const Grade& g);

// Uniforms of pl_film_working / pl_film_grading (shaders/film.glsl) for a `width` x `height`
// output picture and frame `frameIndex` (seeds the grain).
std::vector<Uniform> filmUniforms(const FilmLook& f, std::int64_t frameIndex, int width, int height);

// Uniforms of the halation passes (shaders/halation_extract.frag, shaders/halation_blur.frag):
// u_threshold, u_taps and u_tap[0..u_taps] = (offset, weight) (math::blurTaps) for a picture
// `height` pixels high.
std::vector<Uniform> halationUniforms(const Halation& h, int height);

// Shader variants. `#define` lines selecting the sections of grade.glsl (PL_G_*) / film.glsl
// (PL_F_*) to compile. Specialised: only the sections that are not the identity for these values
// (fast, for renders and exports, where the values do not move); general: every section (the
// interactive viewer, where any slider may move and must change uniforms only).
std::string gradeDefines(const Grade& g, bool specialise);
std::string filmDefines(const FilmLook& f, bool specialise);

}  // namespace postline::color
