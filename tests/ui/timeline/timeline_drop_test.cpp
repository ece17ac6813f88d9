// A real drag and drop (QDrag::exec under Xvfb + xcb) from a list view of media to the timeline.
// (The view must be created inside the window: one shown as a top-level first and re-parented got no drops.)
#include <QHBoxLayout>
#include <QListView>
#include <QStandardItemModel>
#include <QTimer>


#include "core/edit/placement.h"
#include "tests/ui/timeline/timeline_fixture.h"
#include "ui/controller/media_mime.h"

namespace postline::ui::testing {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;

// Items carry media ids; dragging them gives the bins' MIME payload.
class MediaModel : public QStandardItemModel {
 public:
  QStringList mimeTypes() const override { return {kMediaMimeType}; }
  QMimeData* mimeData(const QModelIndexList& indexes) const override {
    std::vector<model::MediaId> ids;
    for (const QModelIndex& i : indexes) ids.push_back(model::MediaId{i.data(kIdRole).toULongLong()});
    return makeMediaMime(ids);
  }
};

class TimelineDropTest : public TimelineTest, public QObject {
 protected:
  void SetUp() override {
    ctl = std::make_unique<ProjectController>();
    ctl->newProject("Timeline Drop Test");
    window = std::make_unique<QWidget>();
    view = std::make_unique<TimelineView>(*ctl);
    auto* layout = new QHBoxLayout(window.get());
    list = new QListView;
    list->setModel(&media);
    list->setDragEnabled(true);
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list->setFixedWidth(220);
    layout->addWidget(list);
    layout->addWidget(view.get());
    vp()->installEventFilter(this);
    window->resize(1400, 560);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  }
  void TearDown() override {
    view.release();  // owned by the window now
    window.reset();
    TimelineTest::TearDown();
  }

  void addItem(model::MediaId id) {
    auto* item = new QStandardItem(QString::fromStdString(ctl->project().findMedia(id)->name));
    item->setData(QVariant::fromValue<qulonglong>(id.value), kIdRole);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    media.appendRow(item);
  }

  // A real drag: press on the list item and move past the drag distance (QDrag::exec blocks); a timer armed
  // before moves the mouse over the timeline twice and releases there with `mods` (Xvfb + xcb only).
  void execDrop(int row, QPoint to, Qt::KeyboardModifiers mods) {
    const QPoint from = list->visualRect(media.index(row, 0)).center();
    QWidget* target = vp();
    QTimer::singleShot(50, [target, to, mods] {
      QTest::mouseMove(target, to - QPoint(3, 0));
      QTest::mouseMove(target, to);
      QTest::mouseRelease(target, Qt::LeftButton, mods, to);
    });
    QTest::mousePress(list->viewport(), Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(list->viewport(), from + QPoint(10, 0));
    QTest::mouseMove(list->viewport(), from + QPoint(30, 0));  // the drag starts; exec returns after the drop
    EXPECT_GE(m_enters, 3) << "drag events reached the timeline's viewport";
  }

  bool eventFilter(QObject*, QEvent* e) override {
    if (e->type() == QEvent::DragEnter || e->type() == QEvent::DragMove || e->type() == QEvent::Drop) ++m_enters;
    return false;
  }
  int m_enters = 0;
  std::unique_ptr<QWidget> window;
  QListView* list = nullptr;
  MediaModel media;
};

TEST_F(TimelineDropTest, RealDropOverwritesAtTheFrameUnderTheMouse) {
  const auto ids = assemble("tl_drop", 3, 48);  // V1: [0,48) [48,96) [96,144)
  ctl->setSnapping(false);
  addItem(ids[2]);
  const model::Project before = ctl->project();
  const QPoint to = *view->viewportPoint(time::FramePos{30}, v1()) + QPoint(0, 0);
  const time::FramePos expected = view->geometry().frameAtX(to.x() - TimelineGeometry::kHeaderWidth);
  ASSERT_GT(expected.value, 20);
  execDrop(0, to, Qt::NoModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !(ctl->project() == before); }, 3000)) << "no drop arrived";

  model::Project want = before;
  auto cs = edit::overwrite(before, ctl->currentSequence(), v1(), expected,
                            edit::SourceSpan{ids[2], 0, before.findMedia(ids[2])->info.duration}, a1());
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  ASSERT_TRUE(model::apply(want, *cs).ok());
  EXPECT_EQ(ctl->project(), want);
  const model::Clip* placed = model::clipAt(track(v1()), expected);
  ASSERT_NE(placed, nullptr);
  EXPECT_EQ(placed->start, expected);
  EXPECT_EQ(placed->media, ids[2]);
  ASSERT_NE(model::clipAt(track(a1()), expected), nullptr);  // linked audio on A1 Dialogue
  // One command: one undo restores the project.
  ASSERT_TRUE(ctl->undo());
  EXPECT_EQ(ctl->project(), before);
}

TEST_F(TimelineDropTest, RealDropWithCtrlInserts) {
  const auto ids = assemble("tl_drop_ins", 3, 48);
  ctl->setSnapping(false);
  addItem(ids[0]);
  const model::Project before = ctl->project();
  const QPoint to = *view->viewportPoint(time::FramePos{60}, v1());
  const time::FramePos expected = view->geometry().frameAtX(to.x() - TimelineGeometry::kHeaderWidth);
  execDrop(0, to, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !(ctl->project() == before); }, 3000)) << "no drop arrived";

  model::Project want = before;
  auto cs = edit::insert(before, ctl->currentSequence(), v1(), expected,
                         edit::SourceSpan{ids[0], 0, before.findMedia(ids[0])->info.duration}, a1());
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  ASSERT_TRUE(model::apply(want, *cs).ok());
  EXPECT_EQ(ctl->project(), want);
  EXPECT_EQ(track(v1()).clips.size(), 5u);  // the clip under the drop point was split
  ASSERT_TRUE(ctl->undo());
  EXPECT_EQ(ctl->project(), before);
}

TEST_F(TimelineDropTest, DragMoveShowsGhostsOfAllItemsOneAfterAnother) {
  const auto ids = assemble("tl_ghost", 2, 24);
  ctl->setSnapping(false);
  const QPoint to = *view->viewportPoint(time::FramePos{100}, v1());
  std::unique_ptr<QMimeData> mime(makeMediaMime({ids[0], ids[1]}));
  QDragEnterEvent enter(to, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::ControlModifier);
  QApplication::sendEvent(vp(), &enter);
  EXPECT_TRUE(enter.isAccepted());
  const auto& ghosts = view->dropGhosts();
  ASSERT_EQ(ghosts.size(), 4u);  // two video clips, each with its linked audio
  const time::FramePos at = view->geometry().frameAtX(to.x() - TimelineGeometry::kHeaderWidth);
  EXPECT_EQ(ghosts[0].track, v1());
  EXPECT_EQ(ghosts[0].start, at);
  EXPECT_EQ(ghosts[1].track, a1());
  EXPECT_EQ(ghosts[2].start, at + ghosts[0].duration);
  EXPECT_TRUE(view->dropInserts());
  view->grab().save("/tmp/i8/shots/timeline_drop_ghost.png");
  QDragLeaveEvent leave;
  QApplication::sendEvent(vp(), &leave);
  EXPECT_TRUE(view->dropGhosts().empty());
}

}  // namespace
}  // namespace postline::ui::testing
