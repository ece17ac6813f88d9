// Range checks of the audio parameters (core/model/audio_validate.h): both ends of every range
// are allowed, just outside is refused, NaN and infinities are refused, and every message names
// the place, the field and the value found. model::validate runs them on clips, tracks and mixes.
#include "core/model/audio_validate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "core/model/validate.h"
#include "model_fixture.h"

namespace postline::model {
namespace {

using base::ErrorCode;
using testing::ModelFixture;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Expects `r` to fail with OutOfRange and a message holding every one of `needles`.
void expectRefused(const base::Result<void>& r, std::initializer_list<std::string> needles) {
  ASSERT_FALSE(r.ok()) << "accepted although it should not";
  EXPECT_EQ(r.error().code, ErrorCode::OutOfRange) << r.error().message;
  for (const std::string& n : needles) EXPECT_NE(r.error().message.find(n), std::string::npos) << n << " not in: " << r.error().message;
}

// Checks one double field of T against [lo, hi]: both ends pass, a little beyond each end and
// NaN / +-inf fail naming `field`.
template <class T>
void checkRange(const T& start, std::function<void(T&, double)> set, std::function<base::Result<void>(const T&)> check,
                double lo, double hi, const std::string& field) {
  SCOPED_TRACE(field);
  for (double ok : {lo, hi, 0.5 * (lo + hi)}) {
    T v = start;
    set(v, ok);
    const auto r = check(v);
    EXPECT_TRUE(r.ok()) << ok << ": " << (r.ok() ? "" : r.error().message);
  }
  const double step = std::max(1e-6, 1e-6 * std::abs(hi - lo));
  for (double bad : {lo - step, hi + step, kNaN, kInf, -kInf}) {
    T v = start;
    set(v, bad);
    expectRefused(check(v), {"here", field});
  }
}

TEST(AudioValidate, DefaultsAreValid) {
  EXPECT_TRUE(validateClipAudio(ClipAudio{}, "here").ok());
  Track t;
  t.kind = TrackKind::Audio;
  EXPECT_TRUE(validateTrackAudio(t, "here").ok());
  EXPECT_TRUE(validateEqBand(EqBand{}, "here").ok());
  EXPECT_TRUE(validateCompressor(Compressor{}, "here").ok());
  EXPECT_TRUE(validateMix(MixSettings{}, "here").ok());
}

TEST(AudioValidate, ClipGainAndKeyGainBoundariesAreInclusive) {
  auto check = [](const ClipAudio& a) { return validateClipAudio(a, "here"); };
  checkRange<ClipAudio>({}, [](ClipAudio& a, double v) { a.gainDb = v; }, check, -96.0, 24.0, "audio gain");
  ClipAudio keyed;
  keyed.volume = {{0, 0.0}, {4800, -6.0}};
  checkRange<ClipAudio>(keyed, [](ClipAudio& a, double v) { a.volume[1].gainDb = v; }, check, -96.0, 24.0,
                        "volume key gain");
}

TEST(AudioValidate, VolumeKeysMustStartAtZeroOrLaterAndIncrease) {
  ClipAudio a;
  a.volume = {{0, -3.0}, {1, -4.0}, {48000, 0.0}};
  EXPECT_TRUE(validateClipAudio(a, "here").ok());
  a.volume = {{-1, -3.0}};
  expectRefused(validateClipAudio(a, "clip 'VO' on A1"), {"clip 'VO' on A1", "volume", "-1"});
  a.volume = {{100, -3.0}, {100, -4.0}};
  expectRefused(validateClipAudio(a, "here"), {"here", "volume", "key 1", "100"});
  a.volume = {{200, -3.0}, {100, -4.0}};
  expectRefused(validateClipAudio(a, "here"), {"here", "volume", "key 1", "100"});
}

TEST(AudioValidate, NegativeFadesAreRefused) {
  ClipAudio a;
  a.fadeIn = time::FrameCount{-1};
  expectRefused(validateClipAudio(a, "here"), {"here", "fade"});
  a = ClipAudio{};
  a.fadeOut = time::FrameCount{-5};
  expectRefused(validateClipAudio(a, "here"), {"here", "fade"});
}

TEST(AudioValidate, TrackFaderAndPanBoundariesAreInclusive) {
  Track t;
  t.kind = TrackKind::Audio;
  auto check = [](const Track& x) { return validateTrackAudio(x, "here"); };
  checkRange<Track>(t, [](Track& x, double v) { x.volumeDb = v; }, check, -96.0, 12.0, "fader");
  checkRange<Track>(t, [](Track& x, double v) { x.pan = v; }, check, -1.0, 1.0, "pan");
}

TEST(AudioValidate, AtMostEightEqBands) {
  Track t;
  t.kind = TrackKind::Audio;
  t.eq.resize(kMaxEqBands);
  EXPECT_TRUE(validateTrackAudio(t, "here").ok());
  t.eq.resize(kMaxEqBands + 1);
  expectRefused(validateTrackAudio(t, "track A1"), {"track A1", "EQ bands", "8", "9"});
}

TEST(AudioValidate, EqBandBoundariesAreInclusive) {
  auto check = [](const EqBand& b) { return validateEqBand(b, "here"); };
  checkRange<EqBand>({}, [](EqBand& b, double v) { b.frequencyHz = v; }, check, 20.0, 20000.0, "EQ frequency");
  checkRange<EqBand>({}, [](EqBand& b, double v) { b.gainDb = v; }, check, -24.0, 24.0, "EQ gain");
  checkRange<EqBand>({}, [](EqBand& b, double v) { b.q = v; }, check, 0.1, 100.0, "EQ Q");
}

TEST(AudioValidate, ABadBandInsideATrackIsFound) {
  Track t;
  t.kind = TrackKind::Audio;
  t.eq.resize(3);
  t.eq[2].type = EqBandType::Notch;
  t.eq[2].q = 0.0;
  expectRefused(validateTrackAudio(t, "track A1"), {"track A1", "EQ Q", "0"});
}

TEST(AudioValidate, CompressorBoundariesAreInclusive) {
  auto check = [](const Compressor& c) { return validateCompressor(c, "here"); };
  using C = Compressor;
  checkRange<C>({}, [](C& c, double v) { c.thresholdDb = v; }, check, -60.0, 0.0, "threshold");
  checkRange<C>({}, [](C& c, double v) { c.ratio = v; }, check, 1.0, 20.0, "ratio");
  checkRange<C>({}, [](C& c, double v) { c.attackMs = v; }, check, 0.1, 200.0, "attack");
  checkRange<C>({}, [](C& c, double v) { c.releaseMs = v; }, check, 5.0, 2000.0, "release");
  checkRange<C>({}, [](C& c, double v) { c.kneeDb = v; }, check, 0.0, 24.0, "knee");
  checkRange<C>({}, [](C& c, double v) { c.makeupDb = v; }, check, 0.0, 24.0, "make-up");
  // A disabled compressor is still checked: its values are kept in the file.
  Compressor off;
  off.enabled = false;
  off.ratio = 0.5;
  expectRefused(validateCompressor(off, "here"), {"ratio", "0.5"});
  Track t;
  t.compressor.ratio = 0.5;
  expectRefused(validateTrackAudio(t, "track A2"), {"track A2", "ratio", "0.5"});
}

TEST(AudioValidate, MixBoundariesAreInclusive) {
  auto check = [](const MixSettings& m) { return validateMix(m, "here"); };
  using M = MixSettings;
  checkRange<M>({}, [](M& m, double v) { m.masterGainDb = v; }, check, -48.0, 24.0, "master gain");
  checkRange<M>({}, [](M& m, double v) { m.targetLufs = v; }, check, -40.0, -5.0, "loudness target");
  checkRange<M>({}, [](M& m, double v) { m.ceilingDbtp = v; }, check, -9.0, 0.0, "ceiling");
}

TEST(AudioValidate, TheMessageNamesTheValueFound) {
  MixSettings m;
  m.targetLufs = -80.0;
  expectRefused(validateMix(m, "sequence 'S' mix"), {"sequence 'S' mix", "loudness target", "-40", "-5", "-80"});
  m = MixSettings{};
  m.ceilingDbtp = 1.0;
  expectRefused(validateMix(m, "here"), {"ceiling", "found 1"});
  Track t;
  t.pan = 2.0;
  expectRefused(validateTrackAudio(t, "track A1"), {"track A1: pan must be within -1 .. 1, found 2"});
  t.pan = kNaN;
  expectRefused(validateTrackAudio(t, "track A1"), {"track A1", "pan", "nan"});
}

// model::validate calls the audio checks for every clip, track and sequence.
class AudioValidateProject : public ModelFixture, public ::testing::Test {
 protected:
  Track& audioTrack() {
    for (Track& t : project.sequences[0].tracks) {
      if (t.kind == TrackKind::Audio) return t;
    }
    return project.sequences[0].tracks.back();
  }
};

TEST_F(AudioValidateProject, ValidateChecksClipsTracksAndTheMix) {
  Clip c = clip(0, 24);
  c.name = "VO";
  c.audio.volume = {{0, -3.0}, {4800, -12.0}};
  c.audio.preservePitch = false;
  audioTrack().clips.push_back(c);
  audioTrack().pan = -0.25;
  audioTrack().eq.resize(2);
  project.sequences[0].settings.mix.targetLufs = -23.0;
  ASSERT_TRUE(validate(project).ok()) << validate(project).error().message;

  audioTrack().clips[0].audio.volume[1].offset = 0;
  auto r = validate(project);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("clip 'VO' on " + audioTrack().name), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("volume"), std::string::npos) << r.error().message;
  audioTrack().clips[0].audio.volume[1].offset = 4800;

  audioTrack().eq[1].frequencyHz = 5.0;
  r = validate(project);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("track " + audioTrack().name), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("found 5"), std::string::npos) << r.error().message;
  audioTrack().eq[1].frequencyHz = 100.0;

  project.sequences[0].settings.mix.masterGainDb = kInf;
  r = validate(project);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("sequence '" + project.sequences[0].name + "'"), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("master gain"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace postline::model
