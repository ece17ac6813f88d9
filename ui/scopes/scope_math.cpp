#include "ui/scopes/scope_math.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

namespace postline::ui {

QPointF vectorscopeCellChroma(int column, int row) {
  const double half = render::kVectorscopeSize / 2.0;
  return {(column + 0.5 - half) / render::kVectorscopeSize, (half - row - 0.5) / render::kVectorscopeSize};
}

QPointF vectorscopeCentroid(const render::Scopes& scopes) {
  const int n = render::kVectorscopeSize;
  if (scopes.vectorscope.size() != static_cast<std::size_t>(n) * n) return {};
  double sum = 0.0, cb = 0.0, cr = 0.0;
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n; ++col) {
      const double c = scopes.vectorscopeAt(col, row);
      if (c == 0.0) continue;
      const QPointF p = vectorscopeCellChroma(col, row);
      sum += c;
      cb += c * p.x();
      cr += c * p.y();
    }
  }
  if (sum <= 0.0) return {};
  return {cb / sum, cr / sum};
}

double chromaAngleDegrees(QPointF chroma) {
  if (chroma.isNull()) return 0.0;
  const double deg = std::atan2(chroma.y(), chroma.x()) * 180.0 / std::numbers::pi;
  return deg < 0.0 ? deg + 360.0 : deg;
}

double angleDistanceDegrees(double a, double b) {
  const double d = std::fmod(std::fabs(a - b), 360.0);
  return d > 180.0 ? 360.0 - d : d;
}

double densityLevel(std::uint32_t count, std::uint32_t maxCount) {
  if (count == 0 || maxCount == 0) return 0.0;
  const double floor = 0.22;  // one pixel is already clearly visible
  const double t = std::log1p(double(count)) / std::log1p(double(std::max(count, maxCount)));
  return floor + (1.0 - floor) * t;
}

std::uint32_t maxCount(const std::vector<std::uint32_t>& counts) {
  return counts.empty() ? 0u : *std::max_element(counts.begin(), counts.end());
}

render::FramePixels framePixelsFrom(const QImage& image, std::int64_t frameIndex) {
  render::FramePixels out;
  out.frameIndex = frameIndex;
  if (image.isNull()) return out;
  const QImage rgba = image.format() == QImage::Format_RGBA8888 ? image
                                                                 : image.convertToFormat(QImage::Format_RGBA8888);
  out.width = rgba.width();
  out.height = rgba.height();
  const std::size_t rowBytes = static_cast<std::size_t>(out.width) * 4;
  out.rgba8.resize(rowBytes * out.height);
  for (int y = 0; y < out.height; ++y) std::memcpy(out.rgba8.data() + rowBytes * y, rgba.constScanLine(y), rowBytes);
  return out;
}

}  // namespace postline::ui
