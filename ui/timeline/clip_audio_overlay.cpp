#include "ui/timeline/clip_audio_overlay.h"

#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/audio/mix_plan.h"

namespace postline::ui {

namespace {

using audio::fadeCurve;  // the mixer's curves, drawn as they sound
using Handle = TimelineHit::AudioHandle;

// Top and height of the band the gain line moves in (the clip less a pixel at each side).
double bandTop(const QRect& r) { return r.top() + 1.0; }
double bandHeight(const QRect& r) { return std::max(1.0, r.height() - 2.0); }

QRectF handleSquare(double x, const QRect& r) {
  return QRectF(x - kFadeHandleHalf, r.top() + 1.0, 2.0 * kFadeHandleHalf, 2.0 * kFadeHandleHalf);
}

}  // namespace

double gainFraction(double db) {
  if (db >= 0.0) return kUnityFraction + (1.0 - kUnityFraction) * std::min(db, kGainLineTopDb) / kGainLineTopDb;
  return kUnityFraction * std::pow(10.0, db / 40.0);
}

double gainAtFraction(double f) {
  if (f >= kUnityFraction) return std::min(kGainLineTopDb, (f - kUnityFraction) / (1.0 - kUnityFraction) * kGainLineTopDb);
  if (f <= 0.0) return kGainLineFloorDb;
  return std::max(kGainLineFloorDb, 40.0 * std::log10(f / kUnityFraction));
}

double gainLineY(const QRect& r, double db) { return bandTop(r) + (1.0 - gainFraction(db)) * bandHeight(r); }

double gainAtY(const QRect& r, double y) { return gainAtFraction(1.0 - (y - bandTop(r)) / bandHeight(r)); }

ClipAudioLayout clipAudioLayout(const TimelineGeometry& geo, const TrackRow& row, const model::Clip& clip) {
  ClipAudioLayout l;
  l.rect = geo.clipRect(row, clip);
  l.x0 = geo.xOfFrame(clip.start);
  l.x1 = geo.xOfFrame(clip.end());
  const double ppf = geo.pixelsPerFrame();
  l.fadeInX = std::min(l.x1, l.x0 + static_cast<double>(clip.audio.fadeIn.value) * ppf);
  l.fadeOutX = std::max(l.x0, l.x1 - static_cast<double>(clip.audio.fadeOut.value) * ppf);
  // A handle stays inside its clip: at a corner while its fade is shorter than half a handle.
  const double lo = l.x0 + kFadeHandleHalf + 1.0, hi = l.x1 - kFadeHandleHalf - 1.0;
  l.fadeInHandle = handleSquare(std::clamp(l.fadeInX, lo, std::max(lo, hi)), l.rect);
  l.fadeOutHandle = handleSquare(std::clamp(l.fadeOutX, std::min(lo, hi), hi), l.rect);
  l.gainY = gainLineY(l.rect, clip.audio.gainDb);
  return l;
}

TimelineHit::AudioHandle clipAudioHandleAt(const TimelineGeometry& geo, const TrackRow& row, const model::Clip& clip,
                                           QPoint p) {
  const ClipAudioLayout l = clipAudioLayout(geo, row, clip);
  if (l.rect.width() < kMinAudioOverlayWidth) return Handle::None;
  const QPointF at(p.x() + 0.5, p.y() + 0.5);
  const QRectF grabIn = l.fadeInHandle.adjusted(-1.5, -1.5, 1.5, 1.5);
  const QRectF grabOut = l.fadeOutHandle.adjusted(-1.5, -1.5, 1.5, 1.5);
  const bool inHit = grabIn.contains(at), outHit = grabOut.contains(at);
  if (inHit && outHit) {  // the fades meet: the left half takes the fade-in, the right half the fade-out
    return at.x() < (l.fadeInHandle.center().x() + l.fadeOutHandle.center().x()) / 2.0 ? Handle::FadeIn : Handle::FadeOut;
  }
  if (inHit) return Handle::FadeIn;
  if (outHit) return Handle::FadeOut;
  const double edge = std::min<double>(TimelineGeometry::kEdgePixels, (l.x1 - l.x0) / 3.0);
  if (p.x() < l.x0 + edge || p.x() >= l.x1 - edge) return Handle::None;  // the edges stay trim zones
  return std::abs(at.y() - l.gainY) <= kGainGrabHalf + 0.5 ? Handle::Gain : Handle::None;
}

namespace {

// The part of the clip above a fade's curve, from `xSilent` (gain 0) to `xFull` (full gain), darkened,
// and the curve drawn over it.
void paintFade(QPainter& p, const QRect& r, model::FadeShape shape, double xSilent, double xFull) {
  if (std::abs(xFull - xSilent) < 1.0) return;
  const int steps = std::clamp(static_cast<int>(std::abs(xFull - xSilent) / 3.0), 4, 48);
  const double top = bandTop(r), h = bandHeight(r);
  QPainterPath curve;
  for (int i = 0; i <= steps; ++i) {
    const double t = static_cast<double>(i) / steps;
    const QPointF pt(xSilent + (xFull - xSilent) * t, top + (1.0 - fadeCurve(shape, t)) * h);
    if (i == 0) curve.moveTo(pt);
    else curve.lineTo(pt);
  }
  QPainterPath shade = curve;
  shade.lineTo(xFull, top);
  shade.lineTo(xSilent, top);
  shade.closeSubpath();
  p.fillPath(shade, QColor(0x08, 0x0a, 0x0e, 140));
  p.strokePath(curve, QPen(QColor(0xff, 0xff, 0xff, 200), 1.2));
}

// Volume automation as a polyline (gain + key dB on the gain line's scale), keys as dots.
void paintAutomation(QPainter& p, const ClipAudioLayout& l, const model::Clip& clip, double ppf, double fps) {
  if (clip.audio.volume.empty()) return;
  const double pixelsPerSample = ppf * fps / static_cast<double>(time::kSampleRate);
  QPolygonF line;
  line << QPointF(l.x0, gainLineY(l.rect, clip.audio.gainDb + clip.audio.volume.front().gainDb));
  for (const model::GainKey& k : clip.audio.volume) {
    const double x = std::min(l.x1, l.x0 + static_cast<double>(k.offset) * pixelsPerSample);
    line << QPointF(x, gainLineY(l.rect, clip.audio.gainDb + k.gainDb));
  }
  line << QPointF(l.x1, line.back().y());
  p.setPen(QPen(kAutomationColor, 2.0));
  p.setBrush(Qt::NoBrush);
  p.drawPolyline(line);
  p.setPen(Qt::NoPen);
  p.setBrush(kAutomationColor);
  for (qsizetype i = 1; i + 1 < line.size(); ++i) p.drawEllipse(line[i], 2.5, 2.5);
}

void paintHandle(QPainter& p, const QRectF& square) {
  p.setPen(QPen(QColor(0x10, 0x12, 0x16), 1.0));
  p.setBrush(kFadeHandleColor);
  p.drawRect(square.adjusted(0.5, 0.5, -0.5, -0.5));
}

}  // namespace

void paintClipAudio(QPainter& p, const TimelineGeometry& geo, const TrackRow& row, const model::Clip& clip, double fps) {
  const ClipAudioLayout l = clipAudioLayout(geo, row, clip);
  if (l.rect.width() < kMinAudioOverlayWidth) return;
  p.save();
  p.setClipRect(l.rect, Qt::IntersectClip);
  p.setRenderHint(QPainter::Antialiasing, true);
  paintFade(p, l.rect, clip.audio.fadeShape, l.x0, l.fadeInX);
  paintFade(p, l.rect, clip.audio.fadeShape, l.x1, l.fadeOutX);
  p.setPen(QPen(kGainLineColor, 1.5));
  p.drawLine(QPointF(l.x0, l.gainY), QPointF(l.x1, l.gainY));
  paintAutomation(p, l, clip, geo.pixelsPerFrame(), fps);
  paintHandle(p, l.fadeInHandle);
  paintHandle(p, l.fadeOutHandle);
  p.restore();
}

}  // namespace postline::ui
