// Live meters of the mixer: every figure per track (after its fader) and on the master, against
// the level of a calibrated sine; resetMeters starts them afresh.
#include "tests/core/audio/mix_signals.h"

#include "core/audio/mixer.h"

namespace {

using namespace mix_test;

struct MixerMeters : MixFixture {
  // Renders [from, to) samples in playback-sized blocks with metering on.
  void play(audio::Mixer& mixer, std::int64_t from, std::int64_t to) {
    std::vector<float> block(2 * 512);
    for (std::int64_t t = from; t < to; t += 512) mixer.renderBlock(t, block.data(), 512);
  }
};

TEST_F(MixerMeters, EveryFigurePerTrackAndOnTheMaster) {
  // A stereo 1 kHz sine at -23 dBFS reads -23 LUFS (BS.1770: 1 kHz has unity K-weighting, two
  // channels add 3 dB, the -0.691 offset and the sine's RMS take it back); A1's fader at -6 dB.
  const double amp = gainOf(-23.0);
  place(1, addFloat("sine_minus23.wav", sinePair(10.0, 1000.0, amp)), 0, 0, 480000);
  audioTrack(1).volumeDb = -6.0;
  sequence().settings.mix.limiter = true;
  auto plan = audio::planMix(project, seq);
  ASSERT_TRUE(plan.ok());
  audio::Mixer mixer(std::make_shared<const audio::MixPlan>(plan.value()));
  mixer.setMetering(true);
  play(mixer, 0, 6 * 48000);
  const audio::MeterSnapshot m = mixer.meters();
  ASSERT_FALSE(m.tracks.empty());
  const audio::MeterReading& a1 = m.tracks.front().second;
  for (const audio::MeterReading* r : {&a1, &m.master}) {
    EXPECT_NEAR(r->integratedLufs, -29.0, 0.2);
    EXPECT_NEAR(r->momentaryLufs, -29.0, 0.2);
    EXPECT_NEAR(r->shortTermLufs, -29.0, 0.2);
    EXPECT_NEAR(r->loudnessRangeLu, 0.0, 0.5);  // a steady tone has no range
    EXPECT_NEAR(r->samplePeakDbfs, -29.0, 0.1);
    EXPECT_NEAR(r->truePeakDbtp, -29.0, 0.1);
  }
  EXPECT_EQ(m.master.gainReductionDb, 0.0) << "far under the ceiling, the limiter does nothing";
  mixer.resetMeters();
  EXPECT_FALSE(std::isfinite(mixer.meters().master.integratedLufs));
  play(mixer, 6 * 48000, 7 * 48000);
  EXPECT_NEAR(mixer.meters().master.integratedLufs, -29.0, 0.2) << "measuring again after the reset";
}

}  // namespace
