#pragma once
// The GL context every GPU test runs in: made current once by the test main (EGL surfaceless in
// postline_render_tests, Qt's context under Xvfb in postline_render_qt_tests).
#include "core/render/gl/context.h"

namespace postline::render::testing {

// The provider the test main made current on the main thread (never null while tests run).
gl::ContextProvider& gpuContext();

}  // namespace postline::render::testing
