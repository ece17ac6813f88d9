#pragma once
// Draws computed scopes into one RGBA8 picture (for `postline-cli frame --scopes` and reports):
// a 2 x 2 layout of 512 x 256 panels: histogram (top left), vectorscope with its graticule
// circle, 75 % target boxes and skin-tone line (top right), luma waveform (bottom left) and RGB
// parade (bottom right). No GL, no Qt.
#include <cstdint>
#include <vector>

#include "core/render/scopes.h"

namespace postline::render {

inline constexpr int kScopePanelWidth = 512;   // pixels
inline constexpr int kScopePanelHeight = 256;  // pixels

// RGBA8 pixels, rows top to bottom, tightly packed; sets width = 1024 and height = 512.
// Empty Scopes (width 0) still draw the graticules.
std::vector<std::uint8_t> renderScopesImage(const Scopes& scopes, int& width, int& height);

}  // namespace postline::render
