#pragma once
// Curves editor: a tab per curve (RGB master, Red, Green, Blue) over a square plot of code values
// [0, 1]. Click adds a point (an empty curve starts as the diagonal 0,0 .. 1,1), dragging moves
// one (kept between its neighbours), double-click or right-click removes it. Emits edited() while
// a gesture runs and gestureFinished() when it ends, so the page makes one command per drag.
#include <QWidget>

#include "core/color/grade.h"

class QTabBar;

namespace postline::ui {

class CurvePlot;

class CurveEditor : public QWidget {
  Q_OBJECT

 public:
  explicit CurveEditor(QWidget* parent = nullptr);

  const color::Curves& curves() const { return m_curves; }
  void setCurves(const color::Curves& curves);  // no signal
  // 0 master, 1 red, 2 green, 3 blue.
  void setChannel(int channel);
  int channel() const;
  // The plot (tests drive it with real mouse events) and where code value (x, y) lies on it.
  QWidget& plot();
  QPointF plotPoint(double x, double y) const;

 signals:
  void edited(const color::Curves& curves);
  void gestureFinished();

 private:
  friend class CurvePlot;
  std::vector<color::CurvePoint>& active();
  void changed();

  color::Curves m_curves;
  QTabBar* m_tabs = nullptr;
  CurvePlot* m_plot = nullptr;
};

class CurvePlot : public QWidget {
  Q_OBJECT

 public:
  explicit CurvePlot(CurveEditor& editor);
  QSize sizeHint() const override { return {220, 220}; }
  QSize minimumSizeHint() const override { return {140, 140}; }
  QRectF area() const;
  QPointF toWidget(double x, double y) const;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  int hit(QPointF at) const;  // index of the point under `at`, -1 = none
  color::CurvePoint toValue(QPointF at) const;
  void moveTo(int index, QPointF at);

  CurveEditor& m_editor;
  int m_drag = -1;
};

}  // namespace postline::ui
