// The main window around a project: opening one shows its clips and the frame under the playhead,
// playback runs at the sequence rate without a sound device, the page keys and buttons, the title.
#include <QAbstractButton>
#include <QButtonGroup>
#include <QElapsedTimer>
#include <QStackedWidget>

#include "core/edit/tracks.h"
#include "core/project/project_file.h"
#include "tests/ui/main/main_window_fixture.h"
#include "ui/playback/transport.h"

namespace postline::ui::testing {
namespace {

// A demo-like project file: three 48-frame shots on V1/A1 and a music bed on a Music track.
fs::path writeDemoLikeProject(const std::string& name) {
  const fs::path dir = freshDir(name);
  ProjectController ctl;
  ctl.newProject("Demo");
  assembleClips(ctl, dir, 3, 48);
  const auto music = importFiles(ctl, {writeMusic(dir)});
  EXPECT_TRUE(ctl.apply(edit::addTrack(ctl.project(), ctl.currentSequence(), model::TrackKind::Audio,
                                       model::AudioRole::Music),
                        "Add Track"));
  model::TrackId musicTrack;
  for (const model::Track& t : ctl.sequence()->tracks) {
    if (t.kind == model::TrackKind::Audio) musicTrack = t.id;
  }
  EXPECT_TRUE(ctl.apply(edit::assemblyEdit(ctl.project(), ctl.currentSequence(), music, {}, musicTrack), "Music"));
  const fs::path file = dir / "Demo.postline";
  EXPECT_TRUE(ctl.saveAs(file).ok());
  return file;
}

TEST(MainWindowTest, OpeningAProjectShowsItsClipsAndTheFrameUnderThePlayhead) {
  const fs::path file = writeDemoLikeProject("main_demo");
  auto w = makeWindow();
  ASSERT_TRUE(w->openProject(file, false));
  TimelineView& view = *w->parts().timeline;
  view.zoomToFit();
  QTest::qWait(50);
  int clips = 0;
  for (const model::Track& t : w->controller().sequence()->tracks) {
    for (const model::Clip& c : t.clips) {
      const QRect r = view.clipViewportRect(c.id);
      EXPECT_FALSE(r.isEmpty()) << c.name;
      EXPECT_TRUE(view.viewport()->rect().contains(r)) << c.name << " at " << r.x() << "," << r.y() << " " << r.width()
                                                       << "x" << r.height();
      ++clips;
    }
  }
  EXPECT_EQ(clips, 7);  // 3 video, 3 linked audio, the music
  EXPECT_EQ(programShows(*w, 0), 0);
  // Clicking in the ruler moves the playhead; the program viewer follows.
  const QPoint p = *view.viewportPoint(time::FramePos{60}, firstTrack(w->controller(), model::TrackKind::Video));
  QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(p.x(), 8));
  const qint64 f = w->controller().playhead().value;
  EXPECT_NEAR(double(f), 60.0, 1.0);
  EXPECT_EQ(programShows(*w, f), f - 48);
  w->grab().save(QString(kShotDir) + "journey_demo_open.png");
}

TEST(MainWindowTest, PlaysAtTheSequenceRateWithoutASoundDevice) {
  const fs::path file = writeDemoLikeProject("main_play");
  auto w = makeWindow();
  ASSERT_TRUE(w->openProject(file, false));
  Transport& t = *w->parts().transport;
  w->parts().timeline->setFocus();
  QTest::keyClick(w.get(), Qt::Key_Space);
  ASSERT_TRUE(QTest::qWaitFor([&] { return t.isPlaying() && w->controller().playhead().value > 0; }, 5000));
  const std::int64_t f0 = w->controller().playhead().value;
  QElapsedTimer clock;
  clock.start();
  QTest::qWait(2000);
  const std::int64_t f1 = w->controller().playhead().value;
  const double expected = clock.elapsed() * 24.0 / 1000.0;
  EXPECT_NEAR(double(f1 - f0), expected, 4.0) << "dropped " << t.droppedFrames();
  EXPECT_TRUE(t.isPlaying());
  QTest::keyClick(w.get(), Qt::Key_Space);
  EXPECT_TRUE(QTest::qWaitFor([&] { return !t.isPlaying(); }, 2000));
  // The viewer shows what the playhead shows once stopped.
  const qint64 at = w->controller().playhead().value;
  const std::int64_t shown = programShows(*w, at);
  EXPECT_EQ(shown, at % 48) << "frame " << at;
}

TEST(MainWindowTest, ShiftDigitsAndPageButtonsSwitchPages) {
  auto w = makeWindow();
  w->activateWindow();
  EXPECT_TRUE(QTest::qWaitForWindowActive(w.get()));
  using P = MainWindow::Page;
  const std::pair<Qt::Key, P> keys[] = {{Qt::Key_2, P::Color}, {Qt::Key_3, P::Audio}, {Qt::Key_4, P::Deliver}, {Qt::Key_1, P::Edit}};
  for (const auto& [key, page] : keys) {
    QTest::keyClick(w.get(), key, Qt::ShiftModifier);
    EXPECT_EQ(w->page(), page) << "Shift+" << (key - Qt::Key_0);
    EXPECT_EQ(w->parts().pages->currentIndex(), static_cast<int>(page));
    EXPECT_TRUE(w->parts().pageButtons->button(static_cast<int>(page))->isChecked());
  }
  // What an X11 keyboard reports for Shift+2 on a US layout: Key_At with Shift.
  QTest::keyClick(w.get(), Qt::Key_At, Qt::ShiftModifier);
  const bool shiftedSymbolWorks = w->page() == P::Color;
  RecordProperty("shift_symbol_switches_page", shiftedSymbolWorks ? "yes" : "no");
  for (int i : {3, 1, 2, 0}) {
    QTest::mouseClick(w->parts().pageButtons->button(i), Qt::LeftButton);
    EXPECT_EQ(static_cast<int>(w->page()), i);
    EXPECT_EQ(w->parts().pages->currentIndex(), i);
  }
  w->setPage(P::Color);
  w->grab().save(QString(kShotDir) + "journey_color_page.png");
}

TEST(MainWindowTest, TitleNamesTheProjectAndMarksUnsavedChanges) {
  const fs::path file = writeDemoLikeProject("main_title");
  auto w = makeWindow();
  EXPECT_EQ(w->windowTitle(), QString("Untitled[*] — Postline"));
  ASSERT_TRUE(w->openProject(file, false));
  EXPECT_EQ(w->windowTitle(), QString("Demo[*] — Postline"));
  EXPECT_FALSE(w->isWindowModified());
  // An edit: select the first clip with the mouse and ripple-delete it (Shift+Delete).
  TimelineView& view = *w->parts().timeline;
  view.zoomToFit();
  const auto v = clipsOn(w->controller(), model::TrackKind::Video);
  QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.clipViewportRect(v[0].id).center());
  ASSERT_EQ(w->controller().selection().size(), 1u);
  QTest::keyClick(w.get(), Qt::Key_Delete, Qt::ShiftModifier);
  EXPECT_EQ(clipsOn(w->controller(), model::TrackKind::Video).size(), 2u);
  EXPECT_TRUE(w->isWindowModified());
  QTest::keyClick(w.get(), Qt::Key_S, Qt::ControlModifier);
  EXPECT_FALSE(w->isWindowModified());
  EXPECT_EQ(w->windowTitle(), QString("Demo[*] — Postline"));
  QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
  EXPECT_TRUE(w->isWindowModified());
  EXPECT_EQ(clipsOn(w->controller(), model::TrackKind::Video).size(), 3u);
  ASSERT_TRUE(w->controller().saveAs(file.parent_path() / "Renamed.postline").ok());
  EXPECT_EQ(w->windowTitle(), QString("Renamed[*] — Postline"));
  EXPECT_FALSE(w->isWindowModified());
}

}  // namespace
}  // namespace postline::ui::testing
