// Cookbook biquads and the stereo EQ: measured steady-state sine gains against the analog
// prototypes the cookbook bilinear-transforms (|H(j Omega)| with Omega = tan(w/2) / tan(w0/2)).
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

#include "core/audio/dsp/biquad.h"
#include "core/audio/dsp/eq.h"

namespace {

using namespace postline::audio::dsp;
using postline::model::EqBand;
using postline::model::EqBandType;
constexpr double kRate = 48000.0;
constexpr double kPi = std::numbers::pi;

EqBand band(EqBandType type, double f, double gainDb, double q) {
  EqBand b;
  b.type = type;
  b.frequencyHz = f;
  b.gainDb = gainDb;
  b.q = q;
  return b;
}

// The analog prototype of each cookbook filter at s = j * omega (omega relative to f0), in dB.
double analogDb(const EqBand& b, double freq) {
  const double omega = std::tan(kPi * freq / kRate) / std::tan(kPi * b.frequencyHz / kRate);
  const std::complex<double> s(0.0, omega);
  const double A = std::pow(10.0, b.gainDb / 40.0), Q = b.q, rA = std::sqrt(A);
  std::complex<double> h;
  switch (b.type) {
    case EqBandType::Peak: h = (s * s + s * (A / Q) + 1.0) / (s * s + s / (A * Q) + 1.0); break;
    case EqBandType::Notch: h = (s * s + 1.0) / (s * s + s / Q + 1.0); break;
    case EqBandType::LowShelf: h = A * (s * s + (rA / Q) * s + A) / (A * s * s + (rA / Q) * s + 1.0); break;
    case EqBandType::HighShelf: h = A * (A * s * s + (rA / Q) * s + 1.0) / (s * s + (rA / Q) * s + A); break;
    case EqBandType::HighPass: h = (s * s) / (s * s + s / Q + 1.0); break;
    case EqBandType::LowPass: h = 1.0 / (s * s + s / Q + 1.0); break;
  }
  return 20.0 * std::log10(std::max(std::abs(h), 1e-20));
}

// Amplitude (dB) of the steady-state response at `freq` of a unit sine through `run`, found by
// projecting the last 0.25 s onto sin and cos after 0.5 s of settling.
template <typename Run>
double measureDb(double freq, Run run) {
  const int settle = 24000, measure = 12000, n = settle + measure;
  std::vector<float> x(n), y(n);
  for (int i = 0; i < n; ++i) x[i] = static_cast<float>(std::sin(2.0 * kPi * freq * i / kRate));
  run(x, y);
  double c = 0.0, s = 0.0, cc = 0.0, ss = 0.0, cs = 0.0;
  for (int i = settle; i < n; ++i) {
    const double ph = 2.0 * kPi * freq * i / kRate, si = std::sin(ph), co = std::cos(ph);
    s += y[i] * si; c += y[i] * co; ss += si * si; cc += co * co; cs += si * co;
  }
  const double det = ss * cc - cs * cs;  // least squares y ~ a sin + b cos
  const double a = (s * cc - c * cs) / det, b = (c * ss - s * cs) / det;
  return 20.0 * std::log10(std::max(std::hypot(a, b), 1e-20));
}

double measureBiquadDb(const EqBand& b, double freq) {
  Biquad bq;
  bq.set(designBand(b, kRate));
  return measureDb(freq, [&](const std::vector<float>& x, std::vector<float>& y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = bq.process(x[i]);
  });
}

void expectMatchesPrototype(const EqBand& b) {
  const BiquadCoeffs c = designBand(b, kRate);
  for (double f : {40.0, 150.0, 700.0, 1000.0, 2500.0, 6000.0, 12000.0, 18000.0}) {
    const double expected = analogDb(b, f);
    if (expected < -60.0) continue;  // deep stop band: float noise dominates the measurement
    EXPECT_NEAR(magnitudeDb(c, f, kRate), expected, 0.01) << "type " << static_cast<int>(b.type) << " at " << f;
    EXPECT_NEAR(measureBiquadDb(b, f), expected, 0.05) << "type " << static_cast<int>(b.type) << " at " << f;
  }
}

TEST(DspBiquad, PeakGainAtCentreIsGainDb) {
  for (double g : {-12.0, -3.0, 6.0, 15.0})
    for (double q : {0.5, 1.41, 4.0}) {
      const EqBand b = band(EqBandType::Peak, 1000.0, g, q);
      EXPECT_NEAR(measureBiquadDb(b, 1000.0), g, 0.05) << g << " dB q " << q;
      EXPECT_NEAR(magnitudeDb(designBand(b, kRate), 1000.0, kRate), g, 1e-9);
    }
}

TEST(DspBiquad, EveryTypeMatchesItsAnalogPrototype) {
  expectMatchesPrototype(band(EqBandType::Peak, 2500.0, 9.0, 2.0));
  expectMatchesPrototype(band(EqBandType::Peak, 150.0, -10.0, 0.7));
  expectMatchesPrototype(band(EqBandType::Notch, 1000.0, 0.0, 10.0));
  expectMatchesPrototype(band(EqBandType::LowShelf, 200.0, 6.0, 0.707));
  expectMatchesPrototype(band(EqBandType::HighShelf, 5000.0, -8.0, 1.0));
  expectMatchesPrototype(band(EqBandType::HighPass, 120.0, 0.0, 0.707));
  expectMatchesPrototype(band(EqBandType::LowPass, 8000.0, 0.0, 2.0));
}

TEST(DspBiquad, NotchIsDeepAtCentreAndNarrow) {
  const EqBand b = band(EqBandType::Notch, 1000.0, 0.0, 10.0);
  EXPECT_LE(measureBiquadDb(b, 1000.0), -40.0);
  EXPECT_GT(measureBiquadDb(b, 500.0), -0.5);
  EXPECT_GT(measureBiquadDb(b, 2000.0), -0.5);
}

TEST(DspBiquad, ShelvesReachTheirPlateaus) {
  const EqBand low = band(EqBandType::LowShelf, 200.0, 6.0, 0.707);
  EXPECT_NEAR(measureBiquadDb(low, 20.0), 6.0, 0.1);
  EXPECT_NEAR(measureBiquadDb(low, 10000.0), 0.0, 0.05);
  EXPECT_NEAR(magnitudeDb(designBand(low, kRate), 0.0, kRate), 6.0, 1e-9);  // DC: exactly A^2
  const EqBand high = band(EqBandType::HighShelf, 3000.0, -8.0, 0.707);
  EXPECT_NEAR(measureBiquadDb(high, 20000.0), -8.0, 0.1);
  EXPECT_NEAR(measureBiquadDb(high, 50.0), 0.0, 0.05);
  EXPECT_NEAR(magnitudeDb(designBand(high, kRate), kRate / 2, kRate), -8.0, 1e-6);  // Nyquist
}

TEST(DspBiquad, PassFiltersAreThreeDbDownAtCornerForButterworthQ) {
  for (EqBandType t : {EqBandType::HighPass, EqBandType::LowPass}) {
    const EqBand b = band(t, 1000.0, 0.0, std::sqrt(0.5));
    EXPECT_NEAR(measureBiquadDb(b, 1000.0), -10.0 * std::log10(2.0), 0.05);
  }
}

TEST(DspBiquad, DisabledBandIsIdentity) {
  EqBand b = band(EqBandType::Peak, 1000.0, 12.0, 1.0);
  b.enabled = false;
  EXPECT_EQ(designBand(b, kRate), BiquadCoeffs{});
  Biquad bq;
  bq.set(designBand(b, kRate));
  for (float x : {0.1f, -0.73f, 0.3333f}) EXPECT_EQ(bq.process(x), x);
}

TEST(DspEq, StereoBandsInSeriesOnBothChannels) {
  StereoEq eq;
  EXPECT_FALSE(eq.active());
  std::vector<EqBand> bands{band(EqBandType::Peak, 1000.0, 6.0, 1.0), band(EqBandType::Peak, 1000.0, 3.0, 1.0)};
  eq.configure(bands, kRate);
  EXPECT_TRUE(eq.active());
  for (int ch = 0; ch < 2; ++ch) {
    const double db = measureDb(1000.0, [&](const std::vector<float>& x, std::vector<float>& y) {
      std::vector<float> other(x.size(), 0.0f);
      y = x;
      eq.reset();
      eq.process(ch == 0 ? y.data() : other.data(), ch == 0 ? other.data() : y.data(), static_cast<int>(y.size()));
    });
    EXPECT_NEAR(db, 9.0, 0.05) << "channel " << ch;
  }
  bands[0].enabled = bands[1].enabled = false;
  eq.configure(bands, kRate);
  EXPECT_FALSE(eq.active());
}

TEST(DspEq, BandsBeyondEightAreIgnored) {
  std::vector<EqBand> bands(8, band(EqBandType::Peak, 1000.0, 1.0, 1.0));
  bands.push_back(band(EqBandType::Notch, 1000.0, 0.0, 1.0));  // the ninth: would kill 1 kHz
  StereoEq eq;
  eq.configure(bands, kRate);
  const double db = measureDb(1000.0, [&](const std::vector<float>& x, std::vector<float>& y) {
    std::vector<float> r = x;
    y = x;
    eq.process(y.data(), r.data(), static_cast<int>(y.size()));
  });
  EXPECT_NEAR(db, 8.0, 0.05);
}

TEST(DspEq, ReconfiguringKeepsStateOfUnchangedBands) {
  const std::vector<EqBand> bands{band(EqBandType::LowShelf, 300.0, 4.0, 0.7), band(EqBandType::Peak, 2000.0, -5.0, 3.0)};
  std::vector<float> a(4800), b;
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<float>(std::sin(i * 0.05) * 0.5 + std::sin(i * 0.31) * 0.3);
  b = a;
  std::vector<float> ar = a, br = b;
  StereoEq whole, split;
  whole.configure(bands, kRate);
  split.configure(bands, kRate);
  whole.process(a.data(), ar.data(), 4800);
  split.process(b.data(), br.data(), 2400);
  split.configure(std::vector<EqBand>(bands), kRate);  // same bands again mid-stream
  split.process(b.data() + 2400, br.data() + 2400, 2400);
  EXPECT_EQ(a, b);
  EXPECT_EQ(ar, br);
}

}  // namespace
