#include "core/color/color_science.h"

#include <gtest/gtest.h>

#include <cmath>

namespace postline::color {
namespace {

struct SharmaPair {
  Vec3 lab1;
  Vec3 lab2;
  double deltaE;
};

// Table 1 of Sharma, Wu, Dalal, "The CIEDE2000 Color-Difference Formula: Implementation Notes,
// Supplementary Test Data, and Mathematical Observations", Color Res. Appl. 30(1), 2005.
const SharmaPair kSharma[] = {
    {{50.0000, 2.6772, -79.7751}, {50.0000, 0.0000, -82.7485}, 2.0425},
    {{50.0000, 3.1571, -77.2803}, {50.0000, 0.0000, -82.7485}, 2.8615},
    {{50.0000, 2.8361, -74.0200}, {50.0000, 0.0000, -82.7485}, 3.4412},
    {{50.0000, -1.3802, -84.2814}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -1.1848, -84.8006}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -0.9009, -85.5211}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, 0.0000, 0.0000}, {50.0000, -1.0000, 2.0000}, 2.3669},
    {{50.0000, -1.0000, 2.0000}, {50.0000, 0.0000, 0.0000}, 2.3669},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0009}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0010}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0011}, 7.2195},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0012}, 7.2195},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0009, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0010, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0011, -2.4900}, 4.7461},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 0.0000, -2.5000}, 4.3065},
    {{50.0000, 2.5000, 0.0000}, {73.0000, 25.0000, -18.0000}, 27.1492},
    {{50.0000, 2.5000, 0.0000}, {61.0000, -5.0000, 29.0000}, 22.8977},
    {{50.0000, 2.5000, 0.0000}, {56.0000, -27.0000, -3.0000}, 31.9030},
    {{50.0000, 2.5000, 0.0000}, {58.0000, 24.0000, 15.0000}, 19.4535},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.1736, 0.5854}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2972, 0.0000}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 1.8634, 0.5757}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2592, 0.3350}, 1.0000},
    {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
    {{63.0109, -31.0961, -5.8663}, {62.8187, -29.7946, -4.0864}, 1.2630},
    {{61.2901, 3.7196, -5.3901}, {61.4292, 2.2480, -4.9620}, 1.8731},
    {{35.0831, -44.1164, 3.7933}, {35.0232, -40.0716, 1.5901}, 1.8645},
    {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
    {{36.4612, 47.8580, 18.3852}, {36.2715, 50.5065, 21.2231}, 1.4146},
    {{90.8027, -2.0831, 1.4410}, {91.1528, -1.6435, 0.0447}, 1.4441},
    {{90.9257, -0.5406, -0.9208}, {88.6381, -0.8985, -0.7239}, 1.5381},
    {{6.7747, -0.2908, -2.4247}, {5.8714, -0.0985, -2.2286}, 0.6377},
    {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
};

TEST(ColorScienceTest, DeltaE2000MatchesAllSharmaPairsToFourDecimals) {
  int index = 1;
  for (const SharmaPair& p : kSharma) {
    EXPECT_NEAR(deltaE2000(p.lab1, p.lab2), p.deltaE, 5e-5) << "pair " << index;
    EXPECT_NEAR(deltaE2000(p.lab2, p.lab1), p.deltaE, 5e-5) << "pair " << index << " swapped";
    ++index;
  }
}

TEST(ColorScienceTest, DeltaE2000OfIdenticalColoursIsZero) {
  EXPECT_EQ(deltaE2000({50, 20, -30}, {50, 20, -30}), 0.0);
  EXPECT_EQ(deltaE2000({0, 0, 0}, {0, 0, 0}), 0.0);
}

TEST(ColorScienceTest, WhiteMapsToD65AndLab100) {
  const Vec3 xyz = rec709ToXyz({1, 1, 1});
  EXPECT_NEAR(xyz[0], 0.95046, 1e-5);
  EXPECT_NEAR(xyz[1], 1.0, 1e-9);
  EXPECT_NEAR(xyz[2], 1.08906, 1e-5);
  const Vec3 lab = rec709ToLab({1, 1, 1});
  EXPECT_NEAR(lab[0], 100.0, 1e-9);
  EXPECT_NEAR(lab[1], 0.0, 1e-6);
  EXPECT_NEAR(lab[2], 0.0, 1e-6);
  const Vec3 grey = rec709ToLab({0.18, 0.18, 0.18});
  EXPECT_NEAR(grey[0], 49.496, 1e-3);  // the well-known L* of 18 % grey
}

TEST(ColorScienceTest, KnownPrimariesInLab) {
  // Reference values for sRGB/Rec.709 primaries under D65 (Lindbloom's calculator, which uses a
  // slightly rounded matrix: hence the 0.01 tolerance).
  const Vec3 red = rec709ToLab({1, 0, 0});
  EXPECT_NEAR(red[0], 53.2408, 1e-2);
  EXPECT_NEAR(red[1], 80.0925, 1e-2);
  EXPECT_NEAR(red[2], 67.2032, 1e-2);
  const Vec3 blue = rec709ToLab({0, 0, 1});
  EXPECT_NEAR(blue[0], 32.2970, 1e-2);
  EXPECT_NEAR(blue[1], 79.1875, 1e-2);
  EXPECT_NEAR(blue[2], -107.8602, 1e-2);
}

TEST(ColorScienceTest, RoundTripsRgbXyzLab) {
  const Vec3 samples[] = {{0.0, 0.0, 0.0}, {0.001, 0.002, 0.0005}, {0.18, 0.3, 0.6}, {0.9, 0.1, 0.4}, {1.5, 1.2, 0.8}};
  for (const Vec3& rgb : samples) {
    const Vec3 back = labToRec709(rec709ToLab(rgb));
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(back[c], rgb[c], 1e-9);
  }
}

}  // namespace
}  // namespace postline::color
