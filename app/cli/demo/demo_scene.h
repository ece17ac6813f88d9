#pragma once
// Procedural pictures for the demo project: four coffee-commercial shots whose takes look like
// raw AI-generator output (a colour bias per generator, flicker and warp in the first and last
// few frames).
#include <cstdint>
#include <vector>

namespace postline::cli::demo {

// How one take looks: which shot's scene, the generator's colour bias, and its own motion phase.
struct TakeLook {
  int shot = 1;              // 1 beans, 2 pour, 3 hero cup with steam, 4 morning kitchen
  double gainR = 1.0;        // generator colour bias as per-channel gains (warm: R up, B down)
  double gainG = 1.0;
  double gainB = 1.0;
  double phase = 0.0;        // shifts the motion so takes of one shot differ
  int artifactFrames = 10;   // frames of flicker/warp at the head and at the tail
};

// Paints frame `index` (0-based) of a take of `total` frames into `rgb` (w*h*3 bytes, RGB24).
void paintFrame(const TakeLook& look, std::int64_t index, std::int64_t total, int w, int h,
                std::vector<std::uint8_t>& rgb);

// An RGBA logo (a coffee bean in a ring) with a transparent background.
std::vector<std::uint8_t> paintLogo(int w, int h);

// A neutral colour reference still (grey ramp, primaries, skin patch) as RGBA.
std::vector<std::uint8_t> paintReference(int w, int h);

}  // namespace postline::cli::demo
