#include "ui/color/wheel_mapping.h"

#include <algorithm>
#include <cmath>

namespace postline::ui {

namespace {
constexpr double kR = 0.2126, kG = 0.7152, kB = 0.0722;
constexpr double kCb = 1.8556, kCr = 1.5748;

// Zero-luma RGB offset of chroma (cb, cr).
void rgbOf(double cb, double cr, double out[3]) {
  out[0] = kCr * cr;
  out[2] = kCb * cb;
  out[1] = -(kR * out[0] + kB * out[2]) / kG;
}
}  // namespace

WheelRange wheelRange(WheelKind kind) {
  switch (kind) {
    case WheelKind::Lift: return {0.1, 0.0, -1.0, 1.0, -0.5, 0.5};
    case WheelKind::Gamma: return {0.25, 1.0, 0.1, 10.0, 0.25, 4.0};
    case WheelKind::Gain: return {0.25, 1.0, 0.0, 8.0, 0.0, 4.0};
    case WheelKind::Offset: return {0.1, 0.0, -1.0, 1.0, -0.5, 0.5};
  }
  return {0.1, 0.0, -1.0, 1.0, -0.5, 0.5};
}

color::Wheel wheelFor(WheelKind kind, QPointF puck, double luma, double master) {
  const WheelRange r = wheelRange(kind);
  double d[3];
  rgbOf(r.rim * puck.x(), r.rim * puck.y(), d);
  color::Wheel w{};
  for (int c = 0; c < 3; ++c) w[c] = std::clamp(r.identity + luma + d[c], r.channelMin, r.channelMax);
  w[3] = master;
  return w;
}

double lumaOf(WheelKind kind, const color::Wheel& wheel) {
  const double id = wheelRange(kind).identity;
  return kR * (wheel[0] - id) + kG * (wheel[1] - id) + kB * (wheel[2] - id);
}

QPointF puckFor(WheelKind kind, const color::Wheel& wheel) {
  const WheelRange r = wheelRange(kind);
  const double y = lumaOf(kind, wheel);
  const double cb = (wheel[2] - r.identity - y) / kCb;
  const double cr = (wheel[0] - r.identity - y) / kCr;
  QPointF p(cb / r.rim, cr / r.rim);
  const double len = std::hypot(p.x(), p.y());
  return len > 1.0 ? p / len : p;
}

void discColour(QPointF puck, int rgb[3]) {
  double d[3];
  rgbOf(0.32 * puck.x(), 0.32 * puck.y(), d);
  for (int c = 0; c < 3; ++c) rgb[c] = std::clamp(int(std::lround(255.0 * (0.55 + d[c]))), 0, 255);
}

}  // namespace postline::ui
