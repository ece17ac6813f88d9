#include "core/color/ocio/ocio.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "core/base/resources.h"

namespace postline::color::ocio {
namespace {

namespace fs = std::filesystem;
using Rgb = std::array<float, 3>;
using CubeFn = std::function<Rgb(float, float, float)>;

class OcioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("postline_ocio_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path writeText(const std::string& name, const std::string& text) const {
    const fs::path p = m_dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  // A LUT_3D_SIZE n cube sampling fn on the grid, red fastest.
  fs::path writeCube(const std::string& name, int n, const CubeFn& fn) const {
    std::string text = "# test\nLUT_3D_SIZE " + std::to_string(n) + "\n";
    char line[96];
    for (int b = 0; b < n; ++b)
      for (int g = 0; g < n; ++g)
        for (int r = 0; r < n; ++r) {
          const Rgb v = fn(float(r) / float(n - 1), float(g) / float(n - 1), float(b) / float(n - 1));
          std::snprintf(line, sizeof line, "%.9g %.9g %.9g\n", double(v[0]), double(v[1]), double(v[2]));
          text += line;
        }
    return writeText(name, text);
  }

  fs::path m_dir;
};

Rgb apply(const Transform& t, Rgb in) {
  float px[4] = {in[0], in[1], in[2], 0.25f};
  t.applyCpu(px, 1);
  EXPECT_EQ(px[3], 0.25f) << "alpha must be untouched";
  return {px[0], px[1], px[2]};
}

TransformPtr must(base::Result<TransformPtr> r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : nullptr;
}

// Tetrahedral interpolation of fn sampled on an n^3 grid, the textbook way (independent of OCIO).
Rgb tetrahedral(const CubeFn& fn, int n, Rgb p) {
  std::array<int, 3> i0{};
  std::array<float, 3> f{};
  for (int c = 0; c < 3; ++c) {
    const float x = std::clamp(p[c], 0.0f, 1.0f) * float(n - 1);
    i0[c] = std::min(int(std::floor(x)), n - 2);
    f[c] = x - float(i0[c]);
  }
  auto node = [&](int dr, int dg, int db) {
    return fn(float(i0[0] + dr) / float(n - 1), float(i0[1] + dg) / float(n - 1), float(i0[2] + db) / float(n - 1));
  };
  // Order the fractions; walk from corner (0,0,0) to (1,1,1) along the largest first.
  std::array<int, 3> order{0, 1, 2};
  std::sort(order.begin(), order.end(), [&](int a, int b) { return f[a] > f[b]; });
  std::array<int, 3> step{0, 0, 0};
  Rgb prev = node(0, 0, 0), out{};
  const float fs3[4] = {1.0f, f[order[0]], f[order[1]], f[order[2]]};
  for (int c = 0; c < 3; ++c) out[c] = (1.0f - fs3[1]) * prev[c];
  for (int k = 0; k < 3; ++k) {
    step[order[k]] = 1;
    const Rgb v = node(step[0], step[1], step[2]);
    const float w = fs3[k + 1] - (k < 2 ? fs3[k + 2] : 0.0f);
    for (int c = 0; c < 3; ++c) out[c] += w * v[c];
  }
  return out;
}

Rgb trilinear(const CubeFn& fn, int n, Rgb p) {
  std::array<int, 3> i0{};
  std::array<float, 3> f{};
  for (int c = 0; c < 3; ++c) {
    const float x = p[c] * float(n - 1);
    i0[c] = std::min(int(std::floor(x)), n - 2);
    f[c] = x - float(i0[c]);
  }
  Rgb out{};
  for (int corner = 0; corner < 8; ++corner) {
    const int dr = corner & 1, dg = (corner >> 1) & 1, db = (corner >> 2) & 1;
    const float w = (dr ? f[0] : 1 - f[0]) * (dg ? f[1] : 1 - f[1]) * (db ? f[2] : 1 - f[2]);
    const Rgb v = fn(float(i0[0] + dr) / float(n - 1), float(i0[1] + dg) / float(n - 1),
                     float(i0[2] + db) / float(n - 1));
    for (int c = 0; c < 3; ++c) out[c] += w * v[c];
  }
  return out;
}

void expectNear(Rgb a, Rgb b, float tol, const std::string& what) {
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(a[c], b[c], tol) << what << " channel " << c;
}

TEST_F(OcioTest, Rec709InThenOutIsIdentity) {
  const auto in = must(inputTransform("Rec.709"));
  const auto out = must(outputTransform("Rec.709"));
  ASSERT_TRUE(in && out);
  expectNear(apply(*in, {0.5f, 0.5f, 0.5f}), {0.18946f, 0.18946f, 0.18946f}, 1e-5f, "0.5^2.4");
  float maxErr = 0.0f;
  for (int i = 0; i <= 100; ++i) {
    const float v = float(i) / 100.0f;
    const Rgb code{v, 1.0f - v, v * v};
    const Rgb back = apply(*out, apply(*in, code));
    for (int c = 0; c < 3; ++c) maxErr = std::max(maxErr, std::abs(back[c] - code[c]));
  }
  EXPECT_LT(maxErr, 1e-5f);
}

TEST_F(OcioTest, SrgbDecodesPiecewise) {
  const auto t = must(inputTransform("sRGB"));
  ASSERT_TRUE(t);
  EXPECT_NEAR(apply(*t, {0.5f, 0.5f, 0.5f})[0], 0.21404f, 1e-4f);
  EXPECT_NEAR(apply(*t, {0.04045f, 0.04045f, 0.04045f})[1], 0.0031308f, 2e-6f);  // the breakpoint
  EXPECT_NEAR(apply(*t, {0.02f, 0.02f, 0.02f})[2], 0.02f / 12.92f, 1e-6f);        // linear segment
  EXPECT_NEAR(apply(*t, {1.0f, 1.0f, 1.0f})[0], 1.0f, 1e-5f);
}

TEST_F(OcioTest, Rec2020PrimariesLandOutsideRec709) {
  const auto t = must(inputTransform("Rec.2020"));
  const auto out = must(outputTransform("Rec.2020"));
  ASSERT_TRUE(t && out);
  expectNear(apply(*t, {1, 1, 1}), {1, 1, 1}, 1e-4f, "white stays white");
  // BT.2087 matrix, column for the Rec.2020 green primary.
  expectNear(apply(*t, {0, 1, 0}), {-0.5876f, 1.1329f, -0.1006f}, 2e-3f, "2020 green in 709");
  expectNear(apply(*t, {1, 0, 0}), {1.6605f, -0.1246f, -0.0182f}, 2e-3f, "2020 red in 709");
  // Negative (out-of-709) values survive: Rec.2020 in -> working -> Rec.2020 out is the identity.
  expectNear(apply(*out, apply(*t, {0.1f, 0.9f, 0.3f})), {0.1f, 0.9f, 0.3f}, 1e-5f, "2020 round trip");
}

TEST_F(OcioTest, HdrSpacesDecodeToHundredNitsPerUnit) {
  const auto pq = must(inputTransform("Rec.2100 PQ"));
  const auto hlg = must(inputTransform("Rec.2100 HLG"));
  ASSERT_TRUE(pq && hlg);
  expectNear(apply(*pq, {0.508078f, 0.508078f, 0.508078f}), {1, 1, 1}, 5e-3f, "PQ 100 nits");
  expectNear(apply(*hlg, {1, 1, 1}), {10, 10, 10}, 0.05f, "HLG peak = 1000 nits");
  EXPECT_GT(apply(*hlg, {0.75f, 0.75f, 0.75f})[1], 1.8f);  // HLG reference white ~203 nits
}

TEST_F(OcioTest, TagsMapToColourSpaces) {
  EXPECT_EQ(colorSpaceForTags("", ""), "Rec.709");
  EXPECT_EQ(colorSpaceForTags("unknown", "unknown"), "Rec.709");
  EXPECT_EQ(colorSpaceForTags("bt709", "bt709"), "Rec.709");
  EXPECT_EQ(colorSpaceForTags("bt709", "iec61966-2-1"), "sRGB");
  EXPECT_EQ(colorSpaceForTags("bt709", "linear"), "Linear Rec.709");
  EXPECT_EQ(colorSpaceForTags("bt2020", "bt2020-10"), "Rec.2020");
  EXPECT_EQ(colorSpaceForTags("bt2020", "bt709"), "Rec.2020");
  EXPECT_EQ(colorSpaceForTags("bt2020", "smpte2084"), "Rec.2100 PQ");
  EXPECT_EQ(colorSpaceForTags("bt2020", "arib-std-b67"), "Rec.2100 HLG");
  const auto names = colorSpaceNames();
  for (const auto* expected : {"Rec.709", "sRGB", "Rec.2020", "Rec.2100 PQ", "Rec.2100 HLG", "Linear Rec.709"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  for (const auto& n : names) EXPECT_TRUE(inputTransform(n).ok()) << n;
  for (const auto* p : {"bt709", "bt2020", "unknown"})
    for (const auto* t : {"bt709", "smpte2084", "arib-std-b67", "iec61966-2-1", "linear", "unknown"})
      EXPECT_TRUE(inputTransform(colorSpaceForTags(p, t)).ok()) << p << "/" << t;
}

TEST_F(OcioTest, UnknownNamesAreRejected) {
  const auto a = inputTransform("ProPhoto");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, base::ErrorCode::InvalidArgument);
  EXPECT_NE(a.error().message.find("ProPhoto"), std::string::npos);
  EXPECT_FALSE(outputTransform("sRGB monitor").ok());
  EXPECT_FALSE(inputTransform("Rec.709", "bad name;").ok());
}

TEST_F(OcioTest, IdentityCubeLeavesValuesUnchanged) {
  const auto t = must(lookTransform(writeCube("id.cube", 17, [](float r, float g, float b) { return Rgb{r, g, b}; })));
  ASSERT_TRUE(t);
  for (const Rgb p : {Rgb{0, 0, 0}, Rgb{1, 1, 1}, Rgb{0.3f, 0.61f, 0.07f}, Rgb{0.999f, 0.5f, 0.123f}})
    expectNear(apply(*t, p), p, 1e-5f, "identity");
}

TEST_F(OcioTest, SwapCubeSwapsRedAndBlue) {
  const auto t = must(lookTransform(writeCube("swap.cube", 9, [](float r, float g, float b) { return Rgb{b, g, r}; })));
  ASSERT_TRUE(t);
  expectNear(apply(*t, {0.3f, 0.7f, 0.2f}), {0.2f, 0.7f, 0.3f}, 1e-5f, "swap");
  expectNear(apply(*t, {0.91f, 0.05f, 0.44f}), {0.44f, 0.05f, 0.91f}, 1e-5f, "swap");
}

TEST_F(OcioTest, NonLinearCubeUsesTetrahedralInterpolation) {
  const CubeFn fn = [](float r, float g, float b) { return Rgb{r * g, g * g * b, std::sqrt(b) * r}; };
  const int n = 3;
  const auto t = must(lookTransform(writeCube("nl.cube", n, fn)));
  ASSERT_TRUE(t);
  for (const Rgb p : {Rgb{0.3f, 0.55f, 0.8f}, Rgb{0.9f, 0.2f, 0.6f}, Rgb{0.1f, 0.7f, 0.4f}}) {
    const Rgb tet = tetrahedral(fn, n, p);
    const Rgb tri = trilinear(fn, n, p);
    float gap = 0;
    for (int c = 0; c < 3; ++c) gap = std::max(gap, std::abs(tet[c] - tri[c]));
    ASSERT_GT(gap, 1e-3f) << "test point cannot tell tetrahedral from trilinear";
    expectNear(apply(*t, p), tet, 1e-5f, "tetrahedral");
  }
  // Inputs outside [0, 1] clamp to the cube's edge (the GPU function clamps the same way).
  expectNear(apply(*t, {1.4f, -0.2f, 0.5f}), tetrahedral(fn, n, {1.0f, 0.0f, 0.5f}), 1e-5f, "clamped");
}

TEST_F(OcioTest, OneDimensionalCubeIsInterpolatedLinearly) {
  std::string text = "TITLE \"square\"\nLUT_1D_SIZE 5\n";
  for (int i = 0; i < 5; ++i) {
    const float v = float(i) / 4.0f;
    text += std::to_string(v * v) + " " + std::to_string(v * v) + " " + std::to_string(v * v) + "\n";
  }
  const auto t = must(lookTransform(writeText("sq.cube", text)));
  ASSERT_TRUE(t);
  // 0.375 lies halfway between 0.25 (0.0625) and 0.5 (0.25).
  expectNear(apply(*t, {0.375f, 0.5f, 1.0f}), {0.15625f, 0.25f, 1.0f}, 1e-5f, "1D linear");
}

TEST_F(OcioTest, MalformedCubesGiveParseErrorsNamingTheFile) {
  std::string good = "LUT_3D_SIZE 2\n";
  for (int i = 0; i < 8; ++i) good += std::to_string(i & 1) + " " + std::to_string((i >> 1) & 1) + " " + std::to_string(i >> 2) + "\n";
  const std::string truncated = good.substr(0, good.size() - 9);
  const std::pair<const char*, std::string> cases[] = {
      {"empty.cube", ""},
      {"truncated.cube", truncated},
      {"extra.cube", good + "0.5 0.5 0.5\n"},
      {"garbage.cube", "LUT_3D_SIZE 2\nhello world, this is not a LUT\n"},
      {"words.cube", "Lorem ipsum dolor sit amet\n"},
      {"nan.cube", "LUT_3D_SIZE 2\n" + good.substr(14, 42) + "nan 0 1\n"},
      {"inf.cube", "LUT_3D_SIZE 2\n" + good.substr(14, 42) + "1 inf 1\n"},
      {"nosize.cube", "0 0 0\n1 1 1\n"},
      {"size1.cube", "LUT_3D_SIZE 1\n0 0 0\n"},
      {"fourcols.cube", "LUT_3D_SIZE 2\n0 0 0 0\n"},
      {"binary.cube", std::string("LUT_3D_SIZE 2\n\0\x01\xff\xfe", 18)},
      {"sizeword.cube", "LUT_3D_SIZE two\n"},
      {"domainword.cube", "DOMAIN_MIN a b c\n" + good},
      {"domaininverted.cube", "DOMAIN_MIN 1 1 1\nDOMAIN_MAX 0 0 0\n" + good},
      {"keyword.cube", "LUT_4D_SIZE 2\n" + good},
  };
  for (const auto& [name, text] : cases) {
    const fs::path p = writeText(name, text);
    const auto r = lookTransform(p);
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.error().code, base::ErrorCode::Parse) << name << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(p.string()), std::string::npos) << r.error().message;
  }
}

TEST_F(OcioTest, MissingAndHugeCubesAreRejected) {
  const auto missing = lookTransform(m_dir / "nope.cube");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, base::ErrorCode::NotFound);
  EXPECT_EQ(missing.error().message, "LUT file '" + (m_dir / "nope.cube").string() + "' does not exist");

  const fs::path big = writeText("big.cube", "LUT_3D_SIZE 200\n0 0 0\n");
  const auto tooBig = lookTransform(big);
  ASSERT_FALSE(tooBig.ok());
  EXPECT_EQ(tooBig.error().code, base::ErrorCode::OutOfRange);
  EXPECT_NE(tooBig.error().message.find(big.string()), std::string::npos);
  EXPECT_NE(tooBig.error().message.find("200"), std::string::npos);

  const fs::path huge = writeText("huge.cube", "LUT_3D_SIZE 2\n");
  fs::resize_file(huge, 65ull * 1024 * 1024);  // sparse: costs no disk
  const auto tooLarge = lookTransform(huge);
  ASSERT_FALSE(tooLarge.ok());
  EXPECT_EQ(tooLarge.error().code, base::ErrorCode::OutOfRange);
  EXPECT_NE(tooLarge.error().message.find(huge.string()), std::string::npos);
  EXPECT_NE(tooLarge.error().message.find(std::to_string(65ull * 1024 * 1024)), std::string::npos);
}

TEST_F(OcioTest, GpuShaderOfACubeHasItsFunctionAndA3dTexture) {
  const int n = 5;
  const fs::path cube = writeCube("g.cube", n, [](float r, float g, float b) { return Rgb{r, g, b}; });
  const auto a = must(lookTransform(cube, "pl_look_a"));
  const auto b = must(lookTransform(cube, "pl_look_b"));
  ASSERT_TRUE(a && b);
  const GpuShader& s = a->gpu();
  EXPECT_EQ(s.functionName, "pl_look_a");
  EXPECT_NE(s.source.find("vec4 pl_look_a("), std::string::npos);
  EXPECT_NE(s.source.find("sampler3D"), std::string::npos);
  EXPECT_FALSE(s.cacheKey.empty());
  EXPECT_NE(s.cacheKey, b->gpu().cacheKey);
  ASSERT_EQ(s.textures.size(), 1u);
  const GpuTexture& tex = s.textures[0];
  EXPECT_TRUE(tex.is3d);
  EXPECT_EQ(tex.width, n);
  EXPECT_EQ(tex.height, n);
  EXPECT_EQ(tex.depth, n);
  EXPECT_EQ(tex.channels, 3);
  ASSERT_EQ(tex.values.size(), std::size_t(n * n * n * 3));
  EXPECT_NE(s.source.find(tex.samplerName), std::string::npos);
  // Two functions from one file can share a shader: their samplers differ.
  ASSERT_EQ(b->gpu().textures.size(), 1u);
  EXPECT_NE(tex.samplerName, b->gpu().textures[0].samplerName);
  // OCIO's texture layout: blue varies fastest (texel x = blue, y = green, z = red).
  const std::size_t i = ((1 * n + 2) * n + 3) * 3;  // r = 1, g = 2, b = 3
  EXPECT_NEAR(tex.values[i + 0], 0.25f, 1e-6f);
  EXPECT_NEAR(tex.values[i + 1], 0.50f, 1e-6f);
  EXPECT_NEAR(tex.values[i + 2], 0.75f, 1e-6f);
  // Input and output transforms are analytic: a function, no textures.
  const auto in = must(inputTransform("Rec.709", "pl_in"));
  ASSERT_TRUE(in);
  EXPECT_NE(in->gpu().source.find("vec4 pl_in("), std::string::npos);
}

TEST_F(OcioTest, CachedUntilTheFileChanges) {
  const fs::path p = writeCube("c.cube", 3, [](float r, float g, float b) { return Rgb{r, g, b}; });
  const auto first = must(lookTransform(p));
  EXPECT_EQ(first, must(lookTransform(p)));
  writeCube("c.cube", 3, [](float r, float g, float b) { return Rgb{1 - r, 1 - g, 1 - b}; });
  fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(2));
  const auto second = must(lookTransform(p));
  ASSERT_TRUE(first && second);
  EXPECT_NE(first, second);
  expectNear(apply(*second, {0.2f, 0.3f, 0.4f}), {0.8f, 0.7f, 0.6f}, 1e-5f, "rebuilt from the new file");
}

TEST_F(OcioTest, ConcurrentCallsGetOneCachedTransform) {
  const fs::path p = writeCube("mt.cube", 9, [](float r, float g, float b) { return Rgb{g, b, r}; });
  std::vector<TransformPtr> got(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      got[i] = lookTransform(p, "pl_mt").valueOr(nullptr);
      EXPECT_TRUE(inputTransform("Rec.2020", "pl_mt_in").ok());
    });
  for (auto& t : threads) t.join();
  ASSERT_TRUE(got[0]);
  for (const auto& t : got) EXPECT_EQ(t, got[0]);
  expectNear(apply(*got[0], {0.1f, 0.2f, 0.3f}), {0.2f, 0.3f, 0.1f}, 1e-5f, "rotate");
}

TEST_F(OcioTest, ShippedLooksLoadAndChangeThePicture) {
  for (const char* name : {"warm_negative", "neutral_negative", "cool_slide", "tungsten_halation"}) {
    const fs::path p = base::resourcePath(std::string("looks/") + name + ".cube");
    const auto t = must(lookTransform(p));
    ASSERT_TRUE(t) << p;
    float change = 0;
    for (const Rgb c : {Rgb{0.8f, 0.2f, 0.2f}, Rgb{0.05f, 0.05f, 0.05f}, Rgb{0.3f, 0.5f, 0.8f}}) {
      const Rgb o = apply(*t, c);
      for (int k = 0; k < 3; ++k) {
        change = std::max(change, std::abs(o[k] - c[k]));
        EXPECT_GE(o[k], 0.0f);
        EXPECT_LE(o[k], 1.0f);
      }
    }
    EXPECT_GT(change, 0.02f) << name << " looks like the identity";
  }
  const auto neutral = must(lookTransform(base::resourcePath("looks/neutral_negative.cube")));
  ASSERT_TRUE(neutral);
  for (const float v : {0.1f, 0.3f, 0.489f, 0.7f, 0.9f}) {
    const Rgb o = apply(*neutral, {v, v, v});
    EXPECT_NEAR(o[0], o[1], 0.005f) << v;
    EXPECT_NEAR(o[1], o[2], 0.005f) << v;
    EXPECT_NEAR(o[1], v, 0.08f) << "grey " << v << " moved too far";
  }
}

}  // namespace
}  // namespace postline::color::ocio
