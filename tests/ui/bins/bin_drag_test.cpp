// A real drag out of the bin list (QDrag under Xvfb + xcb) onto a widget that accepts media.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QMimeData>
#include <QTimer>

#include "tests/ui/bins/bins_test_util.h"
#include "ui/controller/media_mime.h"

namespace postline::ui::testing {
namespace {

// Accepts application/x-postline-media and remembers the ids of the last drop.
class MediaDropTarget : public QWidget {
 public:
  MediaDropTarget() {
    setAcceptDrops(true);
    setMinimumSize(300, 300);
  }
  std::vector<model::MediaId> dropped;

 protected:
  void dragEnterEvent(QDragEnterEvent* e) override {
    if (e->mimeData()->hasFormat(kMediaMimeType)) e->acceptProposedAction();
  }
  void dragMoveEvent(QDragMoveEvent* e) override {
    if (e->mimeData()->hasFormat(kMediaMimeType)) e->acceptProposedAction();
  }
  void dropEvent(QDropEvent* e) override {
    dropped = mediaFromMime(e->mimeData());
    e->acceptProposedAction();
  }
};

TEST(BinDragTest, DraggingSelectedItemsCarriesTheirIds) {
  const fs::path dir = freshDir("bins_drag");
  writeClips(dir, 3);
  ProjectController ctl;
  ctl.newProject("Drag");
  QWidget window;
  auto* panel = new BinPanel(ctl);
  auto* target = new MediaDropTarget;
  auto* row = new QHBoxLayout(&window);
  row->addWidget(panel, 1);
  row->addWidget(target);
  window.resize(1300, 500);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(importAndWait(*panel, {QString::fromStdString(dir.string())}));
  const auto rows = rowsOf(panel->mediaModel());
  ASSERT_EQ(rows.size(), 3u);
  panel->selectMedia({rows[0], rows[2]});
  QTreeView* list = panel->listView();
  const QPoint from = list->visualRect(panel->mediaModel()->index(2, 0)).center();
  const QPoint to = target->rect().center();
  // QDrag::exec blocks in its own loop: the timer moves the mouse over the target and releases there.
  QTimer::singleShot(50, target, [target, to] {
    QTest::mouseMove(target, to);
    QTest::mouseMove(target, to + QPoint(2, 2));
    QTest::mouseRelease(target, Qt::LeftButton, {}, to + QPoint(2, 2));
  });
  QTest::mousePress(list->viewport(), Qt::LeftButton, {}, from);
  QTest::mouseMove(list->viewport(), from + QPoint(4, 0));
  QTest::mouseMove(list->viewport(), from + QPoint(QApplication::startDragDistance() + 20, 0));
  ASSERT_TRUE(QTest::qWaitFor([&] { return !target->dropped.empty(); }, 5000));
  EXPECT_EQ(target->dropped, (std::vector<model::MediaId>{rows[0], rows[2]}));
}

}  // namespace
}  // namespace postline::ui::testing
