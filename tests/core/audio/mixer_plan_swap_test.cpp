// Plan swaps while the mixer streams (Mixer::setPlan): the same plan again changes nothing (no
// restart, no click); a moved fader changes the output from the next block on, never before.
#include "core/audio/mixer.h"
#include "tests/core/audio/mix_signals.h"

namespace {

using namespace mix_test;

constexpr int kBlock = 512;
constexpr int kBlocks = 60;
constexpr int kSwapAt = 25;

struct MixerPlanSwap : MixFixture {
  void build(bool limiter) {
    place(1, addWav(toneWav()), 0, 0, 96000).audio.gainDb = 6.0;  // into the limiter
    model::EqBand b;
    b.frequencyHz = 800.0;
    b.gainDb = 3.0;
    audioTrack(1).eq.push_back(b);
    audioTrack(1).compressor.enabled = true;
    place(2, addWav(dcWav()), 0, 0, 96000);  // DC 0.25
    place(3, addWav(toneWav()), 0, 0, 96000).speed = time::Rational::make(17, 20).value();  // stretched
    sequence().settings.mix.limiter = limiter;
    auto p = audio::planMix(project, seq);
    ASSERT_TRUE(p.ok());
    plan = p.value();
  }
  // kBlocks blocks of kBlock from sample 0; before block kSwapAt the mixer gets `swap` (if any).
  std::vector<float> stream(const audio::MixPlan* swap) {
    audio::Mixer mixer(std::make_shared<const audio::MixPlan>(plan));
    std::vector<float> out(2 * kBlock * kBlocks, 0.0f);
    for (int b = 0; b < kBlocks; ++b) {
      if (b == kSwapAt && swap != nullptr) mixer.setPlan(std::make_shared<const audio::MixPlan>(*swap));
      mixer.renderBlock(static_cast<std::int64_t>(b) * kBlock, out.data() + 2 * b * kBlock, kBlock);
    }
    return out;
  }
  audio::TrackPlan& a2(audio::MixPlan& p) {
    for (auto& t : p.tracks) {
      if (t.id == audioTrack(2).id) return t;
    }
    throw std::runtime_error("A2 is not in the plan");
  }
  audio::MixPlan plan;
};

TEST_F(MixerPlanSwap, SamePlanAgainIsSeamless) {
  build(true);
  const auto plain = stream(nullptr);
  const audio::MixPlan same = plan;
  EXPECT_EQ(stream(&same), plain) << "no restart, no click: bit-identical to an unswapped stream";
}

// The graph runs on aligned blocks of Mixer::kMaxBlock: a plan set before the request at
// kSwapAt * kBlock is heard from the next multiple of kMaxBlock on.
std::int64_t heardFrom() {
  const std::int64_t request = static_cast<std::int64_t>(kSwapAt) * kBlock;
  return (request + audio::Mixer::kMaxBlock - 1) / audio::Mixer::kMaxBlock * audio::Mixer::kMaxBlock;
}

TEST_F(MixerPlanSwap, FaderMoveLandsOnTheNextBlockExactly) {
  build(false);
  const auto plain = stream(nullptr);
  audio::MixPlan moved = plan;
  a2(moved).faderDb = -20.0 * std::log10(2.0);  // A2's DC 0.25 -> 0.125
  const auto swapped = stream(&moved);
  const std::int64_t at = heardFrom();
  for (std::int64_t i = 0; i < at; ++i) {
    ASSERT_EQ(left(swapped, i), left(plain, i)) << "changed before the swap, at " << i;
  }
  for (std::int64_t i = at; i < static_cast<std::int64_t>(kBlock) * kBlocks; i += 37) {
    ASSERT_NEAR(left(plain, i) - left(swapped, i), 0.125, 1e-6) << "at " << i;
  }
}

TEST_F(MixerPlanSwap, FaderMoveWithTheLimiterNeverReachesEarlierSamples) {
  build(true);
  const auto plain = stream(nullptr);
  audio::MixPlan moved = plan;
  a2(moved).faderDb = -6.0;
  const auto swapped = stream(&moved);
  const std::int64_t at = heardFrom();
  std::int64_t firstChange = -1;
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(kBlock) * kBlocks && firstChange < 0; ++i) {
    if (left(swapped, i) != left(plain, i)) firstChange = i;
  }
  EXPECT_GE(firstChange, at);
  EXPECT_LT(firstChange, at + audio::Mixer::kMaxBlock) << "it shows within the graph block after the swap";
}

TEST_F(MixerPlanSwap, MasterGainSwapDoesNotRestartTheStretchedClip) {
  build(false);
  const auto plain = stream(nullptr);
  audio::MixPlan louder = plan;
  louder.mix.masterGainDb = 20.0 * std::log10(2.0);
  const auto swapped = stream(&louder);
  const std::int64_t at = heardFrom();
  for (std::int64_t i = at; i < static_cast<std::int64_t>(kBlock) * kBlocks; i += 11) {
    ASSERT_NEAR(left(swapped, i), 2.0 * left(plain, i), 1e-5) << "at " << i;
  }
}

TEST_F(MixerPlanSwap, ClipGainMoveKeepsAStretchedClipsStream) {
  // Dragging a clip's gain (or its automation) on a speed-changed clip swaps plans while it plays:
  // the time stretcher must keep streaming (a restarted WSOLA stream does not join the old one).
  build(false);
  std::erase_if(plan.tracks, [&](const audio::TrackPlan& t) { return t.id != audioTrack(3).id; });
  ASSERT_EQ(plan.tracks.size(), 1u);
  ASSERT_EQ(plan.tracks[0].voices.size(), 1u);
  const auto plain = stream(nullptr);
  audio::MixPlan quieter = plan;
  quieter.tracks[0].voices[0].gain *= 0.5;
  const auto swapped = stream(&quieter);
  const std::int64_t at = heardFrom();
  std::int64_t worst = -1;
  double worstErr = 0.0;
  for (std::int64_t i = at; i < static_cast<std::int64_t>(kBlock) * kBlocks; ++i) {
    const double err = std::abs(left(swapped, i) - 0.5 * left(plain, i));
    if (err > worstErr) {
      worstErr = err;
      worst = i;
    }
  }
  EXPECT_LT(worstErr, 1e-6) << "half the same stream from the swap on; worst at sample " << worst;
}

TEST_F(MixerPlanSwap, MetersKeepReadingAcrossASwap) {
  build(false);
  audio::Mixer mixer(std::make_shared<const audio::MixPlan>(plan));
  mixer.setMetering(true);
  std::vector<float> out(2 * kBlock);
  std::int64_t t = 0;
  for (; t < 48000; t += kBlock) mixer.renderBlock(t, out.data(), kBlock);
  const audio::MeterSnapshot before = mixer.meters();
  mixer.setPlan(std::make_shared<const audio::MixPlan>(plan));  // e.g. an unrelated edit
  mixer.renderBlock(t, out.data(), kBlock);
  const audio::MeterSnapshot after = mixer.meters();
  ASSERT_EQ(after.tracks.size(), before.tracks.size());
  for (std::size_t i : {0u, 2u}) {  // A1 and A3 carry steady tones (A2's DC reads -inf: K-weighting)
    EXPECT_NEAR(after.tracks[i].second.momentaryLufs, before.tracks[i].second.momentaryLufs, 0.5)
        << "track " << i << ": a plan swap must not restart its meter";
  }
  EXPECT_NEAR(after.master.momentaryLufs, before.master.momentaryLufs, 0.5);
}

}  // namespace
