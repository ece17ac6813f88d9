// Real mouse drags on the timeline's audio clips: the gain line and the fade handles change the
// clip's audio by the dragged amount as one undo step; a plain drag in the clip's middle still moves
// it and its edges still trim.
#include "core/edit/clip_audio.h"
#include "core/edit/tracks.h"
#include "tests/ui/timeline_audio/timeline_audio_fixture.h"
#include "ui/timeline/clip_audio_drag.h"

namespace postline::ui::testing {
namespace {

using Handle = TimelineHit::AudioHandle;
using time::FrameCount;

class ClipAudioDragTest : public TimelineAudioTest {
 protected:
  // Checks that the last drag left one undo step labelled `label` whose undo restores `before`.
  void expectOneUndoStep(const model::Project& before, std::size_t undo0, const std::string& label) {
    EXPECT_EQ(failures->count(), 0);
    EXPECT_EQ(ctl->undoStack().undoCount(), undo0 + 1);
    EXPECT_EQ(ctl->undoStack().undoLabel(), label);
    ASSERT_TRUE(ctl->undo());
    EXPECT_TRUE(ctl->project() == before);
  }
  double midX() const { return (layout().x0 + layout().x1) / 2.0; }
};

TEST_F(ClipAudioDragTest, TheControlsAreHitOnlyWhereTheyAreDrawn) {
  const ClipAudioLayout l = layout();
  EXPECT_EQ(view->hitAt(vpAt(midX(), l.gainY)).audio, Handle::Gain);
  EXPECT_EQ(view->hitAt(vpAt(l.fadeInHandle.center())).audio, Handle::FadeIn);
  EXPECT_EQ(view->hitAt(vpAt(l.fadeOutHandle.center())).audio, Handle::FadeOut);
  // The middle of the row and the edges below the handles are the clip's, as before.
  const int midY = musicRow().top + musicRow().height / 2;
  const TimelineHit body = view->hitAt(vpAt(midX(), midY));
  EXPECT_EQ(body.part, TimelineHit::Part::Body);
  EXPECT_EQ(body.audio, Handle::None);
  const TimelineHit in = view->hitAt(vpAt(l.x0 + 2, midY));
  EXPECT_EQ(in.part, TimelineHit::Part::InEdge);
  EXPECT_EQ(in.audio, Handle::None);
  EXPECT_EQ(view->hitAt(vpAt(l.x1 - 2, midY)).part, TimelineHit::Part::OutEdge);
  // A video clip has none; nor has a clip on a locked track.
  const TrackRow* v1 = view->geometry().row(firstTrack(*ctl, model::TrackKind::Video));
  EXPECT_EQ(view->hitAt(vpAt(midX(), v1->top + 3)).audio, Handle::None);
  ASSERT_TRUE(ctl->apply(edit::setTrackFlag(ctl->project(), ctl->currentSequence(), musicTrack().id,
                                            edit::TrackFlag::Lock, true),
                         "Lock"));
  EXPECT_EQ(view->hitAt(vpAt(midX(), l.gainY)).audio, Handle::None);
  EXPECT_EQ(view->hitAt(vpAt(l.fadeInHandle.center())).audio, Handle::None);
}

TEST_F(ClipAudioDragTest, HoveringTheGainLineShowsAVerticalCursor) {
  const ClipAudioLayout l = layout();
  QTest::mouseMove(vp(), vpAt(midX(), l.gainY));
  EXPECT_TRUE(QTest::qWaitFor([&] { return vp()->cursor().shape() == Qt::SizeVerCursor; }, 2000));
  QTest::mouseMove(vp(), vpAt(l.fadeOutHandle.center()));
  EXPECT_TRUE(QTest::qWaitFor([&] { return vp()->cursor().shape() == Qt::SizeHorCursor; }, 2000));
  QTest::mouseMove(vp(), vpAt(midX(), musicRow().top + musicRow().height / 2));
  EXPECT_TRUE(QTest::qWaitFor([&] { return vp()->cursor().shape() == Qt::ArrowCursor; }, 2000));
}

TEST_F(ClipAudioDragTest, DraggingTheGainLineDownLowersTheGainByTheDraggedAmount) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const ClipAudioLayout l = layout();
  const QPoint from = vpAt(midX(), l.gainY);
  // 15 px down from the 0 dB line: -11.6 dB on a 46 px clip (0.7 * 10^(dB/40) of the height).
  mouseDrag(from, {from + QPoint(0, 4), from + QPoint(0, 22), from + QPoint(3, 15)});
  const double expected = std::round(gainAtY(l.rect, l.gainY + 15) * 10.0) / 10.0;
  EXPECT_DOUBLE_EQ(music().audio.gainDb, expected);
  EXPECT_NEAR(music().audio.gainDb, -11.6, 0.4);
  EXPECT_EQ(music().audio.fadeIn.value, 0);
  EXPECT_EQ(music().start.value, 0);  // the clip did not move
  expectOneUndoStep(before, undo0, "Clip Gain");
  EXPECT_EQ(music().audio.gainDb, 0.0);
}

TEST_F(ClipAudioDragTest, DraggingTheGainLineUpStopsAtPlus12Db) {
  const ClipAudioLayout l = layout();
  const QPoint from = vpAt(midX(), l.gainY);
  mouseDrag(from, {from - QPoint(0, 5), from - QPoint(0, 40), from - QPoint(0, 80)});
  EXPECT_DOUBLE_EQ(music().audio.gainDb, 12.0);
  // The line follows: a second drag starts where it is drawn now.
  const ClipAudioLayout now = layout();
  EXPECT_LT(now.gainY, l.gainY - 10.0);
  EXPECT_EQ(view->hitAt(vpAt(midX(), now.gainY)).audio, Handle::Gain);
}

TEST_F(ClipAudioDragTest, EscapeDuringAGainDragRestoresTheGain) {
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const ClipAudioLayout l = layout();
  const QPoint from = vpAt(midX(), l.gainY);
  QTest::mouseMove(vp(), from);
  QTest::mousePress(vp(), Qt::LeftButton, Qt::NoModifier, from);
  QTest::mouseMove(vp(), from + QPoint(0, 10));
  ASSERT_LT(music().audio.gainDb, -3.0);
  QTest::keyClick(view.get(), Qt::Key_Escape);
  QTest::mouseRelease(vp(), Qt::LeftButton, Qt::NoModifier, from + QPoint(0, 10));
  EXPECT_EQ(music().audio.gainDb, 0.0);
  EXPECT_EQ(ctl->undoStack().undoCount(), undo0);
}

TEST_F(ClipAudioDragTest, DraggingTheFadeInHandleSetsTheFadeInWholeFrames) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const QPoint from = vpAt(layout().fadeInHandle.center());
  // 6 px per frame: 10 frames right, by way of 14.
  mouseDrag(from, {from + QPoint(8, 0), from + QPoint(84, 1), from + QPoint(61, 2)});
  EXPECT_EQ(music().audio.fadeIn.value, 10);
  EXPECT_EQ(music().audio.fadeOut.value, 0);
  EXPECT_EQ(music().duration.value, 96);
  expectOneUndoStep(before, undo0, "Fade In");
  EXPECT_EQ(music().audio.fadeIn.value, 0);
}

TEST_F(ClipAudioDragTest, DraggingTheFadeOutHandleSetsTheFadeOut) {
  const model::Project before = ctl->project();
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const QPoint from = vpAt(layout().fadeOutHandle.center());
  mouseDrag(from, {from - QPoint(8, 0), from - QPoint(48, 0)});
  EXPECT_EQ(music().audio.fadeOut.value, 8);
  EXPECT_EQ(music().audio.fadeIn.value, 0);
  // The handle now sits at the fade's start, 8 frames in from the end.
  EXPECT_NEAR(layout().fadeOutHandle.center().x(), layout().x1 - 48.0, 0.5);
  expectOneUndoStep(before, undo0, "Fade Out");
}

TEST_F(ClipAudioDragTest, AFadeDraggedPastTheOtherFadeStopsAtTheClipLength) {
  model::ClipAudio audio;
  audio.fadeOut = FrameCount{20};
  setMusicAudio(audio);
  const QPoint from = vpAt(layout().fadeInHandle.center());
  mouseDrag(from, {from + QPoint(10, 0), from + QPoint(700, 0), from + QPoint(900, 0)});
  EXPECT_EQ(music().audio.fadeIn.value, 76);  // 96 - the fade-out's 20
  EXPECT_EQ(music().audio.fadeOut.value, 20);
  EXPECT_EQ(failures->count(), 0);
  // The two handles meet: the left half of the square takes the fade-in, the right half the fade-out.
  const QPointF meet = layout().fadeInHandle.center();
  EXPECT_EQ(layout().fadeOutHandle.center(), meet);
  EXPECT_EQ(view->hitAt(vpAt(meet + QPointF(2, 0))).audio, Handle::FadeOut);
  // And back past the clip's start: no fade.
  const QPoint now = vpAt(meet - QPointF(2, 0));
  ASSERT_EQ(view->hitAt(now).audio, Handle::FadeIn);
  mouseDrag(now, {now - QPoint(10, 0), now - QPoint(800, 0)});
  EXPECT_EQ(music().audio.fadeIn.value, 0);
}

TEST_F(ClipAudioDragTest, APlainDragInTheClipsMiddleStillMovesIt) {
  const std::size_t undo0 = ctl->undoStack().undoCount();
  const int midY = musicRow().top + musicRow().height / 2;
  const QPoint from = vpAt(midX(), midY);
  ASSERT_EQ(view->hitAt(from).audio, Handle::None);
  mouseDrag(from, {from + QPoint(10, 0), from + QPoint(40, 0), from + QPoint(72, 0)});
  EXPECT_EQ(music().start.value, 12);
  EXPECT_EQ(music().audio, model::ClipAudio{});
  EXPECT_EQ(ctl->undoStack().undoCount(), undo0 + 1);
  EXPECT_EQ(ctl->undoStack().undoLabel(), "Move Clips");
}

TEST_F(ClipAudioDragTest, TheEdgeBelowTheHandleStillTrims) {
  const int midY = musicRow().top + musicRow().height / 2;
  const QPoint from = vpAt(layout().x1 - 2, midY);
  ASSERT_EQ(view->hitAt(from).part, TimelineHit::Part::OutEdge);
  mouseDrag(from, {from - QPoint(6, 0), from - QPoint(60, 0)});
  EXPECT_EQ(music().duration.value, 86);
  EXPECT_EQ(music().audio.fadeOut.value, 0);
  EXPECT_EQ(ctl->undoStack().undoLabel(), "Trim");
}

}  // namespace
}  // namespace postline::ui::testing
