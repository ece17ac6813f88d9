#include "core/media/waveform.h"

#include <algorithm>

#include "core/media/audio_decoder.h"

namespace postline::media {

namespace {

constexpr std::int64_t kChunk = 65536;  // samples decoded per read

Peak merge(const Peak& a, const Peak& b) { return {std::min(a.min, b.min), std::max(a.max, b.max)}; }

void extend(Peak& p, float v, bool first) {
  if (first) {
    p = {v, v};
    return;
  }
  p.min = std::min(p.min, v);
  p.max = std::max(p.max, v);
}

}  // namespace

const WaveformLevel* Waveform::levelFor(double samplesPerPixel) const {
  const WaveformLevel* best = levels.empty() ? nullptr : &levels.front();
  for (const WaveformLevel& level : levels) {
    if (static_cast<double>(level.samplesPerBucket) <= samplesPerPixel) best = &level;
  }
  return best;
}

void WaveformBuilder::add(const float* left, const float* right, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    extend(m_curLeft, left[i], m_inBucket == 0);
    extend(m_curRight, right[i], m_inBucket == 0);
    if (++m_inBucket == m_finest.samplesPerBucket) closeBucket();
  }
  m_length += static_cast<std::int64_t>(count);
}

void WaveformBuilder::closeBucket() {
  m_finest.left.push_back(m_curLeft);
  m_finest.right.push_back(m_curRight);
  m_inBucket = 0;
}

Waveform WaveformBuilder::finish() {
  if (m_inBucket > 0) closeBucket();
  Waveform w;
  w.length = m_length;
  w.levels.push_back(std::move(m_finest));
  for (std::size_t i = 1; i < kWaveformBuckets.size(); ++i) {
    w.levels.push_back(coarsen(w.levels.back(), kWaveformBuckets[i] / kWaveformBuckets[i - 1]));
  }
  *this = WaveformBuilder{};
  return w;
}

WaveformLevel coarsen(const WaveformLevel& fine, std::int64_t factor) {
  WaveformLevel out;
  out.samplesPerBucket = fine.samplesPerBucket * factor;
  const std::size_t f = static_cast<std::size_t>(factor);
  for (std::size_t i = 0; i < fine.left.size(); i += f) {
    Peak l = fine.left[i];
    Peak r = fine.right[i];
    for (std::size_t j = i + 1; j < std::min(i + f, fine.left.size()); ++j) {
      l = merge(l, fine.left[j]);
      r = merge(r, fine.right[j]);
    }
    out.left.push_back(l);
    out.right.push_back(r);
  }
  return out;
}

base::Result<Waveform> computeWaveform(AudioDecoder& decoder, const std::atomic<bool>* cancel) {
  WaveformBuilder builder;
  std::int64_t pos = 0;
  // The length is an estimate until the end has been decoded; the safety bound stops a runaway
  // estimate (a decoder always learns its end by reading sequentially).
  const std::int64_t bound = decoder.length().value * 4 + 60 * 48000;
  while (pos < bound) {
    if (cancel != nullptr && cancel->load()) {
      return base::makeError(base::ErrorCode::InvalidArgument, decoder.path().string() + ": waveform cancelled");
    }
    if (decoder.endKnown() && pos >= decoder.length().value) break;
    PL_TRY_ASSIGN(block, decoder.read(time::SamplePos{pos}, time::SampleCount{kChunk}));
    std::int64_t n = kChunk;
    if (decoder.endKnown()) n = std::clamp<std::int64_t>(decoder.length().value - pos, 0, kChunk);
    builder.add(block.left.data(), block.right.data(), static_cast<std::size_t>(n));
    pos += n;
    if (n < kChunk) break;
  }
  return builder.finish();
}

}  // namespace postline::media
