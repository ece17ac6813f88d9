#include "core/audio/voice_reader.h"

#include <algorithm>
#include <cmath>

#include "core/audio/dsp/varispeed.h"

namespace postline::audio {

using base::Result;

namespace {

// Output samples decoded before a restart point of a time-stretched stream, so its overlap-add
// state has settled by the first sample heard.
constexpr std::int64_t kStretchPreRoll = 9600;
// Virtual source samples pushed into the stretcher at a time.
constexpr std::int64_t kStretchChunk = 4096;

void copyReversed(const std::vector<float>& in, float* out, int n) {
  for (int k = 0; k < n; ++k) out[k] = in[static_cast<std::size_t>(n - 1 - k)];
}

}  // namespace

VoiceReader::VoiceReader(const Voice& voice) : m_voice(voice) {}
VoiceReader::~VoiceReader() = default;
VoiceReader::VoiceReader(VoiceReader&&) noexcept = default;
VoiceReader& VoiceReader::operator=(VoiceReader&&) noexcept = default;

bool VoiceReader::sameSource(const Voice& o) const {
  const Voice& v = m_voice;
  return v.clip == o.clip && v.path == o.path && v.clipStart == o.clipStart && v.origin == o.origin &&
         v.step == o.step && v.preservePitch == o.preservePitch;
}

Result<void> VoiceReader::read(std::int64_t t0, int n, float* left, float* right) {
  if (n <= 0) return {};
  if (!m_decoder) {
    PL_TRY_ASSIGN(decoder, media::openAudioDecoder(m_voice.path));
    m_decoder = std::move(decoder);
  }
  const double speed = std::abs(m_voice.step);
  if (speed == 1.0 && m_voice.origin == std::floor(m_voice.origin)) return readDirect(t0, n, left, right);
  if (m_voice.preservePitch) return readStretched(t0, n, left, right);
  return readVarispeed(t0, n, left, right);
}

Result<void> VoiceReader::readDirect(std::int64_t t0, int n, float* left, float* right) {
  const auto first = static_cast<std::int64_t>(m_voice.origin) + (t0 - m_voice.clipStart) * static_cast<std::int64_t>(m_voice.step);
  const bool reverse = m_voice.step < 0;
  const std::int64_t lo = reverse ? first - (n - 1) : first;
  PL_TRY_ASSIGN(block, m_decoder->read(time::SamplePos{lo}, time::SampleCount{n}));
  if (reverse) {
    copyReversed(block.left, left, n);
    copyReversed(block.right, right, n);
  } else {
    std::copy_n(block.left.begin(), n, left);
    std::copy_n(block.right.begin(), n, right);
  }
  return {};
}

Result<void> VoiceReader::readVarispeed(std::int64_t t0, int n, float* left, float* right) {
  const double pos0 = m_voice.origin + static_cast<double>(t0 - m_voice.clipStart) * m_voice.step;
  const double pos1 = pos0 + static_cast<double>(n - 1) * m_voice.step;
  const int margin = dsp::varispeedMargin(m_voice.step);
  const auto lo = static_cast<std::int64_t>(std::floor(std::min(pos0, pos1))) - margin;
  const auto hi = static_cast<std::int64_t>(std::ceil(std::max(pos0, pos1))) + margin + 1;
  PL_TRY_ASSIGN(block, m_decoder->read(time::SamplePos{lo}, time::SampleCount{hi - lo}));
  dsp::varispeed(block.left.data(), lo, hi - lo, pos0, m_voice.step, left, n);
  dsp::varispeed(block.right.data(), lo, hi - lo, pos0, m_voice.step, right, n);
  return {};
}

// Virtual source samples [j0, j0 + count) into m_l / m_r: the clip's source read from its origin
// forwards, or backwards for a reversed clip.
Result<void> VoiceReader::readVirtual(std::int64_t j0, std::int64_t count) {
  const std::int64_t origin = std::llround(m_voice.origin);
  const bool reverse = m_voice.step < 0;
  const std::int64_t lo = reverse ? origin - j0 - (count - 1) : origin + j0;
  PL_TRY_ASSIGN(block, m_decoder->read(time::SamplePos{lo}, time::SampleCount{count}));
  m_l.resize(static_cast<std::size_t>(count));
  m_r.resize(static_cast<std::size_t>(count));
  if (reverse) {
    copyReversed(block.left, m_l.data(), static_cast<int>(count));
    copyReversed(block.right, m_r.data(), static_cast<int>(count));
  } else {
    m_l = std::move(block.left);
    m_r = std::move(block.right);
  }
  return {};
}

Result<void> VoiceReader::restartStretch(std::int64_t t0) {
  const double speed = std::abs(m_voice.step);
  if (!m_stretch) {
    PL_TRY_ASSIGN(stretch, media::TimeStretcher::open(speed));
    m_stretch = std::move(stretch);
  } else {
    PL_TRY(m_stretch->reset());
  }
  const std::int64_t qStart = (t0 - m_voice.clipStart) - kStretchPreRoll;
  m_nextJ = std::llround(static_cast<double>(qStart) * speed);
  // The first sample out is heard at qStart (less the stretcher's own lag).
  m_nextT = m_voice.clipStart + qStart - m_stretch->latency();
  return {};
}

Result<void> VoiceReader::readStretched(std::int64_t t0, int n, float* left, float* right) {
  if (!m_stretch || m_nextT > t0 || t0 - m_nextT > kStretchPreRoll * 2) PL_TRY(restartStretch(t0));
  int have = 0;
  while (have < n) {
    // Discard what lies before t0 (pre-roll, or a gap skipped by the caller).
    const std::int64_t drop = std::max<std::int64_t>(0, t0 - m_nextT);
    float* l = drop > 0 ? nullptr : left + have;
    float* r = drop > 0 ? nullptr : right + have;
    m_l.resize(std::max<std::size_t>(m_l.size(), kStretchChunk));
    m_r.resize(std::max<std::size_t>(m_r.size(), kStretchChunk));
    const std::size_t want = drop > 0 ? static_cast<std::size_t>(std::min<std::int64_t>(drop, kStretchChunk))
                                      : static_cast<std::size_t>(n - have);
    PL_TRY_ASSIGN(got, m_stretch->pull(l ? l : m_l.data(), r ? r : m_r.data(), want));
    m_nextT += static_cast<std::int64_t>(got);
    if (drop == 0) have += static_cast<int>(got);
    if (got > 0) continue;
    PL_TRY(readVirtual(m_nextJ, kStretchChunk));
    PL_TRY(m_stretch->push(m_l.data(), m_r.data(), kStretchChunk));
    m_nextJ += kStretchChunk;
  }
  return {};
}

}  // namespace postline::audio
