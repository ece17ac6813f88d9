// Mixer edits: fader/pan/EQ/compressor of a track, the master bus, clearing volume keys.
#include "core/edit/audio_mix.h"

#include <gtest/gtest.h>

#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using test::appliesAndUndoes;
using test::EditFixture;

const model::Track& trackOf(const model::Project& p, model::SequenceId seq, model::TrackId id) {
  return *p.findSequence(seq)->findTrack(id);
}

TEST(AudioMixEdit, FaderAndPanChangeOnlyTheirFieldAndUndo) {
  EditFixture f;
  f.place(f.a1, f.wav, 0, 24);
  model::Project after;
  auto fader = setTrackFader(f.project, f.seq, f.a1, -6.5);
  ASSERT_TRUE(fader.ok()) << fader.error().message;
  ASSERT_TRUE(appliesAndUndoes(f.project, *fader, &after));
  EXPECT_DOUBLE_EQ(trackOf(after, f.seq, f.a1).volumeDb, -6.5);
  EXPECT_EQ(trackOf(after, f.seq, f.a1).pan, 0.0);
  EXPECT_EQ(trackOf(after, f.seq, f.a1).clips.size(), 1u);

  auto pan = setTrackPan(f.project, f.seq, f.a1, -0.25);
  ASSERT_TRUE(pan.ok());
  ASSERT_TRUE(appliesAndUndoes(f.project, *pan, &after));
  EXPECT_DOUBLE_EQ(trackOf(after, f.seq, f.a1).pan, -0.25);
  EXPECT_EQ(trackOf(after, f.seq, f.a1).volumeDb, 0.0);
}

TEST(AudioMixEdit, UnchangedValueIsAnEmptyChangeSet) {
  EditFixture f;
  auto r = setTrackFader(f.project, f.seq, f.a1, 0.0);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(AudioMixEdit, OutOfRangeAndVideoTracksAreRefusedWithTheField) {
  EditFixture f;
  auto loud = setTrackFader(f.project, f.seq, f.a1, 20.0);
  ASSERT_FALSE(loud.ok());
  EXPECT_EQ(loud.error().code, ErrorCode::OutOfRange);
  EXPECT_NE(loud.error().message.find("A1"), std::string::npos) << loud.error().message;
  EXPECT_FALSE(setTrackPan(f.project, f.seq, f.a1, 1.5).ok());
  EXPECT_EQ(setTrackFader(f.project, f.seq, f.v1, -3.0).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(setTrackFader(f.project, f.seq, model::TrackId{9999}, -3.0).error().code, ErrorCode::NotFound);
  model::Compressor c;
  c.ratio = 50.0;
  EXPECT_FALSE(setTrackCompressor(f.project, f.seq, f.a1, c).ok());
  std::vector<model::EqBand> tooMany(model::kMaxEqBands + 1);
  EXPECT_FALSE(setTrackEq(f.project, f.seq, f.a1, tooMany).ok());
}

TEST(AudioMixEdit, EqAndCompressorAreSetWhole) {
  EditFixture f;
  model::EqBand notch;
  notch.type = model::EqBandType::Notch;
  notch.frequencyHz = 3000.0;
  notch.q = 8.0;
  model::Project after;
  auto eq = setTrackEq(f.project, f.seq, f.a1, {notch});
  ASSERT_TRUE(eq.ok()) << eq.error().message;
  ASSERT_TRUE(appliesAndUndoes(f.project, *eq, &after));
  ASSERT_EQ(trackOf(after, f.seq, f.a1).eq.size(), 1u);
  EXPECT_EQ(trackOf(after, f.seq, f.a1).eq[0], notch);

  model::Compressor c;
  c.enabled = true;
  c.makeupDb = 3.0;
  auto comp = setTrackCompressor(f.project, f.seq, f.a1, c);
  ASSERT_TRUE(comp.ok());
  ASSERT_TRUE(appliesAndUndoes(f.project, *comp, &after));
  EXPECT_EQ(trackOf(after, f.seq, f.a1).compressor, c);
}

TEST(AudioMixEdit, MixSettingsAreValidatedAndUndone) {
  EditFixture f;
  model::MixSettings mix;
  mix.masterGainDb = -4.0;
  mix.targetLufs = -23.0;
  model::Project after;
  auto r = setMixSettings(f.project, f.seq, mix);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(appliesAndUndoes(f.project, *r, &after));
  EXPECT_EQ(after.findSequence(f.seq)->settings.mix, mix);
  mix.ceilingDbtp = 3.0;
  EXPECT_EQ(setMixSettings(f.project, f.seq, mix).error().code, ErrorCode::OutOfRange);
  auto same = setMixSettings(f.project, f.seq, f.sequence().settings.mix);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
}

TEST(AudioMixEdit, ClearVolumeKeysTouchesOnlyClipsWithKeys) {
  EditFixture f;
  const model::ClipId keyed = f.place(f.a2, f.wav, 0, 24);
  f.place(f.a2, f.wav, 48, 24);
  for (auto& c : f.track(f.a2).clips) {
    if (c.id == keyed) c.audio.volume = {{0, 0.0}, {4800, -9.0}};
  }
  model::Project after;
  auto r = clearVolumeKeys(f.project, f.seq, f.a2);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->changes.size(), 1u);
  ASSERT_TRUE(appliesAndUndoes(f.project, *r, &after));
  for (const auto& c : trackOf(after, f.seq, f.a2).clips) EXPECT_TRUE(c.audio.volume.empty());
  auto again = clearVolumeKeys(after, f.seq, f.a2);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
}

}  // namespace
}  // namespace postline::edit

namespace postline::edit {
namespace {

TEST(AudioMixEdit, ClipChangesOnTrackKeepsOnlyThatTracksClipUpdates) {
  test::EditFixture f;
  const model::ClipId c1 = f.place(f.a1, f.wav, 0, 24);
  const model::ClipId c2 = f.place(f.a2, f.wav, 0, 24);
  model::ChangeSet cs;
  model::Clip a = *f.clip(c1), b = *f.clip(c2);
  model::Clip a2 = a, b2 = b;
  a2.audio.gainDb = -3.0;
  b2.audio.gainDb = -4.0;
  cs.add(model::ClipUpdated{f.seq, f.a1, a, a2});
  cs.add(model::ClipUpdated{f.seq, f.a2, b, b2});
  cs.add(model::MarkerAdded{f.seq, model::Marker{}});
  const model::ChangeSet only = clipChangesOnTrack(cs, f.a2);
  ASSERT_EQ(only.changes.size(), 1u);
  EXPECT_EQ(std::get<model::ClipUpdated>(only.changes[0]).after.audio.gainDb, -4.0);
}

}  // namespace
}  // namespace postline::edit
