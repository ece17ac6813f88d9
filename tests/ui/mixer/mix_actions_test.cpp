// The page's mix actions: "Normalise mix to" shows before/after before it applies (and applying
// reaches the target), "De-resonate 2-4 kHz" cuts a 3 kHz resonance, the duck toggle adds volume
// keys to the music clip and takes them away again.
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QPushButton>

#include "core/audio/dsp/biquad.h"
#include "tests/ui/mixer/mixer_fixture.h"
#include "ui/mixer/eq_section.h"
#include "ui/mixer/mix_result_dialog.h"

namespace postline::ui::testing {
namespace {

using MixActions = MixerFixture;

// 4 s of white noise through a +15 dB, Q 12 peak at 3150 Hz (a ringing resonance).
std::vector<float> resonantNoise() {
  std::vector<float> s = noisePair(4.0, 0.05, 7);
  model::EqBand band;
  band.frequencyHz = 3150.0;
  band.gainDb = 15.0;
  band.q = 12.0;
  audio::dsp::Biquad f;
  f.set(audio::dsp::designBand(band, kRate));
  for (std::size_t i = 0; i < s.size(); i += 2) s[i] = s[i + 1] = f.process(s[i]);
  return s;
}

// Speech-like bursts: 0.8 s of tone, 1.2 s of silence, twice.
std::vector<float> bursts() {
  std::vector<float> s;
  for (int k = 0; k < 2; ++k) {
    const auto tone = sinePair(300.0, 0.3, 0.8);
    s.insert(s.end(), tone.begin(), tone.end());
    s.resize(s.size() + static_cast<std::size_t>(2 * 1.2 * kRate), 0.0f);
  }
  return s;
}

TEST_F(MixActions, NormaliseShowsBeforeAndAfterThenAppliesTheTarget) {
  placeSignal(1, "norm_tone", sinePair(1000.0, std::pow(10.0, -23.0 / 20.0), 4.0));
  showPage();
  const double gainBefore = ctl.sequence()->settings.mix.masterGainDb;
  page.normaliseTo(-16.0);
  ASSERT_TRUE(QTest::qWaitFor([&] { return page.resultDialog() != nullptr; }, 30000));
  MixResultDialog* dialog = page.resultDialog();
  EXPECT_NEAR(dialog->beforeIntegrated(), -23.0, 0.3);
  EXPECT_NEAR(dialog->afterIntegrated(), -16.0, 0.2);
  EXPECT_FALSE(dialog->reportText().isEmpty());
  EXPECT_EQ(ctl.sequence()->settings.mix.masterGainDb, gainBefore) << "nothing applied before OK";
  const std::size_t commands = ctl.undoStack().undoCount();
  QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
  EXPECT_EQ(ctl.undoStack().undoCount(), commands + 1);
  EXPECT_NEAR(ctl.sequence()->settings.mix.masterGainDb, 7.0, 0.5);
  EXPECT_EQ(ctl.sequence()->settings.mix.targetLufs, -16.0);
  EXPECT_NEAR(mixLufs(), -16.0, 0.5) << "measured by core after applying";
  ASSERT_TRUE(ctl.undo());
  EXPECT_NEAR(mixLufs(), -23.0, 0.3);
}

TEST_F(MixActions, CancelLeavesTheMixAlone) {
  placeSignal(1, "norm_cancel", sinePair(500.0, 0.1, 2.0));
  showPage();
  page.normaliseTo(-24.0);
  ASSERT_TRUE(QTest::qWaitFor([&] { return page.resultDialog() != nullptr; }, 30000));
  const std::size_t commands = ctl.undoStack().undoCount();
  page.resultDialog()->reject();
  EXPECT_EQ(ctl.undoStack().undoCount(), commands);
}

TEST_F(MixActions, DeresonateCutsA3kHzResonance) {
  placeSignal(1, "resonant_3150", resonantNoise());
  showPage();
  EqSection* eq = strip(1)->eq();
  bool finished = false, ok = false;
  QObject::connect(eq, &EqSection::deresonateFinished, [&](bool r) { finished = true; ok = r; });
  QTest::mouseClick(eq->deresonateButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return finished; }, 30000));
  ASSERT_TRUE(ok) << eq->reportText().toStdString();
  ASSERT_FALSE(audioTrack(ctl, 1).eq.empty());
  const model::EqBand& cut = audioTrack(ctl, 1).eq.back();
  EXPECT_TRUE(cut.type == model::EqBandType::Notch || cut.gainDb <= -6.0);
  EXPECT_NEAR(cut.frequencyHz, 3150.0, 150.0);
  EXPECT_GE(cut.q, 4.0) << "narrow";
  EXPECT_FALSE(eq->reportText().isEmpty());
  EXPECT_EQ(eq->bandCount(), static_cast<int>(audioTrack(ctl, 1).eq.size()));
}

TEST_F(MixActions, DuckToggleAddsVolumeKeysToTheMusicClipAndOffRemovesThem) {
  placeSignal(1, "dialogue_bursts", bursts());
  placeSignal(4, "music_bed", sinePair(220.0, 0.2, 4.0));
  showPage();
  ChannelStrip* music = strip(4);
  music->duckDepth()->setValue(-12.0);
  bool finished = false, ok = false;
  QObject::connect(music, &ChannelStrip::duckFinished, [&](bool r) { finished = true; ok = r; });
  QTest::mouseClick(music->duckToggle(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return finished; }, 30000));
  ASSERT_TRUE(ok);
  const auto& keys = audioTrack(ctl, 4).clips.at(0).audio.volume;
  ASSERT_FALSE(keys.empty());
  double lowest = 0.0;
  for (const auto& k : keys) lowest = std::min(lowest, k.gainDb);
  EXPECT_NEAR(lowest, -12.0, 0.01) << "ducked by the strip's depth";
  EXPECT_TRUE(audioTrack(ctl, 1).clips.at(0).audio.volume.empty()) << "dialogue untouched";
  EXPECT_TRUE(music->duckToggle()->isChecked());

  QTest::mouseClick(music->duckToggle(), Qt::LeftButton);
  EXPECT_TRUE(audioTrack(ctl, 4).clips.at(0).audio.volume.empty());
  EXPECT_FALSE(music->duckToggle()->isChecked());
  ASSERT_TRUE(ctl.undo());
  EXPECT_FALSE(audioTrack(ctl, 4).clips.at(0).audio.volume.empty()) << "duck off is undoable";
  EXPECT_TRUE(music->duckToggle()->isChecked());
}

}  // namespace
}  // namespace postline::ui::testing
