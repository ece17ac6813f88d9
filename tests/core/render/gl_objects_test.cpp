// The GL plumbing on the test's context: shaders compile from the embedded sources, targets of
// every format render and read back exactly, textures upload with strides.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/render/gl/gl_objects.h"
#include "core/render/gl/shader_library.h"
#include "tests/core/render/gpu/gpu_test_env.h"

namespace postline::render::gl {
namespace {

const std::string kUvShader = R"(#version 400 core
in vec2 v_uv;
out vec4 o;
uniform float u_blue;
void main() { o = vec4(v_uv, u_blue, 1.0); }
)";

TEST(GlObjects, EmbeddedShadersArePresent) {
  EXPECT_FALSE(shaderSource("fullframe.vert").empty());
  EXPECT_TRUE(shaderSource("no-such-shader.glsl").empty());
}

TEST(GlObjects, FullFrameDrawCoversEveryPixelWithPixelCentreCoordinates) {
  auto prog = Program::build("uv", kUvShader);
  ASSERT_TRUE(prog.ok()) << prog.error().message;
  auto rt = RenderTarget::create(8, 4, TexFormat::Rgba32F);
  ASSERT_TRUE(rt.ok()) << rt.error().message;
  rt->bindForDraw();
  prog->use();
  prog->set("u_blue", 0.25f);
  drawFullFrame();
  const std::vector<float> px = rt->readRgbaF(true);  // row 0 = top
  ASSERT_EQ(px.size(), 8u * 4u * 4u);
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 8; ++x) {
      const float* p = &px[(static_cast<std::size_t>(y) * 8 + x) * 4];
      EXPECT_NEAR(p[0], (x + 0.5f) / 8.0f, 1e-6f);
      EXPECT_NEAR(p[1], (3 - y + 0.5f) / 4.0f, 1e-6f);  // top row has the largest v
      EXPECT_FLOAT_EQ(p[2], 0.25f);
    }
  }
  EXPECT_EQ(takeGlError(), "");
}

TEST(GlObjects, UploadsWithStrideAndReadsBackEightAndSixteenBit) {
  // A 3x2 R8 plane with a 5-byte stride, copied into an RGBA8 target by a shader.
  const std::vector<std::uint8_t> plane = {10, 20, 30, 0, 0, 40, 50, 60, 0, 0};
  auto tex = Texture::create2d(3, 2, TexFormat::R8, Filter::Nearest, plane.data(), 5);
  ASSERT_TRUE(tex.ok()) << tex.error().message;
  auto prog = Program::build("copy", R"(#version 400 core
in vec2 v_uv; out vec4 o; uniform sampler2D u_t;
void main() { float v = texture(u_t, v_uv).r; o = vec4(v, v, v, 1.0); })");
  ASSERT_TRUE(prog.ok()) << prog.error().message;
  for (TexFormat f : {TexFormat::Rgba8, TexFormat::Rgba16}) {
    auto rt = RenderTarget::create(3, 2, f, Filter::Nearest);
    ASSERT_TRUE(rt.ok());
    rt->bindForDraw();
    prog->use();
    tex->bind(0);
    prog->setInt("u_t", 0);
    drawFullFrame();
    if (f == TexFormat::Rgba8) {
      const auto px = rt->readRgba8(false);  // GL order: row 0 = first uploaded row
      EXPECT_EQ(px[0], 10);
      EXPECT_EQ(px[4 * 2], 30);
      EXPECT_EQ(px[4 * 3], 40);
      EXPECT_EQ(px[4 * 5], 60);
    } else {
      const auto px = rt->readRgba16(false);
      EXPECT_EQ(px[4 * 4], 50 * 257);
    }
  }
}

TEST(GlObjects, ACompileErrorNamesTheShaderAndGivesTheLog) {
  auto prog = Program::build("broken.frag", "#version 400 core\nvoid main() { nonsense; }\n");
  ASSERT_FALSE(prog.ok());
  EXPECT_NE(prog.error().message.find("broken.frag"), std::string::npos);
}

}  // namespace
}  // namespace postline::render::gl
