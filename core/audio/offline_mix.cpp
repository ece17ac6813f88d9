#include "core/audio/offline_mix.h"

#include <algorithm>
#include <cmath>

namespace postline::audio {

namespace {
constexpr std::int64_t kMeasureBlock = 4800;  // 100 ms
}  // namespace

base::Result<std::unique_ptr<OfflineMix>> OfflineMix::open(const model::Project& project, model::SequenceId sequence,
                                                         double headroomDb) {
  PL_TRY_ASSIGN(plan, planMix(project, sequence));
  plan.mix.ceilingDbtp -= headroomDb;
  return std::make_unique<OfflineMix>(std::move(plan));
}

OfflineMix::OfflineMix(MixPlan plan) : m_plan(std::make_shared<const MixPlan>(std::move(plan))), m_mixer(m_plan) {}

std::vector<float> OfflineMix::render(std::int64_t start, std::int64_t frames) {
  std::vector<float> out(static_cast<std::size_t>(std::max<std::int64_t>(frames, 0)) * 2, 0.0f);
  for (std::int64_t done = 0; done < frames;) {
    const int n = static_cast<int>(std::min<std::int64_t>(Mixer::kMaxBlock, frames - done));
    m_mixer.renderBlock(start + done, out.data() + 2 * done, n);
    done += n;
  }
  return out;
}

std::vector<std::string> OfflineMix::takeWarnings() {
  std::vector<std::string> out;
  for (ClipProblem& p : m_mixer.takeProblems()) out.push_back(std::move(p.message));
  return out;
}

void addMono(const MixPlan& plan, std::vector<float>& mono, std::vector<std::string>* warnings) {
  OfflineMix mix(plan);
  const auto length = static_cast<std::int64_t>(mono.size());
  for (std::int64_t t = 0; t < length; t += kMeasureBlock) {
    const std::int64_t n = std::min(kMeasureBlock, length - t);
    const std::vector<float> block = mix.render(t, n);
    for (std::int64_t i = 0; i < n; ++i) {
      mono[static_cast<std::size_t>(t + i)] += 0.5f * (block[static_cast<std::size_t>(2 * i)] + block[static_cast<std::size_t>(2 * i + 1)]);
    }
  }
  if (warnings != nullptr) {
    for (std::string& w : mix.takeWarnings()) warnings->push_back(std::move(w));
  }
}

base::Result<loudness::LoudnessStats> measureMix(const MixPlan& plan, std::vector<std::string>* warnings) {
  return measureMixRange(plan, 0, plan.length, warnings);
}

base::Result<loudness::LoudnessStats> measureMixRange(const MixPlan& plan, std::int64_t start, std::int64_t end,
                                                      std::vector<std::string>* warnings) {
  PL_TRY_ASSIGN(analyzer, loudness::Analyzer::create({loudness::ChannelWeight::Left, loudness::ChannelWeight::Right}));
  OfflineMix mix(plan);
  for (std::int64_t t = start; t < end; t += kMeasureBlock) {
    const std::int64_t n = std::min(kMeasureBlock, end - t);
    const std::vector<float> block = mix.render(t, n);
    analyzer.add(block.data(), static_cast<std::size_t>(n));
  }
  if (warnings != nullptr) {
    for (std::string& w : mix.takeWarnings()) warnings->push_back(std::move(w));
  }
  return analyzer.stats();
}

base::Result<GainFit> fitMasterGain(MixPlan& plan, double targetLufs, std::int64_t start, std::int64_t end,
                                    std::vector<std::string>* warnings) {
  PL_TRY_ASSIGN(before, measureMixRange(plan, start, end, warnings));
  GainFit fit{before, before};
  if (!std::isfinite(before.integratedLufs)) return fit;
  for (int i = 0; i < 6 && std::abs(fit.after.integratedLufs - targetLufs) > 0.05; ++i) {
    plan.mix.masterGainDb = std::clamp(plan.mix.masterGainDb + targetLufs - fit.after.integratedLufs, -48.0, 24.0);
    PL_TRY_ASSIGN(after, measureMixRange(plan, start, end));
    fit.after = after;
  }
  return fit;
}

}  // namespace postline::audio
