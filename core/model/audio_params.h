#pragma once
// Audio parameters of clips, tracks and a sequence's mix: plain data, validated by
// validateAudio* (core/model/audio_validate.h); the mixer (core/audio) gives them their meaning.
#include <cstdint>
#include <vector>

namespace postline::model {

// Shape of an audio fade's gain curve.
enum class FadeShape { Linear, EqualPower, SCurve };

// A point of a clip's volume automation: the gain `gainDb` at `offset` 48 kHz samples after the
// clip's first timeline sample. Between two keys the gain moves linearly in dB; before the first
// key and after the last it holds. Keys are kept sorted by offset, offsets unique.
struct GainKey {
  std::int64_t offset = 0;  // samples from the clip's start on the timeline (>= 0)
  double gainDb = 0.0;      // -96 .. +24 dB

  friend bool operator==(const GainKey&, const GainKey&) = default;
};

// Most EQ bands a track holds.
inline constexpr int kMaxEqBands = 8;

// Kind of a parametric EQ band (RBJ audio-EQ-cookbook biquads).
enum class EqBandType { Peak, Notch, LowShelf, HighShelf, HighPass, LowPass };

// One EQ band. gainDb is used by Peak and the shelves; Notch, HighPass and LowPass ignore it.
struct EqBand {
  EqBandType type = EqBandType::Peak;
  double frequencyHz = 1000.0;  // centre / corner, 20 .. 20000 Hz
  double gainDb = 0.0;          // -24 .. +24 dB
  double q = 0.707;             // 0.1 .. 100 (bandwidth of peaks and notches; slope of the others)
  bool enabled = true;

  friend bool operator==(const EqBand&, const EqBand&) = default;
};

// Feed-forward compressor with a soft knee, stereo-linked (the louder channel drives both).
// Default is the seed's light compression preset: 2:1 above -12 dBFS.
struct Compressor {
  bool enabled = false;
  double thresholdDb = -12.0;  // -60 .. 0 dBFS
  double ratio = 2.0;          // 1 .. 20 (n:1)
  double attackMs = 10.0;      // 0.1 .. 200 ms
  double releaseMs = 120.0;    // 5 .. 2000 ms
  double kneeDb = 6.0;         // 0 .. 24 dB, the width of the soft knee centred on the threshold
  double makeupDb = 0.0;       // 0 .. 24 dB

  friend bool operator==(const Compressor&, const Compressor&) = default;
};

// Master bus of a sequence: gain, loudness target and the true-peak limiter.
struct MixSettings {
  double masterGainDb = 0.0;   // -48 .. +24 dB, set by "normalise" to reach the target
  double targetLufs = -14.0;   // integrated loudness target: -14 social, -16, -23 EBU R128, -24 ATSC A/85
  double ceilingDbtp = -1.0;   // limiter ceiling in dBTP, -9 .. 0
  bool limiter = true;         // master limiter on

  friend bool operator==(const MixSettings&, const MixSettings&) = default;
};

}  // namespace postline::model
