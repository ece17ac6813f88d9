#pragma once
// Shared fixture of the edit-action tests: three 48-frame clips (24 fps, with audio) assembled on
// V1/A1 through a real controller, the actions attached to a shown, active window (window shortcuts
// need one), and helpers that compute the model the core edit function gives on a copy.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDialog>
#include <QTest>
#include <QTimer>
#include <QWidget>
#include <cstdlib>
#include <functional>

#include "core/model/change_set.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/actions/edit_actions.h"

namespace postline::ui::testing {

class ActionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (s_files.empty()) s_files = writeClips(freshDir("actions"), 3, 48);
  }

  void SetUp() override {
    ctl.newProject("Actions");
    media = importFiles(ctl, s_files);
    ASSERT_EQ(media.size(), 3u);
    v1 = firstTrack(ctl, model::TrackKind::Video);
    a1 = firstTrack(ctl, model::TrackKind::Audio);
    ASSERT_TRUE(ctl.apply(edit::assemblyEdit(ctl.project(), ctl.currentSequence(), media, v1, a1), "Assembly Edit"));
    ASSERT_EQ(ctl.sequence()->findTrack(v1)->clips.size(), 3u);
    window.resize(640, 360);
    actions.attachTo(window);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  }

  // The n-th clip (0-based) of track `track` as it is now.
  const model::Clip& clip(model::TrackId track, std::size_t n) const {
    return ctl.sequence()->findTrack(track)->clips.at(n);
  }

  // The project the core edit `cs` gives when applied to a copy of the controller's project.
  model::Project expected(const base::Result<model::ChangeSet>& cs) const {
    EXPECT_TRUE(cs.ok()) << (cs.ok() ? "" : cs.error().message);
    model::Project p = ctl.project();
    if (cs.ok()) {
      auto r = model::apply(p, cs.value());
      EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    }
    return p;
  }

  // The last action made exactly one command named `label` whose undo restores `before` and whose
  // redo gives `after` again.
  void expectOneCommand(const model::Project& before, const model::Project& after, const std::string& label) {
    EXPECT_EQ(ctl.undoStack().undoLabel(), label);
    ASSERT_TRUE(ctl.undo());
    EXPECT_TRUE(ctl.project() == before) << "undo of " << label << " did not restore the project";
    ASSERT_TRUE(ctl.redo());
    EXPECT_TRUE(ctl.project() == after) << "redo of " << label << " did not give the edit again";
  }

  void press(int key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QTest::keyClick(&window, static_cast<Qt::Key>(key), mods);
  }

  // Saves `widget` as <POSTLINE_SHOTS_DIR>/actions_<name>.png when that variable is set.
  static void shot(QWidget& widget, const QString& name) {
    const char* dir = std::getenv("POSTLINE_SHOTS_DIR");
    if (dir == nullptr) return;
    EXPECT_TRUE(widget.grab().save(QString::fromLocal8Bit(dir) + "/actions_" + name + ".png"));
  }

  // Fills the next modal dialog with `fill` and accepts it (polls for it every 20 ms).
  static void whenDialogOpens(std::function<void(QDialog&)> fill) {
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, fill] {
      auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
      if (dialog == nullptr) return;
      timer->stop();
      timer->deleteLater();
      fill(*dialog);
      dialog->accept();
    });
    timer->start();
  }

  static inline std::vector<fs::path> s_files;
  ProjectController ctl;
  QWidget window;
  EditActions actions{ctl};
  std::vector<model::MediaId> media;
  model::TrackId v1, a1;
};

}  // namespace postline::ui::testing
