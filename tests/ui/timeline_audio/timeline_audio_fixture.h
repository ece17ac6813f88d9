#pragma once
// Shared by the timeline's clip-audio tests: a TimelineView under Xvfb over a project with two
// assembled clips on V1/A1 and one 96-frame clip on the Music track (A4) at frame 0, zoomed to 6 px
// per frame, with helpers for real mouse drags on the viewport at the clip-audio controls.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <memory>

#include "core/edit/placement.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/clip_audio_overlay.h"
#include "ui/timeline/timeline_view.h"

namespace postline::ui::testing {

class TimelineAudioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = freshDir("timeline_audio");
    s_files = writeClips(s_dir, 2, 96);
  }

  void SetUp() override {
    ctl = std::make_unique<ProjectController>();
    ctl->newProject("Timeline Audio");
    ctl->setSnapping(false);
    const auto ids = importFiles(*ctl, s_files);
    ASSERT_EQ(ids.size(), 2u);
    ASSERT_TRUE(ctl->apply(edit::assemblyEdit(ctl->project(), ctl->currentSequence(), ids,
                                              firstTrack(*ctl, model::TrackKind::Video),
                                              firstTrack(*ctl, model::TrackKind::Audio)),
                           "Assembly Edit"));
    const model::MediaItem* m = ctl->project().findMedia(ids[1]);
    ASSERT_NE(m, nullptr);
    ASSERT_TRUE(ctl->apply(edit::overwrite(ctl->project(), ctl->currentSequence(), musicTrack().id, time::FramePos{0},
                                           edit::SourceSpan{ids[1], 0, m->info.duration}),
                           "Place Music"));
    ASSERT_EQ(musicTrack().clips.size(), 1u);
    ASSERT_EQ(music().duration.value, 96);
    view = std::make_unique<TimelineView>(*ctl);
    view->resize(1200, 420);
    view->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    view->setZoom(6.0, 0.0);
    ASSERT_DOUBLE_EQ(view->geometry().firstVisibleFrame(), 0.0);
    failures = std::make_unique<QSignalSpy>(ctl.get(), &ProjectController::editFailed);
  }
  void TearDown() override {
    failures.reset();
    view.reset();
    ctl.reset();
  }

  const model::Track& musicTrack() const {
    for (const model::Track& t : ctl->sequence()->tracks) {
      if (t.role == model::AudioRole::Music) return t;
    }
    throw std::logic_error("no music track");
  }
  const model::Clip& music() const { return musicTrack().clips.front(); }
  const TrackRow& musicRow() const { return *view->geometry().row(musicTrack().id); }
  ClipAudioLayout layout() const { return clipAudioLayout(view->geometry(), musicRow(), music()); }
  QWidget* vp() const { return view->viewport(); }

  // Viewport point of clip-area point (x, y).
  static QPoint vpAt(double x, double y) {
    return QPoint(TimelineGeometry::kHeaderWidth + static_cast<int>(std::floor(x)), static_cast<int>(std::floor(y)));
  }
  static QPoint vpAt(QPointF p) { return vpAt(p.x(), p.y()); }

  // A real left-button drag: hover, press, then each point of `path`, released at its last one.
  void mouseDrag(QPoint from, const std::vector<QPoint>& path, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QTest::mouseMove(vp(), from);
    QTest::mousePress(vp(), Qt::LeftButton, mods, from);
    for (const QPoint& p : path) QTest::mouseMove(vp(), p);
    QTest::mouseRelease(vp(), Qt::LeftButton, mods, path.back());
  }

  // Sets the music clip's audio (test set-up through one command).
  void setMusicAudio(const model::ClipAudio& audio) {
    model::Clip after = music();
    after.audio = audio;
    model::ChangeSet cs;
    cs.add(model::ClipUpdated{ctl->currentSequence(), musicTrack().id, music(), after});
    ASSERT_TRUE(ctl->apply(std::move(cs), "Set Audio"));
    QApplication::processEvents();
  }

  static inline fs::path s_dir;
  static inline std::vector<fs::path> s_files;
  std::unique_ptr<ProjectController> ctl;
  std::unique_ptr<TimelineView> view;
  std::unique_ptr<QSignalSpy> failures;
};

}  // namespace postline::ui::testing
