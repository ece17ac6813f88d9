#include "core/render/gl/gl_objects.h"

#include <epoxy/gl.h>

#include <cstdio>
#include <utility>

#include "core/render/gl/shader_library.h"

namespace postline::render::gl {
namespace {

using base::ErrorCode;
using base::makeError;

struct FormatInfo {
  GLenum internal;
  GLenum format;
  GLenum type;
  int bytesPerPixel;  // of the client-side data uploaded/read in this format
};

FormatInfo info(TexFormat f) {
  switch (f) {
    case TexFormat::R8: return {GL_R8, GL_RED, GL_UNSIGNED_BYTE, 1};
    case TexFormat::Rg8: return {GL_RG8, GL_RG, GL_UNSIGNED_BYTE, 2};
    case TexFormat::R16: return {GL_R16, GL_RED, GL_UNSIGNED_SHORT, 2};
    case TexFormat::R32F: return {GL_R32F, GL_RED, GL_FLOAT, 4};
    case TexFormat::Rgba8: return {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, 4};
    case TexFormat::Rgba16: return {GL_RGBA16, GL_RGBA, GL_UNSIGNED_SHORT, 8};
    case TexFormat::Rgba16F: return {GL_RGBA16F, GL_RGBA, GL_FLOAT, 16};
    case TexFormat::Rgba32F: return {GL_RGBA32F, GL_RGBA, GL_FLOAT, 16};
    case TexFormat::Rgb32F: return {GL_RGB32F, GL_RGB, GL_FLOAT, 12};
  }
  return {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, 4};
}

void setUnpack(int strideBytes, int bytesPerPixel) {
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, strideBytes > 0 ? strideBytes / bytesPerPixel : 0);
}

// Creating or re-uploading a texture binds it on a scratch unit, so the units a draw has bound
// (planes, LUTs) are never disturbed by an upload made between binding and drawing.
void bindForUpload(GLenum target, GLuint id) {
  glActiveTexture(GL_TEXTURE31);
  glBindTexture(target, id);
}

void setSampling(GLenum target, Filter filter) {
  const GLint f = filter == Filter::Linear ? GL_LINEAR : GL_NEAREST;
  glTexParameteri(target, GL_TEXTURE_MIN_FILTER, f);
  glTexParameteri(target, GL_TEXTURE_MAG_FILTER, f);
  glTexParameteri(target, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(target, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexParameteri(target, GL_TEXTURE_WRAP_R, GL_CLAMP_TO_EDGE);
}

base::Result<unsigned> compile(GLenum kind, std::string_view name, const std::string& src) {
  const GLuint s = glCreateShader(kind);
  const char* text = src.c_str();
  glShaderSource(s, 1, &text, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return s;
  std::string log(4096, '\0');
  GLsizei len = 0;
  glGetShaderInfoLog(s, static_cast<GLsizei>(log.size()), &len, log.data());
  glDeleteShader(s);
  log.resize(static_cast<std::size_t>(len));
  return makeError(ErrorCode::Parse, "shader '" + std::string(name) + "' does not compile: " + log);
}

template <class T>
std::vector<T> readPixels(unsigned fbo, int w, int h, int comps, GLenum format, GLenum type, bool flip) {
  std::vector<T> px(static_cast<std::size_t>(w) * h * comps);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, format, type, px.data());
  if (flip) {
    const std::size_t row = static_cast<std::size_t>(w) * comps;
    for (int y = 0; y < h / 2; ++y) {
      std::swap_ranges(px.begin() + static_cast<std::ptrdiff_t>(y * row), px.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                       px.begin() + static_cast<std::ptrdiff_t>((h - 1 - y) * row));
    }
  }
  return px;
}

}  // namespace

Texture::~Texture() {
  if (m_id != 0) glDeleteTextures(1, &m_id);
}

Texture::Texture(Texture&& o) noexcept
    : m_id(std::exchange(o.m_id, 0)), m_target(o.m_target), m_w(o.m_w), m_h(o.m_h), m_d(o.m_d), m_fmt(o.m_fmt) {}

Texture& Texture::operator=(Texture&& o) noexcept {
  if (this != &o) {
    if (m_id != 0) glDeleteTextures(1, &m_id);
    m_id = std::exchange(o.m_id, 0);
    m_target = o.m_target;
    m_w = o.m_w;
    m_h = o.m_h;
    m_d = o.m_d;
    m_fmt = o.m_fmt;
  }
  return *this;
}

base::Result<Texture> Texture::create2d(int w, int h, TexFormat fmt, Filter filter, const void* data, int strideBytes) {
  if (w <= 0 || h <= 0) return makeError(ErrorCode::InvalidArgument, "texture size must be positive");
  Texture t;
  t.m_target = GL_TEXTURE_2D;
  t.m_w = w;
  t.m_h = h;
  t.m_d = 1;
  t.m_fmt = fmt;
  const FormatInfo fi = info(fmt);
  glGenTextures(1, &t.m_id);
  bindForUpload(GL_TEXTURE_2D, t.m_id);
  setSampling(GL_TEXTURE_2D, filter);
  setUnpack(strideBytes, fi.bytesPerPixel);
  glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(fi.internal), w, h, 0, fi.format, fi.type, data);
  const std::string err = takeGlError();
  if (!err.empty()) return makeError(ErrorCode::Io, "cannot create a " + std::to_string(w) + "x" + std::to_string(h) + " texture: " + err);
  return t;
}

base::Result<Texture> Texture::create3d(int w, int h, int d, TexFormat fmt, Filter filter, const void* data) {
  if (w <= 0 || h <= 0 || d <= 0) return makeError(ErrorCode::InvalidArgument, "3D texture size must be positive");
  Texture t;
  t.m_target = GL_TEXTURE_3D;
  t.m_w = w;
  t.m_h = h;
  t.m_d = d;
  t.m_fmt = fmt;
  const FormatInfo fi = info(fmt);
  glGenTextures(1, &t.m_id);
  bindForUpload(GL_TEXTURE_3D, t.m_id);
  setSampling(GL_TEXTURE_3D, filter);
  setUnpack(0, fi.bytesPerPixel);
  glTexImage3D(GL_TEXTURE_3D, 0, static_cast<GLint>(fi.internal), w, h, d, 0, fi.format, fi.type, data);
  const std::string err = takeGlError();
  if (!err.empty()) return makeError(ErrorCode::Io, "cannot create a 3D texture: " + err);
  return t;
}

void Texture::upload(const void* data, int strideBytes) {
  const FormatInfo fi = info(m_fmt);
  bindForUpload(GL_TEXTURE_2D, m_id);
  setUnpack(strideBytes, fi.bytesPerPixel);
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, m_w, m_h, fi.format, fi.type, data);
}

void Texture::bind(int unit) const {
  glActiveTexture(GL_TEXTURE0 + static_cast<GLenum>(unit));
  glBindTexture(m_target, m_id);
}

RenderTarget::~RenderTarget() {
  if (m_fbo != 0) glDeleteFramebuffers(1, &m_fbo);
}

RenderTarget::RenderTarget(RenderTarget&& o) noexcept : m_tex(std::move(o.m_tex)), m_fbo(std::exchange(o.m_fbo, 0)) {}

RenderTarget& RenderTarget::operator=(RenderTarget&& o) noexcept {
  if (this != &o) {
    if (m_fbo != 0) glDeleteFramebuffers(1, &m_fbo);
    m_tex = std::move(o.m_tex);
    m_fbo = std::exchange(o.m_fbo, 0);
  }
  return *this;
}

base::Result<RenderTarget> RenderTarget::create(int w, int h, TexFormat fmt, Filter filter) {
  RenderTarget rt;
  PL_TRY_ASSIGN(tex, Texture::create2d(w, h, fmt, filter));
  rt.m_tex = std::move(tex);
  glGenFramebuffers(1, &rt.m_fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, rt.m_fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, rt.m_tex.id(), 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    return makeError(ErrorCode::Io, "framebuffer of " + std::to_string(w) + "x" + std::to_string(h) + " is incomplete");
  }
  return rt;
}

void RenderTarget::bindForDraw() const {
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_fbo);
  glViewport(0, 0, width(), height());
}

std::vector<float> RenderTarget::readRgbaF(bool flip) const {
  return readPixels<float>(m_fbo, width(), height(), 4, GL_RGBA, GL_FLOAT, flip);
}
std::vector<std::uint8_t> RenderTarget::readRgba8(bool flip) const {
  return readPixels<std::uint8_t>(m_fbo, width(), height(), 4, GL_RGBA, GL_UNSIGNED_BYTE, flip);
}
std::vector<std::uint16_t> RenderTarget::readRgba16(bool flip) const {
  return readPixels<std::uint16_t>(m_fbo, width(), height(), 4, GL_RGBA, GL_UNSIGNED_SHORT, flip);
}
std::vector<std::uint8_t> RenderTarget::readR8(bool flip) const {
  return readPixels<std::uint8_t>(m_fbo, width(), height(), 1, GL_RED, GL_UNSIGNED_BYTE, flip);
}
std::vector<std::uint8_t> RenderTarget::readRg8(bool flip) const {
  return readPixels<std::uint8_t>(m_fbo, width(), height(), 2, GL_RG, GL_UNSIGNED_BYTE, flip);
}

base::Result<void> RenderTarget::attachSecond(const Texture& second) {
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_TEXTURE_2D, second.id(), 0);
  const GLenum bufs[2] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
  glDrawBuffers(2, bufs);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    detachSecond();
    return makeError(ErrorCode::Io, "framebuffer with a second target is incomplete");
  }
  return {};
}

void RenderTarget::detachSecond() {
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_TEXTURE_2D, 0, 0);
  const GLenum buf = GL_COLOR_ATTACHMENT0;
  glDrawBuffers(1, &buf);
}

Program::~Program() {
  if (m_id != 0) glDeleteProgram(m_id);
}

Program::Program(Program&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}

Program& Program::operator=(Program&& o) noexcept {
  if (this != &o) {
    if (m_id != 0) glDeleteProgram(m_id);
    m_id = std::exchange(o.m_id, 0);
  }
  return *this;
}

base::Result<Program> Program::build(std::string_view name, const std::string& fragmentSource) {
  PL_TRY_ASSIGN(vs, compile(GL_VERTEX_SHADER, "fullframe.vert", std::string(shaderSource("fullframe.vert"))));
  auto fs = compile(GL_FRAGMENT_SHADER, name, fragmentSource);
  if (!fs) {
    glDeleteShader(vs);
    return fs.error();
  }
  Program p;
  p.m_id = glCreateProgram();
  glAttachShader(p.m_id, vs);
  glAttachShader(p.m_id, fs.value());
  glLinkProgram(p.m_id);
  glDeleteShader(vs);
  glDeleteShader(fs.value());
  GLint ok = 0;
  glGetProgramiv(p.m_id, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    std::string log(4096, '\0');
    GLsizei len = 0;
    glGetProgramInfoLog(p.m_id, static_cast<GLsizei>(log.size()), &len, log.data());
    log.resize(static_cast<std::size_t>(len));
    return makeError(ErrorCode::Parse, "shader program '" + std::string(name) + "' does not link: " + log);
  }
  return p;
}

void Program::use() const { glUseProgram(m_id); }

int Program::location(const char* name) const { return glGetUniformLocation(m_id, name); }

void Program::set(const char* name, float v) const { glProgramUniform1f(m_id, location(name), v); }
void Program::set(const char* name, float a, float b) const { glProgramUniform2f(m_id, location(name), a, b); }
void Program::set(const char* name, float a, float b, float c) const { glProgramUniform3f(m_id, location(name), a, b, c); }
void Program::set(const char* name, float a, float b, float c, float d) const {
  glProgramUniform4f(m_id, location(name), a, b, c, d);
}
void Program::setInt(const char* name, int v) const { glProgramUniform1i(m_id, location(name), v); }
void Program::setMat3(const char* name, const float* m) const { glProgramUniformMatrix3fv(m_id, location(name), 1, GL_FALSE, m); }

void Program::setVec(const char* name, int n, const float* v) const {
  const int loc = location(name);
  switch (n) {
    case 1: glProgramUniform1fv(m_id, loc, 1, v); break;
    case 2: glProgramUniform2fv(m_id, loc, 1, v); break;
    case 3: glProgramUniform3fv(m_id, loc, 1, v); break;
    default: glProgramUniform4fv(m_id, loc, 1, v); break;
  }
}

void drawFullFrame() {
  GLuint vao = 0;
  glGenVertexArrays(1, &vao);
  glBindVertexArray(vao);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glDeleteVertexArrays(1, &vao);
}

void clear(float r, float g, float b, float a) {
  glClearColor(r, g, b, a);
  glClear(GL_COLOR_BUFFER_BIT);
}

void setOverBlend(bool on) {
  if (!on) {
    glDisable(GL_BLEND);
    return;
  }
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

std::string takeGlError() {
  std::string out;
  for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError()) {
    if (!out.empty()) out += ", ";
    out += "GL error 0x" + [](GLenum v) { char b[16]; std::snprintf(b, sizeof b, "%04x", v); return std::string(b); }(e);
  }
  return out;
}

}  // namespace postline::render::gl
