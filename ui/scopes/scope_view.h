#pragma once
// One painted scope: a vectorscope, histogram, luma waveform or RGB parade of a render::Scopes, on a
// dark background with its graticule. The density image is built once per (scopes, kind) and
// scaled into the widget; painted() reports each finished paint so the panel can say when new scopes
// really reached the screen.
#include <QImage>
#include <QWidget>
#include <memory>

#include "core/render/scopes.h"
#include "ui/scopes/scope_paint.h"

namespace postline::ui {

class ScopeView : public QWidget {
  Q_OBJECT

 public:
  enum class Kind { Vectorscope = 0, Histogram = 1, Waveform = 2, Parade = 3 };

  explicit ScopeView(QWidget* parent = nullptr);

  void setKind(Kind kind);
  Kind kind() const { return m_kind; }
  // The scopes drawn (null: an empty graticule), with their density images when already built
  // (scopepaint::buildImages, off the UI thread); without them the view builds what it shows.
  void setScopes(std::shared_ptr<const render::Scopes> scopes,
                 std::shared_ptr<const scopepaint::Images> images = nullptr);
  const std::shared_ptr<const render::Scopes>& scopes() const { return m_scopes; }

  QSize sizeHint() const override { return {320, 240}; }
  QSize minimumSizeHint() const override { return {160, 120}; }

 signals:
  // A paint of `scopes` finished (queued after the paint event, never from inside it).
  void painted(const render::Scopes* scopes);

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  const QImage& densityImage();
  QRectF plotRect() const;

  Kind m_kind = Kind::Vectorscope;
  std::shared_ptr<const render::Scopes> m_scopes;
  std::shared_ptr<const scopepaint::Images> m_images;  // prebuilt images of m_scopes, or null
  QImage m_image;                         // cached density image of m_scopes in m_kind
  const render::Scopes* m_imageOf = nullptr;
  Kind m_imageKind = Kind::Vectorscope;
};

}  // namespace postline::ui
