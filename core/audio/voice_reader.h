#pragma once
// Reads one voice's source sound for runs of sequence samples: decoded (media::AudioDecoder), then
// copied (speed 1), band-limited resampled (dsp::varispeed) or time-stretched with its pitch kept
// (media::TimeStretcher). Not thread-safe; used by the mixing worker and offline renders.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/audio/mix_plan.h"
#include "core/base/result.h"
#include "core/media/audio_decoder.h"
#include "core/media/time_stretch.h"

namespace postline::audio {

class VoiceReader {
 public:
  explicit VoiceReader(const Voice& voice);
  ~VoiceReader();
  VoiceReader(VoiceReader&&) noexcept;
  VoiceReader& operator=(VoiceReader&&) noexcept;

  // Raw (pre-envelope) source samples heard at sequence samples [t0, t0 + n), planar, into
  // left/right (n each). Consecutive calls continue streams; any other position restarts them.
  // Errors: NotFound / Parse from opening or decoding the file (the message names the file).
  base::Result<void> read(std::int64_t t0, int n, float* left, float* right);
  const Voice& voice() const { return m_voice; }
  // True when `other` reads the same source the same way (clip, file, timing, speed, pitch mode).
  bool sameSource(const Voice& other) const;
  // Takes `voice` (same source, see sameSource) with its new envelope, keeping the streams.
  void retarget(const Voice& voice) { m_voice = voice; }

 private:
  base::Result<void> readDirect(std::int64_t t0, int n, float* left, float* right);
  base::Result<void> readVarispeed(std::int64_t t0, int n, float* left, float* right);
  base::Result<void> readStretched(std::int64_t t0, int n, float* left, float* right);
  base::Result<void> readVirtual(std::int64_t j0, std::int64_t count);
  base::Result<void> restartStretch(std::int64_t t0);

  Voice m_voice;
  std::unique_ptr<media::AudioDecoder> m_decoder;
  std::unique_ptr<media::TimeStretcher> m_stretch;
  std::int64_t m_nextT = -1;      // sequence sample the stretch stream delivers next
  std::int64_t m_nextJ = 0;       // next virtual source sample pushed into the stretcher
  std::vector<float> m_l, m_r;    // scratch
};

}  // namespace postline::audio
