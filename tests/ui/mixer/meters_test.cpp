// The Audio page's meters during real playback (the engine on the system clock, no device): the
// EBU Tech 3341 test 1 tone on A1 reads -23.0 LUFS on A1's strip and on the master; five tracks
// playing move all five strips; Reset starts the master's integrated reading afresh.
#include <QDir>
#include <QPushButton>

#include "tests/ui/mixer/mixer_fixture.h"
#include "ui/mixer/compressor_section.h"
#include "ui/mixer/level_meter.h"

namespace postline::ui::testing {
namespace {

// EBU Tech 3341 test 1: a 1 kHz sine on both channels whose level measures -23.0 LUFS.
std::vector<float> ebuTone(double seconds) {
  const double amp = std::pow(10.0, -23.0 / 20.0);  // -23 dBFS peak per channel
  std::vector<float> s = sinePair(1000.0, amp, seconds);
  const double measured = integratedLufs(s);
  EXPECT_NEAR(measured, -23.0, 0.05) << "the synthesised tone itself";
  return s;
}

using Meters = MixerFixture;

TEST_F(Meters, EbuMinus23ToneOnA1ReadsMinus23OnItsStripAndTheMaster) {
  placeSignal(1, "ebu_tech3341_1", ebuTone(6.0));
  showPage();
  ASSERT_TRUE(playFor(3.8)) << "the engine's clock did not run";
  QTest::qWait(3 * AudioPage::kMeterIntervalMs);
  ChannelStrip* a1 = strip(1);
  ASSERT_NE(a1, nullptr);
  EXPECT_NEAR(a1->momentaryShown(), -23.0, 0.2);
  EXPECT_NEAR(a1->shortTermShown(), -23.0, 0.2);
  EXPECT_NEAR(a1->samplePeakShown(), -23.0, 0.2);
  EXPECT_NEAR(page.master()->momentaryShown(), -23.0, 0.2);
  EXPECT_NEAR(page.master()->shortTermShown(), -23.0, 0.2);
  EXPECT_NEAR(page.master()->integratedShown(), -23.0, 0.2);
  EXPECT_NEAR(page.master()->truePeakShown(), -23.0, 0.3);
  EXPECT_FALSE(std::isfinite(strip(2)->momentaryShown())) << "A2 is silent";
  EXPECT_GE(page.snapshotsShown(), 20) << "the page read fresh meters while playing";
  audio.engine().pause();
}

TEST_F(Meters, FaderMoveWhilePlayingKeepsTheMetersAndLowersTheReading) {
  placeSignal(1, "ebu_tone_fader", ebuTone(5.0));
  showPage();
  const auto mixer = audio.mixer();
  ASSERT_TRUE(playFor(1.5));
  ASSERT_TRUE(ctl.apply(edit::setTrackFader(ctl.project(), ctl.currentSequence(), audioTrack(ctl, 1).id, -6.0), "F"));
  ASSERT_TRUE(QTest::qWaitFor([&] { return audio.engine().position() >= static_cast<std::int64_t>(3.0 * kRate); }, 6000));
  QTest::qWait(3 * AudioPage::kMeterIntervalMs);
  EXPECT_EQ(audio.mixer(), mixer) << "the same mixer: its meters carry on";
  EXPECT_NEAR(strip(1)->momentaryShown(), -29.0, 0.3);
  EXPECT_NEAR(page.master()->integratedShown(), -26.0, 3.0) << "integrated over the whole play, both levels";
  audio.engine().pause();
}

TEST_F(Meters, FiveTracksMoveFiveStripsAndResetClearsTheMaster) {
  placeSignal(1, "five_1", sinePair(220.0, 0.2, 3.0));
  placeSignal(2, "five_2", sinePair(660.0, 0.1, 3.0));
  placeSignal(3, "five_3", noisePair(3.0, 0.02, 3));
  placeSignal(4, "five_4", sinePair(330.0, 0.15, 3.0));
  placeSignal(5, "five_5", noisePair(3.0, 0.01, 5));
  edit::TrackAudio a1 = edit::trackAudioOf(audioTrack(ctl, 1));
  a1.compressor.enabled = true;
  a1.compressor.thresholdDb = -30.0;
  a1.eq = {model::EqBand{model::EqBandType::HighPass, 80.0, 0.0, 0.707, true},
           model::EqBand{model::EqBandType::Notch, 3150.0, 0.0, 8.0, true}};
  ASSERT_TRUE(ctl.apply(edit::setTrackAudio(ctl.project(), ctl.currentSequence(), audioTrack(ctl, 1).id, a1), "A1"));
  showPage();
  ASSERT_TRUE(playFor(1.5));
  QTest::qWait(3 * AudioPage::kMeterIntervalMs);
  ASSERT_EQ(page.strips().size(), 5u);
  for (ChannelStrip* s : page.strips()) {
    EXPECT_TRUE(std::isfinite(s->momentaryShown())) << s->objectName().toStdString();
    EXPECT_GT(s->meter()->freshPaints(), 5) << s->objectName().toStdString();
  }
  EXPECT_GT(strip(1)->compressor()->gainReductionShown(), 1.0) << "A1's compressor works at -30 dB";
  EXPECT_EQ(strip(2)->compressor()->gainReductionShown(), 0.0);
  if (const char* dir = std::getenv("POSTLINE_SHOT_DIR")) {
    QDir().mkpath(dir);
    EXPECT_TRUE(page.grab().save(QString(dir) + "/audio-page.png"));
  }
  audio.engine().pause();
  QTest::qWait(100);
  ASSERT_TRUE(std::isfinite(page.master()->integratedShown()));
  QTest::mouseClick(page.master()->resetButton(), Qt::LeftButton);
  EXPECT_FALSE(std::isfinite(page.master()->integratedShown()));
  EXPECT_FALSE(std::isfinite(audio.mixer()->meters().master.integratedLufs));
}

}  // namespace
}  // namespace postline::ui::testing
