#pragma once
#include <compare>
#include <cstdint>

namespace postline::time {

// A signed count of units (frames or samples) between two positions. Tag keeps frames and samples apart.
template <class Tag>
struct Count {
  std::int64_t value = 0;

  friend constexpr auto operator<=>(Count, Count) = default;
  friend constexpr Count operator+(Count a, Count b) { return {a.value + b.value}; }
  friend constexpr Count operator-(Count a, Count b) { return {a.value - b.value}; }
  friend constexpr Count operator-(Count a) { return {-a.value}; }
  friend constexpr Count operator*(Count a, std::int64_t k) { return {a.value * k}; }
  Count& operator+=(Count b) { value += b.value; return *this; }
  Count& operator-=(Count b) { value -= b.value; return *this; }
};

// A point on a grid of units (frame index or sample index); position 0 is the sequence start.
template <class Tag>
struct Pos {
  std::int64_t value = 0;

  friend constexpr auto operator<=>(Pos, Pos) = default;
  friend constexpr Pos operator+(Pos p, Count<Tag> c) { return {p.value + c.value}; }
  friend constexpr Pos operator-(Pos p, Count<Tag> c) { return {p.value - c.value}; }
  friend constexpr Count<Tag> operator-(Pos a, Pos b) { return {a.value - b.value}; }
  Pos& operator+=(Count<Tag> c) { value += c.value; return *this; }
  Pos& operator-=(Count<Tag> c) { value -= c.value; return *this; }
};

struct FrameTag {};
struct SampleTag {};

// Timeline position in frames at the sequence rate.
using FramePos = Pos<FrameTag>;
// Duration or offset in frames at the sequence rate.
using FrameCount = Count<FrameTag>;
// Audio position in samples at 48 kHz.
using SamplePos = Pos<SampleTag>;
// Audio duration or offset in samples at 48 kHz.
using SampleCount = Count<SampleTag>;

// The single internal audio rate, in Hz.
inline constexpr std::int64_t kSampleRate = 48000;

}  // namespace postline::time
