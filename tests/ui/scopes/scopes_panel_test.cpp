// The scopes panel: frames submitted (directly or from a real ViewerWidget) are computed off the UI
// thread, painted, and announced with their frame and generation; the chosen scopes are drawn.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

#include "tests/ui/scopes/scopes_test_util.h"
#include "ui/scopes/scope_math.h"
#include "ui/scopes/scope_view.h"
#include "ui/scopes/scopes_panel.h"
#include "ui/viewer/viewer_widget.h"

namespace postline::ui {
namespace {

using Scope = ScopesPanel::Scope;

// True once `spy` holds a scopesShown(frame, generation).
bool shownWith(const QSignalSpy& spy, qint64 frame, quint64 generation) {
  for (const QList<QVariant>& args : spy) {
    if (args.at(0).toLongLong() == frame && args.at(1).toULongLong() == generation) return true;
  }
  return false;
}

bool waitShown(QSignalSpy& spy, qint64 frame, quint64 generation) {
  return QTest::qWaitFor([&] { return shownWith(spy, frame, generation); }, 15000);
}

// Pixels of `img` that are not the scope's dark background.
int litPixels(const QImage& img) {
  int lit = 0;
  for (int y = 0; y < img.height(); ++y) {
    for (int x = 0; x < img.width(); ++x) lit += qGray(img.pixel(x, y)) > 60 ? 1 : 0;
  }
  return lit;
}

int differingPixels(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) return a.width() * a.height();
  int n = 0;
  for (int y = 0; y < a.height(); ++y) {
    for (int x = 0; x < a.width(); ++x) n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
  }
  return n;
}

struct ShownPanel {
  ScopesPanel panel;
  ShownPanel() {
    panel.resize(820, 340);
    panel.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&panel));
  }
};

TEST(ScopesPanel, RedFrameIsAnnouncedWithItsFrameAndGenerationAndLandsOnTheRedTarget) {
  ShownPanel s;
  QSignalSpy shown(&s.panel, &ScopesPanel::scopesShown);
  s.panel.submit(testing::flatFrame(QColor(191, 0, 0)), 7, 3);
  ASSERT_TRUE(waitShown(shown, 7, 3));
  const auto latest = s.panel.latest();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->frameIndex, 7);
  EXPECT_EQ(s.panel.latestGeneration(), 3u);
  const render::VectorTarget& red = latest->targets[0];
  const auto cell = render::vectorscopeCell(red.cb, red.cr);
  EXPECT_EQ(latest->vectorscopeAt(cell[0], cell[1]), std::uint32_t(latest->width * latest->height));
  // What was announced is what the views hold.
  EXPECT_EQ(s.panel.view(0)->scopes(), latest);
  EXPECT_EQ(s.panel.view(1)->scopes(), latest);
}

TEST(ScopesPanel, GreyRampGivesAFlatHistogramAndADiagonalWaveform) {
  ShownPanel s;
  QSignalSpy shown(&s.panel, &ScopesPanel::scopesShown);
  s.panel.submit(testing::greyRamp(64), 1, 1);
  ASSERT_TRUE(waitShown(shown, 1, 1));
  const auto sc = s.panel.latest();
  ASSERT_EQ(sc->width, 256);
  for (int bin = 0; bin < 256; ++bin) EXPECT_EQ(sc->histogram[1][bin], 64u) << bin;  // R': one column each
  for (int x = 0; x < sc->width; x += 5) {
    int peak = 0;
    for (int level = 0; level < 256; ++level) peak = sc->waveformAt(x, level) > sc->waveformAt(x, peak) ? level : peak;
    EXPECT_NEAR(peak, x, 1) << x;
  }
}

TEST(ScopesPanel, NothingIsAnnouncedUntilThePanelIsPainted) {
  ScopesPanel panel;
  panel.resize(600, 260);
  QSignalSpy shown(&panel, &ScopesPanel::scopesShown);
  panel.submit(testing::flatFrame(QColor(0, 0, 191)), 4, 9);
  ASSERT_TRUE(QTest::qWaitFor([&] { return panel.latest() != nullptr; }, 15000));
  QTest::qWait(100);
  EXPECT_EQ(shown.count(), 0);  // computed but never painted: not announced
  panel.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
  EXPECT_TRUE(waitShown(shown, 4, 9));
  EXPECT_EQ(shown.count(), 1);
}

TEST(ScopesPanel, FollowsARealViewerWithTheFramesGeneration) {
  ViewerWidget viewer;
  viewer.resize(480, 270);
  viewer.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&viewer));
  ShownPanel s;
  s.panel.follow(&viewer);
  QSignalSpy shown(&s.panel, &ScopesPanel::scopesShown);
  RenderedFrame f;
  f.frame = 12;
  f.generation = 5;
  f.image = testing::flatFrame(QColor(191, 0, 191), 480, 270);
  viewer.showImage(f);
  ASSERT_TRUE(waitShown(shown, 12, 5));
  const auto latest = s.panel.latest();
  const render::VectorTarget& mg = latest->targets[1];
  ASSERT_STREQ(mg.name, "Mg");
  const QPointF c = vectorscopeCentroid(*latest);
  EXPECT_NEAR(c.x(), mg.cb, 2.0 / 256);
  EXPECT_NEAR(c.y(), mg.cr, 2.0 / 256);
  // A new render of the same frame (a grade change) is announced with its own generation.
  f.generation = 6;
  f.image = testing::flatFrame(QColor(0, 191, 0), 480, 270);
  viewer.showImage(f);
  ASSERT_TRUE(waitShown(shown, 12, 6));
  EXPECT_EQ(s.panel.latestGeneration(), 6u);
  // A repaint of the same picture (an overlay) is not recomputed or announced again.
  const qsizetype announced = shown.count();
  QSignalSpy presented(&viewer, &ViewerWidget::framePresented);
  viewer.setOverlays(ViewerWidget::TitleSafe);
  ASSERT_TRUE(presented.wait(5000));  // the viewer did present (the same picture) again
  QTest::qWait(300);
  EXPECT_EQ(shown.count(), announced);
  // Unfollowed: further frames are not sent.
  s.panel.follow(nullptr);
  f.frame = 13;
  viewer.showImage(f);
  QTest::qWait(300);
  EXPECT_FALSE(shownWith(shown, 13, 6));
}

TEST(ScopesPanel, EachScopeKindPaintsSomethingDifferent) {
  ShownPanel s;
  QSignalSpy shown(&s.panel, &ScopesPanel::scopesShown);
  s.panel.submit(testing::testCard(), 2, 1);
  ASSERT_TRUE(waitShown(shown, 2, 1));
  const Scope kinds[4] = {Scope::Vectorscope, Scope::Histogram, Scope::Waveform, Scope::Parade};
  const char* names[4] = {"vectorscope", "histogram", "waveform", "parade"};
  QImage shots[4];
  for (int i = 0; i < 4; ++i) {
    s.panel.setScopes(kinds[i], kinds[(i + 1) % 4]);
    EXPECT_EQ(s.panel.leftScope(), kinds[i]);
    EXPECT_EQ(s.panel.rightScope(), kinds[(i + 1) % 4]);
    shots[i] = s.panel.view(0)->grab().toImage();
    EXPECT_GT(litPixels(shots[i]), 2000) << names[i];
    s.panel.grab().save(testing::shotPath(QString::fromLatin1(names[i])));
  }
  for (int i = 0; i < 4; ++i) {
    for (int j = i + 1; j < 4; ++j) EXPECT_GT(differingPixels(shots[i], shots[j]), 5000) << names[i] << names[j];
  }
}

TEST(ScopesPanel, SmoothFrameGivesContinuousColouredHistograms) {
  ShownPanel s;
  QSignalSpy shown(&s.panel, &ScopesPanel::scopesShown);
  s.panel.setScopes(Scope::Vectorscope, Scope::Histogram);
  s.panel.submit(testing::naturalFrame(), 5, 1);
  ASSERT_TRUE(waitShown(shown, 5, 1));
  s.panel.grab().save(testing::shotPath(QStringLiteral("natural")));
  s.panel.setScopes(Scope::Waveform, Scope::Parade);
  s.panel.grab().save(testing::shotPath(QStringLiteral("natural-levels")));
  const auto sc = s.panel.latest();
  for (int ch = 0; ch < 4; ++ch) {
    int used = 0;
    for (std::uint32_t c : sc->histogram[ch]) used += c > 0 ? 1 : 0;
    EXPECT_GT(used, 120) << ch;
  }
  s.panel.setScopes(Scope::Histogram, Scope::Histogram);
  const QImage img = s.panel.view(0)->grab().toImage();
  int reddish = 0, bluish = 0;
  for (int y = 0; y < img.height(); ++y) {
    for (int x = 0; x < img.width(); ++x) {
      const QColor c = img.pixelColor(x, y);
      reddish += c.red() > c.blue() + 60 && c.red() > c.green() + 40 ? 1 : 0;
      bluish += c.blue() > c.red() + 60 && c.blue() > c.green() + 30 ? 1 : 0;
    }
  }
  EXPECT_GT(reddish, 200);
  EXPECT_GT(bluish, 200);
}

TEST(ScopesPanel, ParadeDrawsEachChannelInItsThird) {
  ShownPanel s;
  QSignalSpy shown(&s.panel, &ScopesPanel::scopesShown);
  s.panel.setScopes(Scope::Parade, Scope::Waveform);
  s.panel.submit(testing::flatFrame(QColor(191, 0, 0)), 3, 2);
  ASSERT_TRUE(waitShown(shown, 3, 2));
  const QImage img = s.panel.view(0)->grab().toImage();
  // Strongly red pixels lie in the left third (left of the middle), about 75 % up; strongly green
  // ones (G = 0) only near the bottom.
  int redAt75 = 0, redElsewhere = 0, greenHigh = 0, greenLow = 0;
  for (int y = 0; y < img.height(); ++y) {
    for (int x = 0; x < img.width(); ++x) {
      const QColor c = img.pixelColor(x, y);
      const double fy = 1.0 - double(y) / img.height();
      const bool at75 = x < img.width() / 2 && fy > 0.6 && fy < 0.85;
      if (c.red() > 120 && c.green() < 100 && c.blue() < 100) ++(at75 ? redAt75 : redElsewhere);
      if (c.green() > 120 && c.red() < 100) ++(fy < 0.12 ? greenLow : greenHigh);
    }
  }
  EXPECT_GT(redAt75, 80);  // the R trace at 75 % across most of its third
  EXPECT_EQ(redElsewhere, 0);
  EXPECT_GT(greenLow, 30);  // the G trace on the black line
  EXPECT_EQ(greenHigh, 0);
}

// The panel's views draw the images built on the worker thread; a lone view builds its own: same.
TEST(ScopesPanel, PrebuiltImagesDrawLikeAViewBuildingItsOwn) {
  ShownPanel s;
  QSignalSpy shown(&s.panel, &ScopesPanel::scopesShown);
  s.panel.setScopes(Scope::Vectorscope, Scope::Parade);
  s.panel.submit(testing::naturalFrame(320, 180), 8, 2);
  ASSERT_TRUE(waitShown(shown, 8, 2));
  for (int side = 0; side < 2; ++side) {
    ScopeView lone;
    lone.resize(s.panel.view(side)->size());
    lone.setKind(s.panel.view(side)->kind());
    lone.setScopes(s.panel.latest());
    const QImage a = s.panel.view(side)->grab().toImage(), b = lone.grab().toImage();
    EXPECT_EQ(differingPixels(a, b), 0) << side;
    EXPECT_GT(litPixels(a), 1000) << side;
  }
}

TEST(ScopesPanel, ChooserSwitchesTheScopeOfItsSide) {
  ShownPanel s;
  QComboBox* right = s.panel.chooser(1);
  ASSERT_TRUE(right);
  right->setCurrentIndex(right->findData(int(Scope::Histogram)));
  EXPECT_EQ(s.panel.rightScope(), Scope::Histogram);
  EXPECT_EQ(s.panel.view(1)->kind(), ScopeView::Kind::Histogram);
  s.panel.setScopes(Scope::Waveform, Scope::Vectorscope);
  EXPECT_EQ(s.panel.chooser(0)->currentData().toInt(), int(Scope::Waveform));
  EXPECT_EQ(s.panel.chooser(1)->currentData().toInt(), int(Scope::Vectorscope));
}

TEST(ScopesPanel, OnlyTheNewestOfABurstIsAnnouncedLast) {
  ShownPanel s;
  QSignalSpy shown(&s.panel, &ScopesPanel::scopesShown);
  for (int i = 0; i < 20; ++i) s.panel.submit(testing::flatFrame(QColor(10 * i, 0, 0)), 100 + i, quint64(i));
  ASSERT_TRUE(waitShown(shown, 119, 19));
  QTest::qWait(200);
  EXPECT_EQ(shown.last().at(0).toLongLong(), 119);
  for (int i = 1; i < shown.count(); ++i) {
    EXPECT_GT(shown.at(i).at(0).toLongLong(), shown.at(i - 1).at(0).toLongLong());  // never goes back
  }
  EXPECT_EQ(s.panel.latest()->frameIndex, 119);
}

}  // namespace
}  // namespace postline::ui
