#pragma once
// Interim sound of a sequence: the plain sum of its audio clips, until the mixer graph (issue 6)
// replaces it. Used by the headless render/export.
//
// What is summed: every enabled, non-freeze clip on every non-muted audio track (TrackKind::Audio);
// video tracks (and the audio embedded in video clips placed there) are ignored. Each clip's source
// audio is decoded with media::AudioDecoder (48 kHz stereo float), then
//   - timing: sequence sample t of a clip covering [S, E) samples (S, E = framesToSamples of its
//     first and end frame, exact, roundNearest) reads source position
//     src(q) = sourceIn (converted to 48 kHz samples, roundNearest) + q * speed,
//     with q = t - S, or q = (E - S - 1) - (t - S) for a reversed clip. Speed 1 copies samples;
//     any other speed interpolates linearly between neighbouring samples (INTERIM: no anti-alias
//     filter, no pitch correction; the mixer will use libswresample).
//   - gain: 10^((clip gainDb + track volumeDb) / 20).
//   - fades (on the timeline, whatever the speed or direction): with o = t - S, the fade-in over
//     the clip's first F = framesToSamples(start + fadeIn) - S samples gives sample o the gain
//     curve(o / F) (its first sample silent); the fade-out over the last G = E -
//     framesToSamples(end - fadeOut) samples gives it curve((E - S - o) / G) (its first sample
//     at full level, the last at curve(1 / G)).
// No clipping or limiting: the sum may exceed [-1, 1].
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/media/audio_decoder.h"
#include "core/model/project.h"
#include "core/time/time_range.h"
#include "core/time/units.h"

namespace postline::audio {

// Gain in [0, 1] of a fade curve at position x in [0, 1] (0 = silent end, 1 = full level):
// Linear x; EqualPower sin(x * pi/2); SCurve (1 - cos(x * pi)) / 2.
double fadeCurve(model::FadeShape shape, double x);

// Sums one sequence's audio block by block, keeping one decoder open per media file between
// calls (so consecutive blocks decode sequentially). `project` must outlive the summer and not
// change while it is used. Not thread-safe.
class SequenceAudioSummer {
 public:
  SequenceAudioSummer(const model::Project& project, model::SequenceId sequence);

  // Interleaved stereo float32 at 48 kHz for sequence samples [range.start, range.end):
  // exactly 2 * length floats. Errors: NotFound (sequence, media item, or a clip's media file,
  // naming the file and the clip), Parse (undecodable media), InvalidArgument (end < start).
  base::Result<std::vector<float>> sumSamples(time::SampleRange range);
  // The same for sequence frames [from, to): samples [framesToSamples(from), framesToSamples(to)).
  base::Result<std::vector<float>> sumFrames(time::FramePos from, time::FramePos to);

  // When on, a clip whose media file is missing or unreadable is left silent (and never tried
  // again) instead of failing the call; each such file is reported once through takeWarnings().
  void skipUnreadableMedia(bool on) { m_skipUnreadable = on; }
  // Warnings since the last call (one sentence each, naming the file and the clip).
  std::vector<std::string> takeWarnings() { return std::exchange(m_warnings, {}); }

 private:
  struct ClipPlan;
  base::Result<media::AudioDecoder*> decoderFor(const model::MediaItem& media, const model::Clip& clip);
  base::Result<void> addClip(const model::Track& track, const model::Clip& clip, time::SampleRange range,
                             std::vector<float>& out);
  base::Result<void> addSpan(media::AudioDecoder& decoder, const ClipPlan& plan, std::int64_t q0, std::int64_t q1,
                             std::vector<float>& out);

  const model::Project& m_project;
  model::SequenceId m_sequence;
  std::unordered_map<model::MediaId, std::unique_ptr<media::AudioDecoder>> m_decoders;
  bool m_skipUnreadable = false;
  std::unordered_set<model::MediaId> m_unreadable;
  std::vector<std::string> m_warnings;
};

// One-shot form: interleaved stereo float32 at 48 kHz for sequence frames [from, to) (half-open),
// exactly 2 * (framesToSamples(to) - framesToSamples(from)) floats. See SequenceAudioSummer.
base::Result<std::vector<float>> sumSequenceAudio(const model::Project& project, model::SequenceId sequence,
                                                  time::FramePos from, time::FramePos to);

}  // namespace postline::audio
