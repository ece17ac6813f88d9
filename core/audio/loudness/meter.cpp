#include "core/audio/loudness/meter.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace postline::audio::loudness {

namespace {

constexpr unsigned long kRate = 48000;
constexpr std::size_t kMaxChannels = 64;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int libChannel(ChannelWeight w) {
  switch (w) {
    case ChannelWeight::Left: return EBUR128_LEFT;
    case ChannelWeight::Right: return EBUR128_RIGHT;
    case ChannelWeight::Center: return EBUR128_CENTER;
    case ChannelWeight::LeftSurround: return EBUR128_LEFT_SURROUND;
    case ChannelWeight::RightSurround: return EBUR128_RIGHT_SURROUND;
    case ChannelWeight::Unused: return EBUR128_UNUSED;
  }
  return EBUR128_UNUSED;
}

double toDb(double linear) { return linear > 0.0 ? 20.0 * std::log10(linear) : -HUGE_VAL; }

}  // namespace

struct Meter::Impl {
  ebur128_state* state = nullptr;
  std::vector<ChannelWeight> weights;
  int mode = 0;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (state != nullptr) ebur128_destroy(&state);
  }

  // A fresh libebur128 state for `weights` and `mode`; nullptr when out of memory.
  ebur128_state* makeState() const {
    ebur128_state* st = ebur128_init(static_cast<unsigned>(weights.size()), kRate, mode);
    if (st == nullptr) return nullptr;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      ebur128_set_channel(st, static_cast<unsigned>(i), libChannel(weights[i]));
    }
    return st;
  }

  // Highest per-channel value of `get` over all channels, as dB.
  template <class Get>
  double maxOverChannels(Get get) const {
    double peak = 0.0;
    for (unsigned c = 0; c < weights.size(); ++c) {
      double v = 0.0;
      if (get(state, c, &v) != EBUR128_SUCCESS) return kNaN;
      peak = std::max(peak, v);
    }
    return toDb(peak);
  }
};

base::Result<Meter> Meter::create(std::vector<ChannelWeight> channels, bool truePeak, bool loudnessRange) {
  if (channels.empty() || channels.size() > kMaxChannels) {
    return base::makeError(base::ErrorCode::InvalidArgument,
                           "loudness meter: channel count " + std::to_string(channels.size()) + " is not within 1..64");
  }
  auto impl = std::make_unique<Impl>();
  impl->weights = std::move(channels);
  impl->mode = EBUR128_MODE_M | EBUR128_MODE_S | EBUR128_MODE_I | EBUR128_MODE_SAMPLE_PEAK;
  if (truePeak) impl->mode |= EBUR128_MODE_TRUE_PEAK;
  if (loudnessRange) impl->mode |= EBUR128_MODE_LRA;
  impl->state = impl->makeState();
  if (impl->state == nullptr) return base::makeError(base::ErrorCode::Io, "loudness meter: out of memory");
  return Meter(std::move(impl));
}

Meter::Meter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Meter::Meter(Meter&&) noexcept = default;
Meter& Meter::operator=(Meter&&) noexcept = default;
Meter::~Meter() = default;

void Meter::add(const float* interleaved, std::size_t frames) {
  if (frames > 0) ebur128_add_frames_float(m_impl->state, interleaved, frames);
}

double Meter::momentaryLufs() const {
  double v = kNaN;
  ebur128_loudness_momentary(m_impl->state, &v);
  return v;
}

double Meter::shortTermLufs() const {
  double v = kNaN;
  ebur128_loudness_shortterm(m_impl->state, &v);
  return v;
}

double Meter::loudnessWindowLufs(unsigned ms) const {
  double v = kNaN;
  ebur128_loudness_window(m_impl->state, ms, &v);
  return v;
}

double Meter::integratedLufs() const {
  double v = kNaN;
  ebur128_loudness_global(m_impl->state, &v);
  return v;
}

double Meter::loudnessRangeLu() const {
  double v = kNaN;
  ebur128_loudness_range(m_impl->state, &v);
  return v;
}

double Meter::samplePeakDbfs() const { return m_impl->maxOverChannels(&ebur128_sample_peak); }

double Meter::truePeakDbtp() const {
  if ((m_impl->mode & EBUR128_MODE_TRUE_PEAK) != EBUR128_MODE_TRUE_PEAK) return kNaN;
  return std::max(m_impl->maxOverChannels(&ebur128_true_peak), samplePeakDbfs());
}

void Meter::reset() {
  ebur128_state* fresh = m_impl->makeState();
  if (fresh == nullptr) return;  // out of memory: keep measuring into the old state
  ebur128_destroy(&m_impl->state);
  m_impl->state = fresh;
}

int Meter::channels() const { return static_cast<int>(m_impl->weights.size()); }

}  // namespace postline::audio::loudness
