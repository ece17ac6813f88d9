#pragma once
// Sample-accurate audio decoding, seen from outside core/media/ffmpeg (no FFmpeg types here).
#include <filesystem>
#include <memory>

#include "core/base/result.h"
#include "core/media/media_types.h"
#include "core/time/units.h"

namespace postline::media {

// Decodes the best audio stream of one file to stereo float32 planar at 48 kHz.
//
// Positions are 48 kHz samples from the file's start: the earliest start time of its audio and
// video streams (cover pictures aside; 0 when negative). MP3's trimmed encoder delay therefore
// sits at 0, and audio that starts after the video is preceded by silence. Audio before the
// start is dropped.
//
// Range rule: read(start, count) always returns exactly `count` samples starting at `start`;
// samples before 0 or at/after the end of the audio are silence (0.0f). Negative starts are
// allowed. Samples are not clipped: downmixed material may exceed [-1, 1].
//
// Seek rule: reading [a, a+n) directly returns the same samples as reading it as part of one
// long sequential read from 0. For 48 kHz PCM sources this is bit-exact. Compressed codecs
// (AAC, MP3) and sources at other rates are decoded from a pre-roll point (kPreRollSamples)
// before `a`, so the codec's overlap and the resampler's filter state have converged by `a`;
// the resampler input is started on a sample where the source and 48 kHz grids meet
// (e.g. every 147 samples of 44.1 kHz = 160 samples of 48 kHz), so both reads share the same
// filter phase. Measured: bit-exact for 48 kHz PCM, within 1e-6 for resampled PCM and MP3;
// AAC within 1e-5 (its noise substitution uses a decoder-wide random generator, so noise-filled
// bands differ in the last bits after a seek).
//
// Channels: mono is duplicated to both sides (gain 1); stereo is passed through; 5.1 (and other
// layouts) are downmixed by ITU-R BS.775 without normalisation:
//   L' = L + 0.7071 C + 0.7071 Ls,  R' = R + 0.7071 C + 0.7071 Rs  (LFE dropped).
//
// A decoder is not thread-safe: one thread at a time.
class AudioDecoder {
 public:
  virtual ~AudioDecoder() = default;

  // Samples [start, start + count) at 48 kHz (see the range rule); count < 0 is InvalidArgument.
  virtual base::Result<AudioBlock> read(time::SamplePos start, time::SampleCount count) = 0;
  // Length of the audio in 48 kHz samples: estimated from the container until the end has been
  // decoded once, exact afterwards (see endKnown()).
  virtual time::SampleCount length() const = 0;
  // True once the end of the stream has been decoded, so length() is exact.
  virtual bool endKnown() const = 0;
  // Facts about the source stream (codec, rate, channels and layout before conversion).
  virtual const AudioStreamInfo& info() const = 0;
  // The file this decoder reads.
  virtual const std::filesystem::path& path() const = 0;
};

// Samples decoded before a seek target so codec and resampler state converge (48 kHz samples).
inline constexpr std::int64_t kPreRollSamples = 8192;

// Opens the best audio stream of `path`. NotFound for a missing file or a file without audio,
// Parse for unreadable or unsupported data; the message names the file.
base::Result<std::unique_ptr<AudioDecoder>> openAudioDecoder(const std::filesystem::path& path);

}  // namespace postline::media
