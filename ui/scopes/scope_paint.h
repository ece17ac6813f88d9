#pragma once
// Drawing of the scopes (used by ScopeView): density images built from render::Scopes counts (log
// scaled, so one pixel shows) and the graticules drawn over them.
#include <QImage>
#include <QRectF>

#include "core/render/scopes.h"

class QPainter;

namespace postline::ui::scopepaint {

// The density images of one Scopes, built off the UI thread (ScopesPanel does it on the worker).
struct Images {
  QImage vectorscope;
  QImage waveform;
  QImage parade;
};
Images buildImages(const render::Scopes& scopes);

// 256 x 256: each cell tinted by its own hue, brightness by count.
QImage vectorscopeImage(const render::Scopes& scopes);
// width x 256 (row 0 = level 255): luma density in a pale green.
QImage waveformImage(const render::Scopes& scopes);
// (3 * width) x 256: the R, G and B waveforms side by side in their colours.
QImage paradeImage(const render::Scopes& scopes);

// The vectorscope graticule in `square`: outer circle, cross, 75 % target boxes (labelled R Mg B Cy
// G Yl) and the skin-tone line.
void drawVectorscopeGraticule(QPainter& p, const QRectF& square, const render::Scopes* scopes);
// Level lines at 0, 25, 50, 75 and 100 % (labelled at the left); `columns` vertical separators
// (3 for the parade, 1 for none).
void drawLevelGraticule(QPainter& p, const QRectF& area, int columns);
// The R, G, B histograms filled and overlaid (additive), the luma one as a pale outline.
void drawHistogram(QPainter& p, const QRectF& area, const render::Scopes& scopes);

}  // namespace postline::ui::scopepaint
