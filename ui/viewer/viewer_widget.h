#pragma once
// The viewer's picture: a QOpenGLWidget drawing the newest RenderedFrame as a texture (through
// QPainter's GL engine), letterboxed on dark grey, at fit / 100 % / wheel zoom, with overlays
// (title-safe; 4:5, 9:16 and 1:1 delivery crops), a two-up mode for trims, a dropped-frame count
// and a "Media offline" slate. It only draws: frames come from RenderService or the transport.
#include <QOpenGLWidget>
#include <QSize>
#include <QString>

#include "ui/viewer/render_service.h"

class QPainter;

namespace postline::ui {

class ViewerWidget : public QOpenGLWidget {
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
  // Where the (left) picture lies in widget coordinates, logical pixels.
  QRectF pictureRect() const;

 signals:
  // The picture of `frame` reached the screen (after the window's buffer swap).
  void framePresented(qint64 frame);
  // The user zoomed with the wheel (the new zoom factor).
  void zoomChanged(double zoom);

 protected:
  void paintGL() override;
  void wheelEvent(QWheelEvent* event) override;

 private:
  QRectF placeIn(const QRectF& area, QSize image) const;
  void drawPicture(QPainter& p, const QRectF& area, const RenderedFrame& frame, QRectF* placed) const;
  void drawOverlays(QPainter& p, const QRectF& pic) const;
  void drawSlate(QPainter& p) const;
  void drawDropped(QPainter& p) const;
  void onSwapped();

  RenderedFrame m_left;
  RenderedFrame m_right;
  bool m_twoUp = false;
  bool m_offline = false;
  QString m_offlineWhat;
  int m_dropped = 0;
  QSize m_frameSize;
  double m_zoom = 0.0;
  int m_overlays = 0;
  qint64 m_painted = -1;   // the frame drawn by the last paintGL, presented at the next swap
};

}  // namespace postline::ui
