#include "core/color/color_science.h"

#include <cmath>
#include <numbers>

namespace postline::color {
namespace {

constexpr double kPi = std::numbers::pi;

// Rec.709 / sRGB primaries with D65 white (IEC 61966-2-1 matrix, full precision).
constexpr double kRgbToXyz[3][3] = {{0.41239079926595950, 0.35758433938387796, 0.18048078840183430},
                                    {0.21263900587151036, 0.71516867876775590, 0.07219231536073371},
                                    {0.01933081871559185, 0.11919477979462599, 0.95053215224966060}};
constexpr double kXyzToRgb[3][3] = {{3.24096994190452130, -1.53738317757009350, -0.49861076029300330},
                                    {-0.96924363628087980, 1.87596750150772070, 0.04155505740717561},
                                    {0.05563007969699360, -0.20397695888897657, 1.05697151424287860}};

Vec3 mul(const double (&m)[3][3], const Vec3& v) {
  return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
          m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

constexpr double kEpsilon = 216.0 / 24389.0;  // (6/29)^3
constexpr double kKappa = 24389.0 / 27.0;     // (29/3)^3

double labF(double t) { return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16.0) / 116.0; }

double labFInverse(double f) {
  const double f3 = f * f * f;
  return f3 > kEpsilon ? f3 : (116.0 * f - 16.0) / kKappa;
}

double degrees(double radians) { return radians * 180.0 / kPi; }
double radians(double degrees) { return degrees * kPi / 180.0; }

// Hue angle in degrees [0, 360); 0 when both components are 0 (as the paper specifies).
double hueAngle(double b, double a) {
  if (a == 0.0 && b == 0.0) return 0.0;
  double h = degrees(std::atan2(b, a));
  return h < 0.0 ? h + 360.0 : h;
}

// dh' of the paper (degrees, -180 .. 180); 0 when either chroma is 0.
double hueDifference(double h1, double h2, bool chromatic) {
  if (!chromatic) return 0.0;
  const double d = h2 - h1;
  if (d > 180.0) return d - 360.0;
  if (d < -180.0) return d + 360.0;
  return d;
}

// Mean hue h-bar' of the paper (degrees); the plain sum when either chroma is 0.
double hueMean(double h1, double h2, bool chromatic) {
  if (!chromatic) return h1 + h2;
  if (std::abs(h1 - h2) <= 180.0) return (h1 + h2) / 2.0;
  return (h1 + h2 < 360.0) ? (h1 + h2 + 360.0) / 2.0 : (h1 + h2 - 360.0) / 2.0;
}

}  // namespace

Vec3 rec709ToXyz(const Vec3& rgb) { return mul(kRgbToXyz, rgb); }

Vec3 xyzToRec709(const Vec3& xyz) { return mul(kXyzToRgb, xyz); }

Vec3 xyzToLab(const Vec3& xyz, const Vec3& white) {
  const double fx = labF(xyz[0] / white[0]);
  const double fy = labF(xyz[1] / white[1]);
  const double fz = labF(xyz[2] / white[2]);
  return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Vec3 labToXyz(const Vec3& lab, const Vec3& white) {
  const double fy = (lab[0] + 16.0) / 116.0;
  const double fx = fy + lab[1] / 500.0;
  const double fz = fy - lab[2] / 200.0;
  return {white[0] * labFInverse(fx), white[1] * labFInverse(fy), white[2] * labFInverse(fz)};
}

Vec3 rec709ToLab(const Vec3& rgb) { return xyzToLab(rec709ToXyz(rgb)); }

Vec3 labToRec709(const Vec3& lab) { return xyzToRec709(labToXyz(lab)); }

double deltaE2000(const Vec3& lab1, const Vec3& lab2, double kL, double kC, double kH) {
  // Step 1: C'i, h'i.
  const double c1 = std::hypot(lab1[1], lab1[2]);
  const double c2 = std::hypot(lab2[1], lab2[2]);
  const double cBar = (c1 + c2) / 2.0;
  const double cBar7 = std::pow(cBar, 7.0);
  const double g = 0.5 * (1.0 - std::sqrt(cBar7 / (cBar7 + std::pow(25.0, 7.0))));
  const double a1p = (1.0 + g) * lab1[1];
  const double a2p = (1.0 + g) * lab2[1];
  const double c1p = std::hypot(a1p, lab1[2]);
  const double c2p = std::hypot(a2p, lab2[2]);
  const double h1p = hueAngle(lab1[2], a1p);
  const double h2p = hueAngle(lab2[2], a2p);
  // Step 2: dL', dC', dH'.
  const double dLp = lab2[0] - lab1[0];
  const double dCp = c2p - c1p;
  const bool chromatic = c1p * c2p != 0.0;
  const double dHp = 2.0 * std::sqrt(c1p * c2p) * std::sin(radians(hueDifference(h1p, h2p, chromatic) / 2.0));
  // Step 3: means, weighting functions, rotation term.
  const double lBarP = (lab1[0] + lab2[0]) / 2.0;
  const double cBarP = (c1p + c2p) / 2.0;
  const double hBarP = hueMean(h1p, h2p, chromatic);
  const double t = 1.0 - 0.17 * std::cos(radians(hBarP - 30.0)) + 0.24 * std::cos(radians(2.0 * hBarP)) +
                   0.32 * std::cos(radians(3.0 * hBarP + 6.0)) - 0.20 * std::cos(radians(4.0 * hBarP - 63.0));
  const double dTheta = 30.0 * std::exp(-std::pow((hBarP - 275.0) / 25.0, 2.0));
  const double cBarP7 = std::pow(cBarP, 7.0);
  const double rC = 2.0 * std::sqrt(cBarP7 / (cBarP7 + std::pow(25.0, 7.0)));
  const double l50 = (lBarP - 50.0) * (lBarP - 50.0);
  const double sL = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
  const double sC = 1.0 + 0.045 * cBarP;
  const double sH = 1.0 + 0.015 * cBarP * t;
  const double rT = -std::sin(radians(2.0 * dTheta)) * rC;
  const double l = dLp / (kL * sL);
  const double c = dCp / (kC * sC);
  const double h = dHp / (kH * sH);
  return std::sqrt(l * l + c * c + h * h + rT * c * h);
}

}  // namespace postline::color
