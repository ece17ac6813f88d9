#include "ui/viewer/scrub_bar.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace postline::ui {

namespace {
constexpr double kMargin = 6.0;  // logical pixels left and right of the strip
}  // namespace

ScrubBar::ScrubBar(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(18);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  setCursor(Qt::PointingHandCursor);
}

void ScrubBar::setFrameCount(qint64 frames) {
  frames = std::max<qint64>(0, frames);
  if (frames == m_frames) return;
  m_frames = frames;
  update();
}

void ScrubBar::setPosition(qint64 frame) {
  if (frame == m_position) return;
  m_position = frame;
  update();
}

void ScrubBar::setMarks(std::optional<qint64> in, std::optional<qint64> out) {
  if (in == m_in && out == m_out) return;
  m_in = in;
  m_out = out;
  update();
}

double ScrubBar::xOfFrame(qint64 frame) const {
  const double w = std::max(1.0, width() - 2 * kMargin);
  return kMargin + w * double(frame) / double(std::max<qint64>(1, m_frames));
}

qint64 ScrubBar::frameAt(double x) const {
  const double w = std::max(1.0, width() - 2 * kMargin);
  const auto f = static_cast<qint64>(std::floor((x - kMargin) / w * double(std::max<qint64>(1, m_frames))));
  return std::clamp<qint64>(f, 0, std::max<qint64>(0, m_frames - 1));
}

void ScrubBar::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QPalette& pal = palette();
  p.fillRect(rect(), pal.color(QPalette::Window).darker(130));
  const double top = 4, h = height() - 8;
  p.fillRect(QRectF(kMargin, top, width() - 2 * kMargin, h), pal.color(QPalette::Base));
  if (m_in || m_out) {
    const double x0 = xOfFrame(m_in.value_or(0));
    const double x1 = xOfFrame(m_out ? *m_out + 1 : m_frames);
    p.fillRect(QRectF(x0, top, std::max(1.0, x1 - x0), h), QColor(70, 110, 170, 150));
    p.setPen(QPen(QColor(120, 170, 255), 2));
    if (m_in) p.drawLine(QPointF(x0, 1), QPointF(x0, height() - 1));
    if (m_out) p.drawLine(QPointF(x1, 1), QPointF(x1, height() - 1));
  }
  const double x = xOfFrame(m_position);
  p.setPen(QPen(QColor(230, 70, 60), 2));
  p.drawLine(QPointF(x, 0), QPointF(x, height()));
}

void ScrubBar::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || m_frames <= 0) return;
  m_dragging = true;
  emit scrubbed(frameAt(event->position().x()));
}

void ScrubBar::mouseMoveEvent(QMouseEvent* event) {
  if (!m_dragging) return;
  emit scrubbed(frameAt(event->position().x()));
}

void ScrubBar::mouseReleaseEvent(QMouseEvent* event) {
  if (!m_dragging || event->button() != Qt::LeftButton) return;
  m_dragging = false;
  emit scrubbed(frameAt(event->position().x()));
  emit scrubFinished();
}

}  // namespace postline::ui
