#include "ui/viewer/viewer_widget.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace postline::ui {

namespace {
const QColor kSurround(38, 38, 38);

// A centred rectangle of `aspect` (w/h) inside `r`, full height (crop guides of a wide frame).
QRectF cropGuide(const QRectF& r, double aspect) {
  const double w = std::min(r.width(), r.height() * aspect);
  return QRectF(r.center().x() - w / 2, r.top(), w, r.height());
}

QRectF shrink(const QRectF& r, double f) {
  const double dx = r.width() * (1 - f) / 2, dy = r.height() * (1 - f) / 2;
  return r.adjusted(dx, dy, -dx, -dy);
}
}  // namespace

ViewerWidget::ViewerWidget(QWidget* parent) : QWidget(parent) {
  setMinimumSize(160, 90);
  setAttribute(Qt::WA_OpaquePaintEvent);  // paintEvent fills every pixel
}

QImage ViewerWidget::grabFramebuffer() { return grab().toImage(); }

void ViewerWidget::showImage(const RenderedFrame& frame) {
  m_left = frame;
  m_right = {};
  m_twoUp = false;
  update();
}

void ViewerWidget::showTwoUp(const RenderedFrame& left, const RenderedFrame& right) {
  m_left = left;
  m_right = right;
  m_twoUp = true;
  update();
}

void ViewerWidget::setOffline(bool offline, const QString& what) {
  if (offline == m_offline && what == m_offlineWhat) return;
  m_offline = offline;
  m_offlineWhat = what;
  update();
}

void ViewerWidget::setDroppedFrames(int dropped) {
  if (dropped == m_dropped) return;
  m_dropped = dropped;
  update();
}

void ViewerWidget::setFrameSize(QSize size) {
  if (size == m_frameSize) return;
  m_frameSize = size;
  update();
}

void ViewerWidget::setZoom(double zoom) {
  m_zoom = std::clamp(zoom, 0.0, 16.0);
  update();
}

void ViewerWidget::setOverlays(int overlays) {
  m_overlays = overlays;
  update();
}

QRectF ViewerWidget::placeIn(const QRectF& area, QSize image) const {
  const QSize full = m_frameSize.isValid() && !m_frameSize.isEmpty() ? m_frameSize : image;
  if (full.isEmpty()) return {};
  double scale = std::min(area.width() / full.width(), area.height() / full.height());
  if (m_zoom > 0 && !m_twoUp) scale = m_zoom / devicePixelRatioF();
  const QSizeF s(full.width() * scale, full.height() * scale);
  return QRectF(area.center().x() - s.width() / 2, area.center().y() - s.height() / 2, s.width(), s.height());
}

QRectF ViewerWidget::pictureRect() const {
  const QRectF all(0, 0, width(), height());
  const QRectF area = m_twoUp ? QRectF(0, 0, width() / 2.0, height()) : all;
  return placeIn(area, m_left.image.size());
}

void ViewerWidget::drawPicture(QPainter& p, const QRectF& area, const RenderedFrame& frame, QRectF* placed) const {
  const QRectF r = placeIn(area, frame.image.size());
  if (placed) *placed = r;
  if (frame.image.isNull() || r.isEmpty()) return;
  p.drawImage(r, frame.image);
}

void ViewerWidget::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::SmoothPixmapTransform, true);
  p.fillRect(rect(), kSurround);
  if (m_offline) {
    drawSlate(p);
  } else if (m_twoUp) {
    const double half = width() / 2.0;
    drawPicture(p, QRectF(0, 0, half, height()), m_left, nullptr);
    drawPicture(p, QRectF(half, 0, width() - half, height()), m_right, nullptr);
    p.setPen(QPen(QColor(90, 90, 90), 2));
    p.drawLine(QPointF(half, 0), QPointF(half, height()));
  } else {
    QRectF pic;
    drawPicture(p, rect(), m_left, &pic);
    if (m_split && !m_left.image.isNull()) drawSplit(p, pic);
    if (!m_left.image.isNull()) drawOverlays(p, pic);
  }
  drawDropped(p);
  p.end();
  // The repaint manager flushes the window right after this paint: announce the frame after it.
  m_painted = m_offline ? -1 : m_left.frame;
  if (m_painted < 0 || m_presentQueued) return;
  m_presentQueued = true;
  QMetaObject::invokeMethod(this, [this] {
    m_presentQueued = false;
    if (m_painted >= 0) emit framePresented(m_painted);
  }, Qt::QueuedConnection);
}

void ViewerWidget::drawOverlays(QPainter& p, const QRectF& pic) const {
  p.setRenderHint(QPainter::Antialiasing, false);
  p.setBrush(Qt::NoBrush);
  if (m_overlays & TitleSafe) {
    p.setPen(QPen(QColor(255, 255, 255, 200), 1, Qt::DashLine));
    p.drawRect(shrink(pic, 0.9));   // action safe
    p.drawRect(shrink(pic, 0.8));   // title safe
  }
  struct Guide { int bit; double aspect; QColor colour; const char* label; };
  const Guide guides[] = {{Crop4x5, 4.0 / 5.0, QColor(80, 200, 255), "4:5"},
                          {Crop9x16, 9.0 / 16.0, QColor(255, 190, 60), "9:16"},
                          {Crop1x1, 1.0, QColor(120, 230, 120), "1:1"}};
  for (const Guide& g : guides) {
    if (!(m_overlays & g.bit)) continue;
    const QRectF r = cropGuide(pic, g.aspect);
    p.setPen(QPen(g.colour, 2));
    p.drawLine(r.topLeft(), r.bottomLeft());
    p.drawLine(r.topRight(), r.bottomRight());
    p.drawText(r.topLeft() + QPointF(4, 14 + 16 * (g.bit == Crop9x16 ? 1 : g.bit == Crop1x1 ? 2 : 0)), QString::fromLatin1(g.label));
  }
}

void ViewerWidget::drawSlate(QPainter& p) const {
  const QRectF r = placeIn(rect(), m_frameSize.isEmpty() ? QSize(16, 9) : m_frameSize);
  p.fillRect(r, QColor(70, 20, 24));
  p.setPen(QColor(240, 240, 240));
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 1.6);
  f.setBold(true);
  p.setFont(f);
  const QString text = m_offlineWhat.isEmpty() ? tr("Media offline") : tr("Media offline\n%1").arg(m_offlineWhat);
  p.drawText(r, Qt::AlignCenter, text);
}

void ViewerWidget::drawDropped(QPainter& p) const {
  if (m_dropped <= 0) return;
  p.setFont(font());
  const QString text = tr("Dropped: %1").arg(m_dropped);
  const QRectF box(width() - 130, 6, 124, 22);
  p.fillRect(box, QColor(0, 0, 0, 160));
  p.setPen(QColor(255, 110, 90));
  p.drawText(box, Qt::AlignCenter, text);
}

void ViewerWidget::setSplit(bool on) {
  m_split = on;
  if (!on) m_before = {};
  update();
}

void ViewerWidget::setBeforeImage(const RenderedFrame& before) {
  m_before = before;
  if (m_split) update();
}

void ViewerWidget::setSplitPosition(double position) {
  m_splitPos = std::clamp(position, 0.0, 1.0);
  update();
}

void ViewerWidget::drawSplit(QPainter& p, const QRectF& pic) const {
  const double x = pic.left() + pic.width() * m_splitPos;
  if (!m_before.image.isNull() && m_before.frame == m_left.frame) {
    p.save();
    p.setClipRect(QRectF(pic.left(), pic.top(), x - pic.left(), pic.height()));
    p.drawImage(pic, m_before.image);
    p.restore();
  }
  p.setPen(QPen(QColor(240, 240, 240, 220), 2));
  p.drawLine(QPointF(x, pic.top()), QPointF(x, pic.bottom()));
  p.setBrush(QColor(240, 240, 240));
  p.drawEllipse(QPointF(x, pic.center().y()), 6, 6);
  p.setFont(font());
  const QRectF label(0, pic.top() + 6, 70, 20);
  p.fillRect(label.translated(x - 76, 0), QColor(0, 0, 0, 150));
  p.fillRect(label.translated(x + 6, 0), QColor(0, 0, 0, 150));
  p.setPen(QColor(235, 235, 235));
  p.drawText(label.translated(x - 76, 0), Qt::AlignCenter, tr("Before"));
  p.drawText(label.translated(x + 6, 0), Qt::AlignCenter, tr("After"));
}

void ViewerWidget::mousePressEvent(QMouseEvent* event) {
  const QRectF pic = pictureRect();
  if (!m_split || event->button() != Qt::LeftButton || pic.isEmpty() || !pic.contains(event->position())) {
    QWidget::mousePressEvent(event);
    return;
  }
  m_draggingSplit = true;
  mouseMoveEvent(event);
}

void ViewerWidget::mouseMoveEvent(QMouseEvent* event) {
  const QRectF pic = pictureRect();
  if (!m_draggingSplit || pic.width() <= 0) {
    QWidget::mouseMoveEvent(event);
    return;
  }
  setSplitPosition((event->position().x() - pic.left()) / pic.width());
  emit splitPositionChanged(m_splitPos);
  event->accept();
}

void ViewerWidget::mouseReleaseEvent(QMouseEvent* event) {
  if (!m_draggingSplit) {
    QWidget::mouseReleaseEvent(event);
    return;
  }
  m_draggingSplit = false;
  event->accept();
}

void ViewerWidget::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return;
  double current = m_zoom;
  if (current <= 0) {  // from fit: start at the fitted factor
    const QSize full = m_frameSize.isEmpty() ? m_left.image.size() : m_frameSize;
    if (full.isEmpty()) return;
    current = std::min(double(width()) / full.width(), double(height()) / full.height()) * devicePixelRatioF();
  }
  setZoom(current * std::pow(1.25, steps));
  emit zoomChanged(m_zoom);
  event->accept();
}

}  // namespace postline::ui
