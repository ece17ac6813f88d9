// Transform: an OCIO processor turned into a CPU apply plus plain GLSL and LUT textures.
#include <exception>
#include <utility>

#include "core/color/ocio/ocio_internal.h"

namespace postline::color::ocio::detail {
namespace {

using base::ErrorCode;
using base::makeError;

class OcioTransform final : public Transform {
 public:
  OcioTransform(OCIO::ConstCPUProcessorRcPtr cpu, GpuShader gpu) : m_cpu(std::move(cpu)), m_gpu(std::move(gpu)) {}

  void applyCpu(float* rgba, std::size_t pixels) const override {
    // OCIO's image descriptions take a long width; apply in rows it can describe.
    constexpr std::size_t kRow = std::size_t{1} << 20;
    for (std::size_t done = 0; done < pixels; done += kRow) {
      const std::size_t n = pixels - done < kRow ? pixels - done : kRow;
      OCIO::PackedImageDesc img(rgba + done * 4, static_cast<long>(n), 1, 4);
      m_cpu->apply(img);
    }
  }

  const GpuShader& gpu() const override { return m_gpu; }

 private:
  OCIO::ConstCPUProcessorRcPtr m_cpu;
  GpuShader m_gpu;
};

void copy3dTextures(const OCIO::GpuShaderDescRcPtr& desc, GpuShader& out) {
  for (unsigned i = 0; i < desc->getNum3DTextures(); ++i) {
    const char* textureName = nullptr;
    const char* samplerName = nullptr;
    unsigned edge = 0;
    OCIO::Interpolation interp = OCIO::INTERP_DEFAULT;
    desc->get3DTexture(i, textureName, samplerName, edge, interp);
    const float* values = nullptr;
    desc->get3DTextureValues(i, values);
    GpuTexture t;
    t.samplerName = samplerName;
    t.width = t.height = t.depth = static_cast<int>(edge);
    t.is3d = true;
    t.channels = 3;
    // Tetrahedral GLSL fetches exact texel centres and interpolates itself: nearest is exact.
    t.linear = interp != OCIO::INTERP_NEAREST && interp != OCIO::INTERP_TETRAHEDRAL;
    t.values.assign(values, values + std::size_t{edge} * edge * edge * 3);
    out.textures.push_back(std::move(t));
  }
}

void copy1dTextures(const OCIO::GpuShaderDescRcPtr& desc, GpuShader& out) {
  for (unsigned i = 0; i < desc->getNumTextures(); ++i) {
    const char* textureName = nullptr;
    const char* samplerName = nullptr;
    unsigned width = 0, height = 0;
    OCIO::GpuShaderDesc::TextureType channel = OCIO::GpuShaderDesc::TEXTURE_RGB_CHANNEL;
    OCIO::Interpolation interp = OCIO::INTERP_DEFAULT;
    desc->getTexture(i, textureName, samplerName, width, height, channel, interp);
    const float* values = nullptr;
    desc->getTextureValues(i, values);
    GpuTexture t;
    t.samplerName = samplerName;
    t.width = static_cast<int>(width);
    t.height = static_cast<int>(height);
    t.channels = channel == OCIO::GpuShaderDesc::TEXTURE_RED_CHANNEL ? 1 : 3;
    t.linear = interp != OCIO::INTERP_NEAREST;
    t.values.assign(values, values + std::size_t{width} * height * static_cast<std::size_t>(t.channels));
    out.textures.push_back(std::move(t));
  }
}

// OCIO's function under an inner name, and `functionName` clamping rgb to [0, 1] around it.
std::string clampWrapper(const std::string& inner, const std::string& functionName) {
  return "\nvec4 " + functionName + "(in vec4 inPixel)\n{\n  return " + inner +
         "(vec4(clamp(inPixel.rgb, 0.0, 1.0), inPixel.a));\n}\n";
}

base::Result<GpuShader> makeGpuShader(const OCIO::ConstProcessorRcPtr& processor, const std::string& functionName,
                                      bool clampInput) {
  const std::string inner = clampInput ? functionName + "_unclamped" : functionName;
  auto desc = OCIO::GpuShaderDesc::CreateShaderDesc();
  desc->setLanguage(OCIO::GPU_LANGUAGE_GLSL_4_0);
  desc->setFunctionName(inner.c_str());
  desc->setResourcePrefix(functionName.c_str());
  processor->getOptimizedGPUProcessor(OCIO::OPTIMIZATION_LOSSLESS)->extractGpuShaderInfo(desc);
  if (desc->getNumUniforms() > 0)
    return makeError(ErrorCode::InvalidArgument, "OCIO transform '" + functionName + "' needs " +
                                                     std::to_string(desc->getNumUniforms()) +
                                                     " dynamic uniforms, which Postline does not support");
  GpuShader gpu;
  gpu.functionName = functionName;
  gpu.source = desc->getShaderText();
  if (clampInput) gpu.source += clampWrapper(inner, functionName);
  copy3dTextures(desc, gpu);
  copy1dTextures(desc, gpu);
  gpu.cacheKey = std::string(processor->getCacheID()) + (clampInput ? ":clamped:" : ":") + functionName;
  return gpu;
}

}  // namespace

base::Result<TransformPtr> makeTransform(const OCIO::ConstProcessorRcPtr& processor, const std::string& functionName,
                                         bool clampInput) {
  try {
    PL_TRY_ASSIGN(gpu, makeGpuShader(processor, functionName, clampInput));
    auto cpu = processor->getOptimizedCPUProcessor(OCIO::OPTIMIZATION_LOSSLESS);
    return TransformPtr(std::make_shared<OcioTransform>(std::move(cpu), std::move(gpu)));
  } catch (const std::exception& e) {
    return makeError(ErrorCode::InvalidArgument,
                     "OCIO could not build transform '" + functionName + "': " + std::string(e.what()));
  }
}

}  // namespace postline::color::ocio::detail
