#pragma once
// Hand-written WAV fixtures (WAVE_FORMAT_EXTENSIBLE) for audio tests that need per-channel
// content or sample formats the fixture writer does not offer (24-bit, float). Written once per
// build into the media fixture folder, like media_fixtures.h.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "tests/core/media/media_fixtures.h"

namespace postline::media::testutil {

namespace fs = std::filesystem;

enum class WavFormat { S16, S24, F32 };

// Value of channel `ch` at sample `i` (in [-1, 1)).
using SampleFn = std::function<double(int ch, std::int64_t i)>;

inline void putLe(std::vector<std::uint8_t>& out, std::uint64_t v, int bytes) {
  for (int b = 0; b < bytes; ++b) out.push_back(static_cast<std::uint8_t>((v >> (8 * b)) & 0xFF));
}

inline void putSample(std::vector<std::uint8_t>& out, WavFormat f, double v) {
  if (f == WavFormat::F32) {
    const float x = static_cast<float>(v);
    std::uint32_t bits = 0;
    std::memcpy(&bits, &x, 4);
    putLe(out, bits, 4);
  } else {
    const int bits = f == WavFormat::S16 ? 16 : 24;
    const double scale = static_cast<double>(std::int64_t{1} << (bits - 1));
    const std::int64_t q = std::llround(std::clamp(v, -1.0, 1.0 - 1.0 / scale) * scale);
    putLe(out, static_cast<std::uint64_t>(q), bits / 8);
  }
}

// Bytes of a WAVE_FORMAT_EXTENSIBLE file. `mask` is the speaker mask (0x60F = 5.1 with sides).
inline std::vector<std::uint8_t> wavBytes(int rate, int channels, std::uint32_t mask, WavFormat f,
                                          std::int64_t samples, const SampleFn& fn) {
  const int bytesPer = f == WavFormat::S16 ? 2 : (f == WavFormat::S24 ? 3 : 4);
  const std::uint64_t dataSize = static_cast<std::uint64_t>(samples) * static_cast<std::uint64_t>(channels * bytesPer);
  std::vector<std::uint8_t> out;
  auto tag = [&out](const char* t) {  // (vector::insert trips GCC 12's -Wstringop-overflow at -O3)
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(t[i]));
  };
  tag("RIFF");
  putLe(out, 4 + (8 + 40) + 8 + dataSize, 4);
  tag("WAVE");
  tag("fmt ");
  putLe(out, 40, 4);
  putLe(out, 0xFFFE, 2);
  putLe(out, static_cast<std::uint64_t>(channels), 2);
  putLe(out, static_cast<std::uint64_t>(rate), 4);
  putLe(out, static_cast<std::uint64_t>(rate * channels * bytesPer), 4);
  putLe(out, static_cast<std::uint64_t>(channels * bytesPer), 2);
  putLe(out, static_cast<std::uint64_t>(bytesPer * 8), 2);
  putLe(out, 22, 2);
  putLe(out, static_cast<std::uint64_t>(bytesPer * 8), 2);
  putLe(out, mask, 4);
  putLe(out, f == WavFormat::F32 ? 3 : 1, 2);  // sub-format GUID: 0000000X-0000-0010-8000-00AA00389B71
  const std::uint8_t guidTail[14] = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71};
  for (std::uint8_t b : guidTail) out.push_back(b);
  tag("data");
  putLe(out, dataSize, 4);
  for (std::int64_t i = 0; i < samples; ++i) {
    for (int c = 0; c < channels; ++c) putSample(out, f, fn(c, i));
  }
  return out;
}

// Writes (once) fixture `name` as a WAV file with the given content.
inline fs::path wav(const std::string& name, int rate, int channels, std::uint32_t mask, WavFormat f,
                    std::int64_t samples, const SampleFn& fn) {
  return fixtures::make(name, [=](const fs::path& p) {
    return fixtures::writeBytes(p, wavBytes(rate, channels, mask, f, samples, fn));
  });
}

// A sine of `hz` at `amp` sampled at `rate`, for channel-independent content.
inline SampleFn sine(double hz, double amp, int rate) {
  return [=](int, std::int64_t i) { return amp * std::sin(2.0 * M_PI * hz * static_cast<double>(i) / rate); };
}

}  // namespace postline::media::testutil
