#pragma once
// Shared set-up of the timeline tests: a controller with clips assembled on V1/A1, a TimelineView
// shown at a fixed size under Xvfb, and helpers for real mouse input on its viewport.
#include <gtest/gtest.h>

#include <QApplication>
#include <QTest>
#include <memory>

#include "tests/ui/ui_fixtures.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/timeline_view.h"

namespace postline::ui::testing {

class TimelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ctl = std::make_unique<ProjectController>();
    ctl->newProject("Timeline Test");
    view = std::make_unique<TimelineView>(*ctl);
    view->resize(1200, 520);
    view->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
  }
  void TearDown() override {
    view.reset();
    ctl.reset();
  }

  // Imports and assembles `count` clips of `frames` frames on V1/A1 (fixture media written once per name).
  std::vector<model::MediaId> assemble(const std::string& dirName, int count, int frames = 48) {
    auto ids = assembleClips(*ctl, freshDir(dirName), count, frames);
    view->zoomToFit();
    return ids;
  }
  model::TrackId v1() const { return firstTrack(*ctl, model::TrackKind::Video); }
  model::TrackId a1() const { return firstTrack(*ctl, model::TrackKind::Audio); }
  QWidget* vp() const { return view->viewport(); }
  const model::Track& track(model::TrackId id) const { return *ctl->sequence()->findTrack(id); }

  // A real left-button drag on the viewport: press, two moves (past the drag distance), release.
  void drag(QPoint from, QPoint to, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QTest::mouseMove(vp(), from);
    QTest::mousePress(vp(), Qt::LeftButton, mods, from);
    const QPoint mid = from + (to - from) / 2 + QPoint(0, 0);
    QTest::mouseMove(vp(), from + QPoint((to - from).x() > 0 ? 6 : -6, 0));
    QTest::mouseMove(vp(), mid);
    QTest::mouseMove(vp(), to);
    QTest::mouseRelease(vp(), Qt::LeftButton, mods, to);
  }
  void click(QPoint at, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QTest::mouseMove(vp(), at);
    QTest::mouseClick(vp(), Qt::LeftButton, mods, at);
  }

  std::unique_ptr<ProjectController> ctl;
  std::unique_ptr<TimelineView> view;
};

}  // namespace postline::ui::testing
