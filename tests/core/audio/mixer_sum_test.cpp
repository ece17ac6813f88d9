// The mixer as a plain sum: clip placement, gain, fader, mute, fades, source offset and reverse at
// exact sample positions for 24 and 23.976 fps sequences; block continuity; missing media.
#include "tests/core/audio/audio_fixture.h"

#include "core/audio/mix_plan.h"

namespace {

using namespace audio_test;

TEST_F(AudioFixture, ToneSitsExactlyWhereTheClipIs) {
  const auto tone = addWav(toneWav());
  place(1, tone, 24, 0, 48000);  // 1 s of tone at 1 s
  const auto out = sum(0, 72);
  ASSERT_EQ(out.size(), 144000u * 2);
  EXPECT_EQ(peak(out, 0, 48000), 0.0);
  EXPECT_EQ(peak(out, 96000, 144000), 0.0);
  EXPECT_NEAR(rms(out, 48000, 96000), 0.5 / std::sqrt(2.0), 1e-3);
  EXPECT_NEAR(peak(out, 48000, 96000), 0.5, 1e-3);
  // Sample k of the clip is source sample k (16-bit PCM decodes exactly).
  auto d = media::openAudioDecoder(toneWav());
  ASSERT_TRUE(d.ok());
  const auto src = d.value()->read(time::SamplePos{0}, time::SampleCount{48000}).value();
  for (std::int64_t k : {0, 1, 17, 24000, 47999}) EXPECT_EQ(left(out, 48000 + k), src.left[static_cast<std::size_t>(k)]) << k;
}

TEST_F(AudioFixture, TracksSumAndGapsAreSilent) {
  const auto dc = addWav(dcWav());
  place(1, dc, 0, 0, 48000);     // frames [0, 24)
  place(1, dc, 48, 0, 48000);    // frames [48, 72): a gap [24, 48) on A1
  place(2, dc, 12, 0, 48000);    // frames [12, 36) on A2
  const auto out = sum(0, 72);
  EXPECT_EQ(left(out, 0), 0.25f);
  EXPECT_EQ(left(out, 24000), 0.5f);   // both tracks
  EXPECT_EQ(right(out, 47999), 0.5f);
  EXPECT_EQ(left(out, 48000), 0.25f);  // A2 only
  EXPECT_EQ(peak(out, 72000, 96000), 0.0);  // the gap on both tracks
  EXPECT_EQ(left(out, 96000), 0.25f);
}

TEST_F(AudioFixture, ClipGainAndTrackVolumeMultiply) {
  const auto dc = addWav(dcWav());
  place(1, dc, 0, 0, 48000).audio.gainDb = -20.0 * std::log10(2.0);  // x 0.5
  const auto half = sum(0, 24);
  EXPECT_NEAR(left(half, 100), 0.125, 1e-6);
  audioTrack(1).volumeDb = 20.0 * std::log10(4.0);  // x 4
  const auto twice = sum(0, 24);
  EXPECT_NEAR(left(twice, 100), 0.5, 1e-6);
  EXPECT_NEAR(right(twice, 47999), 0.5, 1e-6);
}

TEST_F(AudioFixture, MutedTracksAndDisabledClipsAreSilent) {
  const auto dc = addWav(dcWav());
  place(1, dc, 0, 0, 48000);
  place(2, dc, 0, 0, 48000).enabled = false;
  EXPECT_EQ(peak(sum(0, 24), 0, 48000), 0.25);
  audioTrack(1).muted = true;
  EXPECT_EQ(peak(sum(0, 24), 0, 48000), 0.0);
}

TEST_F(AudioFixture, LinearFadesAreSampleExactRamps) {
  const auto dc = addWav(dcWav());
  model::Clip& c = place(1, dc, 10, 0, 96000);  // frames [10, 58): samples [20000, 116000)
  c.audio.fadeIn = time::FrameCount{12};         // 24000 samples
  c.audio.fadeOut = time::FrameCount{6};         // 12000 samples
  c.audio.fadeShape = model::FadeShape::Linear;
  const auto out = sum(0, 60);
  EXPECT_EQ(left(out, 19999), 0.0f);
  for (std::int64_t k : {0, 1, 2, 1000, 12000, 23999}) EXPECT_NEAR(left(out, 20000 + k), 0.25 * k / 24000.0, 1e-7) << k;
  EXPECT_NEAR(left(out, 44000), 0.25, 1e-7);  // fade-in over
  EXPECT_NEAR(left(out, 103999), 0.25, 1e-7);
  for (std::int64_t k : {0, 1, 6000, 11999}) {
    EXPECT_NEAR(left(out, 104000 + k), 0.25 * (12000 - k) / 12000.0, 1e-7) << k;
  }
  EXPECT_EQ(left(out, 116000), 0.0f);
}

TEST_F(AudioFixture, FadeShapesFollowTheirCurves) {
  EXPECT_NEAR(audio::fadeCurve(model::FadeShape::EqualPower, 0.5), std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(audio::fadeCurve(model::FadeShape::SCurve, 0.25), (1 - std::cos(M_PI / 4)) / 2, 1e-12);
  EXPECT_EQ(audio::fadeCurve(model::FadeShape::SCurve, 0.0), 0.0);
  EXPECT_EQ(audio::fadeCurve(model::FadeShape::EqualPower, 1.0), 1.0);
  const auto dc = addWav(dcWav());
  model::Clip& c = place(1, dc, 0, 0, 96000);
  c.audio.fadeIn = time::FrameCount{12};
  c.audio.fadeShape = model::FadeShape::EqualPower;
  EXPECT_NEAR(left(sum(0, 48), 12000), 0.25 * std::sqrt(0.5), 1e-7);
  clipAt(1, 0).audio.fadeShape = model::FadeShape::SCurve;
  const auto s = sum(0, 48);
  EXPECT_NEAR(left(s, 12000), 0.125, 1e-7);
  EXPECT_NEAR(left(s, 6000), 0.25 * (1 - std::cos(M_PI / 4)) / 2, 1e-7);
}

TEST_F(AudioFixture, SourceOffsetReverseAndSpeedMapSamples) {
  const auto ramp = addWav(rampWav());
  place(1, ramp, 0, 4800, 52800);  // source [4800, 52800) at frames [0, 24)
  auto out = sum(0, 24);
  for (std::int64_t k : {0, 1, 999, 47999}) EXPECT_EQ(rampIndex(out, k), 4800 + k) << k;

  const model::ClipId id = clipAt(1, 0).id;
  ASSERT_TRUE(model::apply(project, edit::setReverse(project, seq, id, true).value()).ok());
  out = sum(0, 24);
  for (std::int64_t k : {0, 1, 999, 47999}) EXPECT_EQ(rampIndex(out, k), 4800 + 47999 - k) << k;
  ASSERT_TRUE(model::apply(project, edit::setReverse(project, seq, id, false).value()).ok());

}

TEST_F(AudioFixture, LengthIsExactAt24And23976) {
  const auto dc = addWav(dcWav());
  place(1, dc, 10, 0, 48000);
  EXPECT_EQ(sum(0, 24).size(), 48000u * 2);
  EXPECT_EQ(sum(5, 29).size(), 48000u * 2);
  EXPECT_TRUE(sum(7, 7).empty());
  setRate(24000, 1001);
  EXPECT_EQ(sum(0, 24).size(), 48048u * 2);
  EXPECT_EQ(sum(0, 1).size(), 2002u * 2);
  const std::int64_t n = sampleAt(100) - sampleAt(7);
  EXPECT_EQ(sum(7, 100).size(), static_cast<std::size_t>(n) * 2);
  // The clip at frame 10 starts on sample framesToSamples(10) = 20020.
  const auto out = sum(0, 40);
  EXPECT_EQ(sampleAt(10), 20020);
  EXPECT_EQ(left(out, 20019), 0.0f);
  EXPECT_EQ(left(out, 20020), 0.25f);
}

TEST_F(AudioFixture, FrameByFrameBlocksJoinIntoTheWholeRange) {
  setRate(30000, 1001);  // 1601.6 samples a frame: blocks of 1601 and 1602
  const auto tone = addWav(toneWav());
  place(1, tone, 3, 0, 96000).audio.gainDb = 6.0;  // into the limiter
  audioTrack(1).eq.push_back(model::EqBand{model::EqBandType::Peak, 1000.0, 6.0, 1.0, true});
  audioTrack(1).compressor.enabled = true;
  const auto whole = sum(0, 40, true);
  auto mix = audio::OfflineMix::open(project, seq);
  ASSERT_TRUE(mix.ok());
  std::vector<float> joined;
  for (std::int64_t f = 0; f < 40; ++f) {
    const auto block = mix.value()->render(sampleAt(f), sampleAt(f + 1) - sampleAt(f));
    joined.insert(joined.end(), block.begin(), block.end());
  }
  EXPECT_EQ(joined, whole);
  EXPECT_LT(peak(whole, 0, sampleAt(40)), 0.9) << "the limiter holds the -1 dBTP ceiling";
  EXPECT_GT(peak(whole, 0, sampleAt(40)), 0.8);
}

TEST_F(AudioFixture, MissingMediaPlaysSilenceWithOneProblemNamingIt) {
  const fs::path gone = fs::path(POSTLINE_BINARY_DIR) / "test_fixtures" / "audio-v1" / "gone2.wav";
  fs::copy_file(dcWav(), gone, fs::copy_options::overwrite_existing);
  const auto bad = addWav(gone);
  place(2, bad, 0, 0, 48000);
  place(1, addWav(dcWav()), 0, 0, 48000);
  fs::remove(gone);
  sequence().settings.mix.limiter = false;
  auto mix = audio::OfflineMix::open(project, seq);
  ASSERT_TRUE(mix.ok());
  for (int block = 0; block < 3; ++block) {
    const auto r = mix.value()->render(sampleAt(block * 8), sampleAt(8));
    EXPECT_EQ(r[100], 0.25f) << "the readable clip still sounds, the missing one is silent";
  }
  const auto warnings = mix.value()->takeWarnings();
  ASSERT_EQ(warnings.size(), 1u);  // reported once, not per block
  EXPECT_NE(warnings[0].find(gone.string()), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("silence"), std::string::npos) << warnings[0];
  EXPECT_TRUE(mix.value()->takeWarnings().empty());
}

}  // namespace
