#pragma once
// The viewer's scrub bar: the frames of the source as a strip with the in/out range, its marks and
// the playhead; pressing or dragging on it asks for the frame under the mouse.
#include <QWidget>
#include <optional>

namespace postline::ui {

class ScrubBar : public QWidget {
  Q_OBJECT

 public:
  explicit ScrubBar(QWidget* parent = nullptr);

  // Frames [0, frames) are shown across the width.
  void setFrameCount(qint64 frames);
  qint64 frameCount() const { return m_frames; }
  // The playhead frame drawn.
  void setPosition(qint64 frame);
  qint64 position() const { return m_position; }
  // In (first frame) and out (last frame included) marks; nullopt = unset.
  void setMarks(std::optional<qint64> in, std::optional<qint64> out);
  // The x (logical pixels) of the left edge of `frame`, and the frame under `x` (clamped).
  double xOfFrame(qint64 frame) const;
  qint64 frameAt(double x) const;

  QSize sizeHint() const override { return QSize(400, 22); }

 signals:
  // The user pressed or dragged to `frame`.
  void scrubbed(qint64 frame);
  // A press-drag-release gesture ended.
  void scrubFinished();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  qint64 m_frames = 0;
  qint64 m_position = 0;
  std::optional<qint64> m_in, m_out;
  bool m_dragging = false;
};

}  // namespace postline::ui
