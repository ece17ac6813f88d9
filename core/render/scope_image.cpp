#include "core/render/scope_image.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace postline::render {
namespace {

struct Colour {
  float r, g, b;
};

class Canvas {
 public:
  Canvas(int w, int h) : m_w(w), m_h(h), m_px(static_cast<std::size_t>(w) * h * 4, 0) {
    for (std::size_t i = 3; i < m_px.size(); i += 4) m_px[i] = 255;
  }
  // Adds `c` scaled by `amount` (0..1) to the pixel, saturating.
  void add(int x, int y, Colour c, float amount) {
    if (x < 0 || y < 0 || x >= m_w || y >= m_h) return;
    std::uint8_t* p = &m_px[(static_cast<std::size_t>(y) * m_w + x) * 4];
    const float v[3] = {c.r, c.g, c.b};
    for (int i = 0; i < 3; ++i) p[i] = static_cast<std::uint8_t>(std::min(255.0f, p[i] + 255.0f * v[i] * amount));
  }
  void line(double x0, double y0, double x1, double y1, Colour c, float amount) {
    const int steps = static_cast<int>(std::max(std::abs(x1 - x0), std::abs(y1 - y0))) + 1;
    for (int i = 0; i <= steps; ++i) {
      const double t = static_cast<double>(i) / steps;
      add(static_cast<int>(std::lround(x0 + (x1 - x0) * t)), static_cast<int>(std::lround(y0 + (y1 - y0) * t)), c,
          amount);
    }
  }
  void box(int cx, int cy, int half, Colour c) {
    line(cx - half, cy - half, cx + half, cy - half, c, 0.9f);
    line(cx - half, cy + half, cx + half, cy + half, c, 0.9f);
    line(cx - half, cy - half, cx - half, cy + half, c, 0.9f);
    line(cx + half, cy - half, cx + half, cy + half, c, 0.9f);
  }
  std::vector<std::uint8_t> take() { return std::move(m_px); }

 private:
  int m_w;
  int m_h;
  std::vector<std::uint8_t> m_px;
};

constexpr Colour kWhite{1, 1, 1};
constexpr Colour kRed{1, 0.15f, 0.15f};
constexpr Colour kGreen{0.15f, 1, 0.15f};
constexpr Colour kBlue{0.25f, 0.35f, 1};
constexpr Colour kTrace{0.55f, 1, 0.6f};

// Log-scaled brightness of a density count, 0..1 relative to the largest count.
float densityLevel(std::uint32_t count, double logMax) {
  return count == 0 ? 0.0f : static_cast<float>(0.25 + 0.75 * std::log1p(count) / logMax);
}

double logMaxOf(const std::vector<std::uint32_t>& v) {
  const std::uint32_t m = v.empty() ? 0 : *std::max_element(v.begin(), v.end());
  return std::log1p(std::max<std::uint32_t>(m, 1));
}

void drawLevelGraticule(Canvas& c, int x0, int y0) {
  for (int level : {0, 64, 128, 192, 255}) {
    const int y = y0 + 255 - level;
    c.line(x0, y, x0 + kScopePanelWidth - 1, y, kWhite, 0.12f);
  }
}

void drawHistogram(Canvas& c, const Scopes& s) {
  std::uint32_t peak = 1;
  for (const auto& h : s.histogram) peak = std::max(peak, *std::max_element(h.begin(), h.end()));
  const Colour colours[4] = {kWhite, kRed, kGreen, kBlue};
  drawLevelGraticule(c, 0, 0);
  auto topOf = [&](int ch, int bin) {
    return 255 - static_cast<int>(255.0 * std::sqrt(static_cast<double>(s.histogram[ch][bin]) / peak));
  };
  for (int ch = 1; ch <= 3; ++ch)  // R, G, B filled and added: overlaps turn grey
    for (int bin = 0; bin < kScopeLevels; ++bin)
      for (int y = topOf(ch, bin); y < 256; ++y) {
        c.add(2 * bin, y, colours[ch], 0.4f);
        c.add(2 * bin + 1, y, colours[ch], 0.4f);
      }
  for (int bin = 1; bin < kScopeLevels; ++bin)  // luma as an outline
    c.line(2 * bin - 1, topOf(0, bin - 1), 2 * bin + 1, topOf(0, bin), kWhite, 0.8f);
}

void drawVectorscope(Canvas& c, const Scopes& s) {
  const int x0 = kScopePanelWidth + (kScopePanelWidth - kVectorscopeSize) / 2;
  if (!s.vectorscope.empty()) {
    const double logMax = logMaxOf(s.vectorscope);
    for (int row = 0; row < kVectorscopeSize; ++row)
      for (int col = 0; col < kVectorscopeSize; ++col)
        c.add(x0 + col, row, kTrace, densityLevel(s.vectorscopeAt(col, row), logMax));
  }
  const double cx = x0 + 128.0, cy = 128.0;
  for (int i = 0; i < 720; ++i) {  // graticule: the Cb/Cr = 0.5 circle
    const double a = i * std::numbers::pi / 360.0;
    c.add(static_cast<int>(std::lround(cx + 127.5 * std::cos(a))), static_cast<int>(std::lround(cy - 127.5 * std::sin(a))),
          kWhite, 0.35f);
  }
  c.line(cx - 127, cy, cx + 127, cy, kWhite, 0.15f);
  c.line(cx, cy - 127, cx, cy + 127, kWhite, 0.15f);
  const Colour barColours[6] = {kRed, {1, 0.2f, 1}, kBlue, {0.2f, 1, 1}, kGreen, {1, 1, 0.2f}};
  for (int i = 0; i < 6; ++i)
    c.box(x0 + static_cast<int>(s.targets[i].gridX), static_cast<int>(s.targets[i].gridY), 5, barColours[i]);
  const double a = s.skinToneAngleDeg * std::numbers::pi / 180.0;
  c.line(cx, cy, cx + 127.0 * std::cos(a), cy - 127.0 * std::sin(a), {1, 0.75f, 0.55f}, 0.6f);
}

// The luma waveform (channel -1) or one parade channel, stretched to `panelW` pixels at (x0, y0).
void drawDensity(Canvas& c, const Scopes& s, int channel, int x0, int y0, int panelW, Colour tint) {
  const int w = s.width;
  const std::vector<std::uint32_t>& grid = channel < 0 ? s.waveform : s.parade;
  const double logMax = logMaxOf(grid);
  for (int px = 0; px < panelW; ++px) {
    const int x = std::min(w - 1, px * w / panelW);
    for (int level = 0; level < kScopeLevels; ++level) {
      const std::uint32_t n = channel < 0 ? s.waveformAt(x, level) : s.paradeAt(channel, x, level);
      if (n) c.add(x0 + px, y0 + 255 - level, tint, densityLevel(n, logMax));
    }
  }
}

}  // namespace

std::vector<std::uint8_t> renderScopesImage(const Scopes& scopes, int& width, int& height) {
  width = 2 * kScopePanelWidth;
  height = 2 * kScopePanelHeight;
  Canvas c(width, height);
  drawHistogram(c, scopes);
  drawVectorscope(c, scopes);
  drawLevelGraticule(c, 0, kScopePanelHeight);
  drawLevelGraticule(c, kScopePanelWidth, kScopePanelHeight);
  if (scopes.width > 0) {
    drawDensity(c, scopes, -1, 0, kScopePanelHeight, kScopePanelWidth, kTrace);
    const int third = kScopePanelWidth / 3;
    const Colour tints[3] = {kRed, kGreen, kBlue};
    for (int ch = 0; ch < 3; ++ch)
      drawDensity(c, scopes, ch, kScopePanelWidth + ch * third + 1, kScopePanelHeight, third - 2, tints[ch]);
  }
  c.line(kScopePanelWidth, 0, kScopePanelWidth, height - 1, kWhite, 0.3f);  // panel borders
  c.line(0, kScopePanelHeight, width - 1, kScopePanelHeight, kWhite, 0.3f);
  return c.take();
}

}  // namespace postline::render
