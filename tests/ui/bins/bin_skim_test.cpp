// Skimming a thumbnail with the mouse, and screenshots of the panel (list, thumbnails, issues).
#include <gtest/gtest.h>

#include <QApplication>
#include <QTreeView>

#include "tests/ui/bins/bins_test_util.h"
#include "ui/bins/import_issues_panel.h"
#include "ui/bins/media_grid_view.h"
#include "ui/bins/thumbnail_cache.h"

namespace postline::ui::testing {
namespace {

// The editor's dark Fusion palette (for the screenshots), restored on destruction.
fs::path mixedFolder() {
  const fs::path dir = freshDir("bins_skim");
  writeClips(dir, 3, 72);
  writeVfrClip(dir / "Shot_04_Take_01_vfr.mp4");
  writeClip(dir / "Shot_04_Take_02_30fps.mp4", time::Rational{30}, 900);
  writeCorrupt(dir / "Shot_09_Take_01_broken.mp4");
  writeWav(dir / "room_tone.wav");
  return dir;
}

TEST(BinSkimTest, HoverSkimsThroughTheClipAndScreenshots) {
  const fs::path dir = mixedFolder();
  ProjectController ctl;
  ctl.newProject("Skim");
  BinPanel panel(ctl);
  panel.resize(1100, 620);
  panel.show();
  ASSERT_TRUE(importAndWait(panel, {QString::fromStdString(dir.string())}));
  ASSERT_EQ(panel.mediaModel()->rowCount(), 5);
  ctl.setMediaOffline(rowsOf(panel.mediaModel())[2], true);  // one missing file, for the picture
  auto posters = [&] {
    for (model::MediaId id : rowsOf(panel.mediaModel())) {
      if (panel.thumbnails().poster(*ctl.project().findMedia(id)).isNull()) return false;
    }
    return true;
  };
  ASSERT_TRUE(QTest::qWaitFor(posters, 30000));
  panel.selectMedia({rowsOf(panel.mediaModel())[1]});
  QTest::qWait(50);
  EXPECT_TRUE(panel.grab().save("/tmp/i8/shots/bins_list.png"));

  panel.setView(BinPanel::View::Thumbnails);
  MediaGridView* grid = panel.gridView();
  QTest::qWait(50);
  const QModelIndex first = panel.mediaModel()->index(0, 0);
  const QRect r = grid->visualRect(first);
  ASSERT_TRUE(r.isValid());
  // Hover near the left edge: the filmstrip is fetched off the UI thread, then an early frame shows.
  // (QTest::mouseMove without a button warps the X pointer: the move event arrives asynchronously.)
  QTest::mouseMove(grid->viewport(), QPoint(r.left() + r.width() / 10, r.top() + 40));
  ASSERT_TRUE(QTest::qWaitFor([&] { return QModelIndex(grid->skimIndex()) == first; }, 5000));
  ASSERT_TRUE(QTest::qWaitFor([&] { return grid->skimFrame(first) >= 0; }, 30000));
  const int early = grid->skimFrame(first);
  EXPECT_LE(early, 3);
  QTest::mouseMove(grid->viewport(), QPoint(r.left() + r.width() * 9 / 10, r.top() + 40));
  EXPECT_TRUE(QTest::qWaitFor([&] { return grid->skimFraction() > 0.8; }, 5000));
  EXPECT_GE(grid->skimFrame(first), 16);
  EXPECT_EQ(panel.thumbnails().filmstrip(*ctl.project().findMedia(rowsOf(panel.mediaModel())[0])).size(),
            static_cast<std::size_t>(ThumbnailCache::kFilmstripFrames));
  QTest::mouseMove(grid->viewport(), QPoint(r.left() + r.width() / 2, r.top() + 40));
  EXPECT_TRUE(QTest::qWaitFor([&] { return grid->skimFraction() < 0.6; }, 5000));
  QTest::qWait(50);
  EXPECT_TRUE(panel.grab().save("/tmp/i8/shots/bins_grid.png"));
  // Leaving the view stops skimming: the poster shows again.
  QEvent leave(QEvent::Leave);
  QApplication::sendEvent(grid, &leave);
  EXPECT_EQ(grid->skimFrame(first), -1);
  // The audio bin: no picture, a placeholder.
  panel.setCurrentBin(ctl.project().standardBin("02_Audio")->id);
  EXPECT_EQ(namesOf(panel.mediaModel()), QStringList{"room_tone"});
  QTest::qWait(50);
  EXPECT_TRUE(panel.grab().save("/tmp/i8/shots/bins_audio.png"));
}

}  // namespace
}  // namespace postline::ui::testing
