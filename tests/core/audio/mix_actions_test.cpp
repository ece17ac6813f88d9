// The one-click mix actions, judged by what the mix measures after their ChangeSet is applied:
// role balance, auto-ducking, de-resonance and loudness normalisation.
#include "core/audio/mix_actions.h"

#include <iomanip>
#include <sstream>

#include "core/audio/dsp/biquad.h"
#include "core/audio/dsp/spectrum.h"
#include "core/audio/mix_plan.h"
#include "tests/core/audio/mix_signals.h"

namespace {

using namespace mix_test;
using postline::audio::loudness::LoudnessStats;

struct MixActions : MixFixture {
  model::TrackId trackId(int n) { return audioTrack(n).id; }
  // Loudness of track n alone in the mix as it now stands (its fader, pan, EQ and compressor;
  // limiter off, master 0 dB), with or without the clips' volume keys.
  LoudnessStats trackStats(int n, bool automation = true) {
    auto plan = audio::planMix(project, seq);
    EXPECT_TRUE(plan.ok());
    audio::MixPlan p = plan.value();
    std::erase_if(p.tracks, [&](const audio::TrackPlan& t) { return t.id != trackId(n); });
    p.mix.limiter = false;
    p.mix.masterGainDb = 0.0;
    if (!automation) {
      for (auto& t : p.tracks)
        for (auto& v : t.voices) v.volume.clear();
    }
    auto stats = audio::measureMix(p);
    EXPECT_TRUE(stats.ok());
    return stats.value();
  }
  // The whole mix as it now stands.
  LoudnessStats mixStats() {
    auto plan = audio::planMix(project, seq);
    EXPECT_TRUE(plan.ok());
    auto stats = audio::measureMix(plan.value());
    EXPECT_TRUE(stats.ok());
    return stats.value();
  }
};

// ---- balanceRoles -------------------------------------------------------------------------------

TEST_F(MixActions, BalanceBringsEveryRoleToItsTarget) {
  place(1, addWav(toneWav()), 0, 0, 144000);  // dialogue: -6 dBFS crest, compressed
  audioTrack(1).compressor.enabled = true;
  audioTrack(1).pan = 0.7;                    // constant power: the loudness does not move
  place(2, addWav(toneWav()), 0, 0, 144000).audio.gainDb = -10.0;      // sfx
  place(3, addFloat("white_01.wav", noisePair(3.0, 0.1, 1)), 0, 0, 144000);  // foley
  model::Clip& music = place(4, addFloat("pink_02.wav", pinkPair(3.0, 0.1, 2)), 0, 0, 144000);
  music.audio.volume.push_back({0, 0.0});
  music.audio.volume.push_back({48000, -20.0});  // ducked: the target ignores it
  place(5, addFloat("pink_03.wav", pinkPair(3.0, 0.02, 3)), 0, 0, 144000);  // ambient
  auto r = audio::balanceRoles(project, seq);
  ASSERT_TRUE(r.ok()) << r.error().message;
  applyChanges(r.value().changes);
  EXPECT_NEAR(trackStats(1).integratedLufs, -12.0, 0.3);
  EXPECT_NEAR(trackStats(2).truePeakDbtp, -9.0, 0.3);
  EXPECT_NEAR(trackStats(3).truePeakDbtp, -12.0, 0.3);
  EXPECT_NEAR(trackStats(4, false).integratedLufs, -15.0, 0.3);
  EXPECT_NEAR(trackStats(5, false).integratedLufs, -21.0, 0.3);
  EXPECT_EQ(r.value().report.size(), 5u);
  for (const auto& line : r.value().report) EXPECT_NE(line.find("fader"), std::string::npos) << line;
}

TEST_F(MixActions, BalanceLeavesSilentAndUnroledTracksAlone) {
  place(1, addWav(toneWav()), 0, 0, 96000);
  audioTrack(2).volumeDb = -7.0;  // sfx, no clips: no sound
  audioTrack(3).role = model::AudioRole::None;
  audioTrack(3).volumeDb = -5.0;
  place(3, addWav(toneWav()), 0, 0, 96000);
  auto r = audio::balanceRoles(project, seq);
  ASSERT_TRUE(r.ok()) << r.error().message;
  applyChanges(r.value().changes);
  EXPECT_EQ(audioTrack(2).volumeDb, -7.0);
  EXPECT_EQ(audioTrack(3).volumeDb, -5.0);
  EXPECT_NEAR(trackStats(1).integratedLufs, -12.0, 0.3);
}

// ---- autoDuck -------------------------------------------------------------------------------------

// Dialogue: 1 kHz bursts (amplitude 0.25) over seconds [1, 2), [4, 5), [7, 8) of 10 s.
std::vector<float> bursts() {
  std::vector<float> s = sinePair(10.0, 1000.0, 0.25);
  for (std::size_t i = 0; i < s.size() / 2; ++i) {
    const std::size_t second = i / 48000;
    if (second != 1 && second != 4 && second != 7) s[2 * i] = s[2 * i + 1] = 0.0f;
  }
  return s;
}

struct MixDuck : MixActions {
  static constexpr std::int64_t kWindow = 2400;  // the detector's 50 ms RMS window
  void SetUp() override {
    place(1, addFloat("speech_bursts.wav", bursts()), 0, 0, 480000);
    place(4, addWav(dcWav()), 0, 0, 480000);  // music bed, DC 0.25
  }
  // The music track alone (after ducking) over the whole sequence.
  std::vector<float> music() {
    for (int n : {1, 2, 3, 5}) audioTrack(n).muted = true;
    auto out = sum(0, 240);
    for (int n : {1, 2, 3, 5}) audioTrack(n).muted = false;
    return out;
  }
  std::vector<float> duck(const audio::DuckOptions& o) {
    auto r = audio::autoDuck(project, seq, o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    if (!r.ok()) return {};
    applyChanges(r.value().changes);
    return music();
  }
  // Checks one burst [b0, b1) against depth, attack and release (the detector may start up to
  // one window early and end up to one window late).
  static void expectDip(const std::vector<float>& m, std::int64_t b0, std::int64_t b1, const audio::DuckOptions& o) {
    const double ducked = 0.25 * gainOf(o.depthDb);
    const auto attack = std::llround(o.attackMs * 48.0), release = std::llround(o.releaseMs * 48.0);
    for (std::int64_t t = b0; t < b1; t += 1000) EXPECT_NEAR(dB(left(m, t) / 0.25), o.depthDb, 0.1) << "in the burst at " << t;
    EXPECT_NEAR(left(m, b0), ducked, 1e-5) << "full depth by the burst start";
    EXPECT_NEAR(left(m, b1 - 1), ducked, 1e-5) << "still ducked at its end";
    EXPECT_EQ(left(m, b0 - attack - kWindow - 1), 0.25f) << "not before the attack";
    EXPECT_LT(left(m, b0 - attack / 4), 0.25f) << "ramping down over the attack";
    EXPECT_GT(left(m, b0 - attack / 4), ducked);
    EXPECT_LT(left(m, b1 + release / 2), 0.25f) << "ramping up over the release";
    EXPECT_GT(left(m, b1 + release / 2), ducked);
    EXPECT_EQ(left(m, b1 + release + kWindow), 0.25f) << "recovered after the release";
  }
};

TEST_F(MixDuck, MusicDipsByTheDepthUnderEachBurst) {
  const audio::DuckOptions o;
  const auto m = duck(o);
  ASSERT_EQ(m.size(), 480000u * 2);
  EXPECT_EQ(left(m, 0), 0.25f);
  for (std::int64_t s : {1, 4, 7}) expectDip(m, s * 48000, (s + 1) * 48000, o);
  EXPECT_EQ(left(m, 479999), 0.25f);
}

TEST_F(MixDuck, DepthAttackAndReleaseOptionsMoveTheCurve) {
  audio::DuckOptions o;
  o.depthDb = -15.0;
  o.attackMs = 500.0;
  o.releaseMs = 1000.0;
  const auto m = duck(o);
  for (std::int64_t s : {1, 4, 7}) expectDip(m, s * 48000, (s + 1) * 48000, o);
}

TEST_F(MixDuck, ClipStartingInsideABurstStartsDucked) {
  audioTrack(4).clips.clear();
  place(4, addWav(dcWav()), 30, 0, 384000);  // samples [60000, 444000): starts inside burst 1
  const audio::DuckOptions o;
  const auto m = duck(o);
  EXPECT_EQ(left(m, 59999), 0.0f);
  EXPECT_NEAR(left(m, 60000), 0.25 * gainOf(o.depthDb), 1e-5);
  for (std::int64_t s : {4, 7}) expectDip(m, s * 48000, (s + 1) * 48000, o);
}

TEST_F(MixDuck, ReplacesEarlierAutomationInsteadOfStacking) {
  const audio::DuckOptions o;
  duck(o);
  const auto m = duck(o);  // a second run over already ducked music
  for (std::int64_t s : {1, 4, 7}) expectDip(m, s * 48000, (s + 1) * 48000, o);
}

TEST_F(MixDuck, NoDialogueTrackIsNotFound) {
  audioTrack(1).role = model::AudioRole::Sfx;
  auto r = audio::autoDuck(project, seq, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
}

TEST_F(MixDuck, OptionsOutOfRangeAreRefused) {
  audio::DuckOptions o;
  o.depthDb = 0.0;
  auto r = audio::autoDuck(project, seq, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::OutOfRange);
}

// ---- deresonate -----------------------------------------------------------------------------------

// 4 s of white noise (sigma 0.05), optionally through a +15 dB, Q 12 peak at 3150 Hz.
std::vector<float> resonantNoise(bool resonance) {
  std::vector<float> s = noisePair(4.0, 0.05, 7);
  if (!resonance) return s;
  model::EqBand band;
  band.frequencyHz = 3150.0;
  band.gainDb = 15.0;
  band.q = 12.0;
  audio::dsp::Biquad f;
  f.set(audio::dsp::designBand(band, 48000.0));
  for (std::size_t i = 0; i < s.size(); i += 2) s[i] = s[i + 1] = f.process(s[i]);
  return s;
}

struct MixDeresonate : MixActions {
  // The spectrum of track A1 after its EQ, in dB (fftSize 8192: 5.86 Hz bins).
  std::vector<double> spectrum() {
    auto plan = audio::planMix(project, seq);
    EXPECT_TRUE(plan.ok());
    audio::OfflineMix mix(audio::isolateTrack(plan.value(), trackId(1), audio::Tap::PreFader));
    const auto stereo = mix.render(0, plan.value().length);
    std::vector<float> mono(stereo.size() / 2);
    for (std::size_t i = 0; i < mono.size(); ++i) mono[i] = stereo[2 * i];
    return audio::dsp::averageSpectrumDb(mono.data(), mono.size(), 48000.0);
  }
  // Highest level within +-200 Hz of 3150 Hz above the mean level over 2..2.5 kHz and 3.8..4.3 kHz.
  static double standsOutDb(const std::vector<double>& db) {
    const double bin = 48000.0 / 8192.0;
    double top = -1e9, floor = 0.0;
    int count = 0;
    for (std::size_t k = 0; k < db.size(); ++k) {
      const double f = static_cast<double>(k) * bin;
      if (std::abs(f - 3150.0) <= 200.0) top = std::max(top, db[k]);
      if ((f >= 2000.0 && f <= 2500.0) || (f >= 3800.0 && f <= 4300.0)) {
        floor += db[k];
        ++count;
      }
    }
    return top - floor / count;
  }
  std::vector<model::EqBand> notches() {
    std::vector<model::EqBand> out;
    for (const auto& b : audioTrack(1).eq) {
      if (b.type == model::EqBandType::Notch || b.gainDb < 0.0) out.push_back(b);
    }
    return out;
  }
};

TEST_F(MixDeresonate, NotchLandsOnTheResonanceAndRemovesIt) {
  place(1, addFloat("noise_resonant_3150.wav", resonantNoise(true)), 0, 0, 192000);
  EXPECT_GT(standsOutDb(spectrum()), 12.0) << "the fixture's resonance";
  auto r = audio::deresonate(project, seq, trackId(1));
  ASSERT_TRUE(r.ok()) << r.error().message;
  applyChanges(r.value().changes);
  const auto cut = notches();
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_NEAR(cut[0].frequencyHz, 3150.0, 30.0);
  const auto after = spectrum();
  EXPECT_LT(standsOutDb(after), 3.0) << "the notched spectrum no longer shows the peak; q " << cut[0].q;
  ASSERT_FALSE(r.value().report.empty());
  std::ostringstream hz;
  hz << std::fixed << std::setprecision(1) << cut[0].frequencyHz;
  EXPECT_NE(r.value().report[0].find(hz.str()), std::string::npos) << r.value().report[0];
}

TEST_F(MixDeresonate, RunningAgainReplacesTheNotch) {
  place(1, addFloat("noise_resonant_3150.wav", resonantNoise(true)), 0, 0, 192000);
  model::EqBand low;
  low.type = model::EqBandType::LowShelf;
  low.frequencyHz = 200.0;
  low.gainDb = 2.0;
  audioTrack(1).eq.push_back(low);  // the user's own band stays
  for (int run = 0; run < 2; ++run) {
    auto r = audio::deresonate(project, seq, trackId(1));
    ASSERT_TRUE(r.ok()) << r.error().message;
    applyChanges(r.value().changes);
  }
  EXPECT_EQ(notches().size(), 1u);
  EXPECT_EQ(audioTrack(1).eq.size(), 2u);
  EXPECT_EQ(audioTrack(1).eq.front(), low);
}

TEST_F(MixDeresonate, PlainNoiseIsNotFound) {
  place(1, addFloat("noise_plain.wav", resonantNoise(false)), 0, 0, 192000);
  const double flat = standsOutDb(spectrum());
  EXPECT_LT(flat, 3.0) << "the criterion the notched test uses holds for plain noise";
  RecordProperty("plain_noise_stands_out_db", std::to_string(flat));
  auto r = audio::deresonate(project, seq, trackId(1));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_TRUE(audioTrack(1).eq.empty());
}

// ---- normaliseMix --------------------------------------------------------------------------------

// 3 s of pink-ish noise (RMS 0.05) with a 440 Hz tone (-26 dBFS crest): peaks well under -1 dBTP.
std::vector<float> programme() {
  std::vector<float> s = pinkPair(3.0, 0.05, 11);
  mixInto(s, sinePair(3.0, 440.0, 0.05));
  return s;
}

// A peaky programme (1.6 s): a quiet pink bed (RMS 0.02) with 5 ms bursts of 1 kHz at 0.9 every 400 ms:
// peaks about 19 dB above its loudness, so at -14 LUFS the limiter takes several dB off them.
std::vector<float> peaky() {
  std::vector<float> s = pinkPair(1.6, 0.02, 12);
  const auto tone = sinePair(1.6, 1000.0, 0.9);
  for (std::size_t i = 0; i < s.size() / 2; ++i) {
    if (i % 19200 < 240) {
      s[2 * i] += tone[2 * i];
      s[2 * i + 1] += tone[2 * i + 1];
    }
  }
  return s;
}

struct MixNormalise : MixActions, ::testing::WithParamInterface<double> {};

TEST_P(MixNormalise, ProgrammeReachesTheTargetUnderTheCeiling) {
  const std::vector<float> raw = programme();
  place(1, addFloat("programme.wav", raw), 0, 0, 144000);
  const double target = GetParam();
  auto r = audio::normaliseMix(project, seq, target);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto plain = audio::loudness::measureStereo(raw.data(), raw.size() / 2);
  ASSERT_TRUE(plain.ok());
  EXPECT_NEAR(r.value().before.integratedLufs, plain.value().integratedLufs, 0.01) << "before = the bare programme";
  applyChanges(r.value().action.changes);
  RecordProperty("report", r.value().action.report.front());
  EXPECT_EQ(sequence().settings.mix.targetLufs, target);
  const LoudnessStats now = mixStats();
  EXPECT_NEAR(now.integratedLufs, target, 0.3);
  EXPECT_NEAR(now.integratedLufs, target, 0.1) << "documented: within 0.1 LU";
  EXPECT_LE(now.truePeakDbtp, -1.0);
  EXPECT_NEAR(now.integratedLufs, r.value().after.integratedLufs, 0.01) << "the report's figure is what the mix measures";
  ASSERT_FALSE(r.value().action.report.empty());
  const std::string& line = r.value().action.report[0];
  std::ostringstream before, after;
  before << std::fixed << std::setprecision(1) << r.value().before.integratedLufs;
  after << std::fixed << std::setprecision(1) << r.value().after.integratedLufs;
  EXPECT_NE(line.find(before.str()), std::string::npos) << line;
  EXPECT_NE(line.find(after.str()), std::string::npos) << line;
}

INSTANTIATE_TEST_SUITE_P(Targets, MixNormalise, ::testing::Values(-14.0, -16.0, -23.0, -24.0));

TEST_F(MixActions, NormalisePeakyProgrammeWorksTheLimiter) {
  place(1, addFloat("programme_peaky.wav", peaky()), 0, 0, 76800);
  auto r = audio::normaliseMix(project, seq, -14.0);
  ASSERT_TRUE(r.ok()) << r.error().message;
  RecordProperty("report", r.value().action.report.front());
  EXPECT_GT(r.value().before.truePeakDbtp - r.value().before.integratedLufs, 16.0) << "the fixture is peaky";
  applyChanges(r.value().action.changes);
  const LoudnessStats now = mixStats();
  EXPECT_NEAR(now.integratedLufs, -14.0, 0.3);
  EXPECT_NEAR(now.integratedLufs, -14.0, 0.1) << "documented: within 0.1 LU";
  EXPECT_LE(now.truePeakDbtp, -1.0);
}

TEST_F(MixActions, NormaliseNeverClaimsATargetItCannotReach) {
  // -60 dBFS RMS pink noise (about -55 LUFS) needs some +41 dB for -14: past the +24 dB master range.
  place(1, addFloat("programme_very_quiet.wav", pinkPair(1.6, 0.001, 13)), 0, 0, 76800);
  auto r = audio::normaliseMix(project, seq, -14.0);
  if (!r.ok()) SUCCEED() << r.error().message;
  if (r.ok()) {
    const bool reached = std::abs(r.value().after.integratedLufs + 14.0) <= 0.1;
    EXPECT_TRUE(reached || !r.value().action.warnings.empty())
        << "reported success without reaching the target and without a warning: " << r.value().action.report.front();
  }
}

TEST_F(MixActions, NormaliseSilenceIsAnErrorAndChangesNothing) {
  auto empty = audio::normaliseMix(project, seq, -14.0);
  ASSERT_FALSE(empty.ok());
  place(1, addFloat("silence.wav", dcPair(2.0, 0.0f, 0.0f)), 0, 0, 96000);
  const model::SequenceSettings before = sequence().settings;
  auto silent = audio::normaliseMix(project, seq, -23.0);
  ASSERT_FALSE(silent.ok());
  EXPECT_NE(silent.error().message.find("silent"), std::string::npos) << silent.error().message;
  EXPECT_EQ(sequence().settings, before);
}

TEST_F(MixActions, LoudnessPresetsNameTheirTargets) {
  EXPECT_EQ(audio::loudnessPreset("social"), -14.0);
  EXPECT_EQ(audio::loudnessPreset("streaming"), -16.0);
  EXPECT_EQ(audio::loudnessPreset("ebu-r128"), -23.0);
  EXPECT_EQ(audio::loudnessPreset("atsc-a85"), -24.0);
  EXPECT_FALSE(audio::loudnessPreset("loud").has_value());
}

}  // namespace
