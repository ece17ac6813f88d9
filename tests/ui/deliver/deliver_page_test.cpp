// The Deliver page without running exports to the end: preset facts, the over-limit question,
// the reframe view's drag (a key at the playhead, one undoable command).
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <cmath>

#include "core/render/frame_plan.h"
#include "tests/ui/deliver/deliver_test_util.h"
#include "ui/deliver/preset_card.h"
#include "ui/deliver/reframe_overlay.h"
#include "ui/deliver/reframe_view.h"
#include "ui/viewer/program_viewer.h"
#include "ui/viewer/viewer_widget.h"

namespace postline::ui::testing {
namespace {

TEST(DeliverPage, ShowsEveryShippedPresetWithItsFacts) {
  DeliverFixture f("deliver_facts", 1, 12);
  for (const char* id : {"youtube-1080p", "youtube-4k", "instagram-feed", "reels", "linkedin-16x9", "linkedin-1x1",
                         "master-prores", "master-dnxhr", "test-short"}) {
    EXPECT_NE(f.page->card(QString::fromLatin1(id)), nullptr) << id;
  }
  const QString youtube = f.page->card(QStringLiteral("youtube-1080p"))->factsText();
  for (const QString& fact : {QStringLiteral("1920×1080"), QStringLiteral("24 fps (sequence)"), QStringLiteral("H.264 High"),
                              QStringLiteral("16–24 Mbit/s"), QStringLiteral("AAC 320 kb/s"), QStringLiteral("−14 LUFS"),
                              QStringLiteral("no duration limit")}) {
    EXPECT_NE(youtube.indexOf(fact), -1) << fact.toStdString() << " not in " << youtube.toStdString();
  }
  const QString reels = f.page->card(QStringLiteral("reels"))->factsText();
  EXPECT_NE(reels.indexOf(QStringLiteral("1080×1920 · 30 fps")), -1) << reels.toStdString();
  EXPECT_NE(reels.indexOf(QStringLiteral("max 90 s")), -1) << reels.toStdString();
  const QString prores = f.page->card(QStringLiteral("master-prores"))->factsText();
  EXPECT_NE(prores.indexOf(QStringLiteral("1920×1080 (sequence)")), -1) << prores.toStdString();
  EXPECT_NE(prores.indexOf(QStringLiteral("mix as it is")), -1) << prores.toStdString();
  EXPECT_EQ(f.page->outputFolder().toStdString(), (f.dir / "05_Exports").string());
  // Shipped presets in the page's order, the user's last.
  ASSERT_GE(f.page->presets().size(), 9u);
  EXPECT_EQ(f.page->presets().front().id, "youtube-1080p");
  EXPECT_EQ(f.page->presets()[3].id, "reels");
  EXPECT_EQ(f.page->presets().back().id, "test-short");
}

// Clicks `buttonName` in the over-limit question when it appears (it is modal: exec blocks).
void answerOverLimit(const QString& buttonName, bool* seen) {
  QTimer::singleShot(100, [buttonName, seen] {
    QWidget* dialog = QApplication::activeModalWidget();
    if (dialog == nullptr || dialog->objectName() != QStringLiteral("overLimitDialog")) return answerOverLimit(buttonName, seen);
    *seen = true;
    auto* button = dialog->findChild<QPushButton*>(buttonName);
    if (button == nullptr) {  // Cancel is a standard button without our name
      for (QPushButton* b : dialog->findChildren<QPushButton*>()) {
        if (b->text().contains(QStringLiteral("Cancel"))) button = b;
      }
    }
    QTest::mouseClick(button, Qt::LeftButton);
  });
}

TEST(DeliverPage, RangeOverAPresetLimitAsksFirst) {
  DeliverFixture f("deliver_limit", 2, 24);
  f.markRange(0, 47);  // 2 s; test-short allows 1.5 s
  f.page->card(QStringLiteral("test-short"))->setTicked(true);
  f.page->card(QStringLiteral("reels"))->setTicked(true);  // 90 s: not over
  f.page->show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(f.page.get()));

  bool seen = false;
  answerOverLimit(QStringLiteral("cancel"), &seen);
  QTest::mouseClick(&f.page->exportButton(), Qt::LeftButton);
  EXPECT_TRUE(seen);
  EXPECT_EQ(f.page->queue().rowCount(), 0);  // cancelled: nothing queued

  seen = false;
  answerOverLimit(QStringLiteral("trimToLimit"), &seen);
  QTest::mouseClick(&f.page->exportButton(), Qt::LeftButton);
  EXPECT_TRUE(seen);
  ASSERT_EQ(f.page->queue().rowCount(), 1);  // both presets in ONE job: render once, encode many
  const auto argv = f.job(0)->spec.argv;
  const auto has = [&](const std::string& a, const std::string& b) {
    for (std::size_t i = 0; i + 1 < argv.size(); ++i) {
      if (argv[i] == a && argv[i + 1] == b) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("--over-limit", "trim"));
  EXPECT_TRUE(has("--preset", "reels"));
  EXPECT_TRUE(has("--preset", "test-short"));
  EXPECT_TRUE(has("--range", "00:00:00:00-00:00:02:00"));
  f.page->queue().cancel(0);

  seen = false;
  answerOverLimit(QStringLiteral("exportAnyway"), &seen);
  const auto rows = f.page->exportPreset(QStringLiteral("test-short"));
  EXPECT_TRUE(seen);
  ASSERT_EQ(rows.size(), 1u);
  const auto anyway = f.job(rows[0])->spec.argv;
  EXPECT_NE(std::find(anyway.begin(), anyway.end(), "export"), anyway.end());
  EXPECT_EQ(anyway.at(anyway.size() - 1), "export");  // --over-limit export
  EXPECT_EQ(anyway.at(anyway.size() - 2), "--over-limit");
  f.page->queue().cancel(rows[0]);
  EXPECT_TRUE(f.waitEnded(0, 30000));
  EXPECT_TRUE(f.waitEnded(rows[0], 30000));
}

// Ticked presets go out as one job, except those of an aspect set to letterbox: a job of their own.
TEST(DeliverPage, LetterboxedAspectGoesInAJobOfItsOwn) {
  DeliverFixture f("deliver_letterbox", 1, 24);
  f.page->card(QStringLiteral("youtube-1080p"))->setTicked(true);
  f.page->card(QStringLiteral("reels"))->setTicked(true);
  f.page->card(QStringLiteral("instagram-feed"))->setTicked(true);
  f.page->reframeView().setAspect("9x16");
  f.page->reframeView().setLetterbox(true);
  EXPECT_TRUE(f.page->reframeView().letterbox("9x16"));
  EXPECT_FALSE(f.page->reframeView().letterbox("4x5"));
  const auto rows = f.page->exportTicked();
  ASSERT_EQ(rows.size(), 2u);
  const auto joined = [&](int row) {
    std::string s;
    const auto job = f.job(row);
    for (const auto& a : job->spec.argv) s += a + " ";
    return s;
  };
  const std::string cropped = joined(rows[0]), boxed = joined(rows[1]);
  EXPECT_NE(cropped.find("--preset youtube-1080p --preset instagram-feed "), std::string::npos) << cropped;
  EXPECT_NE(cropped.find("--reframe auto"), std::string::npos) << cropped;
  EXPECT_EQ(cropped.find("reels"), std::string::npos) << cropped;
  EXPECT_NE(boxed.find("--preset reels --out-dir"), std::string::npos) << boxed;
  EXPECT_NE(boxed.find("--reframe letterbox"), std::string::npos) << boxed;
  EXPECT_NE(boxed.find("--out-dir " + (f.dir / "05_Exports").string()), std::string::npos) << boxed;
  for (int r : rows) f.page->queue().cancel(r);
  for (int r : rows) EXPECT_TRUE(f.waitEnded(r, 30000)) << f.describe(r);
}

// A project never saved asks to be saved before a job is queued; declining queues nothing.
TEST(DeliverPage, UnsavedProjectAsksToSaveFirst) {
  installUserPreset();
  ProjectController ctl;
  ctl.newProject(QStringLiteral("Never Saved"));
  assembleClips(ctl, freshDir("deliver_unsaved"), 1, 12);
  DeliverPage page(ctl);
  page.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
  EXPECT_TRUE(page.outputFolder().isEmpty());
  QString question;
  QTimer::singleShot(100, [&] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (box == nullptr) return;
    question = box->text();
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
  });
  QTest::mouseClick(&page.card(QStringLiteral("reels"))->exportNowButton(), Qt::LeftButton);
  EXPECT_NE(question.indexOf(QStringLiteral("never been saved")), -1) << question.toStdString();
  EXPECT_EQ(page.queue().rowCount(), 0);
  EXPECT_TRUE(ctl.filePath().empty());
}

TEST(DeliverPage, DraggingTheReframeWindowSetsOneUndoableKeyAtThePlayhead) {
  DeliverFixture f("deliver_reframe", 2, 24);
  f.ctl->setPlayhead(time::FramePos{10});
  deliver::ReframeView& view = f.page->reframeView();
  view.setAspect("9x16");
  f.page->show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(f.page.get()));
  ASSERT_TRUE(QTest::qWaitFor([&] { return view.currentClip().valid(); }, 30000));
  ViewerWidget& picture = view.viewer().widget();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !picture.pictureRect().isEmpty(); }, 10000));
  deliver::ReframeOverlay& overlay = view.overlay();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !overlay.windowRect().isEmpty(); }, 10000));
  const model::ClipId clip = view.currentClip();
  const exporting::Window before = *overlay.window();
  EXPECT_LT(before.w, 0.5);  // a 9:16 window of a 16:9 frame is ~0.32 wide
  const QRectF pic = picture.pictureRect();
  const double target = before.cx > 0.5 ? before.cx - 0.1 : before.cx + 0.1;  // stays inside the frame
  const int dx = static_cast<int>(std::lround((target - before.cx) * pic.width()));
  const QPoint start = overlay.windowRect().center().toPoint();
  const std::size_t undo0 = f.ctl->undoStack().undoCount();
  QTest::mousePress(&overlay, Qt::LeftButton, Qt::NoModifier, start);
  QTest::mouseMove(&overlay, start + QPoint(dx / 2, 0));
  QTest::mouseMove(&overlay, start + QPoint(dx, 0));
  QTest::mouseRelease(&overlay, Qt::LeftButton, Qt::NoModifier, start + QPoint(dx, 0));
  EXPECT_EQ(f.ctl->undoStack().undoCount(), undo0 + 1);
  const model::Clip* edited = f.ctl->sequence()->findClip(clip);
  ASSERT_NE(edited, nullptr);
  ASSERT_EQ(edited->reframeKeys.count("9x16"), 1u);
  const auto& keys = edited->reframeKeys.at("9x16");
  ASSERT_EQ(keys.size(), 1u);
  const model::MediaItem* media = f.ctl->project().findMedia(edited->media);
  auto source = render::sourcePointAt(*edited, time::FramePos{10}, *media, f.ctl->sequence()->settings.frameRate);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(keys[0].sourceFrame, source->frame);
  const double moved = before.cx + static_cast<double>(dx) / pic.width();
  EXPECT_NEAR(keys[0].x, moved, 0.01);  // the clip fills the frame: source x == frame x
  EXPECT_NEAR(keys[0].y, before.cy, 0.01);
  // The re-planned window follows the key.
  ASSERT_TRUE(QTest::qWaitFor([&] {
    auto r = view.reframer();
    return r && std::abs(r->windowAt(clip, time::FramePos{10}).cx - moved) < 0.01;
  }, 30000));
  // One undo removes it.
  ASSERT_TRUE(f.ctl->undo());
  EXPECT_TRUE(f.ctl->sequence()->findClip(clip)->reframeKeys.empty());
  // Clear keys after a redo removes them again (one command).
  ASSERT_TRUE(f.ctl->redo());
  ASSERT_TRUE(view.clearKeys());
  EXPECT_TRUE(f.ctl->sequence()->findClip(clip)->reframeKeys.empty());
}

}  // namespace
}  // namespace postline::ui::testing
