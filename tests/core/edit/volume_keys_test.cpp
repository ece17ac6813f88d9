// Volume automation (model::GainKey offsets from a clip's first timeline sample) survives the edits
// that move a clip's head, cut it or change its speed: the same sound plays at the same place.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/edit/razor.h"
#include "core/edit/slip_slide.h"
#include "core/edit/speed.h"
#include "core/edit/trim.h"
#include "core/model/audio_keys.h"
#include "tests/core/edit/timing_test_util.h"

namespace postline::edit::test {
namespace {

using model::ClipId;
using model::GainKey;

constexpr std::int64_t kSpf = 2000;  // 48 kHz samples per frame at the fixture's 24 fps

std::vector<GainKey> keys(std::initializer_list<GainKey> list) {
  std::vector<GainKey> out;
  for (const GainKey& k : list) out.push_back(k);
  return out;
}

// ---- model::audio_keys against hand-computed values ----

TEST(VolumeKeysModel, AutomationIsLinearInDbBetweenKeysAndHeldOutside) {
  const auto k = keys({{100, -6.0}, {300, -26.0}});
  EXPECT_EQ(model::automationDb({}, 50.0), 0.0);
  EXPECT_DOUBLE_EQ(model::automationDb(k, 0.0), -6.0);
  EXPECT_DOUBLE_EQ(model::automationDb(k, 100.0), -6.0);
  EXPECT_DOUBLE_EQ(model::automationDb(k, 150.0), -11.0);
  EXPECT_DOUBLE_EQ(model::automationDb(k, 200.0), -16.0);
  EXPECT_DOUBLE_EQ(model::automationDb(k, 1000.0), -26.0);
}

TEST(VolumeKeysModel, KeysFromALaterHeadHoldTheGainThere) {
  const auto k = keys({{0, 0.0}, {48000, -20.0}, {96000, 0.0}});
  EXPECT_EQ(model::keysFromHead(k, 24000), keys({{0, -10.0}, {24000, -20.0}, {72000, 0.0}}));
  EXPECT_EQ(model::keysFromHead(k, 48000), keys({{0, -20.0}, {48000, 0.0}}));  // a key at the head: nothing added
  EXPECT_EQ(model::keysFromHead(k, 100000), keys({{0, 0.0}}));                 // past the last key: it holds
  EXPECT_EQ(model::keysFromHead(keys({{500, -3.0}}), 200), keys({{300, -3.0}}));
  EXPECT_TRUE(model::keysFromHead({}, 2000).empty());
}

TEST(VolumeKeysModel, KeysFromAnEarlierHeadMoveLater) {
  const auto k = keys({{0, -4.0}, {1000, -8.0}});
  EXPECT_EQ(model::keysFromHead(k, -2000), keys({{2000, -4.0}, {3000, -8.0}}));
  EXPECT_EQ(model::keysFromHead(k, 0), k);
}

TEST(VolumeKeysModel, KeysForSpanCloseTheSpanWithItsEndGains) {
  const auto k = keys({{0, 0.0}, {48000, -20.0}, {96000, 0.0}});
  // [24000, 72000): gain -10 at its start, the -20 key inside, 71999 -> -20 + 20 * 23999 / 48000 at its end.
  const auto span = model::keysForSpan(k, 24000, 48000);
  ASSERT_EQ(span.size(), 3u);
  EXPECT_EQ(span[0], (GainKey{0, -10.0}));
  EXPECT_EQ(span[1], (GainKey{24000, -20.0}));
  EXPECT_EQ(span[2].offset, 47999);
  EXPECT_DOUBLE_EQ(span[2].gainDb, -20.0 + 20.0 * 23999.0 / 48000.0);
  // A key exactly on the last sample is kept as it is; nothing past it.
  EXPECT_EQ(model::keysForSpan(k, 0, 48001), keys({{0, 0.0}, {48000, -20.0}}));
  // All keys inside: unchanged but shifted.
  EXPECT_EQ(model::keysForSpan(keys({{10, -1.0}, {20, -2.0}}), 5, 100), keys({{5, -1.0}, {15, -2.0}}));
  EXPECT_TRUE(model::keysForSpan({}, 0, 100).empty());
  EXPECT_TRUE(model::keysForSpan(k, 0, 0).empty());
}

TEST(VolumeKeysModel, ScaledKeysRoundAndStayStrictlyIncreasing) {
  const auto k = keys({{0, 0.0}, {1, -1.0}, {2, -2.0}, {3, -3.0}, {4000, -4.0}});
  // 0, 0.5, 1, 1.5, 2000 -> 0, 1, 1, 2, 2000: the second key landing on 1 is dropped.
  EXPECT_EQ(model::scaleKeys(k, 0.5), keys({{0, 0.0}, {1, -1.0}, {2, -3.0}, {2000, -4.0}}));
  EXPECT_EQ(model::scaleKeys(keys({{100, -6.0}, {300, -9.0}}), 2.0), keys({{200, -6.0}, {600, -9.0}}));
  EXPECT_TRUE(model::scaleKeys({}, 3.0).empty());
}

// ---- edits ----

// A1 holds audio clips of the fixture's 10 s wav (source tick = sample).
struct VolumeKeysEdit : ::testing::Test {
  EditFixture f;

  // Clip `id` on A1 (test setup: its keys are set directly).
  model::Clip& clipRef(ClipId id) {
    for (model::Clip& c : f.track(f.a1).clips) {
      if (c.id == id) return c;
    }
    ADD_FAILURE() << "no clip " << id.value << " on A1";
    return f.track(f.a1).clips.front();
  }

  // Gain (dB) of the automation at timeline sample t on A1 of `p`; NaN where no clip is.
  double gainAt(const model::Project& p, std::int64_t t) {
    const model::Track* track = p.findSequence(f.seq)->findTrack(f.a1);
    for (const model::Clip& c : track->clips) {
      const std::int64_t s = c.start.value * kSpf;
      if (t >= s && t < c.end().value * kSpf) return model::automationDb(c.audio.volume, static_cast<double>(t - s));
    }
    return std::nan("");
  }

  // The edit applies, validates and undoes exactly (keys included); returns the edited project.
  model::Project applied(const Result<ChangeSet>& cs) {
    model::Project after;
    EXPECT_TRUE(cs.ok()) << cs.error().message;
    if (cs.ok()) {
      EXPECT_TRUE(appliesAndUndoes(f.project, *cs, &after));
    }
    return after;
  }
};

TEST_F(VolumeKeysEdit, RazorKeepsTheGainAtEverySampleOfBothParts) {
  const ClipId id = f.place(f.a1, f.wav, 0, 48, 0, "bed");
  clipRef(id).audio.volume = keys({{0, 0.0}, {48000, -20.0}, {72000, -20.0}, {96000, 0.0}});
  const model::Project after = applied(razor(f.project, f.seq, time::FramePos{12}, {f.a1}));
  ASSERT_EQ(after.findSequence(f.seq)->findTrack(f.a1)->clips.size(), 2u);
  for (std::int64_t t : {0, 12000, 23999, 24000, 30000, 36000, 48000, 60000, 72000, 80000, 95999}) {
    EXPECT_DOUBLE_EQ(gainAt(after, t), gainAt(f.project, t)) << "at sample " << t;
  }
  // The right part's keys start at its own first sample: -10 dB there (half way from 0 to -20).
  const model::Clip& right = after.findSequence(f.seq)->findTrack(f.a1)->clips[1];
  ASSERT_FALSE(right.audio.volume.empty());
  EXPECT_EQ(right.audio.volume.front(), (GainKey{0, -10.0}));
  EXPECT_EQ(right.audio.volume.back(), (GainKey{72000, 0.0}));
}

TEST_F(VolumeKeysEdit, HeadTrimLaterKeepsTheGainOfTheSamplesThatStay) {
  const ClipId id = f.place(f.a1, f.wav, 0, 48, 0, "bed");
  clipRef(id).audio.volume = keys({{0, 0.0}, {48000, -20.0}, {96000, 0.0}});
  const model::Project after = applied(trimIn(f.project, f.seq, id, time::FrameCount{12}, TrimMode::Normal));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(id)->audio.volume,
            keys({{0, -10.0}, {24000, -20.0}, {72000, 0.0}}));
  for (std::int64_t t : {24000, 30000, 48000, 60000, 72000, 95999}) {
    EXPECT_DOUBLE_EQ(gainAt(after, t), gainAt(f.project, t)) << "at sample " << t;
  }
}

TEST_F(VolumeKeysEdit, RippleHeadTrimMovesTheGainWithTheSound) {
  const ClipId id = f.place(f.a1, f.wav, 0, 48, 0, "bed");
  clipRef(id).audio.volume = keys({{0, 0.0}, {48000, -20.0}, {96000, 0.0}});
  const model::Project after = applied(trimIn(f.project, f.seq, id, time::FrameCount{12}, TrimMode::Ripple));
  // The sound that played at t now plays 12 frames (24000 samples) earlier.
  for (std::int64_t t : {24000, 30000, 48000, 60000, 72000, 95999}) {
    EXPECT_DOUBLE_EQ(gainAt(after, t - 24000), gainAt(f.project, t)) << "at old sample " << t;
  }
}

TEST_F(VolumeKeysEdit, HeadTrimEarlierHoldsTheFirstGainOverTheNewHead) {
  const ClipId id = f.place(f.a1, f.wav, 24, 24, 48000, "bed");  // 24 frames of head handle
  clipRef(id).audio.volume = keys({{2000, -6.0}, {26000, -18.0}});
  const model::Project after = applied(trimIn(f.project, f.seq, id, time::FrameCount{-12}, TrimMode::Normal));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(id)->audio.volume, keys({{26000, -6.0}, {50000, -18.0}}));
  for (std::int64_t t : {48000, 50000, 62000, 74000, 80000, 95999}) {
    EXPECT_DOUBLE_EQ(gainAt(after, t), gainAt(f.project, t)) << "at sample " << t;
  }
  EXPECT_DOUBLE_EQ(gainAt(after, 24000), -6.0);
  EXPECT_DOUBLE_EQ(gainAt(after, 47999), -6.0);
}

TEST_F(VolumeKeysEdit, RollMovesTheRightClipsKeysBothWays) {
  const ClipId a = f.place(f.a1, f.wav, 0, 24, 0, "A");
  const ClipId b = f.place(f.a1, f.wav, 24, 48, 24000, "B");  // 12 frames of head handle
  clipRef(a).audio.volume = keys({{0, -3.0}, {47999, -9.0}});
  clipRef(b).audio.volume = keys({{0, 0.0}, {40000, -20.0}, {96000, -4.0}});
  const model::Project later = applied(roll(f.project, f.seq, a, time::FrameCount{6}));
  for (std::int64_t t : {60000, 70000, 88000, 100000, 143999}) {
    EXPECT_DOUBLE_EQ(gainAt(later, t), gainAt(f.project, t)) << "later, at sample " << t;
  }
  EXPECT_EQ(later.findSequence(f.seq)->findClip(a)->audio.volume, clipRef(a).audio.volume);  // tail: untouched
  const model::Project earlier = applied(roll(f.project, f.seq, a, time::FrameCount{-6}));
  for (std::int64_t t : {48000, 60000, 88000, 143999}) {
    EXPECT_DOUBLE_EQ(gainAt(earlier, t), gainAt(f.project, t)) << "earlier, at sample " << t;
  }
  EXPECT_DOUBLE_EQ(gainAt(earlier, 36000), 0.0);  // B's new head holds its first key
  EXPECT_EQ(earlier.findSequence(f.seq)->findClip(b)->audio.volume.front(), (GainKey{12000, 0.0}));
}

TEST_F(VolumeKeysEdit, SlideKeepsEveryClipsSoundWhereItWas) {
  const ClipId a = f.place(f.a1, f.wav, 0, 24, 0, "A");
  const ClipId c = f.place(f.a1, f.wav, 24, 24, 48000, "C");
  const ClipId b = f.place(f.a1, f.wav, 48, 48, 96000, "B");
  clipRef(a).audio.volume = keys({{0, -3.0}, {40000, -9.0}});
  clipRef(c).audio.volume = keys({{0, -1.0}, {47999, -11.0}});
  clipRef(b).audio.volume = keys({{0, 0.0}, {30000, -30.0}, {96000, -6.0}});
  const model::Project after = applied(slide(f.project, f.seq, c, time::FrameCount{6}));
  // A and B stay (A's tail grows, B's head shrinks): their remaining samples keep their gain.
  for (std::int64_t t : {0, 20000, 47999, 108000, 120000, 150000, 191999}) {
    EXPECT_DOUBLE_EQ(gainAt(after, t), gainAt(f.project, t)) << "at sample " << t;
  }
  // C moves 6 frames (12000 samples) later with its keys.
  for (std::int64_t t : {48000, 60000, 95999}) {
    EXPECT_DOUBLE_EQ(gainAt(after, t + 12000), gainAt(f.project, t)) << "C at old sample " << t;
  }
  EXPECT_EQ(after.findSequence(f.seq)->findClip(c)->audio.volume, clipRef(c).audio.volume);
  EXPECT_EQ(after.findSequence(f.seq)->findClip(b)->audio.volume, keys({{0, -12.0}, {18000, -30.0}, {84000, -6.0}}));
}

TEST_F(VolumeKeysEdit, DoubleSpeedHalvesTheKeyOffsets) {
  const ClipId id = f.place(f.a1, f.wav, 0, 48, 0, "bed");
  clipRef(id).audio.volume = keys({{0, 0.0}, {48000, -20.0}, {95998, -2.0}});
  const model::Project after = applied(setSpeed(f.project, f.seq, id, time::Rational(2), TrimMode::Ripple));
  EXPECT_EQ(after.findSequence(f.seq)->findClip(id)->duration.value, 24);
  EXPECT_EQ(after.findSequence(f.seq)->findClip(id)->audio.volume, keys({{0, 0.0}, {24000, -20.0}, {47999, -2.0}}));
  // The content heard at old offset o is heard at o / 2, with the same gain.
  for (std::int64_t o : {0, 12000, 30000, 48000, 70000, 95998}) {
    EXPECT_DOUBLE_EQ(gainAt(after, o / 2), gainAt(f.project, o)) << "at old offset " << o;
  }
}

TEST_F(VolumeKeysEdit, EditsOfClipsWithoutKeysAddNone) {
  const ClipId id = f.place(f.a1, f.wav, 0, 48, 0, "bed");
  const model::Project cut = applied(razor(f.project, f.seq, time::FramePos{12}, {f.a1}));
  for (const model::Clip& c : cut.findSequence(f.seq)->findTrack(f.a1)->clips) EXPECT_TRUE(c.audio.volume.empty());
  const model::Project trimmed = applied(trimIn(f.project, f.seq, id, time::FrameCount{5}, TrimMode::Normal));
  EXPECT_TRUE(trimmed.findSequence(f.seq)->findClip(id)->audio.volume.empty());
}

}  // namespace
}  // namespace postline::edit::test
