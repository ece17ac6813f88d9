#pragma once
// Small pieces of grading math shared by the CPU reference (grade_cpu.cpp, film_cpu.cpp) and the
// uniforms handed to the GLSL (grade_uniforms.cpp). Everything is float, written the way the
// shaders in shaders/grade.glsl and shaders/film.glsl compute it, so CPU and GPU agree.
#include <array>
#include <cstdint>
#include <vector>

#include "core/color/grade.h"

namespace postline::color::math {

using Vec3 = std::array<float, 3>;

// Rec.709 luma weights (applied to whatever space the values are in).
inline constexpr float kLumaR = 0.2126f;
inline constexpr float kLumaG = 0.7152f;
inline constexpr float kLumaB = 0.0722f;
// Grading-space exponent: code = linear^(1/2.4).
inline constexpr float kEncodeExponent = 1.0f / 2.4f;
inline constexpr float kDecodeExponent = 2.4f;
// Entries of the curves table (texels of the 1024 x 1 curves texture).
inline constexpr int kCurveEntries = 1024;
// Largest blur half-width of the halation blur, in quarter-resolution texels.
inline constexpr int kMaxBlurTaps = 32;

// Rec.709 luma of an RGB triple.
float luma(const Vec3& c);
// GLSL smoothstep(e0, e1, x) (e0 < e1): t = clamp((x - e0) / (e1 - e0), 0, 1); t * t * (3 - 2t).
float smoothstep(float e0, float e1, float x);
// Sign-preserving power: sign(x) * |x|^e.
float signedPow(float x, float e);

// White balance gains (linear light) for temperature/tint in -100..100: in log2 units
// r = 0.3T + 0.15M, g = -0.3M, b = -0.3T + 0.15M (T = temperature/100, M = tint/100), then all
// three divided by their Rec.709 luma so a neutral grey keeps its luma.
Vec3 whiteBalanceGains(double temperature, double tint);

// Per-channel primaries of a Normalise: lift and offset add the master to each channel, gamma
// and gain multiply by it. `invGamma` is 1 / (gamma_c * gamma_master).
struct Primaries {
  Vec3 lift, invGamma, gain, offset;
};
Primaries primaries(const Normalise& n);

// A zero-luma tint direction for a hue in degrees: the fully saturated HSV colour of that hue
// (hsv2rgb with s = v = 1) minus its Rec.709 luma.
Vec3 hueDirection(double hueDegrees);
// Split tone: the point (0.2 .. 0.8 grading-space luma) where shadows hand over to highlights:
// 0.5 - 0.3 * balance.
float splitPoint(double balance);

// Halation tint: mix((1, 1, 1), (1, 0.35, 0.1), warmth).
Vec3 halationTint(double warmth);
// Size of the quarter-resolution halation buffer for a w x h picture: ((w + 3) / 4, (h + 3) / 4).
std::array<int, 2> quarterSize(int w, int h);
// Gaussian blur weights w[0..taps] (w[0] is the centre, w[k] applies at +-k), normalised to sum
// 1 over -taps..taps. sigma = max(radius * h / 4, 0.5) quarter texels, taps = min(ceil(3 sigma), 32).
std::vector<float> blurWeights(double radius, int height);
// The same kernel as linear-filtered taps (the GPU fetches two texels per tap): tap 0 is the
// centre (offset 0, weight w[0]); tap j >= 1 merges w[2j-1] and w[2j] into one bilinear fetch at
// +-offset (2j - 1 + w[2j] / (w[2j-1] + w[2j])) with their summed weight (w[2j] = 0 past the end).
struct BlurTaps {
  std::vector<float> offsets;  // in texels, offsets[0] = 0
  std::vector<float> weights;  // weights[j] applies at -offsets[j] and +offsets[j] (j >= 1)
};
BlurTaps blurTaps(double radius, int height);

// PCG hash (Jarzynski & Olano 2020) of a 32-bit value; GLSL computes the same in uint.
std::uint32_t pcgHash(std::uint32_t v);
// The 24-bit grain seed of a frame (exact in a float uniform): pcg(lo ^ pcg(hi)) & 0xffffff.
std::uint32_t grainSeed(std::int64_t frameIndex);
// Unit-variance grain noise at a pixel centre (x + 0.5, y + 0.5 from the top-left) for a seed:
// value noise on a lattice of `size` pixels, corner values uniform in [-sqrt3, sqrt3) from
// pcg(ix + pcg(iy + pcg(seed))), bilinear, divided by the std-dev the weights leave.
float grainNoise(float px, float py, float size, std::uint32_t seed);

}  // namespace postline::color::math
