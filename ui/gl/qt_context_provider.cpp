#include "ui/gl/qt_context_provider.h"

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QSurfaceFormat>

namespace postline::ui {

QtContextProvider::QtContextProvider() = default;

QtContextProvider::~QtContextProvider() {
  if (m_context) m_context->doneCurrent();
}

base::Result<std::unique_ptr<QtContextProvider>> QtContextProvider::create() {
  QSurfaceFormat fmt;
  fmt.setVersion(4, 3);
  fmt.setProfile(QSurfaceFormat::CoreProfile);
  std::unique_ptr<QtContextProvider> p(new QtContextProvider());
  p->m_context = std::make_unique<QOpenGLContext>();
  p->m_context->setFormat(fmt);
  if (QOpenGLContext* shared = QOpenGLContext::globalShareContext()) p->m_context->setShareContext(shared);
  if (!p->m_context->create()) {
    return base::makeError(base::ErrorCode::NotFound, "Qt: cannot create an OpenGL 4.3 core context");
  }
  p->m_surface = std::make_unique<QOffscreenSurface>();
  p->m_surface->setFormat(p->m_context->format());
  p->m_surface->create();
  PL_TRY(p->makeCurrent());
  p->m_description = "Qt (" + QGuiApplication::platformName().toStdString() + "): " + render::gl::currentRendererDescription();
  p->doneCurrent();
  return p;
}

base::Result<void> QtContextProvider::makeCurrent() {
  if (!m_context->makeCurrent(m_surface.get())) {
    return base::makeError(base::ErrorCode::Io, "Qt: cannot make the OpenGL context current");
  }
  return {};
}

void QtContextProvider::doneCurrent() { m_context->doneCurrent(); }

std::string QtContextProvider::describe() const { return m_description; }

}  // namespace postline::ui
