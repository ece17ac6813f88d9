// A program viewer whose page is not shown renders nothing on project changes and playhead moves
// (four pages each hold a viewer; hidden ones must leave the CPU to the visible one), and catches
// up when shown. The edit coalescing of the Color page's viewer: changes during a render wait for
// its frame, and the newest state is what ends up on screen.
#include <gtest/gtest.h>

#include <QStackedWidget>
#include <QTest>

#include "tests/ui/ui_fixtures.h"
#include "tests/ui/viewer/viewer_test_util.h"
#include "core/edit/grade.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui {
namespace {

using testing::readBurntNumber;
using testing::waitFor;

TEST(HiddenViewer, RendersNothingWhileItsPageIsHiddenAndCatchesUpWhenShown) {
  ProjectController ctl;
  ctl.newProject("Hidden");
  testing::assembleClips(ctl, testing::freshDir("hidden_viewer"), 2);
  QStackedWidget pages;
  auto* viewer = new ProgramViewer(ctl);
  auto* other = new QWidget;
  pages.addWidget(viewer);
  pages.addWidget(other);
  pages.resize(800, 520);
  pages.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&pages));
  ASSERT_TRUE(waitFor([&] { return viewer->widget().shownFrame() == 0 && !viewer->widget().shown().draft; }));
  pages.setCurrentWidget(other);
  ASSERT_FALSE(viewer->isVisible());
  QTest::qWait(200);  // a render already in flight may finish
  const quint64 rendered = viewer->renderService().renderedCount();
  const quint64 generation = viewer->renderService().generation();
  for (qint64 f : {5, 17, 30, 41}) ctl.setPlayhead(time::FramePos{f});
  color::Grade g;
  g.normalise.exposure = 0.5;
  const model::ClipId first = ctl.sequence()->tracks[0].clips[0].id;
  ASSERT_TRUE(ctl.apply(edit::setClipGrade(ctl.project(), ctl.currentSequence(), first, g), "Grade"));
  QTest::qWait(300);
  EXPECT_EQ(viewer->renderService().renderedCount(), rendered) << "a hidden viewer renders nothing";
  EXPECT_EQ(viewer->renderService().generation(), generation) << "nor rebuilds its source";
  EXPECT_TRUE(viewer->isStale());
  pages.setCurrentWidget(viewer);
  ASSERT_TRUE(waitFor([&] { return viewer->widget().shownFrame() == 41 && !viewer->widget().shown().draft; }));
  EXPECT_EQ(readBurntNumber(viewer->widget().shown().image, 320), 41);
  EXPECT_EQ(viewer->widget().shown().generation, viewer->renderService().generation());
  EXPECT_FALSE(viewer->isStale());
}

TEST(HiddenViewer, CoalescedEditsEndOnTheNewestState) {
  ProjectController ctl;
  ctl.newProject("Coalesce");
  testing::assembleClips(ctl, testing::freshDir("coalesce_viewer"), 1);
  ProgramViewer viewer(ctl);
  viewer.setCoalesceEdits(true);
  viewer.resize(800, 520);
  viewer.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&viewer));
  ASSERT_TRUE(waitFor([&] { return viewer.widget().shownFrame() == 0; }));
  const model::ClipId clip = ctl.sequence()->tracks[0].clips[0].id;
  const quint64 before = viewer.renderService().generation();
  bool sawPending = false;
  for (int i = 1; i <= 8; ++i) {  // faster than renders: most wait for the frame in flight
    color::Grade g;
    g.normalise.exposure = 0.1 * i;
    ASSERT_TRUE(ctl.apply(edit::setClipGrade(ctl.project(), ctl.currentSequence(), clip, g), "Exposure", "drag"));
    sawPending = sawPending || viewer.editPending();
  }
  ctl.closeGesture();
  EXPECT_TRUE(sawPending);
  EXPECT_LT(viewer.renderService().generation() - before, 8u) << "changes during a render were merged";
  ASSERT_TRUE(waitFor([&] {
    return !viewer.editPending() && viewer.widget().shown().generation == viewer.renderService().generation();
  }));
  EXPECT_DOUBLE_EQ(ctl.sequence()->tracks[0].clips[0].grade.normalise.exposure, 0.8);
  // The frame on screen is of the newest state (exposure 0.8), not an intermediate one: the same
  // picture a second viewer renders straight from the final project.
  ProgramViewer reference(ctl);
  reference.resize(800, 520);
  reference.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&reference));
  ASSERT_TRUE(waitFor([&] { return reference.widget().shownFrame() == 0 && !reference.widget().shown().draft; }));
  const QImage a = viewer.widget().shown().image, b = reference.widget().shown().image;
  ASSERT_EQ(a.size(), b.size());
  double diff = 0;
  for (int y = 0; y < a.height(); y += 4) {
    for (int x = 0; x < a.width(); x += 4) diff += std::abs(qGreen(a.pixel(x, y)) - qGreen(b.pixel(x, y)));
  }
  EXPECT_LT(diff / ((a.width() / 4) * (a.height() / 4)), 1.0);
}

}  // namespace
}  // namespace postline::ui
