// Crossfades in the mix: an audio crossfade on an audio track, and the linked sound under a video
// cross-dissolve. The outgoing clip is DC 0.25 on the left channel only and the incoming one DC
// 0.25 on the right only, so the output's left is the fade-out and its right the fade-in.
#include <numbers>

#include "core/edit/speed.h"
#include "core/edit/transitions.h"
#include "tests/core/audio/mix_signals.h"

namespace {

using namespace mix_test;

struct MixerCrossfade : MixFixture {
  model::MediaId leftDc, rightDc;
  void SetUp() override {
    leftDc = addFloat("dc_left_only.wav", dcPair(4.0, 0.25f, 0.0f));
    rightDc = addFloat("dc_right_only.wav", dcPair(4.0, 0.0f, 0.25f));
  }
  // Frames [0, 24) show source [0, 48000) of the left clip, [24, 48) source [96000, 144000) of
  // the right one: both have 1 s handles at the cut.
  std::pair<model::ClipId, model::ClipId> adjacent(int track) {
    const model::ClipId a = place(track, leftDc, 0, 0, 48000).id;
    const model::ClipId b = place(track, rightDc, 24, 96000, 144000).id;
    return {a, b};
  }
  void addCrossfade(model::ClipId a, model::ClipId b, std::int64_t frames, model::TransitionAlign align) {
    auto cs = edit::addTransition(project, seq, a, b, time::FrameCount{frames}, align);
    ASSERT_TRUE(cs.ok()) << cs.error().message;
    applyChanges(cs.value());
  }
  // Checks an equal-power crossfade over samples [a, b) of `out`.
  static void expectEqualPower(const std::vector<float>& out, std::int64_t a, std::int64_t b) {
    EXPECT_EQ(left(out, a - 1), 0.25f);
    EXPECT_EQ(right(out, a - 1), 0.0f);
    EXPECT_EQ(left(out, b), 0.0f);
    EXPECT_EQ(right(out, b), 0.25f);
    for (std::int64_t t = a; t < b; t += 97) {
      const double l = left(out, t), r = right(out, t);
      EXPECT_NEAR(l * l + r * r, 0.0625, 1e-6) << "constant power at " << t;
      EXPECT_NEAR(l, right(out, a + b - 1 - t), 1e-6) << "the fade-in mirrors the fade-out at " << t;
    }
    // The centre lies between samples mid - 1 and mid; each is within half a sample's slope of
    // sqrt(0.5) * 0.25 (slope 0.25 * pi/2 * sqrt(0.5) per ramp length).
    const std::int64_t mid = (a + b) / 2;
    const double slack = 0.25 * std::numbers::pi / 2.0 * std::sqrt(0.5) / static_cast<double>(b - a) + 1e-7;
    for (std::int64_t t : {mid - 1, mid}) {
      EXPECT_NEAR(left(out, t), 0.25 * std::sqrt(0.5), slack) << t;
      EXPECT_NEAR(right(out, t), 0.25 * std::sqrt(0.5), slack) << t;
    }
    for (std::int64_t t = a; t + 1 < b; t += 101) EXPECT_GE(left(out, t), left(out, t + 1)) << t;
  }
};

TEST_F(MixerCrossfade, CentredCrossfadeIsEqualPower) {
  auto [a, b] = adjacent(1);
  addCrossfade(a, b, 12, model::TransitionAlign::CenterOnCut);  // frames [18, 30)
  expectEqualPower(sum(0, 48), 36000, 60000);
}

TEST_F(MixerCrossfade, EndAtCutAndStartAtCutUseTheRightHandles) {
  auto [a, b] = adjacent(2);
  addCrossfade(a, b, 6, model::TransitionAlign::EndAtCut);  // frames [18, 24)
  expectEqualPower(sum(0, 48), 36000, 48000);
  sequence().transitions.clear();
  addCrossfade(a, b, 6, model::TransitionAlign::StartAtCut);  // frames [24, 30)
  expectEqualPower(sum(0, 48), 48000, 60000);
}

TEST_F(MixerCrossfade, WithoutATransitionTheCutIsHard) {
  adjacent(1);
  const auto out = sum(0, 48);
  EXPECT_EQ(left(out, 47999), 0.25f);
  EXPECT_EQ(right(out, 47999), 0.0f);
  EXPECT_EQ(left(out, 48000), 0.0f);
  EXPECT_EQ(right(out, 48000), 0.25f);
}

TEST_F(MixerCrossfade, CrossfadeStacksWithClipGain) {
  auto [a, b] = adjacent(1);
  addCrossfade(a, b, 12, model::TransitionAlign::CenterOnCut);
  clipAt(1, 0).audio.gainDb = -6.0;
  const auto out = sum(0, 48);
  EXPECT_NEAR(left(out, 30000), 0.25 * gainOf(-6.0), 1e-7);
  EXPECT_NEAR(left(out, 48000), 0.25 * gainOf(-6.0) * std::sqrt(0.5), 1e-5);
  EXPECT_NEAR(right(out, 48000), 0.25 * std::sqrt(0.5), 1e-5);
}

TEST_F(MixerCrossfade, ReversedOutgoingClipFadesThroughItsSourceStartHandle) {
  // Left-only DC over source [0, 96000), silence after it. Reversed, source [48000, 96000) plays
  // 95999 down to 48000; its tail handle is source before 48000 (DC), never after 96000 (silence).
  std::vector<float> s = dcPair(4.0, 0.25f, 0.0f);
  std::fill(s.begin() + 2 * 96000, s.end(), 0.0f);
  const model::MediaId half = addFloat("dc_left_first_half.wav", s);
  const model::ClipId a = place(1, half, 0, 48000, 96000).id;
  const model::ClipId b = place(1, rightDc, 24, 96000, 144000).id;
  auto rev = edit::setReverse(project, seq, a, true);
  ASSERT_TRUE(rev.ok()) << rev.error().message;
  applyChanges(rev.value());
  addCrossfade(a, b, 12, model::TransitionAlign::CenterOnCut);
  expectEqualPower(sum(0, 48), 36000, 60000);
}

struct MixerLinkedCrossfade : MixerCrossfade {
  model::TrackId video() {
    for (const auto& t : sequence().tracks) {
      if (t.kind == model::TrackKind::Video) return t.id;
    }
    return {};
  }
  // Turns media `id` into a video item with sound (its "video" is never decoded by the mixer).
  void makeVideo(model::MediaId id) {
    model::MediaItem& m = *project.findMedia(id);
    m.kind = model::MediaKind::Video;
    m.info.hasVideo = true;
    m.info.width = 320;
    m.info.height = 180;
    m.info.frameRate = time::Rational(24);
  }
  model::ClipId placeLinked(model::MediaId media, std::int64_t at, std::int64_t in, std::int64_t out) {
    auto cs = edit::overwrite(project, seq, video(), FramePos{at}, edit::SourceSpan{media, in, out}, audioTrack(1).id);
    EXPECT_TRUE(cs.ok()) << (cs.ok() ? "" : cs.error().message);
    if (!cs.ok()) return {};
    applyChanges(cs.value());
    const model::Track& v = *sequence().findTrack(video());
    return model::clipAt(v, FramePos{at})->id;
  }
};

TEST_F(MixerLinkedCrossfade, DissolveOnVideoCrossfadesTheLinkedSound) {
  makeVideo(leftDc);
  makeVideo(rightDc);
  const model::ClipId a = placeLinked(leftDc, 0, 0, 48000);
  const model::ClipId b = placeLinked(rightDc, 24, 96000, 144000);
  ASSERT_EQ(audioTrack(1).clips.size(), 2u);
  ASSERT_NE(audioTrack(1).clips[0].linkGroup, 0u);
  addCrossfade(a, b, 12, model::TransitionAlign::CenterOnCut);
  ASSERT_EQ(sequence().transitions.front().kind, model::TransitionKind::CrossDissolve);
  expectEqualPower(sum(0, 48), 36000, 60000);
}

TEST_F(MixerLinkedCrossfade, UnlinkedSoundUnderADissolveCutsHard) {
  makeVideo(leftDc);
  makeVideo(rightDc);
  const model::ClipId a = placeLinked(leftDc, 0, 0, 48000);
  const model::ClipId b = placeLinked(rightDc, 24, 96000, 144000);
  for (auto& c : audioTrack(1).clips) c.linkGroup = 0;
  addCrossfade(a, b, 12, model::TransitionAlign::CenterOnCut);
  const auto out = sum(0, 48);
  EXPECT_EQ(left(out, 47999), 0.25f);
  EXPECT_EQ(right(out, 47999), 0.0f);
  EXPECT_EQ(left(out, 48000), 0.0f);
  EXPECT_EQ(right(out, 48000), 0.25f);
}

}  // namespace
