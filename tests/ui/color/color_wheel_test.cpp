// The Color page test: dragging the gain wheel's puck towards orange (real mouse events)
// changes the clip's gain by the amount the wheel mapping defines, the viewer's rendered frame and
// the vectorscope move the same way (towards orange), it is one undoable command, and undo
// restores the grade, the frame and the scopes.
#include <gtest/gtest.h>

#include <QDir>
#include <QDoubleSpinBox>
#include <QTabWidget>
#include <QTest>
#include <cmath>
#include <numbers>

#include "color_test_util.h"
#include "ui/color/color_wheel.h"
#include "ui/color/grade_sections.h"
#include "ui/color/wheel_mapping.h"

namespace postline::ui {
namespace {

using namespace testing;

// Orange's direction on the Cb/Cr plane (unit vector): Rec.709 Cb/Cr of RGB (1, 0.5, 0).
QPointF orangeDirection() {
  const double y = 0.2126 + 0.7152 * 0.5;
  const double cb = (0.0 - y) / 1.8556, cr = (1.0 - y) / 1.5748;
  const double len = std::hypot(cb, cr);
  return {cb / len, cr / len};
}

double angleDeg(double x, double y) { return std::atan2(y, x) * 180.0 / std::numbers::pi; }

TEST(ColorWheel, GainPuckTowardsOrangeMovesGradeFrameAndVectorscopeAndUndoRestoresThem) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_wheel", 2);
  const model::ClipId first = v1Clips(ctl)[0];
  ctl.setPlayhead(time::FramePos{5});
  auto page = showPage(ctl);
  ASSERT_EQ(page->currentClip(), first);
  page->controls().setCurrentWidget(&page->primaries());
  ASSERT_TRUE(waitCurrent(*page));
  const auto rgb0 = meanRgb(page->viewer().widget().shown().image);
  const auto vs0 = vectorscopeCentroid(*page->scopes().latest());
  EXPECT_NEAR(rgb0[0], rgb0[2], 4.0);  // a grey clip: neutral before the drag

  ColorWheel& gain = *page->primaries().wheels[2];
  QWidget& disc = gain.disc();
  const QPointF c = gain.discCentre();
  const double r = gain.discRadius();
  const QPointF dir = orangeDirection();
  const QPoint start = c.toPoint();
  const QPoint end = (c + QPointF(dir.x(), -dir.y()) * (0.6 * r)).toPoint();
  const std::size_t commands = ctl.undoStack().undoCount();
  QTest::mousePress(&disc, Qt::LeftButton, {}, start);
  for (int i = 1; i <= 6; ++i) QTest::mouseMove(&disc, start + (end - start) * i / 6);
  QTest::mouseRelease(&disc, Qt::LeftButton, {}, end);
  EXPECT_EQ(ctl.undoStack().undoCount(), commands + 1) << "one drag, one command";

  // The expected amount: the puck moved by (end - start) / r (y up) from the centre.
  const QPointF puck(double(end.x() - start.x()) / r, -double(end.y() - start.y()) / r);
  const color::Wheel expected = wheelFor(WheelKind::Gain, puck, 0.0, 1.0);
  const color::Wheel got = clipOf(ctl, first).grade.normalise.gain;
  for (int ch = 0; ch < 4; ++ch) EXPECT_NEAR(got[ch], expected[ch], 1e-9) << "channel " << ch;
  EXPECT_GT(got[0], 1.05);  // orange: more red
  EXPECT_LT(got[2], 0.9);   // less blue
  EXPECT_EQ(clipOf(ctl, v1Clips(ctl)[1]).grade, color::Grade{}) << "only the current clip";

  ASSERT_TRUE(waitCurrent(*page));
  const auto rgb1 = meanRgb(page->viewer().widget().shown().image);
  const auto vs1 = vectorscopeCentroid(*page->scopes().latest());
  EXPECT_GT(rgb1[0] - rgb0[0], 8.0);
  EXPECT_LT(rgb1[2] - rgb0[2], -8.0);
  const double dcb = vs1.x() - vs0.x(), dcr = vs1.y() - vs0.y();
  EXPECT_GT(std::hypot(dcb, dcr), 0.03);
  EXPECT_NEAR(angleDeg(dcb, dcr), angleDeg(dir.x(), dir.y()), 15.0) << "the trace moves towards orange";
  // The frame's own chroma moves the same way as the vectorscope's.
  const double y1 = 0.2126 * rgb1[0] + 0.7152 * rgb1[1] + 0.0722 * rgb1[2];
  EXPECT_NEAR(angleDeg((rgb1[2] - y1) / 1.8556, (rgb1[0] - y1) / 1.5748), angleDeg(dir.x(), dir.y()), 15.0);
  QDir().mkpath(QStringLiteral("/tmp/i9/shots"));
  page->grab().save(QStringLiteral("/tmp/i9/shots/color-page.png"));

  ASSERT_TRUE(ctl.undo());
  EXPECT_EQ(clipOf(ctl, first).grade, color::Grade{});
  ASSERT_TRUE(waitCurrent(*page));
  const auto rgb2 = meanRgb(page->viewer().widget().shown().image);
  const auto vs2 = vectorscopeCentroid(*page->scopes().latest());
  for (int ch = 0; ch < 3; ++ch) EXPECT_NEAR(rgb2[ch], rgb0[ch], 1.0);
  EXPECT_NEAR(vs2.x(), vs0.x(), 0.004);
  EXPECT_NEAR(vs2.y(), vs0.y(), 0.004);
  EXPECT_EQ(gain.value(), (color::Wheel{1, 1, 1, 1})) << "the wheel shows the restored grade";
}

TEST(ColorWheel, DoubleClickResetsAndFieldsEditOneChannel) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_wheel_reset", 1);
  ctl.setPlayhead(time::FramePos{2});
  auto page = showPage(ctl);
  page->controls().setCurrentWidget(&page->primaries());
  ColorWheel& lift = *page->primaries().wheels[0];
  const QPoint c = lift.discCentre().toPoint();
  QTest::mousePress(&lift.disc(), Qt::LeftButton, {}, c);
  QTest::mouseMove(&lift.disc(), c + QPoint(20, 0));
  QTest::mouseRelease(&lift.disc(), Qt::LeftButton, {}, c + QPoint(20, 0));
  const model::ClipId id = v1Clips(ctl)[0];
  EXPECT_GT(clipOf(ctl, id).grade.normalise.lift[2], 0.01);  // +Cb: bluer blacks
  QTest::mouseDClick(&lift.disc(), Qt::LeftButton, {}, c);
  EXPECT_EQ(clipOf(ctl, id).grade.normalise.lift, (color::Wheel{0, 0, 0, 0}));
  lift.field(3).setValue(0.05);
  EXPECT_DOUBLE_EQ(clipOf(ctl, id).grade.normalise.lift[3], 0.05);
}

}  // namespace
}  // namespace postline::ui
