// The user journey of the editor window (the "Done when"), end to end through a shown
// MainWindow with real mouse and keyboard events: import through the bins, drag onto the timeline,
// trim heads and tails, dissolve, speed, freeze, play, save, reopen in a fresh window.
#include <QElapsedTimer>
#include <QMenu>

#include "tests/ui/main/main_window_fixture.h"
#include "ui/playback/transport.h"

namespace postline::ui::testing {
namespace {

// Right-clicks `pos` on the timeline's viewport and triggers the context menu's item `id` (nested
// submenus included) once the menu is up. Returns "" when triggered, else why not.
QString contextMenuItem(TimelineView& view, QPoint pos, const QString& id) {
  QString outcome = "no context menu opened";
  bool done = false;
  QTimer poll;
  QObject::connect(&poll, &QTimer::timeout, [&] {
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    if (!menu || done) return;
    done = true;
    QAction* item = nullptr;
    for (QAction* a : menu->findChildren<QAction*>()) {
      if (a->objectName() == id) item = a;
    }
    if (!item) {
      outcome = "no item " + id;
    } else if (!item->isEnabled()) {
      outcome = id + " disabled: " + item->toolTip();
    } else {
      item->trigger();
      outcome.clear();
    }
    menu->close();
  });
  poll.start(20);
  QTest::mouseClick(view.viewport(), Qt::RightButton, {}, pos);
  (void)QTest::qWaitFor([&] { return done && !QApplication::activePopupWidget(); }, 3000);
  return outcome;
}

// The middle of clip `id`'s rectangle on the timeline viewport.
QPoint clipCentre(TimelineView& view, model::ClipId id) { return view.clipViewportRect(id).center(); }

class JourneyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = freshDir("main_journey");
    media = writeClips(dir, 3, 48);
    music = writeMusic(dir);
    window = makeWindow();
  }
  void TearDown() override {
    window.reset();
  }
  ProjectController& ctl() { return window->controller(); }
  TimelineView& timeline() { return *window->parts().timeline; }
  QPoint at(std::int64_t frame, model::TrackId track) { return *timeline().viewportPoint(time::FramePos{frame}, track); }
  void importAndAssemble();
  void trimHeadsAndTails();
  void effects();
  void playBack();

  fs::path dir;
  std::vector<fs::path> media;
  fs::path music;
  std::unique_ptr<MainWindow> window;
};

void JourneyTest::importAndAssemble() {
  BinPanel& bins = *window->parts().bins;
  ASSERT_TRUE(importThroughBins(bins, {QString::fromStdString(dir.string())}));
  const auto videos = binRows(bins, ctl(), [](const model::MediaItem& m) { return m.kind == model::MediaKind::Video; });
  const auto audios = binRows(bins, ctl(), [](const model::MediaItem& m) { return m.kind == model::MediaKind::Audio; });
  ASSERT_EQ(videos.size(), 3u);
  ASSERT_EQ(audios.size(), 1u);
  const model::TrackId v1 = firstTrack(ctl(), model::TrackKind::Video);
  bins.selectMedia(videos);
  dragFromBinsTo(bins, videos[1], timeline(), at(0, v1));
  ASSERT_TRUE(QTest::qWaitFor([&] { return clipsOn(ctl(), model::TrackKind::Video).size() == 3; }, 5000));
  const auto v = clipsOn(ctl(), model::TrackKind::Video);
  EXPECT_EQ(v[0].start.value, 0);
  EXPECT_EQ(v[1].start.value, 48);
  EXPECT_EQ(v[2].start.value, 96);
  EXPECT_EQ(clipsOn(ctl(), model::TrackKind::Audio).size(), 3u);  // linked audio on A1
  // The music on its own track: add a Music track below A1, drag the WAV onto it.
  int audioTracks = 0;
  for (const model::Track& t : ctl().sequence()->tracks) audioTracks += t.kind == model::TrackKind::Audio;
  if (audioTracks < 2) timeline().addTrack(false, static_cast<int>(model::AudioRole::Music));
  model::TrackId a2;
  for (const model::Track& t : ctl().sequence()->tracks) {
    if (t.kind == model::TrackKind::Audio && t.id != firstTrack(ctl(), model::TrackKind::Audio)) a2 = t.id;
  }
  ASSERT_TRUE(a2.valid());
  bins.selectMedia(audios);
  dragFromBinsTo(bins, audios[0], timeline(), at(0, a2));
  EXPECT_TRUE(QTest::qWaitFor([&] { return clipsOn(ctl(), model::TrackKind::Audio, 1).size() == 1; }, 5000))
      << "the music did not land on the second audio track";
}

void JourneyTest::trimHeadsAndTails() {
  TimelineView& view = timeline();
  view.zoomToFit();
  QTest::qWait(20);
  // Tail of clip 1: the ripple tool (R), drag its out edge 8 frames left.
  QTest::keyClick(window.get(), Qt::Key_R);
  ASSERT_EQ(view.tool(), ToolKind::Ripple);
  const model::TrackId v1 = firstTrack(ctl(), model::TrackKind::Video);
  const model::Clip c1 = clipsOn(ctl(), model::TrackKind::Video)[0];
  const QRect r1 = view.clipViewportRect(c1.id);
  const int dx = at(40, v1).x() - at(48, v1).x();
  const QPoint grab(r1.right() - 1, r1.center().y());
  QTest::mousePress(view.viewport(), Qt::LeftButton, {}, grab);
  QTest::mouseMove(view.viewport(), grab + QPoint(dx / 2, 0));
  QTest::mouseMove(view.viewport(), grab + QPoint(dx, 0));
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, grab + QPoint(dx, 0));
  auto v = clipsOn(ctl(), model::TrackKind::Video);
  EXPECT_EQ(v[0].duration.value, 40);
  EXPECT_EQ(v[1].start.value, 40);  // rippled
  QTest::keyClick(window.get(), Qt::Key_A);
  EXPECT_EQ(view.tool(), ToolKind::Select);
  // Head of clip 2 with Q at the playhead (8 frames in), tail of clip 3 with W (8 frames before its end).
  ctl().setPlayhead(time::FramePos{v[1].start.value + 8});
  QTest::keyClick(window.get(), Qt::Key_Q);
  v = clipsOn(ctl(), model::TrackKind::Video);
  EXPECT_EQ(v[1].start.value, 40);
  EXPECT_EQ(v[1].duration.value, 40);
  ctl().setPlayhead(time::FramePos{v[2].end().value - 8});
  QTest::keyClick(window.get(), Qt::Key_W);
  v = clipsOn(ctl(), model::TrackKind::Video);
  EXPECT_EQ(v[2].start.value, 80);
  EXPECT_EQ(v[2].duration.value, 40);
}

void JourneyTest::effects() {
  TimelineView& view = timeline();
  view.zoomToFit();
  auto v = clipsOn(ctl(), model::TrackKind::Video);
  ASSERT_EQ(v.size(), 3u);
  // Dissolve on the cut 1|2 (right-click clip 1 near its end), 90 % speed on clip 2, 1 s hold after clip 3.
  const QRect r1 = view.clipViewportRect(v[0].id);
  EXPECT_EQ(contextMenuItem(view, QPoint(r1.right() - r1.width() / 6, r1.center().y()), "clip.dissolve"), "");
  ASSERT_EQ(ctl().sequence()->transitions.size(), 1u);
  EXPECT_EQ(contextMenuItem(view, clipCentre(view, v[1].id), "clip.speed.90"), "");
  EXPECT_EQ(contextMenuItem(view, clipCentre(view, v[2].id), "clip.freeze.1"), "");
  v = clipsOn(ctl(), model::TrackKind::Video);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[1].speed, time::Rational::make(9, 10).value());
  EXPECT_EQ(v[1].duration.value, 44);  // round(40 / 0.9)
  EXPECT_TRUE(v[3].freeze);
  EXPECT_EQ(v[3].duration.value, 24);
  EXPECT_EQ(v[3].start, v[2].end());
}

void JourneyTest::playBack() {
  ctl().setPlayhead(time::FramePos{0});
  timeline().setFocus();
  Transport& t = *window->parts().transport;
  QTest::keyClick(window.get(), Qt::Key_Space);
  ASSERT_TRUE(QTest::qWaitFor([&] { return t.isPlaying() && ctl().playhead().value > 0; }, 5000));
  const std::int64_t f0 = ctl().playhead().value;
  QElapsedTimer clock;
  clock.start();
  QTest::qWait(2000);
  const std::int64_t f1 = ctl().playhead().value;
  const double expected = clock.elapsed() * 24.0 / 1000.0;
  QTest::keyClick(window.get(), Qt::Key_Space);
  EXPECT_TRUE(QTest::qWaitFor([&] { return !t.isPlaying(); }, 2000));
  EXPECT_NEAR(double(f1 - f0), expected, 5.0) << "frames shown " << t.framesShown() << " dropped " << t.droppedFrames();
}

TEST_F(JourneyTest, ImportCutTrimDissolveSpeedFreezePlaySaveReopen) {
  const fs::path file = dir / "Journey.postline";
  ASSERT_TRUE(ctl().saveAs(file).ok());  // the file first: Ctrl+S then needs no dialog
  EXPECT_EQ(window->windowTitle(), QString("Journey[*] — Postline"));
  EXPECT_FALSE(window->isWindowModified());
  ASSERT_NO_FATAL_FAILURE(importAndAssemble());
  EXPECT_TRUE(window->isWindowModified());
  ASSERT_NO_FATAL_FAILURE(trimHeadsAndTails());
  ASSERT_NO_FATAL_FAILURE(effects());
  ASSERT_NO_FATAL_FAILURE(playBack());
  timeline().zoomToFit();
  QTest::qWait(300);
  window->grab().save(QString(kShotDir) + "journey_end.png");
  const model::Sequence built = *ctl().sequence();
  QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier);
  EXPECT_TRUE(QTest::qWaitFor([&] { return !window->isWindowModified(); }, 2000));
  EXPECT_FALSE(ctl().isDirty());
  EXPECT_TRUE(fs::exists(file));

  auto fresh = makeWindow();
  ASSERT_TRUE(fresh->openProject(file, true));
  const model::Sequence& reopened = *fresh->controller().sequence();
  EXPECT_EQ(reopened.tracks, built.tracks);
  EXPECT_EQ(reopened.transitions, built.transitions);
  const auto v = clipsOn(fresh->controller(), model::TrackKind::Video);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].duration.value, 40);
  EXPECT_EQ(v[1].duration.value, 44);
  EXPECT_EQ(v[1].speed, time::Rational::make(9, 10).value());
  EXPECT_EQ(v[2].duration.value, 40);
  EXPECT_TRUE(v[3].freeze);
  ASSERT_EQ(reopened.transitions.size(), 1u);
  EXPECT_EQ(reopened.transitions[0].left, v[0].id);
  EXPECT_EQ(reopened.transitions[0].right, v[1].id);
  EXPECT_EQ(reopened.transitions[0].duration.value, 12);
  EXPECT_EQ(clipsOn(fresh->controller(), model::TrackKind::Audio, 1).size(), 1u);
  EXPECT_EQ(fresh->windowTitle(), QString("Journey[*] — Postline"));
  EXPECT_FALSE(fresh->isWindowModified());
  fresh->parts().timeline->zoomToFit();
  QTest::qWait(300);
  fresh->grab().save(QString(kShotDir) + "journey_reopened.png");
}

}  // namespace
}  // namespace postline::ui::testing
