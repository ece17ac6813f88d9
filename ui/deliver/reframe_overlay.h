#pragma once
// Drawn over the reframe view's picture (a child of its ViewerWidget): the delivery crop window of
// the clip under the playhead, the picture outside it dimmed. Dragging the window moves it
// (clamped inside the frame); the release reports the new centre, which the view turns into a key.
#include <QWidget>
#include <functional>
#include <optional>

#include "core/export/reframe.h"

namespace postline::ui {
class ViewerWidget;
}

namespace postline::ui::deliver {

class ReframeOverlay : public QWidget {
  Q_OBJECT

 public:
  explicit ReframeOverlay(ViewerWidget& viewer);

  // The window to draw (sequence-normalised), or none (no clip under the playhead, no plan yet).
  void setWindow(std::optional<exporting::Window> window, const QString& caption);
  // Clamps a dragged centre to a window inside the frame (the view knows the sizes).
  void setClamp(std::function<exporting::Window(double cx, double cy)> clamp) { m_clamp = std::move(clamp); }
  // Letterboxed windows are shown but cannot be dragged.
  void setDraggable(bool draggable) { m_draggable = draggable; }
  std::optional<exporting::Window> window() const { return m_drag ? m_dragWindow : m_window; }
  // The window in widget coordinates (empty when none).
  QRectF windowRect() const;
  bool dragging() const { return m_drag; }

 signals:
  // The drag ended with the window centred at (cx, cy), sequence-normalised.
  void windowMoved(double cx, double cy);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QRectF toWidget(const exporting::Window& w) const;

  ViewerWidget& m_viewer;
  std::optional<exporting::Window> m_window;
  QString m_caption;
  std::function<exporting::Window(double, double)> m_clamp;
  bool m_draggable = true;
  bool m_drag = false;
  QPointF m_pressPos;
  exporting::Window m_pressWindow;
  exporting::Window m_dragWindow;
};

}  // namespace postline::ui::deliver
