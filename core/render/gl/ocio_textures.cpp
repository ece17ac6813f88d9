#include "core/render/gl/ocio_textures.h"

namespace postline::render::gl {
namespace {

base::Result<Texture> upload(const color::ocio::GpuTexture& t) {
  const auto filter = t.linear ? Filter::Linear : Filter::Nearest;
  const std::size_t texels = static_cast<std::size_t>(t.width) * t.height * t.depth;
  if (t.values.size() != texels * static_cast<std::size_t>(t.channels)) {
    return base::makeError(base::ErrorCode::InvalidArgument, "OCIO texture '" + t.samplerName + "' has the wrong number of values");
  }
  if (t.is3d) return Texture::create3d(t.width, t.height, t.depth, TexFormat::Rgb32F, filter, t.values.data());
  if (t.channels == 1) return Texture::create2d(t.width, t.height, TexFormat::R32F, filter, t.values.data());
  return Texture::create2d(t.width, t.height, TexFormat::Rgb32F, filter, t.values.data());
}

}  // namespace

base::Result<const std::vector<Texture>*> OcioTextures::texturesOf(const color::ocio::GpuShader& shader) {
  auto it = m_cache.find(shader.cacheKey);
  if (it != m_cache.end()) return &it->second;
  std::vector<Texture> textures;
  for (const auto& t : shader.textures) {
    PL_TRY_ASSIGN(tex, upload(t));
    textures.push_back(std::move(tex));
  }
  return &m_cache.emplace(shader.cacheKey, std::move(textures)).first->second;
}

base::Result<int> OcioTextures::bind(const Program& program, const color::ocio::GpuShader& shader, int firstUnit) {
  PL_TRY_ASSIGN(textures, texturesOf(shader));
  int unit = firstUnit;
  for (std::size_t i = 0; i < shader.textures.size(); ++i, ++unit) {
    (*textures)[i].bind(unit);
    program.setInt(shader.textures[i].samplerName.c_str(), unit);
  }
  return unit;
}

}  // namespace postline::render::gl
