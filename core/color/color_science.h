#pragma once
// Colour science helpers: Rec.709 linear RGB <-> CIE XYZ (D65) <-> CIELAB, and the CIEDE2000
// colour difference (Sharma, Wu, Dalal 2005). Used by colour match and by tests.
#include <array>

namespace postline::color {

using Vec3 = std::array<double, 3>;

// D65 reference white, Y normalised to 1 (x = 0.3127, y = 0.3290).
inline constexpr Vec3 kWhiteD65{0.95045592705167, 1.0, 1.08905775075988};

// Linear Rec.709 RGB (1 = reference white) -> CIE XYZ, D65, Y of white = 1.
Vec3 rec709ToXyz(const Vec3& rgb);
// CIE XYZ (D65, Y of white = 1) -> linear Rec.709 RGB; values outside the gamut are kept.
Vec3 xyzToRec709(const Vec3& xyz);
// CIE XYZ (relative to `white`, Y of white = 1) -> CIELAB {L* 0..100, a*, b*}.
Vec3 xyzToLab(const Vec3& xyz, const Vec3& white = kWhiteD65);
// CIELAB -> CIE XYZ relative to `white`; inverse of xyzToLab.
Vec3 labToXyz(const Vec3& lab, const Vec3& white = kWhiteD65);
// Linear Rec.709 RGB -> CIELAB (D65); shorthand for xyzToLab(rec709ToXyz(rgb)).
Vec3 rec709ToLab(const Vec3& rgb);
// CIELAB -> linear Rec.709 RGB (D65).
Vec3 labToRec709(const Vec3& lab);

// CIEDE2000 colour difference of two CIELAB colours, with weights kL = kC = kH = 1 by default.
// Follows Sharma, Wu, Dalal (2005) exactly, including the hue-angle conventions of their notes.
double deltaE2000(const Vec3& lab1, const Vec3& lab2, double kL = 1.0, double kC = 1.0, double kH = 1.0);

}  // namespace postline::color
