#pragma once
// A colour wheel control (lift, gamma, gain or offset): a hue disc with a puck dragged in it (see
// wheel_mapping.h for how the puck maps to R, G, B), a master slider under it, numeric R, G, B and
// master fields beside it. Double-click on the disc resets the wheel. It emits edited() while a
// gesture runs and gestureFinished() when it ends (mouse release, slider release, a field
// committed), so the page makes one undoable command per drag.
#include <QWidget>

#include "core/color/grade.h"
#include "ui/color/wheel_mapping.h"

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace postline::ui {

class WheelDisc;

class ColorWheel : public QWidget {
  Q_OBJECT

 public:
  ColorWheel(WheelKind kind, const QString& title, QWidget* parent = nullptr);

  WheelKind kind() const { return m_kind; }
  color::Wheel value() const { return m_value; }
  // Shows `value` (no signal).
  void setValue(const color::Wheel& value);
  // The disc the puck moves in (tests drive it with real mouse events).
  QWidget& disc();
  // The disc's centre and radius in disc() coordinates (logical pixels).
  QPointF discCentre() const;
  double discRadius() const;
  QSlider& masterSlider() { return *m_master; }
  QDoubleSpinBox& field(int channel) { return *m_fields[channel]; }

 signals:
  void edited(const color::Wheel& value);
  void gestureFinished();

 private:
  friend class WheelDisc;
  void puckDragged(QPointF puck);
  void reset();
  void fieldChanged();
  void masterMoved(int position);
  void refreshControls();
  int sliderPosition(double master) const;

  WheelKind m_kind;
  color::Wheel m_value;
  WheelDisc* m_disc = nullptr;
  QSlider* m_master = nullptr;
  QDoubleSpinBox* m_fields[4] = {};
  bool m_updating = false;
};

// The disc: paints the hue plane and the puck; drags move the puck relative to where they started.
class WheelDisc : public QWidget {
  Q_OBJECT

 public:
  explicit WheelDisc(ColorWheel& wheel);
  QSize sizeHint() const override { return {170, 170}; }
  QSize minimumSizeHint() const override { return {110, 110}; }
  QPointF centre() const;
  double radius() const;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  ColorWheel& m_wheel;
  QImage m_plane;        // the hue disc, rebuilt on resize
  bool m_dragging = false;
  QPointF m_pressAt;     // mouse position at the press
  QPointF m_pressPuck;   // puck at the press
};

}  // namespace postline::ui
