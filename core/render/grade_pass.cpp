#include "core/render/grade_pass.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "core/color/curves.h"
#include "core/color/grade_math.h"
#include "core/color/grade_uniforms.h"
#include "core/render/gl/shader_library.h"

namespace postline::render {
namespace {

using base::ErrorCode;
using base::makeError;

const std::string kVersion = gl::kGlslVersion;

std::string shader(const char* name) { return std::string(gl::shaderSource(name)); }

void setUniforms(const gl::Program& p, const std::vector<color::Uniform>& us) {
  for (const auto& u : us) p.setVec(u.name.c_str(), u.components, u.v.data());
}

}  // namespace

GradeRenderer::Look* GradeRenderer::look(const color::Grade& g) {
  const std::string& path = g.creative.lut.path;
  if (path.empty()) return nullptr;
  std::error_code ec;
  auto stamp = std::filesystem::last_write_time(path, ec);
  if (ec) stamp = std::filesystem::file_time_type::min();
  auto it = m_looks.find(path);
  if (it != m_looks.end() && it->second.stamp != stamp) {
    // The file changed (or appeared, or vanished): load it again, with fresh textures.
    if (it->second.transform) m_lookTextures.forget(it->second.transform->gpu().cacheKey);
    m_looks.erase(it);
    it = m_looks.end();
  }
  if (it == m_looks.end()) {
    Look l;
    l.stamp = stamp;
    auto t = color::ocio::lookTransform(path, "pl_look");
    if (t) {
      l.transform = std::move(t.value());
    } else {
      l.error = t.error().message;
      m_warnings.push_back("look LUT bypassed: " + l.error);
    }
    it = m_looks.emplace(path, std::move(l)).first;
  }
  return &it->second;
}

std::string GradeRenderer::lutError(const color::Grade& g) {
  const Look* l = look(g);
  return l ? l->error : std::string();
}

std::vector<std::string> GradeRenderer::takeWarnings() { return std::exchange(m_warnings, {}); }

std::string GradeRenderer::gradeShaderSource(const color::Grade& g, bool specialise) {
  const std::string defines = color::gradeDefines(g, specialise);
  const Look* l = look(g);
  if (!l || !l->transform) return defines + shader("grade.glsl");
  return defines + "#define PL_LOOK\n" + shader("grade.glsl") + "\n" + l->transform->gpu().source + "\n";
}

std::string GradeRenderer::filmShaderSource(const color::FilmLook* specialiseFor) {
  return color::filmDefines(specialiseFor ? *specialiseFor : color::FilmLook{}, specialiseFor != nullptr) +
         shader("film.glsl");
}

int GradeRenderer::gradeTextureUnits(const color::Grade& g) {
  const Look* l = look(g);
  if (!l || !l->transform) return 1;
  return 1 + static_cast<int>(l->transform->gpu().textures.size());
}

base::Result<void> GradeRenderer::uploadCurves(const color::Curves& c) {
  if (m_curves.valid() && c == m_curvesFor) return {};
  const auto table = color::curveTable(c, color::math::kCurveEntries);
  if (!m_curves.valid()) {
    PL_TRY_ASSIGN(tex, gl::Texture::create2d(color::math::kCurveEntries, 1, gl::TexFormat::Rgba32F,
                                             gl::Filter::Linear, table.data()));
    m_curves = std::move(tex);
  } else {
    m_curves.upload(table.data());
  }
  m_curvesFor = c;
  return {};
}

base::Result<void> GradeRenderer::bindGrade(const gl::Program& program, const color::Grade& g, int firstTextureUnit) {
  program.use();
  setUniforms(program, color::gradeUniforms(g));
  PL_TRY(uploadCurves(g.creative.curves));
  m_curves.bind(firstTextureUnit);
  program.setInt("u_curves", firstTextureUnit);
  const Look* l = look(g);
  if (!l || !l->transform) return {};
  PL_TRY(m_lookTextures.bind(program, l->transform->gpu(), firstTextureUnit + 1));
  return {};
}

base::Result<const gl::Program*> GradeRenderer::program(const std::string& key, const std::string& name,
                                                        const std::function<std::string()>& makeSource) {
  auto it = m_programs.find(key);
  if (it == m_programs.end()) {
    PL_TRY_ASSIGN(p, gl::Program::build(name, makeSource()));
    it = m_programs.emplace(key, std::move(p)).first;
  }
  return &it->second;
}

base::Result<const gl::Texture*> GradeRenderer::halation(const gl::Texture& working, const color::Halation& h, int w,
                                                         int height) {
  const auto q = color::math::quarterSize(w, height);
  if (m_glowA.width() != q[0] || m_glowA.height() != q[1]) {
    PL_TRY_ASSIGN(a, gl::RenderTarget::create(q[0], q[1], gl::TexFormat::Rgba32F, gl::Filter::Linear));
    PL_TRY_ASSIGN(b, gl::RenderTarget::create(q[0], q[1], gl::TexFormat::Rgba32F, gl::Filter::Linear));
    m_glowA = std::move(a);
    m_glowB = std::move(b);
  }
  const auto uniforms = color::halationUniforms(h, height);
  PL_TRY_ASSIGN(extract, program("halation_extract", "halation_extract.frag",
                                 [] { return kVersion + shader("halation_extract.frag"); }));
  PL_TRY_ASSIGN(blur, program("halation_blur", "halation_blur.frag",
                                      [] { return kVersion + shader("halation_blur.frag"); }));
  m_glowA.bindForDraw();
  extract->use();
  setUniforms(*extract, uniforms);
  working.bind(0);
  extract->setInt("u_src", 0);
  gl::drawFullFrame();
  blur->use();
  setUniforms(*blur, uniforms);
  blur->setInt("u_src", 0);
  m_glowB.bindForDraw();
  m_glowA.texture().bind(0);
  blur->set("u_dir", 1.0f, 0.0f);
  gl::drawFullFrame();
  m_glowA.bindForDraw();
  m_glowB.texture().bind(0);
  blur->set("u_dir", 0.0f, 1.0f);
  gl::drawFullFrame();
  const std::string err = gl::takeGlError();
  if (!err.empty()) return makeError(ErrorCode::Io, "halation passes: " + err);
  return &m_glowA.texture();
}

base::Result<void> GradeRenderer::bindFilm(const gl::Program& program, const color::FilmLook& f,
                                           std::int64_t frameIndex, int w, int h, const gl::Texture* glow,
                                           int glowTextureUnit) {
  program.use();
  setUniforms(program, color::filmUniforms(f, frameIndex, w, h));
  if (glow) {
    glow->bind(glowTextureUnit);
    program.setInt("u_glow", glowTextureUnit);
  }
  return {};
}

base::Result<void> GradeRenderer::gradeImage(const gl::Texture& inWorking, gl::RenderTarget& out,
                                             const color::Grade& g) {
  const Look* l = look(g);
  const std::string key = "grade_image:" + (l && l->transform ? l->transform->gpu().cacheKey : std::string("none"));
  PL_TRY_ASSIGN(p, program(key, "grade_image.frag",
                           [&] { return kVersion + gradeShaderSource(g) + "\n" + shader("grade_image.frag"); }));
  out.bindForDraw();
  PL_TRY(bindGrade(*p, g, 1));
  inWorking.bind(0);
  p->setInt("u_src", 0);
  gl::drawFullFrame();
  const std::string err = gl::takeGlError();
  if (!err.empty()) return makeError(ErrorCode::Io, "grade pass: " + err);
  return {};
}

base::Result<void> GradeRenderer::filmImage(const gl::Texture& inWorking, gl::RenderTarget& out,
                                            const color::FilmLook& f, std::int64_t frameIndex) {
  const int w = inWorking.width();
  const int h = inWorking.height();
  const gl::Texture* glow = nullptr;
  if (f.halation.amount > 0.0) {
    PL_TRY_ASSIGN(g, halation(inWorking, f.halation, w, h));
    glow = g;
  }
  PL_TRY_ASSIGN(p, program("film_image", "film_image.frag",
                           [] { return kVersion + filmShaderSource() + "\n" + shader("film_image.frag"); }));
  out.bindForDraw();
  PL_TRY(bindFilm(*p, f, frameIndex, w, h, glow, 1));
  inWorking.bind(0);
  p->setInt("u_src", 0);
  gl::drawFullFrame();
  const std::string err = gl::takeGlError();
  if (!err.empty()) return makeError(ErrorCode::Io, "film pass: " + err);
  return {};
}

}  // namespace postline::render
