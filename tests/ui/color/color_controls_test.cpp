// Color page controls with real mouse events: curves, LUT picker (a broken file), copy/paste of a
// grade onto two clips as one undo step, the film look sliders, the clip strip, the before/after wipe.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTest>
#include <fstream>

#include "color_test_util.h"
#include "ui/color/clip_strip.h"
#include "ui/color/color_wheel.h"
#include "ui/color/curve_editor.h"
#include "ui/color/grade_sections.h"
#include "ui/color/param_slider.h"

namespace postline::ui {
namespace {

using namespace testing;

TEST(ColorControls, CurvesClickAddsDragMovesRightClickRemovesOneCommandEach) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_curves", 1);
  ctl.setPlayhead(time::FramePos{3});
  auto page = showPage(ctl);
  page->controls().setCurrentWidget(&page->curves());
  CurveEditor& ed = page->curves();
  ed.setChannel(1);  // red
  QWidget& plot = ed.plot();
  const std::size_t before = ctl.undoStack().undoCount();
  const QPoint at = ed.plotPoint(0.5, 0.5).toPoint();
  const QPoint to = ed.plotPoint(0.5, 0.7).toPoint();
  QTest::mousePress(&plot, Qt::LeftButton, {}, at);
  for (int i = 1; i <= 4; ++i) QTest::mouseMove(&plot, at + (to - at) * i / 4);
  QTest::mouseRelease(&plot, Qt::LeftButton, {}, to);
  EXPECT_EQ(ctl.undoStack().undoCount(), before + 1);
  const auto& red = clipOf(ctl, v1Clips(ctl)[0]).grade.creative.curves.red;
  ASSERT_EQ(red.size(), 3u);  // the diagonal's ends plus the new point
  EXPECT_NEAR(red[1].x, 0.5, 0.02);
  EXPECT_NEAR(red[1].y, 0.7, 0.02);
  EXPECT_TRUE(clipOf(ctl, v1Clips(ctl)[0]).grade.creative.curves.master.empty());
  page->grab().save(QStringLiteral("/tmp/i9/shots/color-curves.png"));
  QTest::mouseClick(&plot, Qt::RightButton, {}, to);
  EXPECT_EQ(clipOf(ctl, v1Clips(ctl)[0]).grade.creative.curves.red.size(), 2u);
  ASSERT_TRUE(ctl.undo());
  EXPECT_EQ(clipOf(ctl, v1Clips(ctl)[0]).grade.creative.curves.red.size(), 3u);
}

TEST(ColorControls, BrokenLutNamesTheFileAndChangesNothingAShippedOneApplies) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_lut", 1);
  ctl.setPlayhead(time::FramePos{3});
  auto page = showPage(ctl);
  page->controls().setCurrentWidget(&page->look());
  const fs::path broken = freshDir("color_lut_file") / "broken_look.cube";
  std::ofstream(broken) << "LUT_3D_SIZE 33\n0.1 0.2\nnot numbers\n";
  const std::size_t before = ctl.undoStack().undoCount();
  EXPECT_FALSE(page->look().chooseLut(QString::fromStdString(broken.string())));
  EXPECT_EQ(ctl.undoStack().undoCount(), before);
  EXPECT_TRUE(clipOf(ctl, v1Clips(ctl)[0]).grade.creative.lut.path.empty());
  EXPECT_TRUE(page->look().message->text().contains(QStringLiteral("broken_look.cube"))) << page->look().message->text().toStdString();
  QComboBox& box = *page->look().lutBox;
  int warm = -1;
  for (int i = 0; i < box.count(); ++i) {
    if (box.itemText(i) == QStringLiteral("warm_negative")) warm = i;
  }
  ASSERT_GE(warm, 0) << "the shipped looks are listed";
  box.setCurrentIndex(warm);
  emit box.activated(warm);
  EXPECT_EQ(ctl.undoStack().undoCount(), before + 1);
  EXPECT_NE(clipOf(ctl, v1Clips(ctl)[0]).grade.creative.lut.path.find("warm_negative.cube"), std::string::npos);
  page->look().strength->field().setValue(0.4);
  EXPECT_DOUBLE_EQ(clipOf(ctl, v1Clips(ctl)[0]).grade.creative.lut.mix, 0.4);
  page->grab().save(QStringLiteral("/tmp/i9/shots/color-look.png"));
}

TEST(ColorControls, CopyThenPasteOntoTwoClipsIsOneUndoStep) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_paste", 3);
  const auto clips = v1Clips(ctl);
  ctl.setPlayhead(time::FramePos{3});
  auto page = showPage(ctl);
  page->controls().setCurrentWidget(&page->normaliseSection());
  page->normaliseSection().exposure->field().setValue(0.5);
  page->normaliseSection().temperature->field().setValue(20.0);
  const color::Grade graded = clipOf(ctl, clips[0]).grade;
  ASSERT_DOUBLE_EQ(graded.normalise.exposure, 0.5);
  page->grab().save(QStringLiteral("/tmp/i9/shots/color-normalise.png"));
  QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("Copygrade")), Qt::LeftButton);
  EXPECT_TRUE(page->hasCopiedGrade());
  // Ctrl-click the other two clips in the strip.
  ClipStrip& strip = page->strip();
  ASSERT_EQ(strip.count(), 3);
  QTest::mouseClick(strip.viewport(), Qt::LeftButton, {}, strip.itemRect(1).center());
  QTest::mouseClick(strip.viewport(), Qt::LeftButton, Qt::ControlModifier, strip.itemRect(2).center());
  ASSERT_EQ(ctl.selection().size(), 2u);
  const std::size_t before = ctl.undoStack().undoCount();
  QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("Pastegrade")), Qt::LeftButton);
  EXPECT_EQ(ctl.undoStack().undoCount(), before + 1);
  EXPECT_EQ(clipOf(ctl, clips[1]).grade, graded);
  EXPECT_EQ(clipOf(ctl, clips[2]).grade, graded);
  ASSERT_TRUE(ctl.undo());
  EXPECT_EQ(clipOf(ctl, clips[1]).grade, color::Grade{});
  EXPECT_EQ(clipOf(ctl, clips[2]).grade, color::Grade{});
  EXPECT_EQ(clipOf(ctl, clips[0]).grade, graded);
}

TEST(ColorControls, FilmLookSlidersSetTheTimelineGradeOneCommandPerDrag) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_film", 1);
  auto page = showPage(ctl);
  page->controls().setCurrentWidget(&page->film());
  QSlider& s = page->film().vignetteAmount->slider();
  const std::size_t before = ctl.undoStack().undoCount();
  const QRect g = s.rect();
  const QPoint from(4, g.center().y()), to(g.width() / 2, g.center().y());
  QTest::mousePress(&s, Qt::LeftButton, {}, from);
  for (int i = 1; i <= 5; ++i) QTest::mouseMove(&s, from + (to - from) * i / 5);
  QTest::mouseRelease(&s, Qt::LeftButton, {}, to);
  EXPECT_EQ(ctl.undoStack().undoCount(), before + 1);
  const double v = ctl.sequence()->settings.timelineGrade.film.vignette.amount;
  EXPECT_GT(v, 0.1);
  EXPECT_LT(v, 0.2);
  page->film().grainAmount->field().setValue(0.03);
  page->film().grainSize->field().setValue(2.0);
  page->film().halation->field().setValue(0.5);
  page->film().ceiling->field().setValue(0.9);
  const color::FilmLook& f = ctl.sequence()->settings.timelineGrade.film;
  EXPECT_DOUBLE_EQ(f.grain.amount, 0.03);
  EXPECT_DOUBLE_EQ(f.grain.size, 2.0);
  EXPECT_DOUBLE_EQ(f.halation.amount, 0.5);
  EXPECT_DOUBLE_EQ(f.ceiling.ceiling, 0.9);
  EXPECT_LE(f.ceiling.knee, 0.9);
  EXPECT_EQ(ctl.undoStack().undoCount(), before + 5);
  page->grab().save(QStringLiteral("/tmp/i9/shots/color-film.png"));
}

TEST(ColorControls, ClipStripClickMovesThePlayheadAndTheCurrentClip) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_strip", 3);
  const auto clips = v1Clips(ctl);
  auto page = showPage(ctl);
  ClipStrip& strip = page->strip();
  ASSERT_EQ(strip.count(), 3);
  EXPECT_EQ(page->currentClip(), clips[0]);
  QTest::mouseClick(strip.viewport(), Qt::LeftButton, {}, strip.itemRect(2).center());
  EXPECT_EQ(ctl.playhead().value, clipOf(ctl, clips[2]).start.value);
  EXPECT_EQ(page->currentClip(), clips[2]);
  EXPECT_EQ(strip.current(), clips[2]);
  EXPECT_EQ(ctl.selection(), std::vector<model::ClipId>{clips[2]});
  ASSERT_TRUE(waitCurrent(*page));
  EXPECT_EQ(page->viewer().widget().shownFrame(), clipOf(ctl, clips[2]).start.value);
}

TEST(ColorControls, BeforeAfterSplitShowsUngradedPixelsLeftOfTheDivider) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_split", 1);
  ctl.setPlayhead(time::FramePos{3});
  auto page = showPage(ctl);
  page->primaries().wheels[2]->field(0).setValue(1.6);  // gain red up
  ASSERT_TRUE(waitCurrent(*page));
  QTest::mouseClick(&page->beforeAfterButton(), Qt::LeftButton);
  ViewerWidget& w = page->viewer().widget();
  ASSERT_TRUE(w.isSplit());
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.beforeFrame().frame == w.shownFrame() && !w.beforeFrame().image.isNull(); }, 20000));
  const QRectF pic = w.pictureRect();
  const QPoint handle(int(pic.left() + pic.width() * 0.5), int(pic.center().y()));
  const QPoint target(int(pic.left() + pic.width() * 0.6), int(pic.center().y()));
  QTest::mousePress(&w, Qt::LeftButton, {}, handle);
  QTest::mouseMove(&w, target);
  QTest::mouseRelease(&w, Qt::LeftButton, {}, target);
  EXPECT_NEAR(w.splitPosition(), 0.6, 0.01);
  QTest::qWait(100);
  const QImage shot = w.grabFramebuffer();
  const double dpr = shot.devicePixelRatio();
  const QColor left = shot.pixelColor(int((pic.left() + pic.width() * 0.25) * dpr), int(pic.center().y() * dpr));
  const QColor right = shot.pixelColor(int((pic.left() + pic.width() * 0.85) * dpr), int(pic.center().y() * dpr));
  EXPECT_NEAR(left.red(), left.blue(), 6) << "left of the divider: the ungraded grey";
  EXPECT_GT(right.red() - right.blue(), 40) << "right: the graded (red) picture";
  page->grab().save(QStringLiteral("/tmp/i9/shots/color-before-after.png"));
}

}  // namespace
}  // namespace postline::ui

namespace postline::ui {
namespace {

using namespace testing;

TEST(ColorMatch, NormaliseAllToABrighterStillIsOneCommandAndBrightensTheFrame) {
  ProjectController ctl;
  assembleFlatClips(ctl, "color_match", 2);
  ctl.setPlayhead(time::FramePos{3});
  auto page = showPage(ctl);
  ASSERT_TRUE(waitCurrent(*page));
  const double before = meanRgb(page->viewer().widget().shown().image)[1];
  QImage still(320, 180, QImage::Format_RGB888);
  still.fill(QColor(170, 170, 170));
  const fs::path file = freshDir("color_match_ref") / "Reference.png";
  ASSERT_TRUE(still.save(QString::fromStdString(file.string())));
  const std::size_t commands = ctl.undoStack().undoCount();
  QSignalSpy done(page.get(), &ColorPage::matchFinished);
  page->matchToReference(QString::fromStdString(file.string()), true);
  ASSERT_TRUE(done.wait(60000));
  EXPECT_TRUE(done.at(0).at(0).toBool()) << done.at(0).at(1).toString().toStdString();
  EXPECT_EQ(ctl.undoStack().undoCount(), commands + 1) << "every clip in one command";
  for (model::ClipId id : v1Clips(ctl)) EXPECT_NE(clipOf(ctl, id).grade.normalise, color::Normalise{});
  ASSERT_TRUE(waitCurrent(*page));
  const double after = meanRgb(page->viewer().widget().shown().image)[1];
  EXPECT_GT(after, before + 15) << "matched towards the brighter reference";
  EXPECT_NEAR(after, 170, 12);
}

}  // namespace
}  // namespace postline::ui
