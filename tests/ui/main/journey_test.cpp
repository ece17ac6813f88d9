// The user journey of the editor window (the "Done when"), end to end through a shown
// MainWindow with real mouse and keyboard events: import through the bins, drag onto the timeline,
// trim heads and tails, dissolve, speed, freeze, play, save, reopen in a fresh window.
#include <QElapsedTimer>
#include <QContextMenuEvent>
#include <QCursor>
#include <QMenu>

#include "core/edit/bins.h"
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
  // A right-click as X11 delivers it: press, the context menu event (Qt's trigger is the press), release.
  // QTest's synthesized press does not make Qt send the QContextMenuEvent, so the test sends it.
  QTest::mousePress(view.viewport(), Qt::RightButton, {}, pos);
  QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view.viewport()->mapToGlobal(pos), {});
  QApplication::sendEvent(view.viewport(), &event);
  QTest::mouseRelease(view.viewport(), Qt::RightButton, {}, pos);
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
  ASSERT_TRUE(importAndWait(bins, {QString::fromStdString(dir.string())}));
  std::vector<model::MediaId> videos, music;
  for (const model::MediaItem& m : ctl().project().media) {
    (m.kind == model::MediaKind::Video ? videos : music).push_back(m.id);
  }
  ASSERT_EQ(videos.size(), 3u);
  ASSERT_EQ(music.size(), 1u);
  // The user opens the footage bin (the import showed the bin of the first file it added).
  bins.setCurrentBin(edit::binOfMedia(ctl().project(), videos[0])->id);
  ASSERT_EQ(binRows(bins, ctl(), [](const model::MediaItem& m) { return m.kind == model::MediaKind::Video; }).size(), 3u);
  const model::TrackId v1 = firstTrack(ctl(), model::TrackKind::Video);
  bins.selectMedia(videos);
  dragFromBinsTo(bins, videos[1], timeline(), at(0, v1));
  ASSERT_TRUE(QTest::qWaitFor([&] { return clipsOn(ctl(), model::TrackKind::Video).size() == 3; }, 5000));
  const auto v = clipsOn(ctl(), model::TrackKind::Video);
  EXPECT_EQ(v[0].start.value, 0);
  EXPECT_EQ(v[1].start.value, 48);
  EXPECT_EQ(v[2].start.value, 96);
  EXPECT_EQ(clipsOn(ctl(), model::TrackKind::Audio).size(), 3u);  // linked audio on A1
  // The music: its bin, then a drag onto the Music track at frame 0.
  model::TrackId musicTrack;
  for (const model::Track& t : ctl().sequence()->tracks) {
    if (t.role == model::AudioRole::Music) musicTrack = t.id;
  }
  ASSERT_TRUE(musicTrack.valid());
  bins.setCurrentBin(edit::binOfMedia(ctl().project(), music[0])->id);
  bins.selectMedia(music);
  timeline().zoomToFit();
  dragFromBinsTo(bins, music[0], timeline(), at(0, musicTrack));
  EXPECT_TRUE(QTest::qWaitFor([&] { return !ctl().sequence()->findTrack(musicTrack)->clips.empty(); }, 5000))
      << "the music did not land on the Music track";
  const auto& musicClips = ctl().sequence()->findTrack(musicTrack)->clips;
  ASSERT_EQ(musicClips.size(), 1u);
  EXPECT_EQ(musicClips[0].start.value, 0) << "dropped at x " << at(0, musicTrack).x() << " window at "
      << window->x() << "," << window->y() << " vp global " << timeline().viewport()->mapToGlobal(QPoint(0, 0)).x()
      << " cursor " << QCursor::pos().x();
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
  const PlayMeasure m = playFor(*window, 2000);
  EXPECT_NEAR(m.advanced, m.expected, 6.0) << "dropped " << m.dropped;  // the playhead moves with shown frames: it trails the clock by the prefetch lead under load
  EXPECT_GT(m.advanced, 40.0);
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
  std::size_t musicClips = 0;
  for (const model::Track& t : reopened.tracks) musicClips += t.role == model::AudioRole::Music ? t.clips.size() : 0;
  EXPECT_EQ(musicClips, 1u);
  EXPECT_EQ(fresh->windowTitle(), QString("Journey[*] — Postline"));
  EXPECT_FALSE(fresh->isWindowModified());
  fresh->parts().timeline->zoomToFit();
  EXPECT_EQ(programShows(*fresh, 0), 0);
  QTest::qWait(800);  // filmstrips and waveforms
  fresh->grab().save(QString(kShotDir) + "journey_reopened.png");
}

}  // namespace
}  // namespace postline::ui::testing
