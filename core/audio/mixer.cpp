#include "core/audio/mixer.h"

#include <algorithm>
#include <cmath>

namespace postline::audio {

namespace {

constexpr double kRate = 48000.0;
// Input rendered and dropped before a restart point, so EQ and compressor state has settled (100 ms).
constexpr std::int64_t kPreRoll = 4800;

MeterReading readMeter(const loudness::Meter& m, double reduction) {
  MeterReading r;
  r.momentaryLufs = m.momentaryLufs();
  r.shortTermLufs = m.shortTermLufs();
  r.integratedLufs = m.integratedLufs();
  r.loudnessRangeLu = m.loudnessRangeLu();
  r.samplePeakDbfs = m.samplePeakDbfs();
  r.truePeakDbtp = m.truePeakDbtp();
  r.gainReductionDb = reduction;
  return r;
}

loudness::Meter stereoMeter() {
  return loudness::Meter::create({loudness::ChannelWeight::Left, loudness::ChannelWeight::Right}, true, true).value();
}

}  // namespace

Mixer::Mixer(std::shared_ptr<const MixPlan> plan) : m_pending(std::move(plan)) {
  m_l.assign(kMaxBlock, 0.0f);
  m_r.assign(kMaxBlock, 0.0f);
  m_interleaved.assign(2 * kMaxBlock, 0.0f);
  m_block.assign(2 * kMaxBlock, 0.0f);
  adoptPlan();
}

Mixer::~Mixer() = default;

void Mixer::setPlan(std::shared_ptr<const MixPlan> plan) { m_pending.store(std::move(plan)); }

void Mixer::adoptPlan() {
  std::shared_ptr<const MixPlan> next = m_pending.exchange(nullptr);
  if (!next) return;
  std::vector<TrackBus> buses;
  buses.reserve(next->tracks.size());
  for (const TrackPlan& tp : next->tracks) {
    auto same = std::find_if(m_buses.begin(), m_buses.end(), [&](const TrackBus& b) { return b.plan().id == tp.id; });
    if (same != m_buses.end()) {
      same->update(tp);
      buses.push_back(std::move(*same));
    } else {
      buses.emplace_back(tp, kMaxBlock);
    }
  }
  const bool limiterChanged = !m_plan || m_plan->mix.limiter != next->mix.limiter ||
                              m_plan->mix.ceilingDbtp != next->mix.ceilingDbtp;
  m_buses = std::move(buses);
  m_plan = std::move(next);
  if (limiterChanged) {
    m_limiter.configure(m_plan->mix.ceilingDbtp, kRate);
    m_nextOut.reset();  // the latency may have changed: restart at the next block
  }
}

int Mixer::latency() const { return m_plan && m_plan->mix.limiter ? m_limiter.latency() : 0; }

void Mixer::mixInput(std::int64_t t0, int n) {
  std::fill_n(m_l.begin(), n, 0.0f);
  std::fill_n(m_r.begin(), n, 0.0f);
  std::vector<ClipProblem> problems;
  for (TrackBus& bus : m_buses) bus.process(t0, n, m_l.data(), m_r.data(), problems);
  const auto master = static_cast<float>(std::pow(10.0, m_plan->mix.masterGainDb / 20.0));
  for (int k = 0; k < n; ++k) {
    m_l[k] *= master;
    m_r[k] *= master;
  }
  // The last guard: tracks clean their own sound (and reset their filters), so only an overflow of
  // the sum could get here; from finite input the limiter gives finite output.
  sanitize(m_l.data(), n);
  sanitize(m_r.data(), n);
  if (m_plan->mix.limiter) m_limiter.process(m_l.data(), m_r.data(), n);
  if (problems.empty()) return;
  std::lock_guard lock(m_problemMutex);
  for (ClipProblem& p : problems) {
    if (std::find(m_reported.begin(), m_reported.end(), p.clip) != m_reported.end()) continue;
    m_reported.push_back(p.clip);
    m_problems.push_back(std::move(p));
  }
}

// The graph always runs on blocks of kMaxBlock samples at multiples of kMaxBlock on the timeline,
// whatever sizes the caller asks for, so the same timeline sounds the same (to the bit) however it
// is cut into requests: sub-block DSP (compressor, limiter) sees the same boundaries.
void Mixer::restart(std::int64_t start) {
  for (TrackBus& bus : m_buses) bus.reset();
  m_limiter.reset();
  // Blocks from at least a pre-roll before `start` settle the state; what precedes start is dropped.
  const std::int64_t first = start - kPreRoll;
  std::int64_t t = (first >= 0 ? first : first - (kMaxBlock - 1)) / kMaxBlock * kMaxBlock;
  for (; t + kMaxBlock <= start; t += kMaxBlock) produceBlock(t, false);
  produceBlock(t, true);
  m_nextOut = start;
}

void Mixer::produceBlock(std::int64_t start, bool meter) {
  const int n = kMaxBlock;
  mixInput(start + latency(), n);
  for (int k = 0; k < n; ++k) {
    m_block[2 * k] = m_l[k];
    m_block[2 * k + 1] = m_r[k];
  }
  m_blockStart = start;
  if (meter && m_metering.load()) meterChunk(start + n, n);
}

void Mixer::renderBlock(std::int64_t start, float* interleaved, int frames) {
  adoptPlan();
  if (!m_nextOut || *m_nextOut != start) restart(start);
  for (int done = 0; done < frames;) {
    if (*m_nextOut == m_blockStart + kMaxBlock) produceBlock(m_blockStart + kMaxBlock, true);
    const auto offset = static_cast<int>(*m_nextOut - m_blockStart);
    const int n = std::min(kMaxBlock - offset, frames - done);
    std::copy_n(m_block.begin() + 2 * offset, 2 * n, interleaved + 2 * done);
    done += n;
    *m_nextOut += n;
  }
}

std::vector<ClipProblem> Mixer::takeProblems() {
  std::lock_guard lock(m_problemMutex);
  return std::exchange(m_problems, {});
}

void Mixer::setMetering(bool on) { m_metering.store(on); }

void Mixer::meterChunk(std::int64_t end, int n) {
  std::lock_guard lock(m_meterMutex);
  if (!m_masterMeter) m_masterMeter = stereoMeter();
  m_snapshot.tracks.clear();
  for (const TrackBus& bus : m_buses) {
    for (int k = 0; k < n; ++k) {
      m_interleaved[2 * k] = bus.trackLeft()[k];
      m_interleaved[2 * k + 1] = bus.trackRight()[k];
    }
    // Each track keeps its meter across plan swaps (a slider drag must not blank it).
    auto meter = m_trackMeters.find(bus.plan().id);
    if (meter == m_trackMeters.end()) meter = m_trackMeters.emplace(bus.plan().id, stereoMeter()).first;
    meter->second.add(m_interleaved.data(), static_cast<std::size_t>(n));
    m_snapshot.tracks.emplace_back(bus.plan().id, readMeter(meter->second, bus.gainReductionDb()));
  }
  for (int k = 0; k < n; ++k) {
    m_interleaved[2 * k] = m_l[k];
    m_interleaved[2 * k + 1] = m_r[k];
  }
  m_masterMeter->add(m_interleaved.data(), static_cast<std::size_t>(n));
  m_snapshot.master = readMeter(*m_masterMeter, m_limiter.gainReductionDb());
  m_snapshot.position = end;
}

void Mixer::resetMeters() {
  std::lock_guard lock(m_meterMutex);
  m_trackMeters.clear();
  m_masterMeter.reset();
  m_snapshot = MeterSnapshot{};
}

MeterSnapshot Mixer::meters() const {
  std::lock_guard lock(m_meterMutex);
  return m_snapshot;
}

}  // namespace postline::audio
