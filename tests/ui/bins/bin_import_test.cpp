// Import into the bins panel: folders, drops, pastes, issues, badges, undo.
#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMimeData>
#include <QUrl>

#include "tests/ui/bins/bins_test_util.h"
#include "ui/bins/import_issues_panel.h"
#include "ui/bins/thumbnail_cache.h"

namespace postline::ui::testing {
namespace {

using MC = MediaColumn;

QString cell(const QAbstractItemModel* m, int row, MC c, int role = Qt::DisplayRole) {
  return m->index(row, static_cast<int>(c)).data(role).toString();
}

TEST(BinImportTest, FolderSortsIntoBinsAndReportsTheCorruptFile) {
  const fs::path dir = freshDir("bins_folder");
  writeClips(dir, 2);
  writeCorrupt(dir / "broken.mp4");
  writeWav(dir / "room_tone.wav");
  ProjectController ctl;
  ctl.newProject("Bins");
  BinPanel panel(ctl);
  QElapsedTimer timer;
  timer.start();
  int finished = 0;
  QObject::connect(&panel, &BinPanel::importFinished, [&](int, int) { ++finished; });
  panel.importPaths({QString::fromStdString(dir.string())});
  EXPECT_LT(timer.elapsed(), 200) << "importPaths must not probe on the UI thread";
  EXPECT_TRUE(panel.importRunning());
  ASSERT_TRUE(QTest::qWaitFor([&] { return finished == 1; }, 30000));

  EXPECT_EQ(binItems(ctl, "01_Source_Clips").size(), 2u);
  ASSERT_EQ(binItems(ctl, "02_Audio").size(), 1u);
  EXPECT_EQ(ctl.project().findMedia(binItems(ctl, "02_Audio")[0])->name, "room_tone");
  ASSERT_EQ(panel.issuesPanel()->errorCount(), 1);
  const QStringList messages = panel.issuesPanel()->messages();
  ASSERT_EQ(messages.size(), 1);
  EXPECT_TRUE(messages[0].contains("broken.mp4")) << messages[0].toStdString();
  EXPECT_FALSE(panel.issuesPanel()->isHidden());
  // The panel shows the bin of the imported clips, the takes in order.
  EXPECT_EQ(namesOf(panel.mediaModel()), (QStringList{"Shot_01_Take_01", "Shot_02_Take_01"}));

  // Dismiss, then undo removes the whole import (one command).
  panel.issuesPanel()->clear();
  EXPECT_EQ(panel.issuesPanel()->count(), 0);
  EXPECT_TRUE(panel.issuesPanel()->isHidden());
  ASSERT_TRUE(ctl.undo());
  EXPECT_TRUE(ctl.project().media.empty());
  EXPECT_TRUE(binItems(ctl, "01_Source_Clips").empty());
  EXPECT_EQ(panel.mediaModel()->rowCount(), 0);
}

TEST(BinImportTest, VariableAndForeignRatesShowABadgeWithTheFix) {
  const fs::path dir = freshDir("bins_rates");
  writeVfrClip(dir / "Shot_05_Take_01_vfr.mp4");
  writeClip(dir / "Shot_06_Take_01_30fps.mp4", time::Rational{30});
  ProjectController ctl;
  ctl.newProject("Rates");  // a 24 fps sequence
  BinPanel panel(ctl);
  ASSERT_TRUE(importAndWait(panel, {QString::fromStdString(dir.string())}));
  const QAbstractItemModel* m = panel.mediaModel();
  ASSERT_EQ(m->rowCount(), 2);
  EXPECT_EQ(cell(m, 0, MC::Name), "Shot_05_Take_01_vfr");
  EXPECT_EQ(cell(m, 0, MC::Flags), "VFR");
  EXPECT_TRUE(cell(m, 0, MC::Flags, Qt::ToolTipRole).contains("conform to 24 fps"));
  EXPECT_TRUE(m->index(0, 0).data(MediaTableModel::WarningRole).toBool());
  EXPECT_EQ(cell(m, 1, MC::Flags), "30 fps");
  EXPECT_EQ(cell(m, 1, MC::Fps), "30");
  EXPECT_TRUE(cell(m, 1, MC::Flags, Qt::ToolTipRole).contains("conform to 24 fps"));
  EXPECT_FALSE(m->index(1, static_cast<int>(MC::Flags)).data(Qt::DecorationRole).isNull());  // the badge
  // The import warnings, with the offered fix, are in the issues list; both files came in.
  EXPECT_EQ(panel.issuesPanel()->errorCount(), 0);
  ASSERT_EQ(panel.issuesPanel()->count(), 2);
  for (const QString& msg : panel.issuesPanel()->messages()) EXPECT_TRUE(msg.contains("fix: conform to 24 fps")) << msg.toStdString();
}

TEST(BinImportTest, DroppedUriListImports) {
  const fs::path dir = freshDir("bins_drop");
  const auto clips = writeClips(dir, 2);
  ProjectController ctl;
  ctl.newProject("Drop");
  BinPanel panel(ctl);
  panel.resize(900, 500);
  panel.show();
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(clips[0].string())),
                QUrl::fromLocalFile(QString::fromStdString(clips[1].string()))});
  const QPoint at(300, 200);
  QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&panel, &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&panel, &move);
  EXPECT_TRUE(move.isAccepted());
  int finished = 0;
  QObject::connect(&panel, &BinPanel::importFinished, [&](int, int) { ++finished; });
  QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&panel, &drop);
  EXPECT_TRUE(drop.isAccepted());
  ASSERT_TRUE(QTest::qWaitFor([&] { return finished == 1; }, 30000));
  EXPECT_EQ(binItems(ctl, "01_Source_Clips").size(), 2u);

  // Something without paths is refused.
  QMimeData text;
  text.setText("not a path");
  QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&panel, &refused);
  EXPECT_FALSE(refused.isAccepted());
}

TEST(BinImportTest, PastedPathsImport) {
  const fs::path dir = freshDir("bins_paste");
  const auto clips = writeClips(dir, 2);
  ProjectController ctl;
  ctl.newProject("Paste");
  BinPanel panel(ctl);
  panel.resize(900, 500);
  panel.show();
  panel.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
  panel.listView()->setFocus();
  // One plain path and one file:// URL, one per line.
  QApplication::clipboard()->setText(QString::fromStdString(clips[0].string()) + "\n" +
                                     QUrl::fromLocalFile(QString::fromStdString(clips[1].string())).toString() + "\n");
  int finished = 0;
  QObject::connect(&panel, &BinPanel::importFinished, [&](int, int) { ++finished; });
  QTest::keyClick(panel.listView(), Qt::Key_V, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return finished == 1; }, 30000));
  EXPECT_EQ(binItems(ctl, "01_Source_Clips").size(), 2u);
  EXPECT_EQ(panel.mediaModel()->rowCount(), 2);
  // Ctrl+V in the filter box pastes text there, it does not import.
  QApplication::clipboard()->setText("Shot_02");
  panel.filterBox()->setFocus();
  QTest::keyClick(panel.filterBox(), Qt::Key_V, Qt::ControlModifier);
  EXPECT_EQ(panel.filterBox()->text(), "Shot_02");
  EXPECT_EQ(panel.mediaModel()->rowCount(), 1);
  EXPECT_FALSE(panel.importRunning());
}

TEST(BinImportTest, ThumbnailsArriveWithoutBlocking) {
  const fs::path dir = freshDir("bins_thumbs");
  writeClips(dir, 3);
  ProjectController ctl;
  ctl.newProject("Thumbs");
  BinPanel panel(ctl);
  ASSERT_TRUE(importAndWait(panel, {QString::fromStdString(dir.string())}));
  panel.setView(BinPanel::View::Thumbnails);
  panel.resize(900, 500);
  panel.show();
  const model::MediaItem& item = *ctl.project().findMedia(binItems(ctl, "01_Source_Clips")[0]);
  QElapsedTimer timer;
  timer.start();
  panel.thumbnails().poster(item);  // asks (or already asked by the views' first paint)
  EXPECT_LT(timer.elapsed(), 50) << "asking for a poster must not decode on the UI thread";
  ASSERT_TRUE(QTest::qWaitFor([&] {
    for (model::MediaId id : binItems(ctl, "01_Source_Clips")) {
      if (panel.thumbnails().poster(*ctl.project().findMedia(id)).isNull()) return false;
    }
    return true;
  }, 30000));
  const QImage poster = panel.thumbnails().poster(item);
  EXPECT_EQ(poster.height(), ThumbnailCache::kHeight);
  EXPECT_EQ(poster.width(), 192);  // 16:9 at 108 pixels
}

}  // namespace
}  // namespace postline::ui::testing
