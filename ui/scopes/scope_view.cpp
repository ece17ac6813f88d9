#include "ui/scopes/scope_view.h"

#include <QPainter>
#include <QTimer>
#include <algorithm>

#include "ui/scopes/scope_paint.h"

namespace postline::ui {
namespace {

constexpr double kMargin = 6.0;
constexpr double kLabelMargin = 30.0;  // room for the 0..100 labels of the level scopes

void drawHistogramGrid(QPainter& p, const QRectF& area) {
  p.save();
  p.setPen(QPen(QColor(80, 80, 80), 1.0, Qt::DashLine));
  for (int pct = 25; pct < 100; pct += 25) {
    const double x = area.left() + area.width() * pct / 100.0;
    p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
  }
  p.setPen(QPen(QColor(120, 120, 120), 1.0));
  p.drawRect(area);
  p.restore();
}

}  // namespace

ScopeView::ScopeView(QWidget* parent) : QWidget(parent) {
  setAttribute(Qt::WA_OpaquePaintEvent);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ScopeView::setKind(Kind kind) {
  if (kind == m_kind) return;
  m_kind = kind;
  update();
}

void ScopeView::setScopes(std::shared_ptr<const render::Scopes> scopes,
                          std::shared_ptr<const scopepaint::Images> images) {
  m_scopes = std::move(scopes);
  m_images = m_scopes ? std::move(images) : nullptr;
  update();
}

QRectF ScopeView::plotRect() const {
  const QRectF all = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
  if (m_kind == Kind::Vectorscope) {
    const double side = std::max(1.0, std::min(all.width(), all.height()) - 24.0);  // labels outside
    return QRectF(all.center().x() - side / 2, all.center().y() - side / 2, side, side);
  }
  return all.adjusted(kLabelMargin, 0, 0, 0);
}

const QImage& ScopeView::densityImage() {
  if (m_imageOf == m_scopes.get() && m_imageKind == m_kind) return m_image;
  m_imageOf = m_scopes.get();
  m_imageKind = m_kind;
  m_image = QImage();
  if (!m_scopes) return m_image;
  if (m_images) {
    const QImage* prebuilt[4] = {&m_images->vectorscope, nullptr, &m_images->waveform, &m_images->parade};
    if (prebuilt[int(m_kind)]) m_image = *prebuilt[int(m_kind)];  // shared, not copied
    return m_image;
  }
  switch (m_kind) {
    case Kind::Vectorscope: m_image = scopepaint::vectorscopeImage(*m_scopes); break;
    case Kind::Waveform: m_image = scopepaint::waveformImage(*m_scopes); break;
    case Kind::Parade: m_image = scopepaint::paradeImage(*m_scopes); break;
    case Kind::Histogram: break;  // drawn as paths
  }
  return m_image;
}

void ScopeView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(18, 18, 20));
  const QRectF area = plotRect();
  if (m_kind == Kind::Vectorscope) {
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(8, 8, 10));
    p.setPen(Qt::NoPen);
    p.drawEllipse(area);
  } else {
    p.fillRect(area, QColor(8, 8, 10));
  }
  // Graticule first: the traces are drawn over it, so a trace on a level line stays visible.
  switch (m_kind) {
    case Kind::Vectorscope: scopepaint::drawVectorscopeGraticule(p, area, m_scopes.get()); break;
    case Kind::Waveform: scopepaint::drawLevelGraticule(p, area, 1); break;
    case Kind::Parade: scopepaint::drawLevelGraticule(p, area, 3); break;
    case Kind::Histogram: drawHistogramGrid(p, area); break;
  }
  const QImage& img = densityImage();
  if (!img.isNull()) {
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(area, img);
  }
  if (m_kind == Kind::Histogram && m_scopes) scopepaint::drawHistogram(p, area, *m_scopes);
  p.end();
  // Reported after the paint event returns (the backing store is flushed by then): the receiver may
  // do anything, including things that must not happen inside a paint event.
  // The lambda holds the scopes drawn, so the address it reports cannot be reused meanwhile.
  // Only a paint on screen counts (grab() of a hidden view paints too).
  if (isVisible()) QTimer::singleShot(0, this, [this, drawn = m_scopes] { emit painted(drawn.get()); });
}

}  // namespace postline::ui
