// Auto-ducking (mix_actions.h): speech found on the dialogue tracks becomes volume keys on the
// music (and optionally ambient) clips.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/audio/mix_actions.h"
#include "core/audio/mix_plan.h"
#include "core/audio/offline_mix.h"
#include "core/model/audio_keys.h"
#include "core/time/convert.h"

namespace postline::audio {

using base::ErrorCode;
using base::makeError;
using base::Result;

namespace {

constexpr std::int64_t kHop = 480;      // 10 ms
constexpr std::int64_t kWindow = 2400;  // 50 ms RMS windows

struct Span {
  std::int64_t start = 0;
  std::int64_t end = 0;
};

std::int64_t ms(double v) { return std::llround(v * 48.0); }

// Sum of every dialogue track (after its EQ and compressor, before its fader) as mono.
Result<std::vector<float>> dialogue(const MixPlan& plan, std::vector<std::string>& warnings) {
  std::vector<float> mono(static_cast<std::size_t>(plan.length), 0.0f);
  bool any = false;
  for (const TrackPlan& t : plan.tracks) {
    if (t.role != model::AudioRole::Dialogue) continue;
    any = true;
    addMono(isolateTrack(plan, t.id, Tap::PreFader), mono, &warnings);
  }
  if (!any) return makeError(ErrorCode::NotFound, "no audible track has the dialogue role");
  return mono;
}

// Where the RMS over 50 ms windows (10 ms hops) exceeds the threshold; pauses shorter than the
// hold are bridged.
std::vector<Span> speech(const std::vector<float>& mono, const DuckOptions& o) {
  std::vector<Span> spans;
  const double threshold = std::pow(10.0, o.thresholdDb / 20.0);
  const auto n = static_cast<std::int64_t>(mono.size());
  for (std::int64_t h = 0; h + kWindow <= n; h += kHop) {
    double sum = 0.0;
    for (std::int64_t i = h; i < h + kWindow; ++i) sum += static_cast<double>(mono[static_cast<std::size_t>(i)]) * mono[static_cast<std::size_t>(i)];
    if (std::sqrt(sum / kWindow) < threshold) continue;
    const Span s{h, h + kWindow};
    if (!spans.empty() && s.start <= spans.back().end + ms(o.holdMs)) {
      spans.back().end = s.end;
    } else {
      spans.push_back(s);
    }
  }
  return spans;
}

// The ducking curve as absolute keys (sample, dB): down over the attack before each span, up over
// the release after it; spans whose ramps would meet stay ducked between them.
std::vector<model::GainKey> duckCurve(const std::vector<Span>& spans, const DuckOptions& o) {
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.start - ms(o.attackMs) <= merged.back().end + ms(o.releaseMs)) {
      merged.back().end = s.end;
    } else {
      merged.push_back(s);
    }
  }
  std::vector<model::GainKey> keys;
  for (const Span& s : merged) {
    keys.push_back({s.start - ms(o.attackMs), 0.0});
    keys.push_back({s.start, o.depthDb});
    keys.push_back({s.end, o.depthDb});
    keys.push_back({s.end + ms(o.releaseMs), 0.0});
  }
  return keys;
}

// The part of `curve` over a clip at [start, end) as clip keys (offsets from start), with the
// values at its edges when a ramp is cut; empty when the clip never ducks.
std::vector<model::GainKey> clipKeys(const std::vector<model::GainKey>& curve, std::int64_t start, std::int64_t end) {
  std::vector<model::GainKey> out;
  const double first = model::automationDb(curve, static_cast<double>(start));
  const double last = model::automationDb(curve, static_cast<double>(end - 1));
  out.push_back({0, first});
  for (const model::GainKey& k : curve) {
    if (k.offset > start && k.offset < end - 1) out.push_back({k.offset - start, k.gainDb});
  }
  out.push_back({end - 1 - start, last});
  const bool flat = std::all_of(out.begin(), out.end(), [](const model::GainKey& k) { return k.gainDb == 0.0; });
  if (flat) return {};
  return out;
}

bool ducked(model::AudioRole role, const DuckOptions& o) {
  return role == model::AudioRole::Music || (o.ambient && role == model::AudioRole::Ambient);
}

}  // namespace

Result<void> checkDuckOptions(const DuckOptions& o) {
  const bool ok = o.depthDb >= -24.0 && o.depthDb <= -1.0 && o.attackMs >= 10.0 && o.attackMs <= 2000.0 &&
                  o.releaseMs >= 10.0 && o.releaseMs <= 4000.0 && o.holdMs >= 0.0 && o.holdMs <= 5000.0 &&
                  o.thresholdDb >= -90.0 && o.thresholdDb <= 0.0;
  if (ok) return {};
  return makeError(ErrorCode::OutOfRange, "ducking needs depth -24..-1 dB, attack 10..2000 ms, release 10..4000 ms, "
                                          "hold 0..5000 ms and threshold -90..0 dBFS");
}

Result<MixActionResult> autoDuck(const model::Project& project, model::SequenceId sequence, const DuckOptions& o) {
  PL_TRY(checkDuckOptions(o));
  PL_TRY_ASSIGN(seq, sequenceOf(project, sequence));
  PL_TRY_ASSIGN(plan, planMix(project, sequence));
  MixActionResult out;
  PL_TRY_ASSIGN(voice, dialogue(plan, out.warnings));
  const std::vector<Span> spans = speech(voice, o);
  const std::vector<model::GainKey> curve = duckCurve(spans, o);
  std::int64_t clips = 0;
  for (const model::Track& t : seq->tracks) {
    if (t.kind != model::TrackKind::Audio || !ducked(t.role, o)) continue;
    for (const model::Clip& c : t.clips) {
      PL_TRY_ASSIGN(start, time::framesToSamples(c.start, seq->settings.frameRate));
      PL_TRY_ASSIGN(end, time::framesToSamples(c.end(), seq->settings.frameRate));
      model::Clip after = c;
      after.audio.volume = clipKeys(curve, start.value, end.value);
      if (after.audio.volume == c.audio.volume) continue;
      out.changes.add(model::ClipUpdated{sequence, t.id, c, after});
      ++clips;
    }
  }
  std::ostringstream line;
  line << spans.size() << " stretch(es) of dialogue; " << clips << " clip(s) ducked by " << o.depthDb << " dB";
  out.report.push_back(line.str());
  return out;
}

}  // namespace postline::audio
