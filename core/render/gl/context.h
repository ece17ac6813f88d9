#pragma once
// How the renderer reaches an OpenGL 4.x core context, without knowing who made it:
// postline-cli and the tests use EGL surfaceless (Mesa llvmpipe, no X server); the editor
// supplies Qt's context from ui/. GL functions are loaded through libepoxy.
#include <memory>
#include <string>

#include "core/base/result.h"

namespace postline::render::gl {

// A GL context the renderer may make current on the calling thread.
class ContextProvider {
 public:
  virtual ~ContextProvider() = default;
  // Makes the context current on this thread (with no default framebuffer needed).
  virtual base::Result<void> makeCurrent() = 0;
  // Releases the context from this thread.
  virtual void doneCurrent() = 0;
  // "EGL surfaceless: llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5" and the like.
  virtual std::string describe() const = 0;
};

// A headless OpenGL 4.5 core context through EGL_MESA_platform_surfaceless (no display needed).
// NotFound with the reason when EGL or a suitable config is not available.
base::Result<std::unique_ptr<ContextProvider>> createEglSurfacelessContext();

// The GL_RENDERER / GL_VERSION of the current context, for logs and benchmarks.
std::string currentRendererDescription();

// Keeps a provider's context current for a scope.
class CurrentContext {
 public:
  explicit CurrentContext(ContextProvider& provider) : m_provider(provider) { m_ok = m_provider.makeCurrent().ok(); }
  ~CurrentContext() { if (m_ok) m_provider.doneCurrent(); }
  CurrentContext(const CurrentContext&) = delete;
  CurrentContext& operator=(const CurrentContext&) = delete;
  bool ok() const { return m_ok; }

 private:
  ContextProvider& m_provider;
  bool m_ok = false;
};

}  // namespace postline::render::gl
