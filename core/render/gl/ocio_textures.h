#pragma once
// Uploads the LUT textures of OCIO-generated shaders once (cached by the shader's cacheKey) and
// binds them to the sampler uniforms the generated GLSL declares.
#include <map>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/color/ocio/gpu_shader.h"
#include "core/render/gl/gl_objects.h"

namespace postline::render::gl {

class OcioTextures {
 public:
  // Binds every texture of `shader` to units firstUnit, firstUnit + 1, ... of `program` and sets
  // their sampler uniforms; returns the next free unit. Uploads on first use of a cacheKey.
  base::Result<int> bind(const Program& program, const color::ocio::GpuShader& shader, int firstUnit);
  // Drops the textures of `cacheKey` (its file changed and will be loaded again).
  void forget(const std::string& cacheKey) { m_cache.erase(cacheKey); }
  // Cached texture sets (for tests).
  std::size_t cachedShaders() const { return m_cache.size(); }

 private:
  base::Result<const std::vector<Texture>*> texturesOf(const color::ocio::GpuShader& shader);
  std::map<std::string, std::vector<Texture>> m_cache;
};

}  // namespace postline::render::gl
