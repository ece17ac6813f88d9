// The main window with bad input: a broken project file, media deleted before open, a clip file
// corrupted under the editor during playback, and recovering an autosave newer than its project.
#include <QSignalSpy>
#include <QStatusBar>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "core/edit/tracks.h"
#include "core/project/autosave.h"
#include "core/project/project_file.h"
#include "tests/ui/main/main_window_fixture.h"
#include "ui/playback/transport.h"

namespace postline::ui::testing {
namespace {

// Three 48-frame shots on V1/A1 saved as <dir>/Cut.postline; returns the project file.
fs::path writeCut(const fs::path& dir) {
  ProjectController ctl;
  ctl.newProject("Cut");
  assembleClips(ctl, dir, 3, 48);
  const fs::path file = dir / "Cut.postline";
  EXPECT_TRUE(ctl.saveAs(file).ok());
  return file;
}

void writeJunk(const fs::path& file, const std::string& text, int repeat) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  for (int i = 0; i < repeat; ++i) out << text;
}

TEST(MainWindowBadInput, ABrokenProjectFileIsRefusedAndTheOpenProjectKept) {
  const fs::path dir = freshDir("main_broken");
  const fs::path good = writeCut(dir);
  const fs::path broken = dir / "Broken.postline";
  writeJunk(broken, "{\"postline\": [1, 2, \"unterminated", 1);
  auto w = makeWindow();
  ASSERT_TRUE(w->openProject(good, false));
  MessageBoxAnswerer answerer;
  EXPECT_FALSE(w->openProject(broken, true));
  ASSERT_EQ(answerer.seen().size(), 1);
  EXPECT_TRUE(answerer.seen()[0].contains("Broken.postline")) << answerer.seen()[0].toStdString();
  EXPECT_EQ(w->controller().filePath(), good);
  EXPECT_EQ(clipsOn(w->controller(), model::TrackKind::Video).size(), 3u);
  EXPECT_EQ(w->windowTitle(), QString("Cut[*] — Postline"));
  EXPECT_TRUE(w->isVisible());
  EXPECT_EQ(programShows(*w, 0), 0);
}

TEST(MainWindowBadInput, DeletedMediaOpensOfflineAndTheTimelineStillPaints) {
  const fs::path dir = freshDir("main_offline");
  const fs::path file = writeCut(dir);
  fs::remove(dir / "Shot_02_Take_01.mp4");
  auto w = makeWindow();
  MessageBoxAnswerer answerer;
  ASSERT_TRUE(w->openProject(file, true));
  EXPECT_EQ(answerer.seen().size(), 1);  // "could not be found; their clips show as offline"
  EXPECT_EQ(w->controller().offlineMedia().size(), 1u);
  TimelineView& view = *w->parts().timeline;
  view.zoomToFit();
  const auto v = clipsOn(w->controller(), model::TrackKind::Video);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_TRUE(view.viewport()->rect().contains(view.clipViewportRect(v[1].id)));
  const QImage shot = view.grab().toImage();
  EXPECT_FALSE(shot.isNull());
  // The program viewer over the offline clip, then back on an online one.
  w->controller().setPlayhead(time::FramePos{60});
  QTest::qWait(300);
  w->controller().setPlayhead(time::FramePos{100});
  EXPECT_EQ(programShows(*w, 100), 100 - 96);
  w->controller().setPlayhead(time::FramePos{60});
  QTest::qWait(300);
  w->grab().save(QString(kShotDir) + "journey_offline.png");
}

TEST(MainWindowBadInput, AClipCorruptedAfterImportWarnsDuringPlaybackAndPlaybackGoesOn) {
  const fs::path dir = freshDir("main_corrupt");
  const fs::path file = writeCut(dir);
  // Corrupted after import, before this session's decoders open it: overwriting a file under a decoder
  // that already has it open is not reliably noticed (see the journey report), so that is not asserted.
  writeJunk(dir / "Shot_03_Take_01.mp4", "not a video any more ", 4000);
  auto w = makeWindow();
  ASSERT_TRUE(w->openProject(file, false));
  EXPECT_EQ(programShows(*w, 0), 0);
  QSignalSpy warnings(&w->parts().program->renderService(), &RenderService::renderWarning);
  Transport& t = *w->parts().transport;
  w->controller().setPlayhead(time::FramePos{20});  // shot 3 (96..143) is not read ahead yet
  w->parts().timeline->setFocus();
  QTest::keyClick(w.get(), Qt::Key_Space);
  ASSERT_TRUE(QTest::qWaitFor([&] { return t.isPlaying(); }, 5000));
  EXPECT_TRUE(QTest::qWaitFor([&] { return !warnings.isEmpty(); }, 10000)) << "no render warning";
  EXPECT_TRUE(QTest::qWaitFor([&] { return w->controller().playhead().value >= 130 || !t.isPlaying(); }, 10000));
  EXPECT_GE(w->controller().playhead().value, 125) << "playback stalled on the corrupt clip";
  if (!warnings.isEmpty()) {
    RecordProperty("warning", warnings.first().at(0).toString().toStdString());
    std::printf("[ note ] render warning: %s; offline media now %zu; status bar: %s\n",
                qPrintable(warnings.first().at(0).toString()), w->controller().offlineMedia().size(),
                qPrintable(w->statusBar()->currentMessage()));
  }
  if (t.isPlaying()) QTest::keyClick(w.get(), Qt::Key_Space);  // it may have stopped at the end already
  EXPECT_TRUE(QTest::qWaitFor([&] { return !t.isPlaying(); }, 2000));
  EXPECT_TRUE(w->isVisible());
  // Still editable afterwards.
  w->controller().setPlayhead(time::FramePos{10});
  EXPECT_EQ(programShows(*w, 10), 10);
}

TEST(MainWindowBadInput, ANewerAutosaveIsOfferedAndRecoveredAsUnsavedChanges) {
  const fs::path dir = freshDir("main_autosave");
  const fs::path file = writeCut(dir);
  std::size_t tracksBefore = 0;
  {
    auto report = project::loadProject(file);
    ASSERT_TRUE(report.ok());
    model::Project p = std::move(report.value().project);
    const model::SequenceId seq = p.sequences.front().id;
    tracksBefore = p.sequences.front().tracks.size();
    auto cs = edit::addTrack(p, seq, model::TrackKind::Audio, model::AudioRole::Music, "Recovered Music");
    ASSERT_TRUE(cs.ok());
    ASSERT_TRUE(model::apply(p, cs.value()).ok());
    ASSERT_TRUE(project::saveProject(p, project::autosavePath(file)).ok());
  }
  fs::last_write_time(file, fs::last_write_time(file) - std::chrono::minutes(5));
  ASSERT_TRUE(project::checkRecovery(file).has_value());
  auto w = makeWindow();
  MessageBoxAnswerer yes(QMessageBox::Yes);
  ASSERT_TRUE(w->openProject(file, true));
  ASSERT_EQ(yes.seen().size(), 1);
  EXPECT_TRUE(yes.seen()[0].startsWith("Recover")) << yes.seen()[0].toStdString();
  EXPECT_EQ(w->controller().sequence()->tracks.size(), tracksBefore + 1);
  EXPECT_EQ(w->controller().sequence()->tracks.back().name, "Recovered Music");
  EXPECT_EQ(w->controller().filePath(), file);
  EXPECT_TRUE(w->isWindowModified());
  EXPECT_EQ(w->windowTitle(), QString("Cut[*] — Postline"));
  // Saving writes the recovered content to the project file (once the window is active again).
  w->activateWindow();
  EXPECT_TRUE(QTest::qWaitForWindowActive(w.get()));
  QTest::keyClick(w.get(), Qt::Key_S, Qt::ControlModifier);
  EXPECT_FALSE(w->isWindowModified());
  auto saved = project::loadProject(file);
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved.value().project.sequences.front().tracks.size(), tracksBefore + 1);
}

}  // namespace
}  // namespace postline::ui::testing
