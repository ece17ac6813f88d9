// The main window around a project: opening one shows its clips and the frame under the playhead,
// playback runs at the sequence rate without a sound device, the page keys and buttons, the title.
#include <QAbstractButton>
#include <QButtonGroup>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QStackedWidget>
#include <cstdio>

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
  model::TrackId musicTrack;  // the default A4 Music
  for (const model::Track& t : ctl.sequence()->tracks) {
    if (t.role == model::AudioRole::Music) musicTrack = t.id;
  }
  EXPECT_TRUE(ctl.apply(edit::assemblyEdit(ctl.project(), ctl.currentSequence(), music, firstTrack(ctl, model::TrackKind::Video), musicTrack), "Music"));
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
  const PlayMeasure m = playFor(*w, 2000);
  EXPECT_NEAR(m.advanced, m.expected, 6.0) << "dropped " << m.dropped;  // the playhead moves with shown frames: it trails the clock by the prefetch lead under load
  EXPECT_GT(m.advanced, 40.0);
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
  std::printf("[ note ] synthetic Shift+@ (no native scan code) switches page: %s\n", shiftedSymbolWorks ? "yes" : "no");
  for (int i : {3, 1, 2, 0}) {
    QTest::mouseClick(w->parts().pageButtons->button(i), Qt::LeftButton);
    EXPECT_EQ(static_cast<int>(w->page()), i);
    EXPECT_EQ(w->parts().pages->currentIndex(), i);
  }
  w->setPage(P::Color);
  w->grab().save(QString(kShotDir) + "journey_color_page.png");
}

// Presses `keys` ("shift+2", ...) through the X server (XTest), as a keyboard does; false when that
// is not possible here (no python3/libXtst).
bool pressXKeys(const QStringList& keys) {
  QProcess p;
  p.start("python3", QStringList{QString(POSTLINE_SOURCE_DIR) + "/tests/ui/main/xtest_keys.py"} + keys);
  if (!p.waitForFinished(5000) || p.exitCode() != 0) return false;
  QTest::qWait(150);  // the X server delivers the events to the window
  return true;
}

TEST(MainWindowTest, ShiftDigitsFromARealX11KeyboardSwitchPages) {
  auto w = makeWindow();
  using P = MainWindow::Page;
  const std::pair<const char*, P> keys[] = {{"shift+2", P::Color}, {"shift+3", P::Audio}, {"shift+4", P::Deliver},
                                            {"shift+1", P::Edit}};
  for (const auto& [key, page] : keys) {
    if (!pressXKeys({key})) GTEST_SKIP() << "no XTest here";
    EXPECT_EQ(w->page(), page) << key << " (an X11 keyboard reports Shift+2 as Shift+@)";
  }
}

// The Color/Audio/Deliver pages' word-wrapped text gets the height its lines need (not clipped).
// DISABLED until ui/main/other_pages.cpp gives the body label a fixed width (see the journey report):
// with setMaximumWidth + Qt::AlignHCenter the layout gives it the height of a wider label.
TEST(MainWindowTest, PageTextIsNotClipped) {
  auto w = makeWindow();
  for (int i = 1; i < 4; ++i) {
    w->setPage(static_cast<MainWindow::Page>(i));
    QTest::qWait(20);
    for (QLabel* label : w->parts().pages->widget(i)->findChildren<QLabel*>()) {
      if (!label->wordWrap()) continue;
      EXPECT_GE(label->height(), label->heightForWidth(label->width())) << label->text().left(40).toStdString();
    }
  }
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
  QTest::qWait(20);  // a person's keys come turns of the event loop apart (Undo is enabled queued)
  QTest::keyClick(w.get(), Qt::Key_S, Qt::ControlModifier);
  EXPECT_FALSE(w->isWindowModified());
  EXPECT_EQ(w->windowTitle(), QString("Demo[*] — Postline"));
  QTest::qWait(20);
  QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
  EXPECT_TRUE(w->isWindowModified());
  EXPECT_EQ(clipsOn(w->controller(), model::TrackKind::Video).size(), 3u);
  ASSERT_TRUE(w->controller().saveAs(file.parent_path() / "Renamed.postline").ok());
  EXPECT_EQ(w->windowTitle(), QString("Renamed[*] — Postline"));
  EXPECT_FALSE(w->isWindowModified());
}

}  // namespace
}  // namespace postline::ui::testing
