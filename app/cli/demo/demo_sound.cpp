#include "app/cli/demo/demo_sound.h"

#include <cmath>
#include <cstdint>

namespace postline::cli::demo {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::size_t frames(double seconds) { return static_cast<std::size_t>(seconds * kDemoRate); }

// Deterministic white noise in [-1, 1].
struct Noise {
  std::uint32_t state = 2463534242u;
  double next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return static_cast<double>(state) / 2147483648.0 - 1.0;
  }
};

// Two-pole resonator (band-pass) at `hz` with quality `q`.
struct Resonator {
  double y1 = 0, y2 = 0;
  double process(double x, double hz, double q) {
    const double r = std::exp(-kPi * hz / (q * kDemoRate));
    const double c = 2 * r * std::cos(2 * kPi * hz / kDemoRate);
    const double y = (1 - r) * x + c * y1 - r * r * y2;
    y2 = y1;
    y1 = y;
    return y;
  }
};

void put(std::vector<float>& out, std::size_t i, double l, double r) {
  out[2 * i] = static_cast<float>(l);
  out[2 * i + 1] = static_cast<float>(r);
}

}  // namespace

std::vector<float> musicBed(double seconds) {
  static const double chords[4][3] = {{261.63, 329.63, 392.00}, {220.00, 261.63, 329.63},
                                      {174.61, 220.00, 261.63}, {196.00, 246.94, 293.66}};
  std::vector<float> out(frames(seconds) * 2);
  for (std::size_t i = 0; i < frames(seconds); ++i) {
    const double t = static_cast<double>(i) / kDemoRate;
    const int bar = static_cast<int>(t / 2.0) % 4;
    const double beat = std::fmod(t, 0.5);
    double pad = 0;
    for (double f : chords[bar]) pad += std::sin(2 * kPi * f * t) + 0.3 * std::sin(4 * kPi * f * t);
    const double bass = std::sin(2 * kPi * chords[bar][0] / 2 * t);
    const double pluck = std::sin(2 * kPi * chords[bar][(static_cast<int>(t * 2)) % 3] * 2 * t) * std::exp(-beat * 9);
    const double l = 0.07 * pad + 0.12 * bass + 0.1 * pluck;
    const double r = 0.07 * pad + 0.12 * bass + 0.06 * pluck;
    put(out, i, l, r);
  }
  return out;
}

std::vector<float> syntheticVoice(double seconds) {
  std::vector<float> out(frames(seconds) * 2);
  Resonator f1, f2, f3;
  static const double vowels[5][2] = {{730, 1090}, {270, 2290}, {530, 1840}, {570, 840}, {300, 870}};
  for (std::size_t i = 0; i < frames(seconds); ++i) {
    const double t = static_cast<double>(i) / kDemoRate;
    const int syllable = static_cast<int>(t / 0.22);
    const double inSyl = std::fmod(t, 0.22) / 0.22;
    const double env = (syllable % 7 == 6) ? 0.0 : std::sin(kPi * inSyl);  // pauses between words
    const double pitch = 115 + 20 * std::sin(2 * kPi * 0.7 * t);
    const double pulse = std::fmod(t * pitch, 1.0) < 0.08 ? 1.0 : 0.0;
    const auto& v = vowels[syllable % 5];
    const double s = f1.process(pulse, v[0], 8) + 0.6 * f2.process(pulse, v[1], 10) + 0.3 * f3.process(pulse, 2500, 12);
    put(out, i, 2.2 * s * env, 2.2 * s * env);
  }
  return out;
}

std::vector<float> coffeePour(double seconds) {
  std::vector<float> out(frames(seconds) * 2);
  Noise n;
  Resonator res;
  for (std::size_t i = 0; i < frames(seconds); ++i) {
    const double t = static_cast<double>(i) / kDemoRate;
    const double fill = t / seconds;
    const double env = std::min(1.0, t * 4) * std::min(1.0, (seconds - t) * 3);
    const double s = res.process(n.next(), 400 + 900 * fill, 3) * env * 0.5;
    put(out, i, s, s * 0.9);
  }
  return out;
}

std::vector<float> birdsong(double seconds) {
  std::vector<float> out(frames(seconds) * 2);
  for (std::size_t i = 0; i < frames(seconds); ++i) {
    const double t = static_cast<double>(i) / kDemoRate;
    const double phrase = std::fmod(t, 1.7);
    const double chirp = std::fmod(phrase, 0.12);
    const bool on = phrase < 0.6;
    const double f = 3200 + 1800 * chirp / 0.12;
    const double s = on ? std::sin(2 * kPi * f * chirp) * std::sin(kPi * chirp / 0.12) * 0.18 : 0.0;
    put(out, i, s, s * 0.6);
  }
  return out;
}

std::vector<float> kitchenAmbience(double seconds) {
  std::vector<float> out(frames(seconds) * 2);
  Noise n;
  double lowL = 0, lowR = 0;
  for (std::size_t i = 0; i < frames(seconds); ++i) {
    const double t = static_cast<double>(i) / kDemoRate;
    lowL = 0.995 * lowL + 0.005 * n.next();
    lowR = 0.995 * lowR + 0.005 * n.next();
    const double hum = 0.01 * std::sin(2 * kPi * 100 * t);
    const double clinkT = std::fmod(t, 3.3);
    const double clink = clinkT < 0.15 ? 0.05 * std::sin(2 * kPi * 2400 * clinkT) * std::exp(-clinkT * 30) : 0.0;
    put(out, i, 0.6 * lowL + hum + clink, 0.6 * lowR + hum + 0.5 * clink);
  }
  return out;
}

}  // namespace postline::cli::demo
