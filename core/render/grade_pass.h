#pragma once
// GPU execution of grades and the film look (shaders/grade.glsl, shaders/film.glsl and the
// halation passes) with the GL objects of core/render/gl. The lead's fused shaders embed
// gradeShaderSource()/filmShaderSource() and call bindGrade()/bindFilm(); gradeImage()/filmImage()
// run one operation alone (tests, stills). Needs a current GL context; one renderer per context.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/color/grade.h"
#include "core/color/ocio/ocio.h"
#include "core/render/gl/gl_objects.h"
#include "core/render/gl/ocio_textures.h"

namespace postline::render {

class GradeRenderer {
 public:
  // GLSL of pl_grade for `g`: "#define PL_LOOK" + grade.glsl + the OCIO look function when the
  // LUT is set and loads, else grade.glsl alone (a bad LUT is bypassed: see lutError). No #version.
  // `specialise`: compile only the non-identity sections (color::gradeDefines), for renders.
  std::string gradeShaderSource(const color::Grade& g, bool specialise = false);
  // GLSL of pl_film_working / pl_film_grading / pl_film_glow (film.glsl), every section, or
  // only the non-identity ones of `specialiseFor`. No #version.
  static std::string filmShaderSource(const color::FilmLook* specialiseFor = nullptr);
  // Texture units bindGrade uses from its first one: 1 (curves) + the look's textures.
  int gradeTextureUnits(const color::Grade& g);

  // Uses `program`, sets the uniforms of `g` and binds the curves table (u_curves) and the look
  // textures to units firstTextureUnit .. firstTextureUnit + gradeTextureUnits(g) - 1. Io on a GL
  // upload failure; a bad LUT is not an error (bypassed, as in gradeShaderSource).
  base::Result<void> bindGrade(const gl::Program& program, const color::Grade& g, int firstTextureUnit);

  // The halation glow of a `w` x `h` working-space picture (`working` must be linear-filtered, as
  // RenderTarget textures are by default): quarter resolution RGBA32F, linear-filtered, GL
  // orientation, extracted and blurred on the GPU. Owned by the renderer, valid until the next
  // call. Leaves the last glow target bound for drawing.
  base::Result<const gl::Texture*> halation(const gl::Texture& working, const color::Halation& h, int w, int height);

  // Uses `program`, sets the film uniforms for a `w` x `h` output at frame `frameIndex`, and binds
  // `glow` (may be null when halation is off) as u_glow on `glowTextureUnit`.
  base::Result<void> bindFilm(const gl::Program& program, const color::FilmLook& f, std::int64_t frameIndex, int w,
                              int h, const gl::Texture* glow, int glowTextureUnit);

  // `inWorking` graded by `g` into `out` (same size; RGBA32F for comparisons), alpha kept.
  base::Result<void> gradeImage(const gl::Texture& inWorking, gl::RenderTarget& out, const color::Grade& g);
  // The film look of frame `frameIndex` over `inWorking` into `out` (same size), alpha kept.
  base::Result<void> filmImage(const gl::Texture& inWorking, gl::RenderTarget& out, const color::FilmLook& f,
                               std::int64_t frameIndex);

  // Why the LUT of `g` is bypassed (file and problem), or "" when it loads or none is set.
  std::string lutError(const color::Grade& g);
  // Messages of the LUTs bypassed since the last call (each file reported once until it changes
  // on disk; a changed file is loaded again), oldest first.
  std::vector<std::string> takeWarnings();

 private:
  struct Look {
    color::ocio::TransformPtr transform;  // null when it failed to load
    std::string error;
    std::filesystem::file_time_type stamp;  // the file's modification time when loaded
  };
  Look* look(const color::Grade& g);      // null when no LUT path is set
  // The cached program for `key`, built from `makeSource()` (a full fragment shader) on first use.
  base::Result<const gl::Program*> program(const std::string& key, const std::string& name,
                                           const std::function<std::string()>& makeSource);
  base::Result<void> uploadCurves(const color::Curves& c);

  std::map<std::string, Look> m_looks;          // by .cube path
  gl::OcioTextures m_lookTextures;              // the looks' LUT textures, by OCIO cache key
  std::map<std::string, gl::Program> m_programs;  // by shader key
  gl::Texture m_curves;
  color::Curves m_curvesFor;
  std::vector<std::string> m_warnings;
  gl::RenderTarget m_glowA, m_glowB;
};

}  // namespace postline::render
