#pragma once
// The editor's ContextProvider: a QOpenGLContext (4.3 core) with an offscreen surface, sharing
// with the application's global share context so textures can be handed to a viewer widget.
#include <memory>
#include <string>

#include "core/base/result.h"
#include "core/render/gl/context.h"

class QOpenGLContext;
class QOffscreenSurface;

namespace postline::ui {

class QtContextProvider final : public render::gl::ContextProvider {
 public:
  // Needs a QGuiApplication; NotFound when Qt cannot create a 4.3 core context (no display).
  static base::Result<std::unique_ptr<QtContextProvider>> create();
  ~QtContextProvider() override;

  base::Result<void> makeCurrent() override;
  void doneCurrent() override;
  std::string describe() const override;

 private:
  QtContextProvider();
  std::unique_ptr<QOffscreenSurface> m_surface;
  std::unique_ptr<QOpenGLContext> m_context;
  std::string m_description;
};

}  // namespace postline::ui
