#pragma once
// The one place that knows OpenColorIO. Transforms are built from a config made in code
// (OCIO 2.1 has no built-in configs) and handed out in plain form: a CPU apply and the GLSL
// the GPU runs (gpu_shader.h). Built transforms are cached; all functions are thread-safe.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/color/ocio/gpu_shader.h"

namespace postline::color::ocio {

// A compiled OCIO transform.
class Transform {
 public:
  virtual ~Transform() = default;
  // Applies the transform to `pixels` RGBA float pixels in place (alpha untouched).
  virtual void applyCpu(float* rgba, std::size_t pixels) const = 0;
  // The same transform as GLSL 4.0 (`vec4 <functionName>(in vec4)`) plus its LUT textures.
  virtual const GpuShader& gpu() const = 0;
};
using TransformPtr = std::shared_ptr<const Transform>;

// The working space every input transform produces: linear light, Rec.709 primaries.
inline constexpr std::string_view kWorkingSpace = "Linear Rec.709";

// A .cube look applied to code values with tetrahedral interpolation. NotFound when the file is
// missing, Parse (naming the file and the problem) when malformed, OutOfRange when too large.
base::Result<TransformPtr> lookTransform(const std::filesystem::path& cube, const std::string& functionName = "pl_look");
// Named colour space (see colorSpaceNames) -> working space.
base::Result<TransformPtr> inputTransform(std::string_view colorSpace, const std::string& functionName = "pl_input");
// Working space -> display encoding "Rec.709" (BT.1886, gamma 2.4) or "Rec.2020".
base::Result<TransformPtr> outputTransform(std::string_view display, const std::string& functionName = "pl_output");

// The input colour spaces Postline knows ("Rec.709", "sRGB", "Rec.2020", "Linear Rec.709", ...).
std::vector<std::string> colorSpaceNames();
// The colour space a stream's tags (FFmpeg names: primaries "bt709", transfer "bt709"/"smpte2084"/
// "arib-std-b67"/"iec61966-2-1", ...) stand for; "Rec.709" when untagged or unknown.
std::string colorSpaceForTags(std::string_view primaries, std::string_view transfer);

}  // namespace postline::color::ocio
