// The transport's sound: the mix follows edits (muting a track silences it), default options play
// without a sound device, and scrubbing plays short rate-limited snippets.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QThread>
#include <cmath>

#include "tests/ui/playback/playback_test_support.h"
#include "ui/playback/playback_clock.h"
#include "ui/playback/transport.h"

namespace postline::ui {
namespace {

using testing::loadClips;
using testing::noDevice;

double rms(const std::vector<float>& v) {
  double sum = 0.0;
  for (float x : v) sum += static_cast<double>(x) * x;
  return v.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(v.size()));
}

// Interleaved stereo of `mixer` over [start, start + frames).
std::vector<float> render(audio::Mixer& mixer, std::int64_t start, int frames) {
  std::vector<float> out(static_cast<std::size_t>(frames) * 2);
  mixer.renderBlock(start, out.data(), frames);
  return out;
}

void muteFirstAudioTrack(ProjectController& ctl, bool muted) {
  const model::Track* a1 = ctl.sequence()->findTrack(testing::firstTrack(ctl, model::TrackKind::Audio));
  ASSERT_NE(a1, nullptr);
  model::Track after = *a1;
  after.muted = muted;
  model::ChangeSet cs;
  cs.add(model::TrackUpdated{ctl.currentSequence(), *a1, after});
  ASSERT_TRUE(ctl.apply(base::Result<model::ChangeSet>(cs), muted ? "Mute A1" : "Unmute A1"));
}

TEST(PlaybackAudio, MixFollowsEditsMutingSilences) {
  ProjectController ctl;
  Transport t(ctl, noDevice());
  loadClips(ctl, 2);
  // Import and assembly arrived in one event-loop turn: one new mix for both.
  ASSERT_TRUE(QTest::qWaitFor([&] { return t.audio().mixBuilds() >= 2; }, 2000));
  QTest::qWait(50);
  EXPECT_EQ(t.audio().mixBuilds(), 2);
  ASSERT_NE(t.audio().mixer(), nullptr);
  auto before = t.audio().mixer();
  EXPECT_GT(rms(render(*before, 24000, 9600)), 0.01) << "the clips' tone";
  const int builds = t.audio().mixBuilds();
  muteFirstAudioTrack(ctl, true);
  ASSERT_TRUE(QTest::qWaitFor([&] { return t.audio().mixBuilds() > builds; }, 2000));
  ASSERT_EQ(t.audio().mixer(), before) << "one Mixer per sequence: the new plan is swapped in, meters carry on";
  EXPECT_EQ(rms(render(*t.audio().mixer(), 24000, 9600)), 0.0);
  ASSERT_TRUE(ctl.undo());
  ASSERT_TRUE(QTest::qWaitFor([&] { return t.audio().mixBuilds() > builds + 1; }, 2000));
  EXPECT_GT(rms(render(*t.audio().mixer(), 24000, 9600)), 0.01);
}

// The engine's callback, driven by the test: a mute while playing is heard (spliced) within ~0.2 s.
TEST(PlaybackAudio, MuteWhilePlayingReachesTheOutput) {
  ProjectController ctl;
  loadClips(ctl, 2);
  audio::PlaybackEngine::Options options;
  options.testDriven = true;
  Transport t(ctl, options);
  t.play();
  std::vector<float> chunk(512);
  auto pull = [&](int calls) {  // calls x 256 frames; returns the RMS of the last 20 calls
    std::vector<float> tail;
    for (int i = 0; i < calls; ++i) {
      t.audio().engine().renderForTest(chunk.data(), 256);
      if (i >= calls - 20) tail.insert(tail.end(), chunk.begin(), chunk.end());
      QCoreApplication::processEvents();
      QThread::usleep(600);
    }
    return rms(tail);
  };
  EXPECT_GT(pull(120), 0.01);
  muteFirstAudioTrack(ctl, true);
  EXPECT_EQ(pull(120), 0.0);
  t.pause();
}

TEST(PlaybackAudio, DefaultOptionsPlayOnTheSystemClockWithoutADevice) {
  ProjectController ctl;
  loadClips(ctl, 1);
  Transport t(ctl);  // default options: tries the default device, finds none here
  t.play();
  ASSERT_TRUE(QTest::qWaitFor([&] { return ctl.playhead().value >= 12; }, 3000));
  EXPECT_TRUE(t.isPlaying());
  if (!t.audio().engine().hasDevice()) {
    EXPECT_EQ(t.audio().engine().deviceName(), "");
  }
  t.pause();
}

TEST(PlaybackAudio, ScrubPlaysShortRateLimitedSnippets) {
  ProjectController ctl;
  loadClips(ctl, 2);
  Transport t(ctl, noDevice());
  audio::PlaybackEngine& engine = t.audio().engine();
  const time::FrameRate fps = ctl.sequence()->settings.frameRate;
  ctl.setPlayhead(time::FramePos{24});  // a drag of the playhead, paused
  EXPECT_EQ(t.audio().scrubSnippets(), 1);
  EXPECT_TRUE(engine.playing());
  EXPECT_GE(engine.position(), playback::sampleOfFrame(24, fps));
  ASSERT_TRUE(QTest::qWaitFor([&] { return !engine.playing(); }, 1000));
  EXPECT_GE(engine.position(), playback::sampleOfFrame(24, fps) + 48 * 40);
  EXPECT_LE(engine.position(), playback::sampleOfFrame(24, fps) + 48 * 150);

  for (int f = 30; f < 40; ++f) ctl.setPlayhead(time::FramePos{f});  // a fast drag
  EXPECT_EQ(t.audio().scrubSnippets(), 2) << "one snippet at a time; the rest wait";
  ASSERT_TRUE(QTest::qWaitFor([&] { return !engine.playing(); }, 1000));
  EXPECT_EQ(t.audio().scrubSnippets(), 3) << "only the newest waiting position played";
  EXPECT_GE(engine.position(), playback::sampleOfFrame(39, fps));
  EXPECT_LE(engine.position(), playback::sampleOfFrame(39, fps) + 48 * 150);

  t.play();  // playback takes over the engine
  EXPECT_FALSE(t.audio().scrubbing());
  t.pause();
}

}  // namespace
}  // namespace postline::ui
