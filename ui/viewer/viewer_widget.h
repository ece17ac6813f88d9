#pragma once
// The viewer's picture: a raster QWidget drawing the newest RenderedFrame (a CPU QImage the render
// thread read back) letterboxed on dark grey, at fit / 100 % / wheel zoom, with overlays
// (title-safe; 4:5, 9:16 and 1:1 delivery crops), a two-up mode for trims, a before/after split wipe
// (the Color page), a dropped-frame count and a "Media offline" slate. It only draws: frames come
// from RenderService or the transport.
// Raster, not QOpenGLWidget: a QOpenGLWidget makes Qt compose the whole top-level window with GL on
// every repaint of any widget in it, which on a software rasteriser (llvmpipe) cost more than the
// frame's own render (the Color page's wheel drags); the picture is a CPU image already.
#include <QWidget>
#include <QSize>
#include <QString>

#include "ui/viewer/render_service.h"

class QMouseEvent;
class QPainter;

namespace postline::ui {

class ViewerWidget : public QWidget {
  Q_OBJECT

 public:
  // Overlay bits for setOverlays().
  enum Overlay { TitleSafe = 1, Crop4x5 = 2, Crop9x16 = 4, Crop1x1 = 8 };

  explicit ViewerWidget(QWidget* parent = nullptr);

  // Displays exactly this frame now (ends two-up; the offline slate stays until setOffline(false)).
  void showImage(const RenderedFrame& frame);
  // Two pictures side by side (left | right), e.g. the two sides of a roll or slip trim.
  void showTwoUp(const RenderedFrame& left, const RenderedFrame& right);
  // Shows the "Media offline" slate (naming `what` when non-empty) instead of a picture, or not.
  void setOffline(bool offline, const QString& what = {});
  // The dropped-frame count drawn in the corner (0 hides it).
  void setDroppedFrames(int dropped);
  // The full-resolution frame size (what 100 % means; the image may be a half/quarter render).
  void setFrameSize(QSize size);
  // Zoom: fit the widget (0), or the factor of full-resolution pixels per widget pixel (1 = 100 %).
  void setZoom(double zoom);
  double zoom() const { return m_zoom; }
  void setOverlays(int overlays);
  int overlays() const { return m_overlays; }

  // The frame number of the picture shown (-1 = none); for tests and the playback helper.
  qint64 shownFrame() const { return m_left.frame; }
  // The (left) frame shown and, in two-up, the right one.
  const RenderedFrame& shown() const { return m_left; }
  const RenderedFrame& shownRight() const { return m_right; }
  bool isTwoUp() const { return m_twoUp; }
  bool isOffline() const { return m_offline; }
  // What the widget shows, as drawn (tests, screenshots).
  QImage grabFramebuffer();
  // Where the (left) picture lies in widget coordinates, logical pixels.
  QRectF pictureRect() const;

  // Before/after split wipe: while on, the "before" picture (setBeforeImage) is drawn over the
  // part of the shown picture left of a vertical divider at splitPosition() (0 .. 1 across the
  // picture), which the mouse drags. The before picture is drawn only when it is of the shown frame.
  void setSplit(bool on);
  bool isSplit() const { return m_split; }
  void setBeforeImage(const RenderedFrame& before);
  const RenderedFrame& beforeFrame() const { return m_before; }
  void setSplitPosition(double position);
  double splitPosition() const { return m_splitPos; }

 signals:
  // The picture of `frame` reached the screen (emitted after the paint's flush to the window).
  void framePresented(qint64 frame);
  // The user zoomed with the wheel (the new zoom factor).
  void zoomChanged(double zoom);
  // The user dragged the split divider (0 .. 1 across the picture).
  void splitPositionChanged(double position);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  QRectF placeIn(const QRectF& area, QSize image) const;
  void drawPicture(QPainter& p, const QRectF& area, const RenderedFrame& frame, QRectF* placed) const;
  void drawOverlays(QPainter& p, const QRectF& pic) const;
  void drawSlate(QPainter& p) const;
  void drawDropped(QPainter& p) const;
  void drawSplit(QPainter& p, const QRectF& pic) const;

  RenderedFrame m_left;
  RenderedFrame m_right;
  bool m_twoUp = false;
  bool m_offline = false;
  QString m_offlineWhat;
  int m_dropped = 0;
  QSize m_frameSize;
  double m_zoom = 0.0;
  int m_overlays = 0;
  RenderedFrame m_before;
  bool m_split = false;
  double m_splitPos = 0.5;
  bool m_draggingSplit = false;
  qint64 m_painted = -1;         // the frame the last paint drew (-1: none, or the slate)
  bool m_presentQueued = false;  // a framePresented is queued for the last paint
};

}  // namespace postline::ui
