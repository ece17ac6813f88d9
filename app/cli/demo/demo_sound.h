#pragma once
// Procedural sound for the demo project, as interleaved stereo float32 at 48 kHz.
#include <vector>

namespace postline::cli::demo {

inline constexpr int kDemoRate = 48000;

// A calm 30 s music bed: a four-chord pad with bass and plucks, peaking around -12 dBFS.
std::vector<float> musicBed(double seconds);
// A voice-like signal (pulse train through vowel formants, in syllables) for when espeak-ng is missing.
std::vector<float> syntheticVoice(double seconds);
// Coffee pouring: band-passed noise whose resonance rises as the cup fills.
std::vector<float> coffeePour(double seconds);
// Birdsong: frequency-swept chirps in short phrases.
std::vector<float> birdsong(double seconds);
// Kitchen ambience: low pink-ish noise, a fridge hum and the odd clink.
std::vector<float> kitchenAmbience(double seconds);

}  // namespace postline::cli::demo
