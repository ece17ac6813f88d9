#include "core/audio/track_bus.h"

#include <algorithm>
#include <cmath>

#include "core/audio/dsp/pan.h"

namespace postline::audio {

namespace {
constexpr double kSampleRate = 48000.0;
}  // namespace

bool sanitize(float* x, int n) {
  bool found = false;
  for (int k = 0; k < n; ++k) {
    if (!std::isfinite(x[k])) {
      x[k] = 0.0f;
      found = true;
    }
  }
  return found;
}

void fillEnvelope(const Voice& voice, std::int64_t t0, int n, float* gains) {
  for (int k = 0; k < n; ++k) gains[k] = static_cast<float>(voice.envelopeAt(t0 + k));
}

TrackBus::TrackBus(const TrackPlan& plan, int maxFrames) {
  const auto size = static_cast<std::size_t>(maxFrames);
  for (std::vector<float>* v : {&m_l, &m_r, &m_vl, &m_vr, &m_env}) v->assign(size, 0.0f);
  update(plan);
}

void TrackBus::update(const TrackPlan& plan) {
  std::vector<Slot> slots;
  slots.reserve(plan.voices.size());
  for (const Voice& v : plan.voices) {
    // A voice whose source mapping is unchanged keeps its reader (and its decode/stretch stream);
    // only its envelope (gain, fades, automation, crossfades) is retargeted.
    auto same = std::find_if(m_slots.begin(), m_slots.end(), [&](const Slot& s) { return s.reader.sameSource(v); });
    if (same != m_slots.end()) {
      same->reader.retarget(v);
      slots.push_back(std::move(*same));
    } else {
      slots.push_back(Slot{VoiceReader(v)});
    }
  }
  m_slots = std::move(slots);
  m_plan = plan;
  m_eq.configure(m_plan.eq, kSampleRate);
  m_comp.configure(m_plan.compressor, kSampleRate);
}

void TrackBus::reset() {
  m_eq.reset();
  m_comp.reset();
}

void TrackBus::addVoice(Slot& slot, std::int64_t t0, int n, std::vector<ClipProblem>& problems) {
  const Voice& v = slot.reader.voice();
  const std::int64_t a = std::max(t0, v.start);
  const std::int64_t b = std::min(t0 + n, v.end);
  if (a >= b || slot.failed) return;
  const int count = static_cast<int>(b - a);
  const auto at = static_cast<std::size_t>(a - t0);
  auto read = slot.reader.read(a, count, m_vl.data(), m_vr.data());
  if (!read.ok()) {
    slot.failed = true;
    problems.push_back({v.clip, read.error().message + " (clip '" + v.clipName + "' plays silence)"});
    return;
  }
  sanitize(m_vl.data(), count);  // a damaged file's NaN or Inf never reaches filters or meters
  sanitize(m_vr.data(), count);
  if (v.steadyOver(a, a + count)) {  // one gain for the whole run
    const auto g = static_cast<float>(v.envelopeAt(a));
    for (int k = 0; k < count; ++k) {
      m_l[at + k] += m_vl[k] * g;
      m_r[at + k] += m_vr[k] * g;
    }
    return;
  }
  fillEnvelope(v, a, count, m_env.data());
  for (int k = 0; k < count; ++k) {
    m_l[at + k] += m_vl[k] * m_env[k];
    m_r[at + k] += m_vr[k] * m_env[k];
  }
}

void TrackBus::process(std::int64_t t0, int n, float* masterL, float* masterR, std::vector<ClipProblem>& problems) {
  std::fill_n(m_l.begin(), n, 0.0f);
  std::fill_n(m_r.begin(), n, 0.0f);
  for (Slot& slot : m_slots) {
    if (slot.reader.voice().start >= t0 + n) break;  // sorted by start
    addVoice(slot, t0, n, problems);
  }
  m_eq.process(m_l.data(), m_r.data(), n);
  m_comp.process(m_l.data(), m_r.data(), n);
  if (sanitize(m_l.data(), n) | sanitize(m_r.data(), n)) reset();
  const dsp::PanGains pan = dsp::panGains(m_plan.pan);
  const auto fader = static_cast<float>(std::pow(10.0, m_plan.faderDb / 20.0));
  const float gl = fader * pan.left;
  const float gr = fader * pan.right;
  for (int k = 0; k < n; ++k) {
    m_l[k] *= gl;
    m_r[k] *= gr;
    masterL[k] += m_l[k];
    masterR[k] += m_r[k];
  }
}

}  // namespace postline::audio
