#pragma once
// Synthetic pictures for the colour match tests, in linear Rec.709: natural scenes, a warm coffee
// close-up, a cool kitchen and a colour chart (the last three show different content).
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/color/image.h"

namespace postline::color::match_scenes {

// Deterministic value noise in [0, 1) from integer coordinates and a seed.
inline float hashNoise(int x, int y, int seed) {
  std::uint32_t h = static_cast<std::uint32_t>(x) * 374761393u + static_cast<std::uint32_t>(y) * 668265263u +
                    static_cast<std::uint32_t>(seed) * 2246822519u;
  h = (h ^ (h >> 13)) * 1274126177u;
  return static_cast<float>((h ^ (h >> 16)) & 0xFFFFFF) / 16777216.0f;
}

inline void setPixel(ImageF& img, int x, int y, float r, float g, float b) {
  float* p = img.at(x, y);
  p[0] = r, p[1] = g, p[2] = b, p[3] = 1.0f;
}

// A synthetic scene in linear Rec.709: sky gradient, textured foliage, a skin-toned ellipse,
// grey steps, a grey ramp and coloured patches. `variant` moves the layout and the palette.
inline ImageF makeScene(int variant, int w = 320, int h = 180) {
  ImageF img(w, h);
  const float horizon = 0.35f + 0.1f * variant;
  const float skinX = 0.3f + 0.2f * variant, skinY = 0.45f;
  const float hueShift = 0.15f * variant;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float u = (x + 0.5f) / w, v = (y + 0.5f) / h;
      const float n = hashNoise(x, y, variant), n2 = hashNoise(x / 4, y / 4, variant + 7);
      if (v > 0.9f) {  // grey ramp strip, near black to near white
        const float g = 0.002f + 0.85f * u * u;
        setPixel(img, x, y, g, g, g);
      } else if (v > 0.8f) {  // grey steps and coloured patches
        const int cell = static_cast<int>(u * 10);
        static const float kGreys[5] = {0.03f, 0.09f, 0.18f, 0.4f, 0.75f};
        if (cell < 5) setPixel(img, x, y, kGreys[cell], kGreys[cell], kGreys[cell]);
        else {
          const float a = 6.283f * (cell / 5.0f + hueShift);
          setPixel(img, x, y, 0.25f + 0.18f * std::cos(a), 0.25f + 0.18f * std::cos(a - 2.09f),
                   0.25f + 0.18f * std::cos(a + 2.09f));
        }
      } else if ((u - skinX) * (u - skinX) / 0.02f + (v - skinY) * (v - skinY) / 0.05f < 1.0f) {  // skin
        const float shade = 0.7f + 0.3f * (1.0f - v) + 0.05f * n;
        setPixel(img, x, y, 0.45f * shade, 0.28f * shade, 0.2f * shade);
      } else if (v < horizon) {  // sky: deeper blue at the top
        const float t = v / horizon;
        setPixel(img, x, y, 0.12f + 0.35f * t, 0.2f + 0.35f * t + 0.05f * hueShift, 0.55f + 0.25f * t);
      } else {  // foliage: textured greens and browns, darker towards the bottom
        const float leaf = 0.5f + 0.5f * std::sin(u * (40.0f + 10 * variant) + 6.0f * n2) * std::cos(v * 31.0f);
        const float dark = 0.4f + 0.6f * n;
        setPixel(img, x, y, (0.03f + 0.06f * leaf) * dark + 0.02f * variant, (0.08f + 0.14f * leaf) * dark,
                 (0.02f + 0.04f * leaf) * dark);
      }
    }
  return img;
}

// sRGB 8-bit code -> linear light.
inline float srgbToLinear(int v) {
  const float c = v / 255.0f;
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

// The neutral grey card in the bottom-right corner of the coffee and kitchen scenes (linear 0.18).
constexpr float kCardX = 0.82f, kCardY = 0.78f;

// A warm close-up: a cup of coffee with crema on a dark wooden table, and a grey card.
inline ImageF makeCoffee(int w = 320, int h = 180) {
  ImageF img(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float u = (x + 0.5f) / w, v = (y + 0.5f) / h, n = hashNoise(x, y, 11);
      const float grain = 0.6f + 0.4f * std::sin(u * 60.0f + 4.0f * hashNoise(x / 8, y / 3, 12));
      const float r2 = (u - 0.45f) * (u - 0.45f) / 0.09f + (v - 0.45f) * (v - 0.45f) / 0.12f;
      if (u > kCardX && v > kCardY) setPixel(img, x, y, 0.18f, 0.18f, 0.18f);
      else if (r2 < 0.55f) {  // coffee with crema swirls
        const float crema = std::clamp(0.5f + 0.5f * std::sin(9.0f * r2 + 5.0f * u) - 0.3f * n, 0.0f, 1.0f);
        setPixel(img, x, y, 0.1f + 0.3f * crema, 0.05f + 0.17f * crema, 0.025f + 0.08f * crema);
      } else if (r2 < 1.0f) {  // cream ceramic rim, lit from the left
        const float lit = 0.55f + 0.45f * (1.0f - u);
        setPixel(img, x, y, 0.7f * lit, 0.6f * lit, 0.46f * lit);
      } else {  // wood
        const float d = (0.5f + 0.5f * n) * grain;
        setPixel(img, x, y, 0.09f * d, 0.045f * d, 0.02f * d);
      }
    }
  return img;
}

// A cool kitchen: blue-grey walls, a daylight window, steel, dark cabinets, and a grey card.
inline ImageF makeKitchen(int w = 320, int h = 180) {
  ImageF img(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float u = (x + 0.5f) / w, v = (y + 0.5f) / h, n = hashNoise(x, y, 21);
      if (u > kCardX && v > kCardY) setPixel(img, x, y, 0.18f, 0.18f, 0.18f);
      else if (u > 0.55f && u < 0.8f && v < 0.45f) {  // window
        const float sky = 0.75f + 0.2f * v;
        setPixel(img, x, y, 0.8f * sky, 0.88f * sky, sky);
      } else if (v > 0.6f) {  // cabinets with steel handles
        const bool steel = std::fmod(u * 6.0f, 1.0f) < 0.08f;
        const float d = 0.8f + 0.4f * n;
        if (steel) setPixel(img, x, y, 0.38f * d, 0.41f * d, 0.46f * d);
        else setPixel(img, x, y, 0.035f * d, 0.045f * d, 0.065f * d);
      } else {  // wall, lit from the window
        const float lit = 0.6f + 0.4f * std::exp(-8.0f * (u - 0.67f) * (u - 0.67f)) + 0.05f * n;
        setPixel(img, x, y, 0.2f * lit, 0.24f * lit, 0.31f * lit);
      }
    }
  return img;
}

// A ColorChecker-like chart: 6 x 4 patches (sRGB values of the classic chart) on a dark surround.
inline ImageF makeChart(int w = 320, int h = 180) {
  static const int kPatches[24][3] = {
      {115, 82, 68},   {194, 150, 130}, {98, 122, 157},  {87, 108, 67},  {133, 128, 177}, {103, 189, 170},
      {214, 126, 44},  {80, 91, 166},   {193, 90, 99},   {94, 60, 108},  {157, 188, 64},  {224, 163, 46},
      {56, 61, 150},   {70, 148, 73},   {175, 54, 60},   {231, 199, 31}, {187, 86, 149},  {8, 133, 161},
      {243, 243, 242}, {200, 200, 200}, {160, 160, 160}, {122, 122, 121}, {85, 85, 85},   {52, 52, 52}};
  ImageF img(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float u = (x + 0.5f) / w * 6.0f, v = (y + 0.5f) / h * 4.0f;
      const float fu = u - std::floor(u), fv = v - std::floor(v);
      if (fu < 0.1f || fu > 0.9f || fv < 0.1f || fv > 0.9f) {
        setPixel(img, x, y, 0.012f, 0.012f, 0.012f);
        continue;
      }
      const int* c = kPatches[static_cast<int>(v) * 6 + static_cast<int>(u)];
      setPixel(img, x, y, srgbToLinear(c[0]), srgbToLinear(c[1]), srgbToLinear(c[2]));
    }
  return img;
}

}  // namespace postline::color::match_scenes
