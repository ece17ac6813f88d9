// The bins panel's views: filter, grouping of takes, drag payload, double-click, skimming,
// offline items and relink, bin edits through the tree; screenshots.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDropEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QTreeView>

#include "core/edit/bins.h"
#include "tests/ui/bins/bins_test_util.h"
#include "ui/bins/bin_tree.h"
#include "ui/bins/import_issues_panel.h"
#include "ui/bins/media_grid_view.h"
#include "ui/bins/thumbnail_cache.h"
#include "ui/controller/media_mime.h"

namespace postline::ui::testing {
namespace {

// A media item for a project built in the test (no file behind it).
model::MediaItem fakeClip(const std::string& name, int shot, int take) {
  model::MediaItem m;
  m.path = "/nonexistent/" + name;
  m.name = name;
  m.shot = shot;
  m.take = take;
  m.info.hasVideo = true;
  m.info.width = 1920;
  m.info.height = 1080;
  m.info.frameRate = time::Rational::make(24000, 1001).value();
  m.info.timeBase = time::Rational::make(1001, 24000).value();
  m.info.duration = 240;
  m.info.videoCodec = "h264";
  return m;
}

// A project whose source bin holds takes out of order, the way generators name them.
model::Project takesProject() {
  model::Project p = model::Project::createDefault("Takes");
  const std::vector<std::tuple<std::string, int, int>> clips = {
      {"Shot_02_Take_02.mp4", 2, 2}, {"b-roll city.mp4", 0, 0}, {"Shot_01_Take_03.mp4", 1, 3},
      {"Shot_02_Take_01.mp4", 2, 1}, {"Shot_01_Take_01.mp4", 1, 1}, {"Shot_10_Take_01.mp4", 10, 1}};
  model::Bin* source = p.findBin(p.standardBin("01_Source_Clips")->id);
  for (const auto& [name, shot, take] : clips) {
    model::MediaItem m = fakeClip(name, shot, take);
    m.id = model::MediaId{p.nextId++};
    p.media.push_back(m);
    source->items.push_back(m.id);
  }
  return p;
}

model::MediaId idOf(const ProjectController& ctl, const std::string& name) {
  for (const model::MediaItem& m : ctl.project().media) {
    if (m.name == name) return m.id;
  }
  return {};
}

TEST(BinViewTest, TakesOfAShotSortTogetherAndColumnsRead) {
  ProjectController ctl;
  ctl.adopt(takesProject());
  BinPanel panel(ctl);
  const QAbstractItemModel* m = panel.mediaModel();
  EXPECT_EQ(namesOf(m), (QStringList{"Shot_01_Take_01.mp4", "Shot_01_Take_03.mp4", "Shot_02_Take_01.mp4",
                                     "Shot_02_Take_02.mp4", "Shot_10_Take_01.mp4", "b-roll city.mp4"}));
  EXPECT_EQ(m->index(0, static_cast<int>(MediaColumn::Fps)).data().toString(), "23.976");
  EXPECT_EQ(m->index(0, static_cast<int>(MediaColumn::Duration)).data().toString(), "00:00:10:00");
  EXPECT_EQ(m->index(0, static_cast<int>(MediaColumn::Resolution)).data().toString(), "1920x1080");
  EXPECT_EQ(m->index(0, static_cast<int>(MediaColumn::Shot)).data().toString(), "1");
  EXPECT_EQ(m->index(1, static_cast<int>(MediaColumn::Take)).data().toString(), "3");
  // 23.976 in a 24 fps sequence is a foreign rate.
  EXPECT_EQ(m->index(0, static_cast<int>(MediaColumn::Flags)).data().toString(), "23.976 fps");
  // Clicking the Take header sorts by take within... no: by shot/take key; descending reverses the groups.
  panel.listView()->sortByColumn(static_cast<int>(MediaColumn::Shot), Qt::DescendingOrder);
  EXPECT_EQ(namesOf(m).first(), "b-roll city.mp4");
  EXPECT_EQ(namesOf(m)[1], "Shot_10_Take_01.mp4");
}

TEST(BinViewTest, FilterBoxFilters) {
  ProjectController ctl;
  ctl.adopt(takesProject());
  BinPanel panel(ctl);
  panel.show();
  QTest::keyClicks(panel.filterBox(), "shot_02");
  EXPECT_EQ(namesOf(panel.mediaModel()), (QStringList{"Shot_02_Take_01.mp4", "Shot_02_Take_02.mp4"}));
  panel.filterBox()->clear();
  QTest::keyClicks(panel.filterBox(), "city");
  EXPECT_EQ(namesOf(panel.mediaModel()), (QStringList{"b-roll city.mp4"}));
  panel.setFilterText("");
  EXPECT_EQ(panel.mediaModel()->rowCount(), 6);
}

TEST(BinViewTest, SelectedRowsDragTheirIds) {
  ProjectController ctl;
  ctl.adopt(takesProject());
  BinPanel panel(ctl);
  panel.resize(900, 500);
  panel.show();
  QTreeView* list = panel.listView();
  const auto rows = rowsOf(panel.mediaModel());
  // Click row 0, ctrl-click row 2 (real mouse events).
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(panel.mediaModel()->index(0, 0)).center());
  QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ControlModifier,
                    list->visualRect(panel.mediaModel()->index(2, 0)).center());
  EXPECT_EQ(panel.selectedMedia(), (std::vector<model::MediaId>{rows[0], rows[2]}));
  std::unique_ptr<QMimeData> mime(panel.mediaModel()->mimeData(list->selectionModel()->selectedIndexes()));
  ASSERT_TRUE(mime);
  EXPECT_TRUE(mime->hasFormat(kMediaMimeType));
  EXPECT_EQ(mediaFromMime(mime.get()), (std::vector<model::MediaId>{rows[0], rows[2]}));
}

TEST(BinViewTest, DoubleClickOpensInSource) {
  ProjectController ctl;
  ctl.adopt(takesProject());
  BinPanel panel(ctl);
  panel.resize(900, 500);
  panel.show();
  model::MediaId opened;
  QObject::connect(&panel, &BinPanel::openInSource, [&](model::MediaId id) { opened = id; });
  const QModelIndex second = panel.mediaModel()->index(1, 0);
  const QPoint at = panel.listView()->visualRect(second).center();
  QTest::mouseClick(panel.listView()->viewport(), Qt::LeftButton, {}, at);
  QTest::mouseDClick(panel.listView()->viewport(), Qt::LeftButton, {}, at);
  EXPECT_EQ(ctl.sourceMedia(), idOf(ctl, "Shot_01_Take_03.mp4"));
  EXPECT_EQ(opened, ctl.sourceMedia());
}

TEST(BinViewTest, OfflineItemsShowAndRelink) {
  const fs::path dir = freshDir("bins_relink");
  ProjectController ctl;
  ctl.adopt(takesProject());
  BinPanel panel(ctl);
  const model::MediaId id = idOf(ctl, "Shot_01_Take_01.mp4");
  ctl.setMediaOffline(id, true);
  const QAbstractItemModel* m = panel.mediaModel();
  EXPECT_TRUE(m->index(0, static_cast<int>(MediaColumn::Flags)).data().toString().contains("Offline"));
  EXPECT_TRUE(m->index(0, 0).data(MediaTableModel::OfflineRole).toBool());
  EXPECT_TRUE(m->index(0, static_cast<int>(MediaColumn::Flags)).data(Qt::ToolTipRole).toString().contains("Relink"));
  // Not found: reported, still offline.
  EXPECT_EQ(panel.relinkFrom(QString::fromStdString(dir.string()), {id}), 0);
  EXPECT_EQ(ctl.offlineMedia().count(id), 1u);
  EXPECT_EQ(panel.issuesPanel()->count(), 1);
  // The file appears in the folder: relinked as one command, back online.
  fs::create_directories(dir / "day1");
  writeClip(dir / "day1" / "Shot_01_Take_01.mp4", time::Rational{24});
  EXPECT_EQ(panel.relinkFrom(QString::fromStdString(dir.string()), {id}), 1);
  EXPECT_EQ(ctl.offlineMedia().count(id), 0u);
  EXPECT_EQ(fs::path(ctl.project().findMedia(id)->path), fs::weakly_canonical(dir / "day1" / "Shot_01_Take_01.mp4"));
  EXPECT_FALSE(m->index(0, 0).data(MediaTableModel::OfflineRole).toBool());
  EXPECT_EQ(ctl.undoStack().undoLabel(), "Relink");
}

TEST(BinViewTest, NewBinRenameAndMoveMediaThroughTheTree) {
  ProjectController ctl;
  ctl.adopt(takesProject());
  BinPanel panel(ctl);
  panel.resize(900, 500);
  panel.show();
  const model::BinId source = ctl.project().standardBin("01_Source_Clips")->id;
  panel.setCurrentBin(source);
  panel.newBin();
  const model::Bin& added = ctl.project().bins.back();
  EXPECT_EQ(added.name, "New Bin");
  EXPECT_EQ(added.parent, source);
  const model::BinId sub = added.id;
  QTreeWidgetItem* item = panel.binTree()->itemOf(sub);
  ASSERT_NE(item, nullptr);
  panel.binTree()->closePersistentEditor(item, 0);
  item->setText(0, "Selects");  // what the in-place editor commits
  EXPECT_EQ(ctl.project().findBin(sub)->name, "Selects");
  // A standard bin refuses a rename and keeps its name in the tree.
  panel.binTree()->itemOf(source)->setText(0, "Clips");
  EXPECT_EQ(ctl.project().findBin(source)->name, "01_Source_Clips");
  EXPECT_EQ(panel.binTree()->itemOf(source)->text(0), "01_Source_Clips");

  // Drop two items on the sub-bin: they move there (one command).
  const model::MediaId a = idOf(ctl, "Shot_02_Take_01.mp4"), b = idOf(ctl, "Shot_02_Take_02.mp4");
  std::unique_ptr<QMimeData> mime(makeMediaMime({a, b}));
  QTreeWidget* tree = panel.binTree();
  const QPoint at = tree->visualItemRect(panel.binTree()->itemOf(sub)).center();
  QDragEnterEvent enter(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(tree->viewport(), &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(panel.binTree()->visualItemRect(panel.binTree()->itemOf(sub)).center()), Qt::MoveAction,
                  mime.get(), Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(tree->viewport(), &drop);
  EXPECT_EQ(ctl.project().findBin(sub)->items, (std::vector<model::MediaId>{a, b}));
  EXPECT_EQ(edit::binOfMedia(ctl.project(), a)->id, sub);
  ASSERT_TRUE(ctl.undo());
  EXPECT_EQ(edit::binOfMedia(ctl.project(), a)->id, source);
}

}  // namespace
}  // namespace postline::ui::testing
