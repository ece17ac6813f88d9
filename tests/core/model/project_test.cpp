#include <gtest/gtest.h>

#include "core/model/validate.h"
#include "model_fixture.h"

using namespace postline::model;
using postline::model::testing::ModelFixture;

TEST(Project, NewProjectHasTheFiveBinsAndADefaultSequence) {
  const Project p = Project::createDefault("Coffee");
  ASSERT_EQ(p.bins.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(p.bins[i].name, kStandardBins[i]);
    EXPECT_FALSE(p.bins[i].parent.valid());
  }
  ASSERT_EQ(p.sequences.size(), 1u);
  const Sequence& s = p.sequences[0];
  EXPECT_EQ(s.settings.width, 1920);
  EXPECT_EQ(s.settings.height, 1080);
  EXPECT_EQ(s.settings.frameRate.fps(), postline::time::Rational(24));
  EXPECT_EQ(s.settings.colorSpace, ColorSpace::Rec709);
  EXPECT_EQ(s.settings.sampleRate, 48000);
  ASSERT_EQ(s.tracks.size(), 6u);
  EXPECT_EQ(s.tracks[0].name, "V1");
  EXPECT_EQ(s.tracks[0].kind, TrackKind::Video);
  const AudioRole roles[] = {AudioRole::Dialogue, AudioRole::Sfx, AudioRole::Foley, AudioRole::Music, AudioRole::Ambient};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(s.tracks[1 + i].name, "A" + std::to_string(i + 1));
    EXPECT_EQ(s.tracks[1 + i].role, roles[i]);
  }
  EXPECT_TRUE(validate(p).ok());
}

TEST(Project, NewVideoTracksGoAboveV1AndBeforeAudio) {
  Project p = Project::createDefault("x");
  Track& v2 = addTrack(p, p.sequences[0], TrackKind::Video);
  EXPECT_EQ(v2.name, "V2");
  EXPECT_EQ(p.sequences[0].tracks[1].name, "V2");
  EXPECT_EQ(p.sequences[0].tracks[2].name, "A1");
}

TEST(Validate, CatchesBrokenInvariants) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 48), f.clip(40, 24)};  // overlap
  auto r = validate(f.project);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("overlap"), std::string::npos);

  ModelFixture g;
  g.track().clips = {g.clip(0, 48, 200)};  // source 200..248 past a 240-frame media
  EXPECT_EQ(validate(g.project).error().code, postline::base::ErrorCode::OutOfRange);

  ModelFixture h;
  h.project.bins.erase(h.project.bins.begin() + 2);
  EXPECT_NE(validate(h.project).error().message.find("03_Graphics"), std::string::npos);

  ModelFixture k;
  Clip c = k.clip(0, 10);
  c.media = MediaId{999};
  k.track().clips = {c};
  EXPECT_FALSE(validate(k.project).ok());

  ModelFixture d;
  d.track().clips = {d.clip(0, 10), d.clip(20, 10)};
  d.track().clips[1].id = d.track().clips[0].id;
  EXPECT_NE(validate(d.project).error().message.find("reuses id"), std::string::npos);
}

TEST(Validate, TransitionNeedsHandles) {
  ModelFixture f;
  f.track().clips = {f.clip(0, 48, 0), f.clip(48, 48, 100)};
  Transition t{TransitionId{f.project.nextId++}, f.v1, f.track().clips[0].id, f.track().clips[1].id,
               TransitionKind::CrossDissolve, postline::time::FrameCount{12}, TransitionAlign::CenterOnCut};
  f.project.sequences[0].transitions = {t};
  EXPECT_TRUE(validate(f.project).ok());
  // The right clip starts at source frame 100: 100 frames of head handle; the left has 192 of tail.
  f.project.sequences[0].transitions[0].duration = postline::time::FrameCount{40};
  EXPECT_TRUE(validate(f.project).ok());
  f.track().clips[1].sourceIn = 2;  // only 2 frames of head handle for a 20-frame half
  EXPECT_EQ(validate(f.project).error().code, postline::base::ErrorCode::OutOfRange);
}
