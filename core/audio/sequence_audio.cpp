#include "core/audio/sequence_audio.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numbers>
#include <string>

#include "core/time/convert.h"

namespace postline::audio {

using base::ErrorCode;
using base::makeError;
using time::Int128;

namespace {
// Output samples summed per decoder read, so a long range never needs the whole source in memory.
constexpr std::int64_t kChunk = 1 << 16;
}  // namespace

// Where one clip's samples come from and how loud they are, for one sum call.
struct SequenceAudioSummer::ClipPlan {
  std::int64_t outBase = 0;    // index (in stereo frames) of the clip's first sample in the output block
  std::int64_t length = 0;     // N: the clip's length in samples
  std::int64_t srcStart = 0;   // source sample read at q = 0
  Int128 speedNum = 1;         // speed as num/den (> 0)
  Int128 speedDen = 1;
  bool reverse = false;
  double gain = 1.0;
  std::int64_t fadeIn = 0;     // samples
  std::int64_t fadeOut = 0;    // samples
  model::FadeShape shape = model::FadeShape::Linear;

  // Gain at clip offset o (0 = the clip's first sample), fades included.
  double gainAt(std::int64_t o) const {
    double g = gain;
    if (o < fadeIn) g *= fadeCurve(shape, static_cast<double>(o) / static_cast<double>(fadeIn));
    if (o >= length - fadeOut) g *= fadeCurve(shape, static_cast<double>(length - o) / static_cast<double>(fadeOut));
    return g;
  }
  // Source offset from srcStart read at clip offset o, as whole + fraction (q * speed).
  void sourceAt(std::int64_t o, std::int64_t& whole, double& frac) const {
    const std::int64_t q = reverse ? length - 1 - o : o;
    const Int128 scaled = static_cast<Int128>(q) * speedNum;
    whole = static_cast<std::int64_t>(scaled / speedDen);
    frac = static_cast<double>(static_cast<std::int64_t>(scaled % speedDen)) / static_cast<double>(speedDen);
  }
};

double fadeCurve(model::FadeShape shape, double x) {
  x = std::clamp(x, 0.0, 1.0);
  switch (shape) {
    case model::FadeShape::Linear: return x;
    case model::FadeShape::EqualPower: return std::sin(x * std::numbers::pi / 2.0);
    case model::FadeShape::SCurve: return (1.0 - std::cos(x * std::numbers::pi)) / 2.0;
  }
  return x;
}

SequenceAudioSummer::SequenceAudioSummer(const model::Project& project, model::SequenceId sequence)
    : m_project(project), m_sequence(sequence) {}

base::Result<media::AudioDecoder*> SequenceAudioSummer::decoderFor(const model::MediaItem& media,
                                                                   const model::Clip& clip) {
  auto it = m_decoders.find(media.id);
  if (it != m_decoders.end()) return it->second.get();
  std::error_code ec;
  if (!std::filesystem::exists(media.path, ec)) {
    return makeError(ErrorCode::NotFound, media.path + ": media file of clip '" + clip.name + "' is missing");
  }
  auto opened = media::openAudioDecoder(media.path);
  if (!opened.ok()) {
    return makeError(opened.error().code, opened.error().message + " (clip '" + clip.name + "')");
  }
  media::AudioDecoder* raw = opened.value().get();
  m_decoders.emplace(media.id, std::move(opened).value());
  return raw;
}

base::Result<void> SequenceAudioSummer::addSpan(media::AudioDecoder& decoder, const ClipPlan& plan, std::int64_t o0,
                                                std::int64_t o1, std::vector<float>& out) {
  // Source offsets needed: from the smallest to the largest (+1 for the interpolation neighbour).
  std::int64_t lo = 0, hi = 0;
  double frac = 0.0;
  plan.sourceAt(plan.reverse ? o1 - 1 : o0, lo, frac);
  plan.sourceAt(plan.reverse ? o0 : o1 - 1, hi, frac);
  PL_TRY_ASSIGN(block, decoder.read(time::SamplePos{plan.srcStart + lo}, time::SampleCount{hi - lo + 2}));
  for (std::int64_t o = o0; o < o1; ++o) {
    std::int64_t whole = 0;
    plan.sourceAt(o, whole, frac);
    const auto i = static_cast<std::size_t>(whole - lo);
    float l = block.left[i];
    float r = block.right[i];
    if (frac > 0.0) {
      l = static_cast<float>(l + (block.left[i + 1] - l) * frac);
      r = static_cast<float>(r + (block.right[i + 1] - r) * frac);
    }
    const auto g = static_cast<float>(plan.gainAt(o));
    const auto at = static_cast<std::size_t>(plan.outBase + o) * 2;
    out[at] += l * g;
    out[at + 1] += r * g;
  }
  return {};
}

base::Result<void> SequenceAudioSummer::addClip(const model::Track& track, const model::Clip& clip,
                                                time::SampleRange range, std::vector<float>& out) {
  const model::Sequence& seq = *m_project.findSequence(m_sequence);
  const time::FrameRate& rate = seq.settings.frameRate;
  PL_TRY_ASSIGN(start, time::framesToSamples(clip.start, rate));
  PL_TRY_ASSIGN(end, time::framesToSamples(clip.end(), rate));
  const time::SampleRange span = time::SampleRange{start, end}.intersection(range);
  if (span.empty()) return {};
  const model::MediaItem* media = m_project.findMedia(clip.media);
  if (media == nullptr) {
    return makeError(ErrorCode::NotFound, "clip '" + clip.name + "' uses media id " +
                                              std::to_string(clip.media.value) + ", which is not in the project");
  }
  PL_TRY_ASSIGN(decoder, decoderFor(*media, clip));
  PL_TRY_ASSIGN(sampleUnit, time::Rational::make(1, time::kSampleRate));
  PL_TRY_ASSIGN(srcStart, time::rescale(clip.sourceIn, media->info.timeBase, sampleUnit));
  PL_TRY_ASSIGN(fadeInEnd, time::framesToSamples(clip.start + clip.audio.fadeIn, rate));
  PL_TRY_ASSIGN(fadeOutStart, time::framesToSamples(clip.end() - clip.audio.fadeOut, rate));
  ClipPlan plan;
  plan.outBase = start.value - range.start.value;
  plan.length = end.value - start.value;
  plan.srcStart = srcStart;
  plan.speedNum = clip.speed.num();
  plan.speedDen = clip.speed.den();
  plan.reverse = clip.reverse;
  plan.gain = std::pow(10.0, (clip.audio.gainDb + track.volumeDb) / 20.0);
  plan.fadeIn = std::clamp<std::int64_t>(fadeInEnd.value - start.value, 0, plan.length);
  plan.fadeOut = std::clamp<std::int64_t>(end.value - fadeOutStart.value, 0, plan.length);
  plan.shape = clip.audio.fadeShape;
  for (std::int64_t o = span.start.value - start.value; o < span.end.value - start.value; o += kChunk) {
    PL_TRY(addSpan(*decoder, plan, o, std::min(o + kChunk, span.end.value - start.value), out));
  }
  return {};
}

base::Result<std::vector<float>> SequenceAudioSummer::sumSamples(time::SampleRange range) {
  const model::Sequence* seq = m_project.findSequence(m_sequence);
  if (seq == nullptr) {
    return makeError(ErrorCode::NotFound, "sequence id " + std::to_string(m_sequence.value) + " is not in the project");
  }
  if (range.end < range.start) {
    return makeError(ErrorCode::InvalidArgument, "audio range ends (sample " + std::to_string(range.end.value) +
                                                     ") before it starts (sample " + std::to_string(range.start.value) + ")");
  }
  std::vector<float> out(static_cast<std::size_t>(range.duration().value) * 2, 0.0f);
  for (const model::Track& track : seq->tracks) {
    if (track.kind != model::TrackKind::Audio || track.muted) continue;
    for (const model::Clip& clip : track.clips) {
      if (!clip.enabled || clip.freeze || m_unreadable.count(clip.media) != 0) continue;
      auto added = addClip(track, clip, range, out);
      if (added.ok()) continue;
      const auto code = added.error().code;
      if (!m_skipUnreadable || (code != ErrorCode::NotFound && code != ErrorCode::Parse)) return added.error();
      m_unreadable.insert(clip.media);
      m_warnings.push_back(added.error().message + " (its sound is left out)");
    }
  }
  return out;
}

base::Result<std::vector<float>> SequenceAudioSummer::sumFrames(time::FramePos from, time::FramePos to) {
  const model::Sequence* seq = m_project.findSequence(m_sequence);
  if (seq == nullptr) {
    return makeError(ErrorCode::NotFound, "sequence id " + std::to_string(m_sequence.value) + " is not in the project");
  }
  if (to < from) {
    return makeError(ErrorCode::InvalidArgument, "frame range ends (" + std::to_string(to.value) +
                                                     ") before it starts (" + std::to_string(from.value) + ")");
  }
  PL_TRY_ASSIGN(a, time::framesToSamples(from, seq->settings.frameRate));
  PL_TRY_ASSIGN(b, time::framesToSamples(to, seq->settings.frameRate));
  return sumSamples(time::SampleRange{a, b});
}

base::Result<std::vector<float>> sumSequenceAudio(const model::Project& project, model::SequenceId sequence,
                                                  time::FramePos from, time::FramePos to) {
  SequenceAudioSummer summer(project, sequence);
  return summer.sumFrames(from, to);
}

}  // namespace postline::audio
