#pragma once
// The clip-audio layer of the timeline's audio clips: the gain line (its height maps the clip's gain,
// -inf at the bottom, 0 dB at 70 %, +12 dB at the top), a fade handle at each top corner (at the
// end of its fade, the fade's curve shaded over the clip) and the volume automation (ClipAudio::volume,
// what auto-ducking writes) as a polyline of its keys. Layout, hit testing and painting share this
// file's mapping, so what is drawn is what the mouse grabs.
#include <QPainter>
#include <QRect>

#include "core/model/clip.h"
#include "ui/timeline/timeline_geometry.h"

namespace postline::ui {

// Gains the gain line can show and be dragged to.
inline constexpr double kGainLineTopDb = 12.0;
inline constexpr double kGainLineFloorDb = -96.0;
// Fraction of the clip's height (from its bottom) at 0 dB.
inline constexpr double kUnityFraction = 0.7;
// Colours: the gain line, the automation polyline and its keys, fade handles.
inline const QColor kGainLineColor{0xf4, 0xd8, 0x3c};
inline const QColor kAutomationColor{0xff, 0x48, 0xd8};
inline const QColor kFadeHandleColor{0xf8, 0xf8, 0xf8};
// Clips narrower than this (pixels) show and offer none of it.
inline constexpr int kMinAudioOverlayWidth = 30;
// Half the size of a fade handle's square, and half the height of the gain line's grab zone.
inline constexpr int kFadeHandleHalf = 4;
inline constexpr int kGainGrabHalf = 3;

// Fraction (0 bottom .. 1 top) of a gain: 0.7 * amplitude^(1/2) below 0 dB, linear in dB above.
double gainFraction(double db);
// The gain at fraction `f` (inverse of gainFraction), kGainLineFloorDb .. kGainLineTopDb.
double gainAtFraction(double f);
// View y of gain `db` in clip rectangle `r` / the gain at view y (clamped to the drag range).
double gainLineY(const QRect& r, double db);
double gainAtY(const QRect& r, double y);

// Where a clip's audio controls are drawn, in the coordinates of TimelineGeometry::clipRect.
struct ClipAudioLayout {
  QRect rect;         // the clip's rectangle
  double x0 = 0.0;    // x of the clip's start and end (unrounded)
  double x1 = 0.0;
  double fadeInX = 0.0;   // x where the fade-in ends / the fade-out starts
  double fadeOutX = 0.0;
  QRectF fadeInHandle;    // the handles' squares
  QRectF fadeOutHandle;
  double gainY = 0.0;     // y of the gain line
};
ClipAudioLayout clipAudioLayout(const TimelineGeometry& geo, const TrackRow& row, const model::Clip& clip);

// The control of clip `clip` (an audio clip on `row`) under `p` (clip-area x, view y): a fade handle
// (they win over the edge trim zones in their squares) or the gain line (only between the edge
// zones); None when the clip is too narrow or nothing is there.
TimelineHit::AudioHandle clipAudioHandleAt(const TimelineGeometry& geo, const TrackRow& row, const model::Clip& clip,
                                           QPoint p);

// Paints the fade shading and curves, the gain line, the automation and the handles of `clip`.
void paintClipAudio(QPainter& p, const TimelineGeometry& geo, const TrackRow& row, const model::Clip& clip,
                    double fps);

}  // namespace postline::ui
