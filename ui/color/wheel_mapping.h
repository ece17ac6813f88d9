#pragma once
// How a colour wheel's puck maps to a grade wheel's RGB values (core/color/grade.h: Wheel).
//
// The disc is the vectorscope's plane: +x is +Cb (blue), +y (up) is +Cr (red), so moving the puck
// towards a hue on the disc moves the picture's trace towards that hue on the vectorscope. The
// puck p (unit disc, |p| <= 1) is a chroma offset (Cb, Cr) = rim * p in grading-space code values,
// turned into an RGB offset d of zero Rec.709 luma (0.2126 R + 0.7152 G + 0.0722 B = 0):
//   d_R = 1.5748 Cr,  d_B = 1.8556 Cb,  d_G = -(0.2126 d_R + 0.0722 d_B) / 0.7152.
// Additive wheels (lift, offset; identity 0) get value_c = luma + d_c; multiplicative wheels
// (gamma, gain; identity 1) get value_c = 1 + luma + d_c, where `luma` is the part common to
// R, G and B that the numeric fields may hold (kept while the puck moves). The master (index 3)
// is its own control (the slider under the disc). Rim chroma: lift 0.1, gamma 0.25, gain 0.25,
// offset 0.1. puckFor() inverts wheelFor() exactly for values wheelFor() made.
#include <QPointF>

#include "core/color/grade.h"

namespace postline::ui {

enum class WheelKind { Lift = 0, Gamma = 1, Gain = 2, Offset = 3 };

struct WheelRange {
  double rim;                      // chroma (Cb/Cr) at the disc's rim
  double identity;                 // 0 (lift, offset) or 1 (gamma, gain)
  double channelMin, channelMax;   // numeric R/G/B field range
  double masterMin, masterMax;     // master slider/field range
};

WheelRange wheelRange(WheelKind kind);
// The wheel's R, G, B for puck `puck` (unit disc, y up) keeping `luma` (common offset) and `master`.
color::Wheel wheelFor(WheelKind kind, QPointF puck, double luma, double master);
// The puck position of `wheel` (clamped to the unit disc).
QPointF puckFor(WheelKind kind, const color::Wheel& wheel);
// The part of `wheel`'s R, G, B deviation common to all channels (Rec.709 luma of the deviation).
double lumaOf(WheelKind kind, const color::Wheel& wheel);
// The display colour (8-bit sRGB-ish code values) of chroma direction `puck` on the disc.
void discColour(QPointF puck, int rgb[3]);

}  // namespace postline::ui
