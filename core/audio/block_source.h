#pragma once
// The mixer's face to playback: PlaybackEngine pulls consecutive blocks of sequence audio from it.
#include <cstdint>

namespace postline::audio {

// A producer of sequence audio for real-time playback (the mixer graph implements it).
class BlockSource {
 public:
  virtual ~BlockSource() = default;
  // Interleaved stereo float32 at 48 kHz for sequence samples [start, start + frames) (start
  // included, end excluded); frames > 0. Called only from the mixing worker thread; must not
  // throw; fills silence on error.
  virtual void renderBlock(std::int64_t start, float* interleaved, int frames) = 0;
};

}  // namespace postline::audio
