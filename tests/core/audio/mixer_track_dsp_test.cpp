// Track EQ and compressor inside the mix, against the cookbook responses and the compressor's
// static curve: a 1 kHz tone of amplitude 0.5 (-6.02 dBFS peak) on A1, measured in steady state.
#include "tests/core/audio/mix_signals.h"

namespace {

using namespace mix_test;

struct MixerTrackDsp : MixFixture {
  void SetUp() override { place(1, addWav(toneWav()), 0, 0, 96000); }  // 2 s of tone
  // Level change of the mix against the bare tone (RMS 0.5 / sqrt 2), in dB, over 0.5 .. 1.5 s.
  double gainDb() {
    const auto out = sum(0, 48);
    return dB(rms(out, 24000, 72000) / (0.5 / std::sqrt(2.0)));
  }
  model::EqBand band(model::EqBandType type, double hz, double gain, double q) {
    model::EqBand b;
    b.type = type;
    b.frequencyHz = hz;
    b.gainDb = gain;
    b.q = q;
    return b;
  }
};

TEST_F(MixerTrackDsp, PeakBandLiftsTheToneBySixDb) {
  audioTrack(1).eq.push_back(band(model::EqBandType::Peak, 1000.0, 6.0, 1.0));
  EXPECT_NEAR(gainDb(), 6.0, 0.1);
}

TEST_F(MixerTrackDsp, NotchAtTheToneTakesItDownThirtyDb) {
  audioTrack(1).eq.push_back(band(model::EqBandType::Notch, 1000.0, 0.0, 10.0));
  EXPECT_LT(gainDb(), -30.0);
}

TEST_F(MixerTrackDsp, ButterworthHighPassIsThreeDbDownAtItsCorner) {
  audioTrack(1).eq.push_back(band(model::EqBandType::HighPass, 1000.0, 0.0, std::sqrt(0.5)));
  EXPECT_NEAR(gainDb(), -3.01, 0.1);
}

TEST_F(MixerTrackDsp, DisabledBandDoesNothing) {
  model::EqBand b = band(model::EqBandType::Peak, 1000.0, 12.0, 1.0);
  b.enabled = false;
  audioTrack(1).eq.push_back(b);
  EXPECT_NEAR(gainDb(), 0.0, 1e-4);
}

TEST_F(MixerTrackDsp, CompressorFollowsItsStaticCurve) {
  // 2:1 above -12 dBFS, 6 dB knee: a -6.02 dBFS crest is 6.02 dB over (outside the knee), so the
  // peak detector asks for 3.01 dB of reduction.
  audioTrack(1).compressor.enabled = true;
  EXPECT_NEAR(gainDb(), -3.01, 0.3);
}

TEST_F(MixerTrackDsp, HardKneeFourToOneAndMakeup) {
  model::Compressor& c = audioTrack(1).compressor;
  c.enabled = true;
  c.thresholdDb = -20.0;
  c.ratio = 4.0;
  c.kneeDb = 0.0;
  const double in = dB(0.5);
  const double out = -20.0 + (in + 20.0) / 4.0;  // -16.5 dBFS
  EXPECT_NEAR(gainDb(), out - in, 0.3);
  audioTrack(1).compressor.makeupDb = 5.0;
  EXPECT_NEAR(gainDb(), out - in + 5.0, 0.3);
}

TEST_F(MixerTrackDsp, CompressorUnderItsThresholdIsTransparent) {
  clipAt(1, 0).audio.gainDb = -14.0;  // crest at -20 dBFS, under the knee
  const auto bare = sum(0, 48);
  audioTrack(1).compressor.enabled = true;
  const auto squeezed = sum(0, 48);
  EXPECT_EQ(squeezed, bare);
}

TEST_F(MixerTrackDsp, EqRunsBeforeTheCompressor) {
  // EQ first: +6 dB makes a 0 dBFS crest, 12 dB over a hard-knee 2:1 at -12 -> -6 dBFS: 0 dB net.
  // (Compressor first would give -6 -> -9 dBFS, then +6: +3 dB net.)
  audioTrack(1).eq.push_back(band(model::EqBandType::Peak, 1000.0, 6.0, 1.0));
  audioTrack(1).compressor.enabled = true;
  audioTrack(1).compressor.kneeDb = 0.0;
  EXPECT_NEAR(gainDb(), 0.0, 0.3);
}

TEST_F(MixerTrackDsp, FaderAndPanComeAfterTheCompressor) {
  // A -12 dB fader before the compressor would put the crest under its threshold (no reduction).
  audioTrack(1).compressor.enabled = true;
  audioTrack(1).compressor.kneeDb = 0.0;
  audioTrack(1).volumeDb = -12.0;
  EXPECT_NEAR(gainDb(), -3.01 - 12.0, 0.3);
}

}  // namespace
