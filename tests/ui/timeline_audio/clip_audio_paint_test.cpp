// What the timeline draws of a clip's audio: the volume automation (what auto-ducking writes) as a
// polyline over the music clip, the fades and the gain line; and screenshots of a faded, gain-changed,
// ducked music clip for a person to look at.
#include <QImage>
#include <filesystem>

#include "tests/ui/timeline_audio/timeline_audio_fixture.h"
#include "ui/timeline/timeline_summaries.h"

namespace postline::ui::testing {
namespace {

using time::FrameCount;

bool isAutomation(QRgb c) { return qRed(c) > 215 && qGreen(c) < 120 && qBlue(c) > 170; }
bool isGainLine(QRgb c) { return qRed(c) > 200 && qGreen(c) > 195 && qBlue(c) < 120; }

class ClipAudioPaintTest : public TimelineAudioTest {
 protected:
  double fps() const { return ctl->sequence()->settings.frameRate.fps().toDouble(); }
  std::int64_t samplesAt(double frames) const { return std::llround(frames * 48000.0 / fps()); }
  // Waits until every media's waveform is drawn (so two shots differ only by what a test changed).
  void waitForWaveforms() {
    for (const model::MediaItem& m : ctl->project().media) {
      ASSERT_TRUE(QTest::qWaitFor([&] { view->summaries().waitIdle(); return view->summaries().waveform(m) != nullptr; }, 20000));
    }
  }
  QImage shot() {
    QApplication::processEvents();
    return vp()->grab().toImage().convertToFormat(QImage::Format_RGB32);
  }
  // Pixels of `match` in column x (viewport) between y0 and y1 inclusive.
  static int count(const QImage& img, int x, int y0, int y1, bool (*match)(QRgb)) {
    int n = 0;
    for (int y = std::max(0, y0); y <= std::min(img.height() - 1, y1); ++y) n += match(img.pixel(x, y));
    return n;
  }
  // A ducking shape: full level, down to -9 dB over frames 16..20, held to 58, back up by 66.
  std::vector<model::GainKey> duckKeys() const {
    return {{samplesAt(16), 0.0}, {samplesAt(20), -9.0}, {samplesAt(58), -9.0}, {samplesAt(66), 0.0}};
  }
};

TEST_F(ClipAudioPaintTest, VolumeAutomationIsDrawnAlongItsKeys) {
  const ClipAudioLayout l = layout();
  const int top = l.rect.top(), bottom = l.rect.bottom();
  const QImage plain = shot();
  for (int f = 2; f < 94; f += 4) {
    EXPECT_EQ(count(plain, vpAt(f * 6.0 + 3, 0).x(), top, bottom, isAutomation), 0) << "frame " << f;
  }
  model::ClipAudio audio;
  audio.volume = duckKeys();
  setMusicAudio(audio);
  const QImage ducked = shot();
  const double y0 = gainLineY(l.rect, 0.0), y9 = gainLineY(l.rect, -9.0);
  ASSERT_GT(y9 - y0, 8.0);  // the dip is visible
  // Frame -> the polyline's y: held 0 dB, ramp down, held -9 dB, ramp up, held 0 dB.
  const std::pair<double, double> expected[] = {{4, y0}, {12, y0}, {18, (y0 + y9) / 2}, {24, y9}, {40, y9},
                                                {56, y9}, {62, (y0 + y9) / 2}, {70, y0}, {90, y0}};
  for (auto [frame, y] : expected) {
    const int x = vpAt(frame * 6.0, 0).x();
    EXPECT_GE(count(ducked, x, static_cast<int>(y) - 2, static_cast<int>(y) + 2, isAutomation), 1)
        << "frame " << frame << " y " << y;
    // Away from the line (the other level) there is none of it.
    const double other = std::abs(y - y0) < 1.0 ? y9 : y0;
    if (std::abs(y - other) > 6.0) {
      EXPECT_EQ(count(ducked, x, static_cast<int>(other) - 1, static_cast<int>(other) + 1, isAutomation), 0)
          << "frame " << frame;
    }
  }
  // Where the music is ducked the gain line (0 dB) still shows above the automation.
  EXPECT_GE(count(ducked, vpAt(40 * 6.0, 0).x(), static_cast<int>(y0) - 2, static_cast<int>(y0) + 2, isGainLine), 1);
}

TEST_F(ClipAudioPaintTest, TheGainLineAndTheFadesFollowTheModel) {
  waitForWaveforms();
  if (HasFatalFailure()) return;
  const ClipAudioLayout l = layout();
  const int x = vpAt((l.x0 + l.x1) / 2.0, 0).x();
  const QImage unity = shot();
  const int y0 = static_cast<int>(gainLineY(l.rect, 0.0)), y6 = static_cast<int>(gainLineY(l.rect, -6.0));
  EXPECT_GE(count(unity, x, y0 - 1, y0 + 1, isGainLine), 1);
  EXPECT_EQ(count(unity, x, y6 - 1, y6 + 1, isGainLine), 0);
  model::ClipAudio audio;
  audio.gainDb = -6.0;
  audio.fadeIn = FrameCount{24};
  setMusicAudio(audio);
  const QImage quieter = shot();
  EXPECT_GE(count(quieter, x, y6 - 1, y6 + 1, isGainLine), 1);
  EXPECT_EQ(count(quieter, x, y0 - 1, y0 + 1, isGainLine), 0);
  // The fade-in darkens the clip's top near its start, not past the fade's end.
  const auto lum = [](QRgb c) { return qGray(c); };
  const int yTop = l.rect.top() + 18;  // below the title bar and the 0 dB line, above the -6 dB line
  const int xIn = vpAt(4 * 6.0, 0).x(), xPast = vpAt(30 * 6.0, 0).x();
  EXPECT_LT(lum(quieter.pixel(xIn, yTop)), lum(unity.pixel(xIn, yTop)) - 15);
  EXPECT_NEAR(lum(quieter.pixel(xPast, yTop)), lum(unity.pixel(xPast, yTop)), 12);
  // The handle moved to the fade's end.
  EXPECT_NEAR(layout().fadeInHandle.center().x(), 24 * 6.0, 0.5);
}

TEST_F(ClipAudioPaintTest, ScreenshotOfAFadedGainChangedDuckedMusicClip) {
  std::filesystem::create_directories("/tmp/i9/shots");
  waitForWaveforms();
  if (HasFatalFailure()) return;
  model::ClipAudio audio;
  audio.gainDb = -3.0;
  audio.fadeIn = FrameCount{12};
  audio.fadeOut = FrameCount{20};
  audio.volume = duckKeys();
  setMusicAudio(audio);
  view->resize(1200, 360);
  QApplication::processEvents();
  EXPECT_TRUE(view->grab().save("/tmp/i9/shots/timeline-audio.png"));
  // Mid-drag of the gain line: the label shows the value.
  const ClipAudioLayout l = layout();
  const QPoint from = vpAt(80 * 6.0, l.gainY);
  ASSERT_EQ(view->hitAt(from).audio, TimelineHit::AudioHandle::Gain);
  QTest::mouseMove(vp(), from);
  QTest::mousePress(vp(), Qt::LeftButton, Qt::NoModifier, from);
  QTest::mouseMove(vp(), from + QPoint(0, 3));
  QTest::mouseMove(vp(), from + QPoint(0, 6));
  QApplication::processEvents();
  EXPECT_TRUE(view->grab().save("/tmp/i9/shots/tlaudio-gain-drag.png"));
  QTest::mouseRelease(vp(), Qt::LeftButton, Qt::NoModifier, from + QPoint(0, 6));
  EXPECT_LT(music().audio.gainDb, -3.0);
}

}  // namespace
}  // namespace postline::ui::testing
