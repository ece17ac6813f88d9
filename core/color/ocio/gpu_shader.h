#pragma once
// An OCIO transform as the GPU needs it, in plain data (no OCIO or GL types): a GLSL 4.0
// function plus the LUT textures it samples. Built by core/color/ocio, consumed by core/render.
#include <string>
#include <vector>

namespace postline::color::ocio {

// One texture the generated function samples, by its sampler uniform name.
struct GpuTexture {
  std::string samplerName;     // uniform name in `source`
  int width = 0;
  int height = 1;              // 1 for a 1D LUT stored as a width x 1 2D texture
  int depth = 1;               // > 1 only for 3D LUTs
  bool is3d = false;
  int channels = 3;            // 1 (red only) or 3 (RGB) floats per texel
  bool linear = true;          // linear filtering (else nearest)
  std::vector<float> values;   // width * height * depth * channels floats, tightly packed
};

// A generated GLSL function `vec4 <functionName>(in vec4 inPixel)` and what it needs.
struct GpuShader {
  std::string functionName;
  std::string source;          // declarations (uniform samplers) + the function; no #version line
  std::vector<GpuTexture> textures;
  std::string cacheKey;        // equal keys = identical shader and textures
};

}  // namespace postline::color::ocio
