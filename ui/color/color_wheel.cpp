#include "ui/color/color_wheel.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSlider>
#include <cmath>

namespace postline::ui {

namespace {
constexpr int kSliderSteps = 1000;
const char* const kChannelNames[4] = {"R", "G", "B", "M"};
}  // namespace

ColorWheel::ColorWheel(WheelKind kind, const QString& title, QWidget* parent) : QWidget(parent), m_kind(kind) {
  const WheelRange r = wheelRange(kind);
  m_value = {r.identity, r.identity, r.identity, r.identity};
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(2, 2, 2, 2);
  col->setSpacing(3);
  auto* label = new QLabel(title, this);
  label->setAlignment(Qt::AlignCenter);
  col->addWidget(label);
  auto* row = new QHBoxLayout;
  m_disc = new WheelDisc(*this);
  row->addWidget(m_disc, 1);
  auto* fields = new QGridLayout;
  fields->setSpacing(2);
  for (int c = 0; c < 4; ++c) {
    fields->addWidget(new QLabel(QString::fromLatin1(kChannelNames[c]), this), c, 0);
    auto* f = new QDoubleSpinBox(this);
    f->setDecimals(3);
    f->setSingleStep(0.01);
    f->setRange(c < 3 ? r.channelMin : r.masterMin, c < 3 ? r.channelMax : r.masterMax);
    f->setKeyboardTracking(false);
    f->setMaximumWidth(78);
    f->setObjectName(QStringLiteral("%1_%2").arg(title.toLower(), QString::fromLatin1(kChannelNames[c])));
    connect(f, &QDoubleSpinBox::valueChanged, this, &ColorWheel::fieldChanged);
    m_fields[c] = f;
    fields->addWidget(f, c, 1);
  }
  auto* fieldCol = new QVBoxLayout;
  fieldCol->addStretch(1);
  fieldCol->addLayout(fields);
  fieldCol->addStretch(1);
  row->addLayout(fieldCol);
  col->addLayout(row, 1);
  m_master = new QSlider(Qt::Horizontal, this);
  m_master->setRange(0, kSliderSteps);
  m_master->setToolTip(tr("%1 master").arg(title));
  connect(m_master, &QSlider::valueChanged, this, &ColorWheel::masterMoved);
  connect(m_master, &QSlider::sliderReleased, this, &ColorWheel::gestureFinished);
  col->addWidget(m_master);
  refreshControls();
}

void ColorWheel::setValue(const color::Wheel& value) {
  if (value == m_value) return;
  m_value = value;
  refreshControls();
}

QWidget& ColorWheel::disc() { return *m_disc; }
QPointF ColorWheel::discCentre() const { return m_disc->centre(); }
double ColorWheel::discRadius() const { return m_disc->radius(); }

int ColorWheel::sliderPosition(double master) const {
  const WheelRange r = wheelRange(m_kind);
  return int(std::lround((master - r.masterMin) / (r.masterMax - r.masterMin) * kSliderSteps));
}

void ColorWheel::refreshControls() {
  m_updating = true;
  for (int c = 0; c < 4; ++c) m_fields[c]->setValue(m_value[c]);
  if (!m_master->isSliderDown()) m_master->setValue(sliderPosition(m_value[3]));
  m_updating = false;
  m_disc->update();
}

void ColorWheel::puckDragged(QPointF puck) {
  m_value = wheelFor(m_kind, puck, lumaOf(m_kind, m_value), m_value[3]);
  refreshControls();
  emit edited(m_value);
}

void ColorWheel::reset() {
  const double id = wheelRange(m_kind).identity;
  m_value = {id, id, id, id};
  refreshControls();
  emit edited(m_value);
  emit gestureFinished();
}

void ColorWheel::fieldChanged() {
  if (m_updating) return;
  for (int c = 0; c < 4; ++c) m_value[c] = m_fields[c]->value();
  refreshControls();
  emit edited(m_value);
  emit gestureFinished();
}

void ColorWheel::masterMoved(int position) {
  if (m_updating) return;
  const WheelRange r = wheelRange(m_kind);
  m_value[3] = r.masterMin + (r.masterMax - r.masterMin) * position / kSliderSteps;
  refreshControls();
  emit edited(m_value);
  if (!m_master->isSliderDown()) emit gestureFinished();  // keyboard / page step: one step, one command
}

// --- WheelDisc ------------------------------------------------------------------------------------

WheelDisc::WheelDisc(ColorWheel& wheel) : QWidget(&wheel), m_wheel(wheel) {
  setObjectName(QStringLiteral("disc"));
  setCursor(Qt::CrossCursor);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setMinimumSize(110, 110);
  setToolTip(tr("Drag the puck towards a hue; double-click resets"));
}

QPointF WheelDisc::centre() const { return QPointF(width() / 2.0, height() / 2.0); }
double WheelDisc::radius() const { return std::max(10.0, std::min(width(), height()) / 2.0 - 4.0); }

void WheelDisc::resizeEvent(QResizeEvent*) {
  const int size = int(radius() * 2) + 1;
  m_plane = QImage(size, size, QImage::Format_ARGB32_Premultiplied);
  m_plane.fill(Qt::transparent);
  const double rad = radius();
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      const QPointF p((x - rad) / rad, (rad - y) / rad);
      if (std::hypot(p.x(), p.y()) > 1.0) continue;
      int rgb[3];
      discColour(p, rgb);
      m_plane.setPixel(x, y, qRgb(rgb[0], rgb[1], rgb[2]));
    }
  }
}

void WheelDisc::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing, true);
  const QPointF c = centre();
  const double r = radius();
  p.drawImage(QPointF(c.x() - r, c.y() - r), m_plane);
  p.setPen(QPen(QColor(20, 20, 20), 1.5));
  p.setBrush(Qt::NoBrush);
  p.drawEllipse(c, r, r);
  p.setPen(QPen(QColor(0, 0, 0, 90), 1));
  p.drawLine(QPointF(c.x() - r, c.y()), QPointF(c.x() + r, c.y()));
  p.drawLine(QPointF(c.x(), c.y() - r), QPointF(c.x(), c.y() + r));
  const QPointF puck = puckFor(m_wheel.kind(), m_wheel.value());
  const QPointF at(c.x() + puck.x() * r, c.y() - puck.y() * r);
  p.setPen(QPen(QColor(10, 10, 10), 2));
  p.setBrush(QColor(245, 245, 245));
  p.drawEllipse(at, 5.5, 5.5);
}

void WheelDisc::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  m_dragging = true;
  m_pressAt = event->position();
  m_pressPuck = puckFor(m_wheel.kind(), m_wheel.value());
  event->accept();
}

void WheelDisc::mouseMoveEvent(QMouseEvent* event) {
  if (!m_dragging) return;
  const double scale = (event->modifiers() & Qt::ShiftModifier) ? 0.25 : 1.0;  // Shift: fine
  const QPointF delta = (event->position() - m_pressAt) * (scale / radius());
  QPointF puck(m_pressPuck.x() + delta.x(), m_pressPuck.y() - delta.y());
  const double len = std::hypot(puck.x(), puck.y());
  if (len > 1.0) puck /= len;
  m_wheel.puckDragged(puck);
  event->accept();
}

void WheelDisc::mouseReleaseEvent(QMouseEvent* event) {
  if (!m_dragging) return;
  m_dragging = false;
  emit m_wheel.gestureFinished();
  event->accept();
}

void WheelDisc::mouseDoubleClickEvent(QMouseEvent* event) {
  m_dragging = false;
  m_wheel.reset();
  event->accept();
}

}  // namespace postline::ui
