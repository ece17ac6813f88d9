#pragma once
// Small RAII owners of GL objects and the few operations the renderer needs: textures (2D, 3D),
// framebuffers, programs, a full-frame draw and readback. All need a current context.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace postline::render::gl {

// Storage formats the renderer uses.
enum class TexFormat {
  R8,        // one 8-bit channel (8-bit video planes)
  Rg8,       // two 8-bit channels (Cb and Cr of 4:2:0 output)
  R16,       // one 16-bit channel (10/12-bit planes, little-endian uint16 samples)
  R32F,      // one float channel
  Rgba8,     // 8-bit RGBA (stills, graphics, 8-bit readback)
  Rgba16,    // 16-bit unsigned normalised RGBA (16-bit readback)
  Rgba16F,   // half-float RGBA (the working frame between passes)
  Rgba32F,   // float RGBA (tests comparing against the CPU reference)
  Rgb32F,    // float RGB (OCIO 3D/1D LUTs)
};

// Sampling of a texture.
enum class Filter { Nearest, Linear };

// An owned 2D or 3D texture (clamp-to-edge).
class Texture {
 public:
  Texture() = default;
  ~Texture();
  Texture(Texture&& o) noexcept;
  Texture& operator=(Texture&& o) noexcept;
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;

  // Allocates a 2D texture of `w` x `h` (data may be null; rows tightly packed unless `strideBytes`).
  static base::Result<Texture> create2d(int w, int h, TexFormat fmt, Filter filter, const void* data = nullptr,
                                        int strideBytes = 0);
  // Allocates a 3D texture of `w` x `h` x `d` from tightly packed data.
  static base::Result<Texture> create3d(int w, int h, int d, TexFormat fmt, Filter filter, const void* data);
  // Replaces the whole 2D image (same size and format); `strideBytes` 0 = tightly packed.
  void upload(const void* data, int strideBytes = 0);

  unsigned id() const { return m_id; }
  int width() const { return m_w; }
  int height() const { return m_h; }
  TexFormat format() const { return m_fmt; }
  bool valid() const { return m_id != 0; }
  // Binds to texture unit `unit` (GL_TEXTURE0 + unit) on its target.
  void bind(int unit) const;

 private:
  unsigned m_id = 0;
  unsigned m_target = 0;
  int m_w = 0, m_h = 0, m_d = 0;
  TexFormat m_fmt = TexFormat::Rgba8;
};

// A framebuffer drawing into one owned colour texture.
class RenderTarget {
 public:
  RenderTarget() = default;
  ~RenderTarget();
  RenderTarget(RenderTarget&& o) noexcept;
  RenderTarget& operator=(RenderTarget&& o) noexcept;
  RenderTarget(const RenderTarget&) = delete;
  RenderTarget& operator=(const RenderTarget&) = delete;

  // A `w` x `h` target of format `fmt`; Io when the framebuffer is incomplete.
  static base::Result<RenderTarget> create(int w, int h, TexFormat fmt, Filter filter = Filter::Linear);
  // Binds it for drawing and sets the viewport to its size.
  void bindForDraw() const;
  const Texture& texture() const { return m_tex; }
  int width() const { return m_tex.width(); }
  int height() const { return m_tex.height(); }
  unsigned fbo() const { return m_fbo; }

  // Reads the whole target back, rows bottom-to-top as GL stores them unless `flipRows`
  // (then row 0 is the top of the picture, as images are written).
  std::vector<float> readRgbaF(bool flipRows = true) const;          // 4 floats per pixel
  std::vector<std::uint8_t> readRgba8(bool flipRows = true) const;   // 4 bytes per pixel
  std::vector<std::uint16_t> readRgba16(bool flipRows = true) const; // 4 uint16 per pixel
  std::vector<std::uint8_t> readR8(bool flipRows = true) const;      // 1 byte per pixel
  std::vector<std::uint8_t> readRg8(bool flipRows = true) const;     // 2 bytes per pixel

  // Also draws into `second` (same size) as colour attachment 1 (fragment output location 1),
  // until detached; `second` must outlive the attachment.
  base::Result<void> attachSecond(const Texture& second);
  void detachSecond();

 private:
  Texture m_tex;
  unsigned m_fbo = 0;
};

// A linked program of the shared full-frame vertex shader and one fragment shader.
class Program {
 public:
  Program() = default;
  ~Program();
  Program(Program&& o) noexcept;
  Program& operator=(Program&& o) noexcept;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  // Compiles `fragmentSource` (a complete shader, #version line first) with the full-frame
  // vertex shader; Parse with the compiler log and `name` on failure.
  static base::Result<Program> build(std::string_view name, const std::string& fragmentSource);
  void use() const;
  unsigned id() const { return m_id; }

  // Uniform setters by name; a name the compiler removed is ignored.
  void set(const char* name, float v) const;
  void set(const char* name, float a, float b) const;
  void set(const char* name, float a, float b, float c) const;
  void set(const char* name, float a, float b, float c, float d) const;
  void setInt(const char* name, int v) const;
  // A mat3 given column-major (9 floats).
  void setMat3(const char* name, const float* m) const;
  // Sets `n` (1..4) float components.
  void setVec(const char* name, int n, const float* v) const;

 private:
  int location(const char* name) const;
  unsigned m_id = 0;
};

// Draws the full-frame triangle into the bound target (vertex shader outputs `v_uv`, 0..1,
// v_uv.y = 0 at the bottom row of the target).
void drawFullFrame();

// Clears the bound draw target to (r, g, b, a).
void clear(float r, float g, float b, float a);

// Blending of the following draws: none, or premultiplied-alpha "over" (src + dst * (1 - src.a)).
void setOverBlend(bool on);

// The GL error state as text ("" when none), and clears it.
std::string takeGlError();

}  // namespace postline::render::gl
