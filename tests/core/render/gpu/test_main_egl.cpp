// Test main of postline_render_tests: an EGL surfaceless context (no X server), current on the
// main thread for the whole run. Fails loudly when no context can be made: GL must work here.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "tests/core/render/gpu/gpu_test_env.h"

namespace {
std::unique_ptr<postline::render::gl::ContextProvider> g_context;
}

namespace postline::render::testing {
gl::ContextProvider& gpuContext() { return *g_context; }
}  // namespace postline::render::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();  // test discovery needs no GL
  auto ctx = postline::render::gl::createEglSurfacelessContext();
  if (!ctx) {
    std::fprintf(stderr, "no EGL surfaceless GL context: %s\n", ctx.error().message.c_str());
    return 1;
  }
  g_context = std::move(ctx.value());
  if (!g_context->makeCurrent()) {
    std::fprintf(stderr, "cannot make the EGL context current\n");
    return 1;
  }
  std::fprintf(stderr, "GPU tests on %s\n", g_context->describe().c_str());
  const int rc = RUN_ALL_TESTS();
  g_context->doneCurrent();
  g_context.reset();
  return rc;
}
