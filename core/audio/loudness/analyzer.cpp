#include "core/audio/loudness/analyzer.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace postline::audio::loudness {

namespace {

constexpr std::int64_t kSubBlockFrames = 4800;  // 100 ms at 48 kHz
constexpr std::size_t kReadFrames = 48000;      // frames per read in measureFile

// BS.1770 loudness (LUFS) <-> weighted mean-square energy.
double energyOf(double lufs) { return std::isfinite(lufs) ? std::pow(10.0, (lufs + 0.691) / 10.0) : 0.0; }
double lufsOf(double energy) { return energy > 0.0 ? -0.691 + 10.0 * std::log10(energy) : -HUGE_VAL; }

}  // namespace

ChannelWeight weightFor(media::ChannelPosition position) {
  switch (position) {
    case media::ChannelPosition::Left: return ChannelWeight::Left;
    case media::ChannelPosition::Right: return ChannelWeight::Right;
    case media::ChannelPosition::Center: return ChannelWeight::Center;
    case media::ChannelPosition::LeftSurround: return ChannelWeight::LeftSurround;
    case media::ChannelPosition::RightSurround: return ChannelWeight::RightSurround;
    case media::ChannelPosition::Lfe: return ChannelWeight::Unused;
    case media::ChannelPosition::Other: return ChannelWeight::Center;
  }
  return ChannelWeight::Unused;
}

base::Result<Analyzer> Analyzer::create(std::vector<ChannelWeight> channels) {
  PL_TRY_ASSIGN(meter, Meter::create(std::move(channels), true, true));
  return Analyzer(std::move(meter));
}

void Analyzer::add(const float* interleaved, std::size_t frames) {
  const auto ch = static_cast<std::size_t>(channels());
  while (frames > 0) {
    const std::int64_t toBoundary = kSubBlockFrames - m_frames % kSubBlockFrames;
    const std::size_t n = std::min(frames, static_cast<std::size_t>(toBoundary));
    m_meter.add(interleaved, n);
    m_frames += static_cast<std::int64_t>(n);
    interleaved += n * ch;
    frames -= n;
    if (m_frames % kSubBlockFrames == 0) closeSubBlock();
  }
}

// At a 100 ms boundary: records the last 100 ms and updates the maxima of the full windows.
// Momentary and short-term energies are means of the 4 / 30 latest sub-blocks, which is what
// the 400 ms / 3 s windows hold at this instant (the windows are read without re-summing them).
void Analyzer::closeSubBlock() {
  m_energy[static_cast<std::size_t>(m_blocks % kSubBlocks)] = energyOf(m_meter.loudnessWindowLufs(100));
  ++m_blocks;
  const auto meanOfLast = [this](int count) {
    double sum = 0.0;
    for (int i = 1; i <= count; ++i) sum += m_energy[static_cast<std::size_t>((m_blocks - i) % kSubBlocks)];
    return sum / count;
  };
  if (m_blocks >= 4) m_maxMomentary = std::max(m_maxMomentary, lufsOf(meanOfLast(4)));
  if (m_blocks >= kSubBlocks) m_maxShortTerm = std::max(m_maxShortTerm, lufsOf(meanOfLast(kSubBlocks)));
}

LoudnessStats Analyzer::stats() const {
  LoudnessStats s;
  s.integratedLufs = m_meter.integratedLufs();
  s.loudnessRangeLu = m_meter.loudnessRangeLu();
  s.truePeakDbtp = m_meter.truePeakDbtp();
  s.samplePeakDbfs = m_meter.samplePeakDbfs();
  s.maxMomentaryLufs = m_maxMomentary;
  s.maxShortTermLufs = m_maxShortTerm;
  return s;
}

base::Result<LoudnessStats> measureFile(const std::filesystem::path& path) {
  PL_TRY_ASSIGN(reader, media::openMultichannelReader(path));
  std::vector<ChannelWeight> weights;
  for (const media::ChannelPosition p : reader->positions()) weights.push_back(weightFor(p));
  auto created = Analyzer::create(std::move(weights));
  if (!created.ok()) return base::makeError(created.error().code, reader->path().string() + ": " + created.error().message);
  Analyzer analyzer = std::move(created).value();
  std::vector<float> buf(kReadFrames * static_cast<std::size_t>(reader->channels()));
  for (;;) {
    PL_TRY_ASSIGN(got, reader->read(buf.data(), kReadFrames));
    if (got == 0) break;
    analyzer.add(buf.data(), got);
  }
  return analyzer.stats();
}

base::Result<LoudnessStats> measureStereo(const float* interleaved, std::size_t frames) {
  PL_TRY_ASSIGN(analyzer, Analyzer::create({ChannelWeight::Left, ChannelWeight::Right}));
  analyzer.add(interleaved, frames);
  return analyzer.stats();
}

}  // namespace postline::audio::loudness
