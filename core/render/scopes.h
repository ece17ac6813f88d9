#pragma once
// Scopes (histogram, vectorscope, luma waveform, RGB parade) computed on the CPU from the final
// frame in output code values (Rec.709 encoded), as plain data the UI draws. The frame is first
// reduced with a box filter to at most ScopeOptions::maxWidth pixels wide (aspect kept).
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace postline::render {

// A non-owning view of an RGBA frame: exactly one of rgba8 / rgba16 is set. Alpha is ignored.
struct FrameView {
  const std::uint8_t* rgba8 = nullptr;    // 4 bytes per pixel, 0..255 code values
  const std::uint16_t* rgba16 = nullptr;  // 4 uint16 per pixel, 0..65535 code values
  int width = 0;                          // pixels
  int height = 0;                         // pixels
  std::size_t strideBytes = 0;            // bytes from one row to the next; 0 = tightly packed
};

// An owning frame (what the render thread hands to ScopeWorker): one of the two buffers is filled.
struct FramePixels {
  int width = 0;                      // pixels
  int height = 0;                     // pixels
  std::vector<std::uint8_t> rgba8;    // width*height*4, or empty
  std::vector<std::uint16_t> rgba16;  // width*height*4, or empty
  std::int64_t frameIndex = 0;        // the timeline frame this is (carried into Scopes)

  // A view of whichever buffer is filled (tightly packed rows).
  FrameView view() const;
};

// What computeScopes does.
struct ScopeOptions {
  int maxWidth = 512;  // the frame is reduced to at most this many pixels wide, 16 .. 4096
};

// A vectorscope target (a 75 % colour bar) in both Cb/Cr and grid coordinates.
struct VectorTarget {
  const char* name = "";  // "R", "Mg", "B", "Cy", "G", "Yl"
  double cb = 0.0;        // BT.709 Cb, -0.5 .. 0.5
  double cr = 0.0;        // BT.709 Cr, -0.5 .. 0.5
  double gridX = 0.0;     // column in the vectorscope grid, 0 .. 256 (cell centres at i + 0.5)
  double gridY = 0.0;     // row in the vectorscope grid, 0 .. 256 (0 = top = +Cr)
};

inline constexpr int kScopeLevels = 256;     // histogram bins and waveform levels (0 = black)
inline constexpr int kVectorscopeSize = 256;  // vectorscope grid is 256 x 256 cells

// All scopes of one frame. Counts are pixels of the reduced frame.
struct Scopes {
  int width = 0;                // reduced frame width (waveform columns), pixels
  int height = 0;               // reduced frame height, pixels
  std::int64_t frameIndex = 0;  // copied from FramePixels (0 for computeScopes on a FrameView)
  // Histograms: [0] luma Y' (Rec.709), [1] R', [2] G', [3] B'; bin = code value >> 8 (16-bit).
  std::array<std::array<std::uint32_t, kScopeLevels>, 4> histogram{};
  // Vectorscope density, row-major 256 x 256: column = Cb, row 0 at the top = Cr +0.5;
  // (Cb, Cr) = (0, 0) falls in cell (128, 128). Index row * 256 + column.
  std::vector<std::uint32_t> vectorscope;
  // Luma waveform density: `width` columns x 256 levels, index level * width + x, level 0 = black.
  std::vector<std::uint32_t> waveform;
  // RGB parade: R, G, B waveforms side by side, (3 * width) columns x 256 levels,
  // index level * (3 * width) + channel * width + x.
  std::vector<std::uint32_t> parade;
  std::array<VectorTarget, 6> targets{};  // 75 % colour bars: R, Mg, B, Cy, G, Yl
  double skinToneAngleDeg = 0.0;          // skin-tone line, degrees counter-clockwise from +Cb

  std::uint32_t vectorscopeAt(int column, int row) const { return vectorscope[row * kVectorscopeSize + column]; }
  std::uint32_t waveformAt(int x, int level) const { return waveform[static_cast<std::size_t>(level) * width + x]; }
  // channel 0 = R, 1 = G, 2 = B.
  std::uint32_t paradeAt(int channel, int x, int level) const {
    return parade[static_cast<std::size_t>(level) * 3 * width + channel * width + x];
  }
};

// Computes every scope of `frame`; an empty or invalid view gives empty Scopes (width 0).
Scopes computeScopes(const FrameView& frame, const ScopeOptions& options = {});

// The 75 % colour-bar targets (R, Mg, B, Cy, G, Yl): code values 0.75 / 0 per channel.
std::array<VectorTarget, 6> colourBarTargets();

// The skin-tone line angle in degrees counter-clockwise from +Cb: the hue of the ColorChecker
// "light skin" patch (sRGB 194, 150, 130), about 123 degrees (the classic I-line).
double skinToneAngleDegrees();

// Reduced size for a frame `width` x `height` at `maxWidth`: {width, height}, each >= 1.
std::array<int, 2> reducedSize(int width, int height, int maxWidth);

// Grid cell (column, row) of a Cb/Cr pair, clamped to the grid.
std::array<int, 2> vectorscopeCell(double cb, double cr);

}  // namespace postline::render
