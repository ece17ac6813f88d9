#pragma once
// Drawing of the clips of the timeline: body, name, filmstrip, waveform, badges, offline hatching,
// and on audio clips their gain line, fades and volume automation (clip_audio_overlay.h).
#include <QPainter>

#include "ui/timeline/timeline_paint.h"

namespace postline::ui {

// Paints the visible clips of every row; the painter is translated so x = 0 is the clip area's left,
// `clipW` is the clip area's width in pixels.
void paintClips(QPainter& painter, const TimelinePaintInput& in, int clipW);

}  // namespace postline::ui
