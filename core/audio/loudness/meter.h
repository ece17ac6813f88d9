#pragma once
// A loudness meter after ITU-R BS.1770-4 / EBU R 128 (momentary, short-term, integrated, loudness
// range, sample and true peak). libebur128 sits behind a pimpl: ebur128.h is included only in
// core/audio/loudness/*.cpp.
#include <cstddef>
#include <memory>
#include <vector>

#include "core/base/result.h"

namespace postline::audio::loudness {

// BS.1770 role of one input channel: Left, Right, Center weigh 1.0, the surrounds 1.41
// (+1.5 dB), Unused channels (LFE) are ignored.
enum class ChannelWeight { Left, Right, Center, LeftSurround, RightSurround, Unused };

// Loudness meter over 48 kHz float32 interleaved input. Move-only. Not real-time safe (add()
// may allocate): use it on a worker or analysis thread.
// Silence: every loudness reading of silence is -infinity (-HUGE_VAL), as libebur128 reports
// it; peaks of silence are -infinity too. JSON writers print such values as null. Until a
// window (400 ms / 3 s) has filled, its missing part counts as silence.
class Meter {
 public:
  // A meter for channels.size() channels (1..64, interleaved in that order) at 48000 Hz.
  // truePeak enables truePeakDbtp(), loudnessRange enables loudnessRangeLu() (otherwise they
  // return NaN). InvalidArgument for no channels or more than 64.
  static base::Result<Meter> create(std::vector<ChannelWeight> channels, bool truePeak = true, bool loudnessRange = true);

  Meter(Meter&&) noexcept;
  Meter& operator=(Meter&&) noexcept;
  ~Meter();

  // Adds `frames` frames of channels() interleaved floats (nominal range [-1, 1]).
  void add(const float* interleaved, std::size_t frames);
  // Loudness of the last 400 ms added, LUFS (-inf for silence).
  double momentaryLufs() const;
  // Loudness of the last 3 s added, LUFS (-inf for silence).
  double shortTermLufs() const;
  // Loudness of the last `ms` milliseconds added (1..3000), LUFS (-inf for silence; NaN for a
  // longer window).
  double loudnessWindowLufs(unsigned ms) const;
  // Gated integrated loudness of everything added since create/reset, LUFS (-inf when no
  // 400 ms block passes the -70 LUFS absolute gate, e.g. silence).
  double integratedLufs() const;
  // Loudness range (EBU Tech 3342) of everything added, LU (0 when too little passes the gates).
  double loudnessRangeLu() const;
  // Highest absolute sample of everything added, all channels, dBFS (-inf for silence).
  double samplePeakDbfs() const;
  // Highest true peak (4x oversampled) of everything added, all channels, dBTP; never below
  // samplePeakDbfs() (-inf for silence).
  double truePeakDbtp() const;
  // Forgets everything added (same channels and options).
  void reset();
  // Number of interleaved channels per frame.
  int channels() const;

 private:
  struct Impl;
  explicit Meter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace postline::audio::loudness
