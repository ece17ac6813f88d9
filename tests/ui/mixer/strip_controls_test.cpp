// The channel strips' controls, driven with real mouse events: a fader drag is one undo command,
// double-click resets it, mute and solo set the track's flags, the compressor preset and EQ notch.
#include <QCheckBox>
#include <QDial>
#include <QPushButton>
#include <QSlider>
#include <QToolButton>

#include "tests/ui/mixer/mixer_fixture.h"
#include "ui/mixer/compressor_section.h"
#include "ui/mixer/eq_section.h"

namespace postline::ui::testing {
namespace {

using StripControls = MixerFixture;

TEST_F(StripControls, OneStripPerAudioTrackWithItsRole) {
  ASSERT_EQ(page.strips().size(), 5u);
  const char* names[] = {"A1", "A2", "A3", "A4", "A5"};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(page.strips()[static_cast<std::size_t>(i)]->objectName().toStdString(),
              std::string("channelStrip_") + names[i]);
  }
  EXPECT_EQ(stripTitle(audioTrack(ctl, 1)).toStdString(), "A1 \u00b7 Dialogue");
  EXPECT_EQ(stripTitle(audioTrack(ctl, 5)).toStdString(), "A5 \u00b7 Ambient");
  EXPECT_EQ(strip(1)->duckToggle(), nullptr) << "dialogue has no duck";
  EXPECT_NE(strip(4)->duckToggle(), nullptr) << "music";
  EXPECT_NE(strip(5)->duckToggle(), nullptr) << "ambient";
}

TEST_F(StripControls, FaderDragIsOneUndoStepAndDoubleClickResets) {
  showPage();
  QSlider* fader = strip(2)->fader();
  const std::size_t before = ctl.undoStack().undoCount();
  const QPoint start = handleCentre(fader);
  QTest::mousePress(fader, Qt::LeftButton, {}, start);
  for (int dy = 4; dy <= 60; dy += 4) QTest::mouseMove(fader, start + QPoint(0, dy));
  QTest::mouseRelease(fader, Qt::LeftButton, {}, start + QPoint(0, 60));
  const double db = audioTrack(ctl, 2).volumeDb;
  EXPECT_LT(db, -3.0) << "dragged down";
  EXPECT_NEAR(strip(2)->faderShown(), db, 0.05);
  EXPECT_EQ(ctl.undoStack().undoCount(), before + 1) << "the whole drag is one command";
  ASSERT_TRUE(ctl.undo());
  EXPECT_EQ(audioTrack(ctl, 2).volumeDb, 0.0);
  ASSERT_TRUE(ctl.redo());
  EXPECT_EQ(audioTrack(ctl, 2).volumeDb, db);

  QTest::mouseDClick(fader, Qt::LeftButton, {}, handleCentre(fader));
  EXPECT_EQ(audioTrack(ctl, 2).volumeDb, 0.0);
  EXPECT_EQ(fader->value(), 0);
}

TEST_F(StripControls, TypedFaderValueAndPanAreEdits) {
  showPage();
  strip(1)->faderField()->setValue(-7.5);
  EXPECT_EQ(audioTrack(ctl, 1).volumeDb, -7.5);
  EXPECT_EQ(strip(1)->fader()->value(), -75);
  strip(1)->panDial()->setValue(-40);
  EXPECT_DOUBLE_EQ(audioTrack(ctl, 1).pan, -0.4);
  ASSERT_TRUE(ctl.undo());
  EXPECT_EQ(audioTrack(ctl, 1).pan, 0.0);
  EXPECT_EQ(strip(1)->panDial()->value(), 0) << "the strip follows undo";
}

TEST_F(StripControls, MuteAndSoloButtonsSetTheTrackFlags) {
  showPage();
  QTest::mouseClick(strip(3)->muteButton(), Qt::LeftButton);
  EXPECT_TRUE(audioTrack(ctl, 3).muted);
  QTest::mouseClick(strip(1)->soloButton(), Qt::LeftButton);
  EXPECT_TRUE(audioTrack(ctl, 1).solo);
  EXPECT_FALSE(audioTrack(ctl, 1).muted);
  ASSERT_TRUE(ctl.undo());
  EXPECT_FALSE(audioTrack(ctl, 1).solo);
  EXPECT_FALSE(strip(1)->soloButton()->isChecked());
  QTest::mouseClick(strip(3)->muteButton(), Qt::LeftButton);
  EXPECT_FALSE(audioTrack(ctl, 3).muted);
}

TEST_F(StripControls, CompressorPresetAndEqNotch) {
  showPage();
  QTest::mouseClick(strip(1)->compressor()->findChild<QPushButton*>("compressorPreset"), Qt::LeftButton);
  const model::Compressor& c = audioTrack(ctl, 1).compressor;
  EXPECT_TRUE(c.enabled);
  EXPECT_EQ(c.ratio, 2.0);
  EXPECT_EQ(c.thresholdDb, -12.0);
  QCheckBox* on = strip(1)->compressor()->enabledBox();
  QTest::mouseClick(on, Qt::LeftButton, {}, QPoint(8, on->height() / 2));  // on the indicator
  EXPECT_FALSE(audioTrack(ctl, 1).compressor.enabled);

  QPushButton* notch = nullptr;
  for (auto* b : strip(1)->eq()->findChildren<QPushButton*>()) {
    if (b->text() == "+ Notch") notch = b;
  }
  ASSERT_NE(notch, nullptr);
  QTest::mouseClick(notch, Qt::LeftButton);
  ASSERT_EQ(audioTrack(ctl, 1).eq.size(), 1u);
  EXPECT_EQ(audioTrack(ctl, 1).eq[0].type, model::EqBandType::Notch);
  EXPECT_EQ(strip(1)->eq()->bandCount(), 1);
}

}  // namespace
}  // namespace postline::ui::testing
