// Test main of postline_render_qt_tests: the GPU tests on the editor's Qt context (run under
// Xvfb with QT_QPA_PLATFORM=xcb). Fails loudly when Qt has no GL context.
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "tests/core/render/gpu/gpu_test_env.h"
#include "ui/gl/qt_context_provider.h"

namespace {
std::unique_ptr<postline::ui::QtContextProvider> g_context;
}

namespace postline::render::testing {
gl::ContextProvider& gpuContext() { return *g_context; }
}  // namespace postline::render::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();  // test discovery needs no GL
  QGuiApplication app(argc, argv);
  auto ctx = postline::ui::QtContextProvider::create();
  if (!ctx) {
    std::fprintf(stderr, "no Qt GL context: %s\n", ctx.error().message.c_str());
    return 1;
  }
  g_context = std::move(ctx.value());
  if (!g_context->makeCurrent()) return 1;
  std::fprintf(stderr, "GPU tests on %s\n", g_context->describe().c_str());
  const int rc = RUN_ALL_TESTS();
  g_context->doneCurrent();
  // Leave without tearing Qt's GL integration down: it unloads Mesa's GLX driver, whose own
  // allocations then show up as unnamed leaks under LeakSanitizer. The same tests check our code
  // for leaks in postline_render_tests (EGL), which ends normally.
  std::fflush(nullptr);
  std::_Exit(rc);
}
