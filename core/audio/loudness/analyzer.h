#pragma once
// Whole-programme loudness measurement (EBU R 128 / Tech 3341 / Tech 3342): integrated loudness,
// loudness range, true and sample peak, and the maxima of momentary and short-term loudness.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <utility>
#include <vector>

#include "core/audio/loudness/meter.h"
#include "core/base/result.h"
#include "core/media/audio_channels.h"

namespace postline::audio::loudness {

// Figures of one programme. Loudness of silence is -infinity (-HUGE_VAL), so are the peaks of
// silence; JSON writers print them as null.
struct LoudnessStats {
  double integratedLufs = 0.0;     // gated integrated loudness, LUFS
  double loudnessRangeLu = 0.0;    // EBU Tech 3342 loudness range, LU (0 for too little audio)
  double truePeakDbtp = 0.0;       // highest true peak over all channels (LFE included), dBTP
  double samplePeakDbfs = 0.0;     // highest absolute sample over all channels, dBFS
  double maxMomentaryLufs = 0.0;   // highest momentary loudness sampled every 100 ms, LUFS
  double maxShortTermLufs = 0.0;   // highest short-term loudness sampled every 100 ms, LUFS
};

// The BS.1770 weight of a channel at `position`: Lfe -> Unused; Other -> Center (weight 1.0, as
// BS.1770-4 weighs every channel outside the +-60..120 degree surround zone).
ChannelWeight weightFor(media::ChannelPosition position);

// A Meter plus the maxima of momentary and short-term loudness, read after every 100 ms of
// input (counted from the first frame added), as EBU Tech 3341 specifies for maximum values.
// The windows are only read once full (400 ms / 3 s): a programme shorter than 3 s has a
// maxShortTermLufs of -inf. Move-only; not real-time safe.
class Analyzer {
 public:
  // An analyzer for channels.size() interleaved channels at 48 kHz (see Meter::create).
  static base::Result<Analyzer> create(std::vector<ChannelWeight> channels);

  // Adds `frames` frames of interleaved floats (channels() per frame).
  void add(const float* interleaved, std::size_t frames);
  // The figures of everything added so far.
  LoudnessStats stats() const;
  // The meter underneath (live momentary / short-term readings).
  const Meter& meter() const { return m_meter; }
  // Number of interleaved channels per frame.
  int channels() const { return m_meter.channels(); }

 private:
  explicit Analyzer(Meter meter) : m_meter(std::move(meter)) {}

  void closeSubBlock();

  static constexpr int kSubBlocks = 30;  // 100 ms sub-blocks in the 3 s short-term window

  Meter m_meter;
  std::int64_t m_frames = 0;          // frames added so far
  std::array<double, kSubBlocks> m_energy{};  // weighted mean-square energy of the last 100 ms blocks (ring)
  std::int64_t m_blocks = 0;          // complete 100 ms sub-blocks so far
  double m_maxMomentary = -HUGE_VAL;
  double m_maxShortTerm = -HUGE_VAL;
};

// Measures the best audio stream of `path` with all its channels (openMultichannelReader):
// weights from the channel positions (LFE excluded, surrounds 1.41). NotFound for a missing
// file or no audio, Parse for corrupt data; messages name the file.
base::Result<LoudnessStats> measureFile(const std::filesystem::path& path);

// Measures `frames` frames of interleaved stereo (L, R) at 48 kHz.
base::Result<LoudnessStats> measureStereo(const float* interleaved, std::size_t frames);

}  // namespace postline::audio::loudness
