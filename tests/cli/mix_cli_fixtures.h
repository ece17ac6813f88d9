#pragma once
// Fixtures of the sound command tests (mix_cli_test.cpp): generated signals with known content,
// WAV media items, and small reference computations (volume keys, cookbook EQ response).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <string>
#include <vector>

#include "core/media/ffmpeg/media_writer.h"
#include "core/model/project.h"

namespace mix_cli_test {

using namespace postline;

constexpr int kRate = 48000;
constexpr double kSeconds = 10.0;
constexpr std::int64_t kFrames = 240;  // 10 s at the default 24 fps
// Speech in the dialogue fixture: [0.5, 2.5) s and [6.0, 8.0) s; silence elsewhere.
constexpr double kSpeech[2][2] = {{0.5, 2.5}, {6.0, 8.0}};
constexpr double kResonanceHz = 3000.0;

// Dialogue-like: bursts of a 140 Hz voice (8 harmonics, 4 Hz syllable envelope, 10 ms edges)
// with a steady 3 kHz ring (amplitude 0.04) that sounds whenever the voice does; nothing else
// lies between 2 and 4 kHz.
inline std::vector<float> dialogue() {
  const auto n = static_cast<std::size_t>(kSeconds * kRate);
  std::vector<float> s(n * 2, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / kRate;
    double edge = 0.0;
    for (const auto& b : kSpeech) {
      if (t >= b[0] && t < b[1]) edge = std::min({1.0, (t - b[0]) / 0.01, (b[1] - t) / 0.01});
    }
    if (edge <= 0.0) continue;
    double v = 0.0;
    for (int h = 1; h <= 8; ++h) v += 0.12 / h * std::sin(2.0 * std::numbers::pi * 140.0 * h * t + h);
    v += 0.04 * std::sin(2.0 * std::numbers::pi * kResonanceHz * t);
    const double env = edge * (0.65 + 0.35 * std::sin(2.0 * std::numbers::pi * 4.0 * t));
    s[2 * i] = s[2 * i + 1] = static_cast<float>(env * v);
  }
  return s;
}

// A music bed: an A minor chord (220, 261.63, 329.63 Hz), 0.06 each, all 10 s.
inline std::vector<float> musicBed() {
  const auto n = static_cast<std::size_t>(kSeconds * kRate);
  std::vector<float> s(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / kRate;
    double v = 0.0;
    for (double f : {220.0, 261.63, 329.63}) v += 0.06 * std::sin(2.0 * std::numbers::pi * f * t);
    s[2 * i] = s[2 * i + 1] = static_cast<float>(v);
  }
  return s;
}

// A 1 kHz sine of `seconds` at peak `amplitude` on the channels whose entry in `perChannel` is
// non-zero (scaled by it), interleaved.
inline std::vector<float> sine(double seconds, double amplitude, const std::vector<double>& perChannel) {
  const auto n = static_cast<std::size_t>(seconds * kRate);
  const std::size_t ch = perChannel.size();
  std::vector<float> s(n * ch);
  for (std::size_t i = 0; i < n; ++i) {
    const double v = amplitude * std::sin(2.0 * std::numbers::pi * 1000.0 * static_cast<double>(i) / kRate);
    for (std::size_t c = 0; c < ch; ++c) s[i * ch + c] = static_cast<float>(v * perChannel[c]);
  }
  return s;
}

inline void writeWav(const std::filesystem::path& file, int channels, std::vector<float> samples) {
  media::ffmpeg::AudioSpec spec;
  spec.channels = channels;
  spec.samples = std::move(samples);
  auto r = media::ffmpeg::writeAudio(file, spec);
  ASSERT_TRUE(r.ok()) << r.error().message;
}

inline model::MediaId addWav(model::Project& p, const std::filesystem::path& file) {
  model::MediaItem m;
  m.id = model::MediaId{p.nextId++};
  m.path = file.string();
  m.name = file.stem().string();
  m.kind = model::MediaKind::Audio;
  m.info.container = "wav";
  m.info.hasAudio = true;
  m.info.timeBase = time::Rational::make(1, kRate).value();
  m.info.duration = static_cast<std::int64_t>(kSeconds * kRate);
  m.info.audioCodec = "pcm_s16le";
  m.info.sampleRate = kRate;
  m.info.channels = 2;
  p.media.push_back(m);
  for (model::Bin& b : p.bins) {
    if (b.name == "02_Audio") b.items.push_back(m.id);
  }
  return m.id;
}

inline const model::Track& trackNamed(const model::Project& p, const std::string& name) {
  for (const model::Track& t : p.sequences[0].tracks) {
    if (t.name == name) return t;
  }
  ADD_FAILURE() << "no track " << name;
  return p.sequences[0].tracks[0];
}

// The gain in dB that volume keys give at `offset` samples (linear in dB between keys, held outside).
inline double gainAt(const std::vector<model::GainKey>& keys, std::int64_t offset) {
  if (keys.empty()) return 0.0;
  if (offset <= keys.front().offset) return keys.front().gainDb;
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (offset <= keys[i].offset) {
      const double f = static_cast<double>(offset - keys[i - 1].offset) / static_cast<double>(keys[i].offset - keys[i - 1].offset);
      return keys[i - 1].gainDb + f * (keys[i].gainDb - keys[i - 1].gainDb);
    }
  }
  return keys.back().gainDb;
}

// Magnitude (dB) at `hz` of an RBJ audio-EQ-cookbook peak or notch band at 48 kHz.
inline double bandResponseDb(const model::EqBand& b, double hz) {
  const double w0 = 2.0 * std::numbers::pi * b.frequencyHz / kRate;
  const double alpha = std::sin(w0) / (2.0 * b.q);
  const double a = b.type == model::EqBandType::Peak ? std::pow(10.0, b.gainDb / 40.0) : 1.0;
  double b0 = 1.0, b1 = -2.0 * std::cos(w0), b2 = 1.0, a0 = 1.0 + alpha, a1 = -2.0 * std::cos(w0), a2 = 1.0 - alpha;
  if (b.type == model::EqBandType::Peak) {
    b0 = 1.0 + alpha * a, b2 = 1.0 - alpha * a, a0 = 1.0 + alpha / a, a2 = 1.0 - alpha / a;
  }
  const std::complex<double> z = std::polar(1.0, -2.0 * std::numbers::pi * hz / kRate);  // z^-1
  const std::complex<double> h = (b0 + b1 * z + b2 * z * z) / (a0 + a1 * z + a2 * z * z);
  return 20.0 * std::log10(std::abs(h));
}

inline std::string readBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace mix_cli_test
