// The headless GL context: EGL on Mesa's surfaceless platform (no X server, no GPU needed).
#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <string>

#include "core/render/gl/context.h"

namespace postline::render::gl {
namespace {

using base::ErrorCode;
using base::makeError;

class EglSurfacelessContext final : public ContextProvider {
 public:
  EglSurfacelessContext(EGLDisplay display, EGLContext context) : m_display(display), m_context(context) {}
  // The display stays initialised for the life of the process (no eglTerminate): terminating
  // unloads Mesa's driver, which a later context would load again, and leaves leak checkers with
  // frames they can no longer name (tests/lsan.supp names the driver's own allocations).
  ~EglSurfacelessContext() override {
    eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(m_display, m_context);
  }
  base::Result<void> makeCurrent() override {
    if (eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, m_context) != EGL_TRUE) {
      return makeError(ErrorCode::Io, "EGL: cannot make the surfaceless context current");
    }
    return {};
  }
  void doneCurrent() override { eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT); }
  std::string describe() const override { return "EGL surfaceless: " + m_description; }
  void setDescription(std::string d) { m_description = std::move(d); }

 private:
  EGLDisplay m_display;
  EGLContext m_context;
  std::string m_description;
};

base::Result<EGLDisplay> openDisplay() {
  if (!epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless")) {
    return makeError(ErrorCode::NotFound, "EGL: the EGL_MESA_platform_surfaceless platform is not available");
  }
  EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  if (display == EGL_NO_DISPLAY || eglInitialize(display, nullptr, nullptr) != EGL_TRUE) {
    return makeError(ErrorCode::NotFound, "EGL: cannot initialise the surfaceless display");
  }
  return display;
}

base::Result<EGLContext> createCoreContext(EGLDisplay display) {
  const EGLint configAttribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint count = 0;
  if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) return makeError(ErrorCode::NotFound, "EGL: no desktop OpenGL API");
  const bool haveConfig = eglChooseConfig(display, configAttribs, &config, 1, &count) == EGL_TRUE && count > 0;
  const EGLint ctxAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 4, EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
                               EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  // EGL_KHR_no_config_context lets a surfaceless context exist without a config.
  EGLContext ctx = eglCreateContext(display, haveConfig ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, ctxAttribs);
  if (ctx == EGL_NO_CONTEXT) return makeError(ErrorCode::NotFound, "EGL: cannot create an OpenGL 4.3 core context");
  return ctx;
}

}  // namespace

base::Result<std::unique_ptr<ContextProvider>> createEglSurfacelessContext() {
  PL_TRY_ASSIGN(display, openDisplay());
  auto ctx = createCoreContext(display);
  if (!ctx) {
    eglTerminate(display);
    return ctx.error();
  }
  auto provider = std::make_unique<EglSurfacelessContext>(display, ctx.value());
  PL_TRY(provider->makeCurrent());
  provider->setDescription(currentRendererDescription());
  provider->doneCurrent();
  return std::unique_ptr<ContextProvider>(std::move(provider));
}

std::string currentRendererDescription() {
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  return std::string(renderer ? renderer : "unknown renderer") + ", OpenGL " + (version ? version : "?");
}

}  // namespace postline::render::gl
