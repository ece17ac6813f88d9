#include "ui/deliver/reframe_overlay.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include "ui/viewer/viewer_widget.h"

namespace postline::ui::deliver {

ReframeOverlay::ReframeOverlay(ViewerWidget& viewer) : QWidget(&viewer), m_viewer(viewer) {
  setObjectName(QStringLiteral("reframeOverlay"));
  setAttribute(Qt::WA_NoSystemBackground);
  setAttribute(Qt::WA_TranslucentBackground);
  setMouseTracking(false);
  setGeometry(viewer.rect());
  viewer.installEventFilter(this);
  show();
}

bool ReframeOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == &m_viewer && event->type() == QEvent::Resize) setGeometry(m_viewer.rect());
  return QWidget::eventFilter(watched, event);
}

void ReframeOverlay::setWindow(std::optional<exporting::Window> window, const QString& caption) {
  m_window = window;
  m_caption = caption;
  update();
}

QRectF ReframeOverlay::toWidget(const exporting::Window& w) const {
  const QRectF pic = m_viewer.pictureRect();
  return {pic.x() + (w.cx - w.w / 2.0) * pic.width(), pic.y() + (w.cy - w.h / 2.0) * pic.height(), w.w * pic.width(),
          w.h * pic.height()};
}

QRectF ReframeOverlay::windowRect() const {
  const auto w = window();
  return w ? toWidget(*w) : QRectF();
}

void ReframeOverlay::paintEvent(QPaintEvent*) {
  const auto w = window();
  const QRectF pic = m_viewer.pictureRect();
  if (!w || pic.isEmpty()) return;
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF win = toWidget(*w);
  QPainterPath outside;
  outside.setFillRule(Qt::OddEvenFill);
  outside.addRect(pic.united(win));
  outside.addRect(win);
  p.fillPath(outside, QColor(0, 0, 0, 150));
  p.setPen(QPen(QColor(0xff, 0xc8, 0x3d), 2.0));
  p.setBrush(Qt::NoBrush);
  p.drawRect(win.adjusted(1, 1, -1, -1));
  if (!m_caption.isEmpty()) {
    p.setPen(QColor(0xff, 0xc8, 0x3d));
    p.drawText(win.adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::AlignTop, m_caption);
  }
}

void ReframeOverlay::mousePressEvent(QMouseEvent* event) {
  const auto w = window();
  if (!w || !m_draggable || event->button() != Qt::LeftButton || !toWidget(*w).contains(event->position())) {
    event->ignore();
    return;
  }
  m_drag = true;
  m_pressPos = event->position();
  m_pressWindow = *w;
  m_dragWindow = *w;
  event->accept();
}

void ReframeOverlay::mouseMoveEvent(QMouseEvent* event) {
  if (!m_drag) return event->ignore();
  const QRectF pic = m_viewer.pictureRect();
  if (pic.isEmpty()) return;
  const QPointF d = event->position() - m_pressPos;
  const double cx = m_pressWindow.cx + d.x() / pic.width();
  const double cy = m_pressWindow.cy + d.y() / pic.height();
  if (m_clamp) {
    m_dragWindow = m_clamp(cx, cy);
  } else {
    m_dragWindow.cx = cx;
    m_dragWindow.cy = cy;
  }
  update();
}

void ReframeOverlay::mouseReleaseEvent(QMouseEvent* event) {
  if (!m_drag || event->button() != Qt::LeftButton) return event->ignore();
  mouseMoveEvent(event);
  m_drag = false;
  m_window = m_dragWindow;  // shown until the re-planned window arrives
  update();
  emit windowMoved(m_dragWindow.cx, m_dragWindow.cy);
}

}  // namespace postline::ui::deliver
