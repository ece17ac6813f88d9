#pragma once
// Shared by the main window tests: a real, shown MainWindow built like app/gui/main.cpp builds it
// (dark theme, settings in a temp folder), media written by the tests, waiting for imports, a real
// QDrag from the bin list onto the timeline, and closing message boxes so that nothing blocks.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QComboBox>
#include <QCursor>
#include <QElapsedTimer>
#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QTest>
#include <QDrag>
#include <QTimer>
#include <QTreeView>
#include <memory>
#include <string>
#include <vector>

#include "core/media/ffmpeg/media_writer.h"
#include "tests/ui/bins/bins_test_util.h"
#include "tests/ui/ui_fixtures.h"
#include "tests/ui/viewer/viewer_test_util.h"
#include "ui/bins/bin_panel.h"
#include "ui/bins/media_table_model.h"
#include "ui/controller/project_controller.h"
#include "ui/main/main_window.h"
#include "ui/main/main_window_parts.h"
#include "ui/theme/theme.h"
#include "ui/playback/transport.h"
#include "ui/timeline/timeline_view.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui::testing {

inline constexpr const char* kShotDir = "/tmp/i8/shots/";

// A shown MainWindow on the dark theme; settings (geometry, layout, recent files) in a fresh temp folder.
inline std::unique_ptr<MainWindow> makeWindow() {
  static bool once = [] {
    const fs::path dir = freshDir("main_settings");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, QString::fromStdString(dir.string()));
    applyDarkTheme(*qApp);
    return true;
  }();
  (void)once;
  auto w = std::make_unique<MainWindow>();
  w->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(w.get()));
  w->activateWindow();
  EXPECT_TRUE(QTest::qWaitForWindowActive(w.get()));  // window shortcuts need the active window
  QTest::qWait(50);  // the default dock layout is applied on the next turn of the event loop
  return w;
}

// A 2 s stereo WAV tone (the music of the cut).
inline fs::path writeMusic(const fs::path& dir) {
  media::ffmpeg::AudioSpec spec;
  spec.seconds = 2.0;
  spec.toneHz = 330.0;
  const fs::path p = dir / "Music_Bed.wav";
  auto r = media::ffmpeg::writeAudio(p, spec);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return p;
}

// The media ids of the bin list's rows whose media item satisfies `pred`, top to bottom.
template <class Pred>
std::vector<model::MediaId> binRows(const BinPanel& panel, const ProjectController& ctl, Pred pred) {
  std::vector<model::MediaId> ids;
  const QAbstractItemModel* m = panel.mediaModel();
  for (int r = 0; r < m->rowCount(); ++r) {
    const model::MediaId id{m->index(r, 0).data(MediaTableModel::MediaIdRole).toULongLong()};
    const model::MediaItem* item = ctl.project().findMedia(id);
    if (item && pred(*item)) ids.push_back(id);
  }
  return ids;
}

// The bin list row of `id` (its first column), invalid when not shown.
inline QModelIndex binIndexOf(const BinPanel& panel, model::MediaId id) {
  const QAbstractItemModel* m = panel.mediaModel();
  for (int r = 0; r < m->rowCount(); ++r) {
    if (m->index(r, 0).data(MediaTableModel::MediaIdRole).toULongLong() == id.value) return m->index(r, 0);
  }
  return {};
}

// A real drag: presses on `grab` (a selected row of the bin list), moves past the drag distance and,
// while QDrag::exec runs its loop, moves over `target` on the timeline's viewport and releases there.
inline void dragFromBinsTo(BinPanel& panel, model::MediaId grab, TimelineView& timeline, QPoint target) {
  QTreeView* list = panel.listView();
  list->scrollTo(binIndexOf(panel, grab));
  const QPoint from = list->visualRect(binIndexOf(panel, grab)).center();
  QWidget* vp = timeline.viewport();
  // xcb's drag follows the X pointer: warp the real pointer as well (QTest's moves do not move it;
  // without this the drop lands where the X pointer happens to be).
  // The drop is done from inside the drag's own event loop, once the drag has started (a fixed delay
  // could fire before it on a busy machine: the press and moves below also process events).
  auto* poll = new QTimer(vp);
  QObject::connect(poll, &QTimer::timeout, vp, [poll, p = &panel, vp, target] {
    if (!p->findChild<QDrag*>()) return;
    poll->stop();
    poll->deleteLater();
    QCursor::setPos(vp->mapToGlobal(target - QPoint(3, 0)));
    QTest::mouseMove(vp, target - QPoint(3, 0));
    QCursor::setPos(vp->mapToGlobal(target));
    QTest::mouseMove(vp, target);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, target);
  });
  poll->start(20);
  QTest::mousePress(list->viewport(), Qt::LeftButton, {}, from);
  QTest::mouseMove(list->viewport(), from + QPoint(4, 0));
  QTest::mouseMove(list->viewport(), from + QPoint(QApplication::startDragDistance() + 20, 0));
}

// Answers every message box that opens while it lives (polling the active modal widget): clicks
// `button` when the box has it, else closes it; remembers the boxes' titles and texts.
class MessageBoxAnswerer {
 public:
  explicit MessageBoxAnswerer(QMessageBox::StandardButton button = QMessageBox::Ok) : m_button(button) {
    QObject::connect(&m_timer, &QTimer::timeout, [this] { answer(); });
    m_timer.start(30);
  }
  // "title: text" of each box answered, in order.
  const QStringList& seen() const { return m_seen; }

 private:
  void answer() {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box || !box->isVisible() || box->property("answered").toBool()) return;
    box->setProperty("answered", true);
    m_seen << box->windowTitle() + ": " + box->text();
    if (QAbstractButton* b = box->button(m_button)) {
      QTest::mouseClick(b, Qt::LeftButton);
    } else {
      box->close();
    }
  }
  QMessageBox::StandardButton m_button;
  QTimer m_timer;
  QStringList m_seen;
};

// The clips of the current sequence's first track of `kind`, in timeline order.
inline std::vector<model::Clip> clipsOn(const ProjectController& ctl, model::TrackKind kind, int nth = 0) {
  for (const model::Track& t : ctl.sequence()->tracks) {
    if (t.kind == kind && nth-- == 0) return t.clips;
  }
  return {};
}

// Waits until the program viewer shows `frame` (not a draft) and returns the number burnt into it.
inline std::int64_t programShows(MainWindow& w, qint64 frame, int mediaWidth = 320) {
  ViewerWidget& vw = w.parts().program->widget();
  EXPECT_TRUE(QTest::qWaitFor([&] { return vw.shownFrame() == frame && !vw.shown().draft; }, 20000)) << frame;
  return readBurntNumber(vw.shown().image, mediaWidth);
}

// Frames the playhead advanced while playing (Space) for about `ms`, and the frames the sequence rate
// (24 fps) gives for the time measured (the same period). Playback is at Quarter resolution (what a
// user picks on a slow machine: no GPU here); stops playing (Space) at the end.
struct PlayMeasure {
  double advanced = 0;
  double expected = 0;
  int dropped = 0;
};
inline PlayMeasure playFor(MainWindow& w, int ms) {
  PlayMeasure m;
  w.parts().program->resolutionBox().setCurrentIndex(2);
  Transport& t = *w.parts().transport;
  w.parts().timeline->setFocus();
  QTest::keyClick(&w, Qt::Key_Space);
  EXPECT_TRUE(QTest::qWaitFor([&] { return t.isPlaying() && !t.prerolling(); }, 5000));
  const std::int64_t start = w.controller().playhead().value;
  QElapsedTimer clock;
  clock.start();
  std::int64_t last = start;
  qint64 lastAt = 0;
  while (clock.elapsed() < ms && t.isPlaying()) {
    QTest::qWait(5);
    if (w.controller().playhead().value != last) {
      last = w.controller().playhead().value;
      lastAt = clock.elapsed();  // when the playhead last moved (it moves when a frame is shown)
    }
  }
  m.advanced = double(last - start);
  m.expected = lastAt * 24.0 / 1000.0;
  m.dropped = t.droppedFrames();
  QTest::keyClick(&w, Qt::Key_Space);
  EXPECT_TRUE(QTest::qWaitFor([&] { return !t.isPlaying(); }, 2000));
  return m;
}

}  // namespace postline::ui::testing
