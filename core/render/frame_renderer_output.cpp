// The timeline half of FrameRenderer: timeline grade, film look, output transform, readback.
#include <string>

#include "core/color/ocio/ocio.h"
#include "core/render/frame_renderer.h"
#include "core/render/gl/shader_library.h"
#include "core/render/source_format.h"

namespace postline::render {
namespace {

constexpr const char* kVersion = gl::kGlslVersion;

std::string finishSource(bool gradeInside, bool halation, bool luma, const std::string& grade, const std::string& film,
                         const color::ocio::GpuShader& out) {
  std::string s = kVersion;
  if (luma) s += "#define PL_LUMA_OUT\n";
  if (gradeInside) s += "#define PL_TIMELINE_GRADE\n";
  if (halation) s += "#define PL_HALATION\n";
  s += grade + "\n" + film + "\n" + out.source + "\n";
  return s + std::string(gl::shaderSource("finish.frag"));
}

}  // namespace

base::Result<const gl::Texture*> FrameRenderer::gradeForHalation(const color::TimelineGrade& timeline,
                                                               const std::string& gradeSource) {
  if (m_graded.width() != m_options.width) {
    PL_TRY_ASSIGN(t, gl::RenderTarget::create(m_options.width, m_options.height, m_options.working));
    m_graded = std::move(t);
  }
  PL_TRY_ASSIGN(prog, program("timeline_grade", std::string(kVersion) + gradeSource + "\n" +
                                                    std::string(gl::shaderSource("timeline_grade.frag"))));
  prog->use();
  m_composite.texture().bind(0);
  prog->setInt("u_composite", 0);
  PL_TRY(m_grades.bindGrade(*prog, timeline.grade, 1));
  m_graded.bindForDraw();
  gl::drawFullFrame();
  return &m_graded.texture();
}

base::Result<void> FrameRenderer::finish(const color::TimelineGrade& timeline, std::int64_t frameIndex) {
  const int w = m_options.width;
  const int h = m_options.height;
  const bool halation = timeline.film.halation.amount > 0.0;
  const bool graded = !timeline.grade.isIdentity();
  const std::string gradeSource = graded ? m_grades.gradeShaderSource(timeline.grade, m_options.specialise) : std::string();
  const std::string filmSource = GradeRenderer::filmShaderSource(m_options.specialise ? &timeline.film : nullptr);
  const gl::Texture* source = &m_composite.texture();
  const gl::Texture* glow = nullptr;
  if (halation) {  // the glow comes from the timeline-graded picture, so grade it first
    if (graded) {
      PL_TRY_ASSIGN(gradedTex, gradeForHalation(timeline, gradeSource));
      source = gradedTex;
    }
    PL_TRY_ASSIGN(glowTex, m_grades.halation(*source, timeline.film.halation, w, h));
    glow = glowTex;
  }
  PL_TRY_ASSIGN(out, color::ocio::outputTransform(m_options.display));
  const bool gradeInside = graded && !halation;
  PL_TRY_ASSIGN(prog, program("finish", finishSource(gradeInside, halation, m_options.lumaInFinish, gradeSource, filmSource, out->gpu())));
  prog->use();
  source->bind(0);
  prog->setInt("u_composite", 0);
  PL_TRY_ASSIGN(unit, m_ocio.bind(*prog, out->gpu(), 2));
  if (gradeInside) PL_TRY(m_grades.bindGrade(*prog, timeline.grade, unit));
  PL_TRY(m_grades.bindFilm(*prog, timeline.film, frameIndex, w, h, glow, 1));
  if (m_options.lumaInFinish) {
    PL_TRY(ensureYuvTargets());
    setYuvUniforms(*prog);
    PL_TRY(m_output.attachSecond(m_planeY.texture()));
  }
  m_output.bindForDraw();
  gl::drawFullFrame();
  if (m_options.lumaInFinish) m_output.detachSecond();
  return {};
}

std::vector<std::uint8_t> FrameRenderer::readRgba8() const { return m_output.readRgba8(true); }
std::vector<std::uint16_t> FrameRenderer::readRgba16() const { return m_output.readRgba16(true); }
std::vector<float> FrameRenderer::readRgbaF() const { return m_output.readRgbaF(true); }

void FrameRenderer::setYuvUniforms(const gl::Program& prog) const {
  const auto [kr, kb] = displayLumaWeights(m_options.display);
  prog.set("u_krkb", kr, kb);
  prog.set("u_lumaRange", 16.0f / 255.0f, 219.0f / 255.0f);
  prog.set("u_chromaRange", 128.0f / 255.0f, 224.0f / 255.0f);
}

base::Result<void> FrameRenderer::drawYuvPlane(gl::RenderTarget& target, bool luma) {
  std::string src = std::string(kVersion) + (luma ? "#define PL_PLANE_Y\n" : "") + std::string(gl::shaderSource("yuv_out.frag"));
  PL_TRY_ASSIGN(prog, program(luma ? "yuv_out_y" : "yuv_out_c", src));
  prog->use();
  m_output.texture().bind(0);
  prog->setInt("u_rgb", 0);
  setYuvUniforms(*prog);
  target.bindForDraw();
  gl::drawFullFrame();
  return {};
}

base::Result<void> FrameRenderer::ensureYuvTargets() {
  const int w = m_options.width;
  const int h = m_options.height;
  if (w % 2 != 0 || h % 2 != 0) {
    return base::makeError(base::ErrorCode::InvalidArgument, "4:2:0 output needs an even frame size, not " +
                                                                 std::to_string(w) + "x" + std::to_string(h));
  }
  if (m_planeY.width() == w) return {};
  PL_TRY_ASSIGN(py, gl::RenderTarget::create(w, h, gl::TexFormat::R8, gl::Filter::Nearest));
  PL_TRY_ASSIGN(pc, gl::RenderTarget::create(w / 2, h / 2, gl::TexFormat::Rg8, gl::Filter::Nearest));
  m_planeY = std::move(py);
  m_planeCbCr = std::move(pc);
  return {};
}

base::Result<void> FrameRenderer::readYuv420(std::vector<std::uint8_t>& y, std::vector<std::uint8_t>& cb,
                                             std::vector<std::uint8_t>& cr) {
  PL_TRY(ensureYuvTargets());
  if (!m_options.lumaInFinish) PL_TRY(drawYuvPlane(m_planeY, true));
  PL_TRY(drawYuvPlane(m_planeCbCr, false));
  y = m_planeY.readR8(true);
  const std::vector<std::uint8_t> c = m_planeCbCr.readRg8(true);
  cb.resize(c.size() / 2);
  cr.resize(c.size() / 2);
  for (std::size_t i = 0; i < cb.size(); ++i) {
    cb[i] = c[2 * i];
    cr[i] = c[2 * i + 1];
  }
  return {};
}

}  // namespace postline::render
