#pragma once
// Private to core/color/ocio: shared between its .cpp files, never included from outside.
#include <OpenColorIO/OpenColorIO.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/color/ocio/ocio.h"

namespace postline::color::ocio::detail {

namespace OCIO = OCIO_NAMESPACE;

// Largest .cube file accepted, in bytes, and the largest LUT_3D_SIZE (edge length, inclusive).
inline constexpr std::uintmax_t kMaxCubeBytes = 64ull * 1024 * 1024;
inline constexpr int kMaxCube3dSize = 129;
inline constexpr int kMaxCube1dSize = 65536;

// The sizes a checked .cube file declares (0 = that table is absent).
struct CubeInfo {
  int size1d = 0;  // LUT_1D_SIZE entries
  int size3d = 0;  // LUT_3D_SIZE edge length
};

// Checks a .cube file before OCIO reads it: NotFound when missing, OutOfRange when larger than
// kMaxCubeBytes or with a LUT size past the limits, Parse (naming the file and line) when
// malformed (no size, wrong number of entries, a non-number, NaN or infinity, an empty or
// inverted DOMAIN, empty file).
base::Result<CubeInfo> checkCubeFile(const std::filesystem::path& cube);

// The config made in code: "Linear Rec.709" as reference plus the named input/output spaces.
OCIO::ConstConfigRcPtr config();

// Wraps an OCIO processor as a Transform (CPU processor + GLSL for `functionName`). With
// `clampInput` the GLSL clamps rgb to [0, 1] first, as OCIO's CPU 3D LUT does. Parse/
// InvalidArgument when OCIO cannot make the GPU shader or the shader needs uniforms.
base::Result<TransformPtr> makeTransform(const OCIO::ConstProcessorRcPtr& processor,
                                         const std::string& functionName, bool clampInput);

}  // namespace postline::color::ocio::detail
