#include "core/render/scopes.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/render/scopes_reduce.h"

namespace postline::render {
namespace {

// Rec.709 luma weights in 16-bit fixed point (sum exactly 65536, so R = G = B gives Y' = R).
// Unsigned: 65536 * 65535 + 32768 still fits 32 bits.
constexpr std::uint32_t kLumaR = 13933;
constexpr std::uint32_t kLumaG = 46871;
constexpr std::uint32_t kLumaB = 65536 - kLumaR - kLumaG;
constexpr double kCbDivisor = 1.8556;  // BT.709: Cb = (B' - Y') / 1.8556
constexpr double kCrDivisor = 1.5748;  // BT.709: Cr = (R' - Y') / 1.5748
// Grid cells per 16-bit code value difference, in 24-bit fixed point (error < 1e-4 cell).
constexpr int kCellShift = 24;
const std::int64_t kCbToCell = std::llround(256.0 * (1 << kCellShift) / (65535.0 * kCbDivisor));
const std::int64_t kCrToCell = std::llround(256.0 * (1 << kCellShift) / (65535.0 * kCrDivisor));
constexpr std::int64_t kCellCentre = std::int64_t{128} << kCellShift;

struct CbCr {
  double cb;
  double cr;
};

CbCr cbcrOf(double r, double g, double b) {
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return {(b - y) / kCbDivisor, (r - y) / kCrDivisor};
}

// Adds one reduced row (16-bit R, G, B triples) to every scope.
void accumulateRow(const std::uint16_t* rgb, Scopes& s) {
  const int w = s.width;
  const std::size_t paradeStride = static_cast<std::size_t>(3) * w;
  std::uint32_t* wave = s.waveform.data();
  std::uint32_t* parade = s.parade.data();
  std::uint32_t* vector = s.vectorscope.data();
  auto& hist = s.histogram;
  for (int x = 0; x < w; ++x) {
    const std::uint32_t ur = rgb[3 * x], ug = rgb[3 * x + 1], ub = rgb[3 * x + 2];
    const auto luma = static_cast<std::int32_t>((kLumaR * ur + kLumaG * ug + kLumaB * ub + 32768u) >> 16);
    const auto r = static_cast<std::int32_t>(ur), g = static_cast<std::int32_t>(ug), b = static_cast<std::int32_t>(ub);
    const int ly = luma >> 8;
    const int lr = r >> 8;
    const int lg = g >> 8;
    const int lb = b >> 8;
    ++hist[0][ly];
    ++hist[1][lr];
    ++hist[2][lg];
    ++hist[3][lb];
    ++wave[static_cast<std::size_t>(ly) * w + x];
    ++parade[lr * paradeStride + x];
    ++parade[lg * paradeStride + w + x];
    ++parade[lb * paradeStride + 2 * w + x];
    const auto col = static_cast<int>((kCellCentre + (b - luma) * kCbToCell) >> kCellShift);
    const auto row = static_cast<int>((kCellCentre - (r - luma) * kCrToCell) >> kCellShift);
    ++vector[std::clamp(row, 0, 255) * kVectorscopeSize + std::clamp(col, 0, 255)];
  }
}

bool validView(const FrameView& f) {
  if (f.width <= 0 || f.height <= 0) return false;
  if ((f.rgba8 == nullptr) == (f.rgba16 == nullptr)) return false;
  const std::size_t rowBytes = static_cast<std::size_t>(f.width) * 4 * (f.rgba8 ? 1 : 2);
  return f.strideBytes == 0 || f.strideBytes >= rowBytes;
}

}  // namespace

FrameView FramePixels::view() const {
  FrameView v;
  v.width = width;
  v.height = height;
  const std::size_t needed = static_cast<std::size_t>(width) * height * 4;
  if (!rgba8.empty() && rgba8.size() >= needed) v.rgba8 = rgba8.data();
  else if (!rgba16.empty() && rgba16.size() >= needed) v.rgba16 = rgba16.data();
  return v;
}

std::array<int, 2> reducedSize(int width, int height, int maxWidth) {
  if (width <= 0 || height <= 0) return {0, 0};
  const int w = std::clamp(maxWidth, 1, width);
  const long long h = (static_cast<long long>(height) * w + width / 2) / width;
  return {w, static_cast<int>(std::clamp<long long>(h, 1, height))};
}

std::array<int, 2> vectorscopeCell(double cb, double cr) {
  const int col = static_cast<int>(std::floor(128.0 + cb * 256.0));
  const int row = static_cast<int>(std::floor(128.0 - cr * 256.0));
  return {std::clamp(col, 0, 255), std::clamp(row, 0, 255)};
}

std::array<VectorTarget, 6> colourBarTargets() {
  struct Bar {
    const char* name;
    double r, g, b;
  };
  static constexpr Bar kBars[6] = {{"R", 0.75, 0, 0},  {"Mg", 0.75, 0, 0.75}, {"B", 0, 0, 0.75},
                                   {"Cy", 0, 0.75, 0.75}, {"G", 0, 0.75, 0},   {"Yl", 0.75, 0.75, 0}};
  std::array<VectorTarget, 6> out{};
  for (int i = 0; i < 6; ++i) {
    const CbCr c = cbcrOf(kBars[i].r, kBars[i].g, kBars[i].b);
    out[i] = VectorTarget{kBars[i].name, c.cb, c.cr, 128.0 + c.cb * 256.0, 128.0 - c.cr * 256.0};
  }
  return out;
}

double skinToneAngleDegrees() {
  // ColorChecker "light skin" (sRGB 8-bit 194, 150, 130) taken as code values.
  const CbCr c = cbcrOf(194.0 / 255.0, 150.0 / 255.0, 130.0 / 255.0);
  return std::atan2(c.cr, c.cb) * 180.0 / std::numbers::pi;
}

Scopes computeScopes(const FrameView& frame, const ScopeOptions& options) {
  Scopes s;
  s.targets = colourBarTargets();
  s.skinToneAngleDeg = skinToneAngleDegrees();
  if (!validView(frame)) return s;
  const auto [w, h] = reducedSize(frame.width, frame.height, std::clamp(options.maxWidth, 16, 4096));
  s.width = w;
  s.height = h;
  s.vectorscope.assign(static_cast<std::size_t>(kVectorscopeSize) * kVectorscopeSize, 0);
  s.waveform.assign(static_cast<std::size_t>(w) * kScopeLevels, 0);
  s.parade.assign(static_cast<std::size_t>(3) * w * kScopeLevels, 0);
  reduceFrame(frame, w, h, [&s](const std::uint16_t* rgb, int) { accumulateRow(rgb, s); });
  return s;
}

}  // namespace postline::render
