#pragma once
// Long-term spectrum and narrow-resonance finder, for the "de-resonate" action.
#include <cstddef>
#include <optional>
#include <vector>

namespace postline::audio::dsp {

// Welch average of `n` mono samples at `sampleRate` Hz: Hann windows of fftSize (a power of two
// in [16, 65536]; others are rounded down to one), 50 % overlap, power averaged, in dB
// (10 log10 of mean |X|^2 / sum(w^2), floor -300 dB). fftSize/2 + 1 bins, bin k at
// k * sampleRate / fftSize Hz. Fewer samples than fftSize: one zero-padded window.
std::vector<double> averageSpectrumDb(const float* mono, std::size_t n, double sampleRate, int fftSize = 8192);

// A narrow spectral peak.
struct Resonance {
  double frequencyHz = 0;   // vertex of a least-squares parabola through the dB spectrum
                            // over the peak's top 3 dB (3 bins for a pure tone)
  double prominenceDb = 0;  // level above the running median over +-1/3 octave
  double q = 0;             // frequency / -3 dB width, clamped to [2, 30]
};

// The most prominent local maximum of averageSpectrumDb (fftSize 8192) with its bin in
// [loHz, hiHz] (both included), or nullopt when none stands minProminenceDb above its
// surroundings (the running median of the spectrum over +-1/3 octave). A few seconds of audio
// are needed for the noise floor to be smooth (about 1.6 dB of spread with 4 s of noise).
// Suits steady sounds; for speech, whose harmonics and formants also make narrow peaks, see
// findPersistentResonance.
std::optional<Resonance> findResonance(const float* mono, std::size_t n, double sampleRate, double loHz = 2000,
                                       double hiHz = 4000, double minProminenceDb = 6);

// A resonance that stays put while the sound changes (the metallic ring of generated speech): in
// 4096-sample frames (50 % overlap) that carry sound (within 50 dB of the loudest), each bin's
// level above its frame's running median over +-1/3 octave (after smoothing over smoothHz), and
// then the median of that over the frames. Formants and harmonics move with the words and fall
// out; a fixed ring stands out in every frame. The strongest bin in [loHz, hiHz] when its median
// prominence reaches minProminenceDb. Its depth and q are then read on the long-term spectrum
// where that is deeper (level above the +-1/3 octave median; q = frequency / width at half the
// depth in dB, as the cookbook measures a peak band), so a peak band of -depth dB and that q
// cancels it; q clamped to [2, 30].
std::optional<Resonance> findPersistentResonance(const float* mono, std::size_t n, double sampleRate,
                                                 double loHz = 2000, double hiHz = 4000,
                                                 double minProminenceDb = 4, double smoothHz = 80);

}  // namespace postline::audio::dsp
