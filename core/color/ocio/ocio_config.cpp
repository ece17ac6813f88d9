// The OCIO config Postline builds in code (OCIO 2.1 has no built-in configs). Reference space:
// "Linear Rec.709" (linear light, Rec.709 primaries, D65). Every other space is defined by its
// to-reference transform:
//   "Rec.709"       code^2.4 (BT.1886 with black 0), so Rec.709 in -> out is an exact inverse pair
//   "sRGB"          IEC 61966-2-1 piecewise curve
//   "Rec.2020"      code^2.4, then Rec.2020 -> Rec.709 primaries (values outside 709 go negative)
//   "Linear Rec.2020" linear light, Rec.2020 -> Rec.709 primaries
//   "Rec.2100 PQ"   ST 2084 -> display light with 100 nits = 1.0, then 2020 -> 709 primaries
//   "Rec.2100 HLG"  inverse of OCIO's Rec.2100-HLG 1000-nit display (100 nits = 1.0), XYZ -> 709
// Power curves mirror negatives (sign(x) * |x|^g), so out-of-gamut values survive a round trip.
#include <array>
#include <string>
#include <string_view>

#include "core/base/log.h"

#include "core/color/ocio/ocio_internal.h"

namespace postline::color::ocio::detail {
namespace {

using Mat3 = std::array<std::array<double, 3>, 3>;

Mat3 multiply(const Mat3& a, const Mat3& b) {
  Mat3 r{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k) r[i][j] += a[i][k] * b[k][j];
  return r;
}

Mat3 invert(const Mat3& m) {
  const double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
                     m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                     m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  Mat3 r{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      const int a = (j + 1) % 3, b = (j + 2) % 3, c = (i + 1) % 3, d = (i + 2) % 3;
      r[i][j] = (m[a][c] * m[b][d] - m[a][d] * m[b][c]) / det;
    }
  return r;
}

// RGB -> CIE XYZ for primaries {rx, ry, gx, gy, bx, by} and the D65 white point.
Mat3 rgbToXyz(const std::array<double, 6>& p) {
  const double wx = 0.3127, wy = 0.3290;
  Mat3 prim{};
  for (int c = 0; c < 3; ++c) {
    const double x = p[2 * c], y = p[2 * c + 1];
    prim[0][c] = x / y;
    prim[1][c] = 1.0;
    prim[2][c] = (1.0 - x - y) / y;
  }
  const Mat3 inv = invert(prim);
  const std::array<double, 3> white{wx / wy, 1.0, (1.0 - wx - wy) / wy};
  Mat3 r{};
  for (int c = 0; c < 3; ++c) {
    const double s = inv[c][0] * white[0] + inv[c][1] * white[1] + inv[c][2] * white[2];
    for (int row = 0; row < 3; ++row) r[row][c] = prim[row][c] * s;
  }
  return r;
}

const std::array<double, 6> kRec709{0.64, 0.33, 0.30, 0.60, 0.15, 0.06};
const std::array<double, 6> kRec2020{0.708, 0.292, 0.170, 0.797, 0.131, 0.046};

OCIO::MatrixTransformRcPtr matrix(const Mat3& m) {
  const double m44[16] = {m[0][0], m[0][1], m[0][2], 0, m[1][0], m[1][1], m[1][2], 0,
                          m[2][0], m[2][1], m[2][2], 0, 0,       0,       0,       1};
  auto t = OCIO::MatrixTransform::Create();
  t->setMatrix(m44);
  return t;
}

OCIO::ExponentTransformRcPtr gamma24() {
  auto t = OCIO::ExponentTransform::Create();
  const double v[4] = {2.4, 2.4, 2.4, 1.0};
  t->setValue(v);
  t->setNegativeStyle(OCIO::NEGATIVE_MIRROR);
  return t;
}

OCIO::BuiltinTransformRcPtr builtin(const char* style, OCIO::TransformDirection dir) {
  auto t = OCIO::BuiltinTransform::Create();
  t->setStyle(style);
  t->setDirection(dir);
  return t;
}

void addSpace(const OCIO::ConfigRcPtr& cfg, const char* name, const char* description,
              const OCIO::ConstTransformRcPtr& toReference) {
  auto cs = OCIO::ColorSpace::Create(OCIO::REFERENCE_SPACE_SCENE);
  cs->setName(name);
  cs->setDescription(description);
  if (toReference) cs->setTransform(toReference, OCIO::COLORSPACE_DIR_TO_REFERENCE);
  cfg->addColorSpace(cs);
}

void logFromOcio(const char* message) {
  std::string_view m(message);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.remove_suffix(1);
  base::log(base::LogLevel::Warning, std::string("OCIO: ") + std::string(m));
}

OCIO::ConstConfigRcPtr build() {
  OCIO::SetLoggingFunction(&logFromOcio);
  auto cfg = OCIO::Config::CreateRaw()->createEditableCopy();
  cfg->setProcessorCacheFlags(OCIO::PROCESSOR_CACHE_OFF);  // ocio.cpp caches, keyed by file stamps
  const Mat3 rec2020ToRec709 = multiply(invert(rgbToXyz(kRec709)), rgbToXyz(kRec2020));
  const Mat3 xyzToRec709 = invert(rgbToXyz(kRec709));

  addSpace(cfg, "Linear Rec.709", "linear light, Rec.709 primaries, D65 (working space)", nullptr);
  addSpace(cfg, "Rec.709", "BT.1886 gamma 2.4, Rec.709 primaries", gamma24());
  auto srgb = OCIO::ExponentWithLinearTransform::Create();
  const double g[4] = {2.4, 2.4, 2.4, 1.0}, off[4] = {0.055, 0.055, 0.055, 0.0};
  srgb->setGamma(g);
  srgb->setOffset(off);
  addSpace(cfg, "sRGB", "IEC 61966-2-1 piecewise curve, Rec.709 primaries", srgb);
  auto rec2020 = OCIO::GroupTransform::Create();
  rec2020->appendTransform(gamma24());
  rec2020->appendTransform(matrix(rec2020ToRec709));
  addSpace(cfg, "Rec.2020", "gamma 2.4, Rec.2020 primaries", rec2020);
  addSpace(cfg, "Linear Rec.2020", "linear light, Rec.2020 primaries", matrix(rec2020ToRec709));
  auto pq = OCIO::GroupTransform::Create();
  pq->appendTransform(builtin("CURVE - ST-2084_to_LINEAR", OCIO::TRANSFORM_DIR_FORWARD));
  pq->appendTransform(matrix(rec2020ToRec709));
  addSpace(cfg, "Rec.2100 PQ", "SMPTE ST 2084, Rec.2020 primaries; 100 nits = 1.0", pq);
  auto hlg = OCIO::GroupTransform::Create();
  hlg->appendTransform(builtin("DISPLAY - CIE-XYZ-D65_to_REC.2100-HLG-1000nit", OCIO::TRANSFORM_DIR_INVERSE));
  hlg->appendTransform(matrix(xyzToRec709));
  addSpace(cfg, "Rec.2100 HLG", "ARIB STD-B67 on a 1000-nit display, Rec.2020 primaries; 100 nits = 1.0", hlg);

  cfg->setRole(OCIO::ROLE_SCENE_LINEAR, "Linear Rec.709");
  cfg->setRole(OCIO::ROLE_DEFAULT, "Linear Rec.709");
  return cfg;
}

}  // namespace

OCIO::ConstConfigRcPtr config() {
  static const OCIO::ConstConfigRcPtr cfg = build();
  return cfg;
}

}  // namespace postline::color::ocio::detail
