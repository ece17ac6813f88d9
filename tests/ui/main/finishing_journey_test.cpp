// The seed's finishing steps through the real window, as a user does them: grade a clip with the
// gain wheel while the Color page's scopes follow, mix to -14 LUFS on the Audio page, and deliver
// YouTube 1080p, Reels 9:16 and a ProRes 422 HQ master from the Deliver page in one go — each
// output verified against its preset and added to 05_Exports.
#include <QDialogButtonBox>
#include <QPushButton>

#include "tests/ui/main/main_window_fixture.h"
#include "ui/color/color_page.h"
#include "ui/color/color_wheel.h"
#include "ui/color/grade_sections.h"
#include "ui/deliver/deliver_page.h"
#include "ui/deliver/preset_card.h"
#include "ui/deliver/queue_panel.h"
#include "ui/mixer/audio_page.h"
#include "ui/mixer/mix_result_dialog.h"
#include "ui/scopes/scope_math.h"
#include "ui/scopes/scopes_panel.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui::testing {
namespace {

const char* const kCli = POSTLINE_BINARY_DIR "/app/postline-cli";

// The gain wheel dragged from its centre towards orange (up-left on the vectorscope plane).
void dragGainTowardsOrange(ColorPage& page) {
  ColorWheel& gain = *page.primaries().wheels[2];
  const QPoint start = gain.discCentre().toPoint();
  const QPoint end = start + QPoint(-int(0.35 * gain.discRadius()), -int(0.45 * gain.discRadius()));
  QTest::mousePress(&gain.disc(), Qt::LeftButton, {}, start);
  for (int i = 1; i <= 5; ++i) QTest::mouseMove(&gain.disc(), start + (end - start) * i / 5);
  QTest::mouseRelease(&gain.disc(), Qt::LeftButton, {}, end);
}

std::vector<const model::MediaItem*> exportsBin(const ProjectController& ctl) {
  std::vector<const model::MediaItem*> out;
  for (const model::Bin& b : ctl.project().bins) {
    if (b.name != "05_Exports") continue;
    for (model::MediaId id : b.items) out.push_back(ctl.project().findMedia(id));
  }
  return out;
}

TEST(FinishingJourney, GradeWithTheWheelMixToMinus14AndDeliverThreePresets) {
  ASSERT_TRUE(fs::exists(kCli)) << "build the postline-cli target first";
  auto w = makeWindow();
  ProjectController& ctl = w->controller();
  const fs::path dir = freshDir("finishing_journey");
  ctl.newProject("Finishing");
  fs::create_directories(dir / "media");
  assembleClips(ctl, dir / "media", 2, 24);
  ASSERT_TRUE(ctl.saveAs(dir / "Finishing.postline").ok());
  ctl.setPlayhead(time::FramePos{6});

  // Colour: the clip under the playhead, its scopes on screen, then the gain wheel towards orange.
  w->setPage(MainWindow::Page::Color);
  ColorPage& color = *w->parts().colorPage;
  color.controls().setCurrentWidget(&color.primaries());
  const model::ClipId clip = color.currentClip();
  ASSERT_TRUE(clip.valid());
  ASSERT_TRUE(QTest::qWaitFor([&] { return color.scopes().latest() != nullptr; }, 30000)) << "scopes never arrived";
  const quint64 before = color.scopes().latestGeneration();
  const QPointF chroma0 = vectorscopeCentroid(*color.scopes().latest());
  dragGainTowardsOrange(color);
  const color::Wheel gain = ctl.sequence()->findClip(clip)->grade.normalise.gain;
  EXPECT_GT(gain[0], gain[2] + 0.02) << "the gain moved towards orange: more red than blue";
  ASSERT_TRUE(QTest::qWaitFor([&] { return color.scopes().latestGeneration() > before; }, 30000));
  ASSERT_TRUE(QTest::qWaitFor([&] {
    const QPointF c = vectorscopeCentroid(*color.scopes().latest());
    return c.y() > chroma0.y() + 0.002 && c.x() < chroma0.x() - 0.002;
  }, 30000)) << "the vectorscope followed the grade towards orange (+Cr, -Cb)";

  // Sound: "Normalise mix to -14" shows before/after, applying it sets the master.
  w->setPage(MainWindow::Page::Audio);
  AudioPage& audio = *w->parts().audioPage;
  audio.normaliseTo(-14.0);
  ASSERT_TRUE(QTest::qWaitFor([&] { return audio.resultDialog() != nullptr; }, 60000));
  MixResultDialog* result = audio.resultDialog();
  EXPECT_NEAR(result->afterIntegrated(), -14.0, 0.2);
  QTest::mouseClick(result->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
  EXPECT_EQ(ctl.sequence()->settings.mix.targetLufs, -14.0);

  // Delivery: three presets ticked, one job over the first second (render once, encode three).
  w->setPage(MainWindow::Page::Deliver);
  DeliverPage& deliver = *w->parts().deliverPage;
  deliver.setCliPath(QString::fromUtf8(kCli));
  ctl.setInPoint(time::FramePos{0});
  ctl.setOutPoint(time::FramePos{23});
  deliver.setRangeChoice(DeliverPage::RangeChoice::InOut);
  for (const char* id : {"youtube-1080p", "reels", "master-prores"}) {
    deliver::PresetCard* card = deliver.card(QString::fromUtf8(id));
    ASSERT_NE(card, nullptr) << id;
    card->setTicked(true);
  }
  QTest::mouseClick(&deliver.exportButton(), Qt::LeftButton);
  ASSERT_GE(deliver.queue().rowCount(), 1);
  const int rows = deliver.queue().rowCount();
  for (int row = 0; row < rows; ++row) {
    ASSERT_TRUE(QTest::qWaitFor([&] {
      const auto j = deliver.queue().job(row);
      return j && (j->state == exporting::QueueState::Done || j->state == exporting::QueueState::Failed);
    }, 300000));
    const auto j = deliver.queue().job(row);
    EXPECT_EQ(j->state, exporting::QueueState::Done) << j->error;
  }
  std::set<std::string> verified;
  for (int row = 0; row < rows; ++row) {
    for (const auto& r : deliver.queue().results(row)) {
      EXPECT_TRUE(r.passed) << r.presetId;
      EXPECT_TRUE(fs::exists(r.output)) << r.output;
      if (r.passed) verified.insert(r.presetId);
    }
  }
  EXPECT_EQ(verified, (std::set<std::string>{"youtube-1080p", "reels", "master-prores"}));
  ASSERT_TRUE(QTest::qWaitFor([&] { return exportsBin(ctl).size() == 3; }, 60000)) << exportsBin(ctl).size();
  w->grab().save(QString(kShotDir) + "journey_deliver_done.png");
}

}  // namespace
}  // namespace postline::ui::testing
