// Every grading operation rendered on the GPU (RGBA32F) against the CPU reference
// (core/color/grade_cpu.h) on three test patterns: a ramp, colour bars, and a pseudo-random
// pattern with values above 1, near 0 and slightly negative. Errors are measured in grading space
// (sign(x) |x|^(1/2.4)), where the eye judges them; each test states its tolerance.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "core/color/grade_cpu.h"
#include "core/render/gl/gl_objects.h"
#include "core/render/grade_pass.h"

namespace postline::render {
namespace {

using color::FilmLook;
using color::Grade;
using color::ImageF;

constexpr int kW = 70;  // not a multiple of 4: exercises the halation edge blocks
constexpr int kH = 45;

ImageF pattern(int kind) {
  ImageF img(kW, kH);
  std::uint32_t s = 12345u + static_cast<std::uint32_t>(kind);
  const float bars[8][3] = {{.75f, .75f, .75f}, {.75f, .75f, 0}, {0, .75f, .75f}, {0, .75f, 0},
                            {.75f, 0, .75f},    {.75f, 0, 0},    {0, 0, .75f},    {0, 0, 0}};
  for (int y = 0; y < kH; ++y) {
    for (int x = 0; x < kW; ++x) {
      float* p = img.at(x, y);
      if (kind == 0) {  // ramp, 0 .. 1.3 across, hue varying down
        const float v = 1.3f * x / (kW - 1);
        p[0] = v;
        p[1] = v * (0.5f + 0.5f * y / (kH - 1));
        p[2] = v * (1.0f - 0.5f * y / (kH - 1));
      } else if (kind == 1) {  // colour bars, with a bright strip at the bottom
        const auto& b = bars[std::min(7, x * 8 / kW)];
        const float k = y > kH * 3 / 4 ? 2.0f : 1.0f;
        for (int c = 0; c < 3; ++c) p[c] = b[c] * k;
      } else {  // pseudo-random: near 0, ordinary, above 1, a few slightly negative
        for (int c = 0; c < 3; ++c) {
          s = s * 1664525u + 1013904223u;
          const float u = static_cast<float>(s >> 8) / 16777216.0f;
          p[c] = u < 0.1f ? u * 1e-3f : (u < 0.15f ? -0.01f * u : (u > 0.9f ? 1.0f + 10.0f * (u - 0.9f) : u));
        }
      }
      p[3] = 0.25f + 0.5f * x / (kW - 1);
    }
  }
  return img;
}

gl::Texture upload(const ImageF& img) {
  std::vector<float> flipped(img.rgba.size());
  const std::size_t row = static_cast<std::size_t>(img.width) * 4;
  for (int y = 0; y < img.height; ++y)
    std::copy_n(&img.rgba[y * row], row, &flipped[(img.height - 1 - y) * row]);
  auto t = gl::Texture::create2d(img.width, img.height, gl::TexFormat::Rgba32F, gl::Filter::Linear, flipped.data());
  EXPECT_TRUE(t.ok());
  return std::move(t.value());
}

float encode(float v) { return std::copysign(std::pow(std::fabs(v), 1.0f / 2.4f), v); }

// Largest grading-space difference over rgb, and the alpha must be passed through exactly.
float maxError(const ImageF& cpu, const std::vector<float>& gpu) {
  float worst = 0.0f;
  for (std::size_t i = 0; i < cpu.rgba.size(); ++i) {
    if (i % 4 == 3) {
      EXPECT_EQ(cpu.rgba[i], gpu[i]) << "alpha at " << i / 4;
      continue;
    }
    worst = std::max(worst, std::fabs(encode(cpu.rgba[i]) - encode(gpu[i])));
  }
  return worst;
}

// Largest grading-space change the CPU reference made (proves an operation did something).
float maxChange(const ImageF& before, const ImageF& after) {
  float worst = 0.0f;
  for (std::size_t i = 0; i < before.rgba.size(); ++i)
    worst = std::max(worst, std::fabs(encode(before.rgba[i]) - encode(after.rgba[i])));
  return worst;
}

struct GradeGpu : ::testing::Test {
  GradeRenderer renderer;
  float lastChange = 0.0f;

  float gradeError(const Grade& g, int kind) {
    ImageF cpu = pattern(kind);
    const gl::Texture in = upload(cpu);
    auto target = gl::RenderTarget::create(kW, kH, gl::TexFormat::Rgba32F, gl::Filter::Nearest);
    EXPECT_TRUE(target.ok());
    auto r = renderer.gradeImage(in, target.value(), g);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    const ImageF before = cpu;
    (void)color::applyGradeCpu(cpu, g);
    lastChange = maxChange(before, cpu);
    return maxError(cpu, target.value().readRgbaF(true));
  }
  float filmError(const FilmLook& f, int kind, std::int64_t frame = 5) {
    ImageF cpu = pattern(kind);
    const gl::Texture in = upload(cpu);
    auto target = gl::RenderTarget::create(kW, kH, gl::TexFormat::Rgba32F, gl::Filter::Nearest);
    EXPECT_TRUE(target.ok());
    auto r = renderer.filmImage(in, target.value(), f, frame);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    const ImageF before = cpu;
    color::applyFilmLookCpu(cpu, f, frame);
    lastChange = maxChange(before, cpu);
    return maxError(cpu, target.value().readRgbaF(true));
  }
  // Every pattern within `tolerance`; unless the operation is the identity, it must have changed
  // some pixel by more than 1e-3 (so a test cannot pass by doing nothing on both sides).
  void expectGrade(const Grade& g, float tolerance) {
    for (int kind = 0; kind < 3; ++kind) {
      EXPECT_LE(gradeError(g, kind), tolerance) << "pattern " << kind;
      if (!g.isIdentity()) {
        EXPECT_GT(lastChange, 1e-3f) << "pattern " << kind;
      }
    }
  }
  void expectFilm(const FilmLook& f, float tolerance) {
    for (int kind = 0; kind < 3; ++kind) {
      EXPECT_LE(filmError(f, kind), tolerance) << "pattern " << kind;
      if (!f.isIdentity()) {
        EXPECT_GT(lastChange, 1e-3f) << "pattern " << kind;
      }
    }
  }
};

// Tolerance for every operation: 1e-5 in grading space (llvmpipe measured at most 1.5e-6: the GPU
// follows the same float formulas, curves/glow through exact texel reads, the grain hash in uint;
// what remains is pow/exp/exp2 rounding against libm).
constexpr float kTol = 1e-5f;

TEST_F(GradeGpu, IdentityGrade) { expectGrade(Grade{}, 2e-6f); }

TEST_F(GradeGpu, WhiteBalance) {
  Grade g;
  g.normalise.temperature = 70;
  g.normalise.tint = -40;
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, Exposure) {
  Grade g;
  g.normalise.exposure = 1.7;
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, Contrast) {
  Grade g;
  g.normalise.contrast = 1.6;
  g.normalise.pivot = 0.25;
  expectGrade(g, kTol);
  g.normalise.contrast = 0.4;
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, LiftGammaGainOffset) {
  Grade g;
  g.normalise.lift = {0.05, -0.02, 0.1, 0.03};
  g.normalise.gamma = {1.2, 0.9, 1.0, 1.1};
  g.normalise.gain = {1.1, 1.0, 0.8, 1.2};
  g.normalise.offset = {0.01, 0.0, -0.02, 0.01};
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, Saturation) {
  Grade g;
  g.normalise.saturation = 1.8;
  expectGrade(g, kTol);
  g.normalise.saturation = 0.0;
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, TonalRanges) {
  Grade g;
  g.normalise.shadows = 0.3;
  g.normalise.midtones = -0.2;
  g.normalise.highlights = 0.4;
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, Curves) {
  Grade g;
  g.creative.curves.master = {{0, 0.02}, {0.3, 0.25}, {0.7, 0.78}, {1, 0.97}};
  g.creative.curves.red = {{0, 0}, {0.5, 0.55}, {1, 1}};
  g.creative.curves.blue = {{0.1, 0}, {0.9, 1}};
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, SplitTone) {
  Grade g;
  g.creative.split = {210, 0.6, 35, 0.5, 0.3};
  expectGrade(g, kTol);
}

// The look LUT, written once per test process under a name of its own: ctest runs these tests in
// parallel processes (and the Qt variant of the suite beside them), and a shared file rewritten
// by one while another reads it was seen to feed a half-written LUT to the other.
std::string writeCube() {
  static const std::string written = [] {
    const auto path = std::filesystem::temp_directory_path() /
                      ("postline_grade_gpu_look_" + std::to_string(::getpid()) + ".cube");
    std::ofstream f(path);
    f << "LUT_3D_SIZE 5\n";
    for (int b = 0; b < 5; ++b)
      for (int g = 0; g < 5; ++g)
        for (int r = 0; r < 5; ++r) {
          const double R = r / 4.0, G = g / 4.0, B = b / 4.0;
          f << std::pow(R, 0.8) * 0.9 + 0.05 * B << ' ' << G * G * 0.5 + G * 0.5 << ' ' << 0.1 + 0.8 * B * B << '\n';
        }
    return path.string();
  }();
  return written;
}

TEST_F(GradeGpu, LookLut) {
  Grade g;
  g.creative.lut = {writeCube(), 0.7};
  EXPECT_EQ(renderer.lutError(g), "");
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, BadLutIsBypassedAndReported) {
  const auto bad = std::filesystem::temp_directory_path() / ("postline_grade_gpu_bad_" + std::to_string(::getpid()) + ".cube");
  std::ofstream(bad) << "LUT_3D_SIZE 3\n0 0 0\nnot a number\n";
  Grade g;
  g.normalise.exposure = 0.5;
  g.creative.lut = {bad.string(), 1.0};
  EXPECT_EQ(renderer.gradeShaderSource(g).find("#define PL_LOOK"), std::string::npos);
  EXPECT_NE(renderer.lutError(g).find(bad.filename().string()), std::string::npos);
  const auto warnings = renderer.takeWarnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(bad.filename().string()), std::string::npos);
  EXPECT_LE(gradeError(g, 0), kTol);  // rendered, graded without the LUT like the CPU
  Grade missing = g;
  missing.creative.lut.path = "/nonexistent/look.cube";
  EXPECT_LE(gradeError(missing, 2), kTol);
}

TEST_F(GradeGpu, FixedLutFileIsLoadedAgain) {
  const auto path = std::filesystem::temp_directory_path() / ("postline_grade_gpu_fixed_" + std::to_string(::getpid()) + ".cube");
  std::ofstream(path) << "LUT_3D_SIZE 2\n0 0 0\n";
  Grade g;
  g.creative.lut = {path.string(), 1.0};
  EXPECT_NE(renderer.lutError(g), "");
  std::filesystem::copy_file(writeCube(), path, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(2));
  EXPECT_EQ(renderer.lutError(g), "");
  EXPECT_NE(renderer.gradeShaderSource(g).find("#define PL_LOOK"), std::string::npos);
  EXPECT_LE(gradeError(g, 1), kTol);
}

// The sources assemble into one shader with OCIO input/output transforms (as the compositor does).
TEST_F(GradeGpu, GradeAndFilmSourcesFuseWithOcioTransforms) {
  Grade g;
  g.creative.lut = {writeCube(), 0.5};
  auto input = color::ocio::inputTransform("Rec.709", "pl_input");
  auto output = color::ocio::outputTransform("Rec.709", "pl_output");
  ASSERT_TRUE(input.ok() && output.ok());
  const std::string source = "#version 400 core\n" + (*input)->gpu().source + renderer.gradeShaderSource(g) +
                             GradeRenderer::filmShaderSource() + (*output)->gpu().source +
                             "out vec4 o;\nvoid main() {\n  vec3 w = pl_grade(pl_input(vec4(0.5)).rgb);\n"
                             "  w = pl_film_working(w, vec2(0.5), vec3(0.0));\n"
                             "  o = pl_output(vec4(pl_film_grading(w, gl_FragCoord.xy), 1.0));\n}\n";
  auto program = gl::Program::build("fused", source);
  ASSERT_TRUE(program.ok()) << program.error().message;
  EXPECT_TRUE(renderer.bindGrade(*program, g, 2).ok());
  EXPECT_EQ(renderer.gradeTextureUnits(g), 2);  // curves + the look's 3D LUT
}

TEST_F(GradeGpu, EverythingTogether) {
  Grade g;
  g.normalise.temperature = -20;
  g.normalise.exposure = 0.4;
  g.normalise.contrast = 1.3;
  g.normalise.lift = {0, 0, 0.02, 0.01};
  g.normalise.gain = {1.05, 1, 0.95, 1};
  g.normalise.saturation = 1.2;
  g.normalise.midtones = 0.1;
  g.creative.curves.master = {{0, 0}, {0.5, 0.55}, {1, 1}};
  g.creative.split = {200, 0.3, 40, 0.3, 0};
  g.creative.lut = {writeCube(), 0.5};
  expectGrade(g, kTol);
}

TEST_F(GradeGpu, SlidersChangeUniformsNotShaderText) {
  Grade a;
  Grade b;
  b.normalise.exposure = 2;
  b.normalise.saturation = 0.5;
  b.creative.curves.master = {{0, 0.1}, {1, 0.9}};
  b.creative.split.shadowAmount = 0.4;
  EXPECT_EQ(renderer.gradeShaderSource(a), renderer.gradeShaderSource(b));
  a.creative.lut = {writeCube(), 0.2};
  b.creative.lut = {writeCube(), 0.9};
  EXPECT_EQ(renderer.gradeShaderSource(a), renderer.gradeShaderSource(b));
}

TEST_F(GradeGpu, FilmIdentity) { expectFilm(FilmLook{}, 2e-6f); }

// Halation: the GPU reproduces the CPU's quarter-resolution extract + blur with exact texel
// reads; the glow is added in working space: kTol in grading space.
TEST_F(GradeGpu, Halation) {
  FilmLook f;
  f.halation = {0.8, 0.6, 0.02, 0.8};
  expectFilm(f, kTol);
  f.halation.radius = 0.05;  // the widest kernel (32 taps)
  expectFilm(f, kTol);
}

TEST_F(GradeGpu, Vignette) {
  FilmLook f;
  f.vignette = {0.3, 0.3, 0.6};
  expectFilm(f, kTol);
}

TEST_F(GradeGpu, HighlightCeiling) {
  FilmLook f;
  f.ceiling = {0.9, 0.75};
  expectFilm(f, kTol);
}

// Grain: the integer hash is bit-exact on both sides, so only float rounding differs: kTol.
TEST_F(GradeGpu, Grain) {
  FilmLook f;
  f.grain = {0.05, 1.0, 0.7};
  expectFilm(f, kTol);
  f.grain.size = 2.7;
  expectFilm(f, kTol);
  EXPECT_LE(filmError(f, 2, 123456789012LL), kTol);
}

TEST_F(GradeGpu, FilmLookTogether) {
  FilmLook f;
  f.halation = {0.5, 0.7, 0.01, 1.0};
  f.vignette = {0.2, 1.0, 0.5};
  f.ceiling = {0.95, 0.8};
  f.grain = {0.03, 1.5, 0.7};
  expectFilm(f, kTol);
}

}  // namespace
}  // namespace postline::render
