#pragma once
// Pure helpers on computed scopes (no widgets): where the vectorscope's weight lies, the Cb/Cr of a
// grid cell, and the count -> brightness curve the painted scopes use so sparse data still shows.
#include <QImage>
#include <QPointF>
#include <cstdint>

#include "core/render/scopes.h"

namespace postline::ui {

// BT.709 (Cb, Cr) at the centre of vectorscope cell (column, row); each -0.5 .. 0.5, +Cr up.
QPointF vectorscopeCellChroma(int column, int row);

// The count-weighted mean (Cb, Cr) of the vectorscope (x = Cb, y = Cr, each -0.5 .. 0.5);
// (0, 0) when the vectorscope is empty.
QPointF vectorscopeCentroid(const render::Scopes& scopes);

// The hue of a (Cb, Cr) point in degrees counter-clockwise from +Cb, 0 .. 360 (0 for (0, 0)); the
// same convention as render::Scopes::skinToneAngleDeg.
double chromaAngleDegrees(QPointF chroma);

// Smallest difference between two angles in degrees, 0 .. 180.
double angleDistanceDegrees(double a, double b);

// Brightness 0 .. 1 of a density cell holding `count` when the fullest cell holds `maxCount`: a log
// curve (1 pixel is already visible, the fullest cell is 1); 0 for count 0.
double densityLevel(std::uint32_t count, std::uint32_t maxCount);

// The largest value in a density grid (0 when empty).
std::uint32_t maxCount(const std::vector<std::uint32_t>& counts);

// An owning copy of an image's pixels for the scope worker (converted to RGBA8888 when it is not);
// empty (width 0) for a null image.
render::FramePixels framePixelsFrom(const QImage& image, std::int64_t frameIndex);

}  // namespace postline::ui
