#include "core/render/frame_renderer.h"

#include <array>
#include <utility>

#include "core/color/ocio/ocio.h"
#include "core/render/gl/shader_library.h"
#include "core/render/source_format.h"

namespace postline::render {
namespace {

using base::ErrorCode;
using base::makeError;

constexpr const char* kVersion = gl::kGlslVersion;

std::string layerSource(bool yuv, const color::ocio::GpuShader& input, const std::string& grade) {
  return std::string(kVersion) + (yuv ? "#define PL_SOURCE_YUV\n" : "#define PL_SOURCE_RGBA\n") + input.source + "\n" +
         grade + "\n" + std::string(gl::shaderSource("layer.frag"));
}

}  // namespace

// The textures of the picture being drawn, kept between layers and frames while the size matches.
struct FrameRenderer::SourceTextures {
  std::array<gl::Texture, 3> planes;
};

FrameRenderer::FrameRenderer(const RenderOptions& options) : m_options(options), m_sources(std::make_unique<SourceTextures>()) {}

FrameRenderer::~FrameRenderer() = default;

base::Result<std::unique_ptr<FrameRenderer>> FrameRenderer::create(const RenderOptions& options) {
  if (options.width <= 0 || options.height <= 0 || options.width > 16384 || options.height > 16384) {
    return makeError(ErrorCode::InvalidArgument, "render size " + std::to_string(options.width) + "x" +
                                                     std::to_string(options.height) + " must be 1..16384 each way");
  }
  std::unique_ptr<FrameRenderer> r(new FrameRenderer(options));
  PL_TRY(r->init());
  return r;
}

base::Result<void> FrameRenderer::init() {
  PL_TRY(color::ocio::outputTransform(m_options.display));
  const int w = m_options.width;
  const int h = m_options.height;
  PL_TRY_ASSIGN(composite, gl::RenderTarget::create(w, h, m_options.working));
  PL_TRY_ASSIGN(output, gl::RenderTarget::create(w, h, m_options.working, gl::Filter::Linear));
  m_composite = std::move(composite);
  m_output = std::move(output);
  return {};
}

base::Result<const gl::Program*> FrameRenderer::program(const std::string& name, const std::string& source) {
  auto it = m_programs.find(source);
  if (it != m_programs.end()) return &it->second;
  PL_TRY_ASSIGN(prog, gl::Program::build(name, source));
  return &m_programs.emplace(source, std::move(prog)).first->second;
}

base::Result<RenderReport> FrameRenderer::render(const FramePlan& plan, const color::TimelineGrade& timeline,
                                                 PictureSource& pictures, std::int64_t frameIndex) {
  RenderReport report;
  // The first layer drawn writes every pixel (transparent outside its picture), so it needs
  // neither a cleared target nor blending; the target is cleared only when nothing is drawn.
  bool first = true;
  for (const Layer& layer : plan.layers) {
    auto picture = pictures.picture(layer);
    if (!picture) {
      report.warnings.push_back(picture.error().message + " (layer left out)");
      continue;
    }
    PL_TRY(drawLayer(layer, *picture.value(), !first));
    first = false;
  }
  if (first) {
    m_composite.bindForDraw();
    gl::clear(0.0f, 0.0f, 0.0f, 0.0f);
  }
  PL_TRY(finish(timeline, frameIndex));
  for (std::string& w : m_grades.takeWarnings()) report.warnings.push_back(std::move(w) + " (LUT bypassed)");
  return report;
}

base::Result<void> FrameRenderer::drawLayer(const Layer& layer, const media::VideoFrame& frame, bool blend) {
  const SourceFormat fmt = sourceFormat(frame);
  PL_TRY_ASSIGN(input, color::ocio::inputTransform(fmt.colorSpace));
  const color::Grade& grade = layer.grade;
  const std::string gradeSource = m_grades.gradeShaderSource(grade, m_options.specialise);
  PL_TRY_ASSIGN(prog, program("layer", layerSource(fmt.yuv, input->gpu(), gradeSource)));
  PL_TRY(uploadPlanes(frame, fmt));
  prog->use();
  setSourceUniforms(*prog, fmt);
  prog->setMat3("u_transform", layer.transform.data());
  prog->set("u_opacity", layer.opacity);
  prog->set("u_outSize", static_cast<float>(m_options.width), static_cast<float>(m_options.height));
  prog->set("u_crop", layer.crop[0], layer.crop[1], layer.crop[2], layer.crop[3]);
  PL_TRY_ASSIGN(unit, m_ocio.bind(*prog, input->gpu(), 3));
  PL_TRY(m_grades.bindGrade(*prog, grade, unit));
  m_composite.bindForDraw();
  gl::setOverBlend(blend);
  gl::drawFullFrame();
  gl::setOverBlend(false);
  return {};
}

base::Result<void> FrameRenderer::uploadPlanes(const media::VideoFrame& frame, const SourceFormat& fmt) {
  for (int i = 0; i < frame.planeCount; ++i) {
    const media::Plane& p = frame.planes[static_cast<std::size_t>(i)];
    const bool deep = frame.bitDepth > 8;
    const gl::TexFormat tf = fmt.yuv ? (deep ? gl::TexFormat::R16 : gl::TexFormat::R8)
                                     : (deep ? gl::TexFormat::Rgba16 : gl::TexFormat::Rgba8);
    gl::Texture& t = m_sources->planes[static_cast<std::size_t>(i)];
    if (t.valid() && t.width() == p.width && t.height() == p.height && t.format() == tf) {
      t.upload(p.data.data(), p.stride);
      continue;
    }
    PL_TRY_ASSIGN(tex, gl::Texture::create2d(p.width, p.height, tf, gl::Filter::Linear, p.data.data(), p.stride));
    t = std::move(tex);
  }
  return {};
}

void FrameRenderer::setSourceUniforms(const gl::Program& prog, const SourceFormat& fmt) const {
  if (!fmt.yuv) {
    m_sources->planes[0].bind(0);
    prog.setInt("u_rgba", 0);
    return;
  }
  static constexpr std::array<const char*, 3> kNames = {"u_planeY", "u_planeU", "u_planeV"};
  for (int i = 0; i < 3; ++i) {
    m_sources->planes[static_cast<std::size_t>(i)].bind(i);
    prog.setInt(kNames[static_cast<std::size_t>(i)], i);
  }
  prog.set("u_maxCode", fmt.maxCode);
  prog.set("u_lumaRange", fmt.lumaOffset, fmt.lumaScale);
  prog.set("u_chromaRange", fmt.chromaOffset, fmt.chromaScale);
  prog.set("u_krkb", fmt.kr, fmt.kb);
}

}  // namespace postline::render
