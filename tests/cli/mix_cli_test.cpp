// Contract tests of the sound commands: loudness (files and a project's mix) and the mix actions
// (levels, duck, deresonate, compress, track, normalise) (docs/CLI.md). The project is made by
// `postline-cli new`, filled with generated WAVs through the core API (edit::overwrite), and every
// action is checked by reloading the saved file; figures are compared with values derived from the
// signals, or measured on the fixture files by `loudness FILE`, never with the action's own report.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/edit/placement.h"
#include "core/model/change_set.h"
#include "core/project/project_file.h"
#include "tests/cli/cli_run.h"
#include "tests/cli/mix_cli_fixtures.h"

namespace {

using namespace postline;
using namespace mix_cli_test;
using Json = nlohmann::json;

// One set of fixtures and one template project for the suite.
class MixCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = fs::temp_directory_path() / ("postline_mix_cli_" + std::to_string(::getpid()));
    fs::remove_all(s_dir);
    fs::create_directories(s_dir / "media");
    writeWav(s_dir / "media" / "dialogue.wav", 2, dialogue());
    writeWav(s_dir / "media" / "music.wav", 2, musicBed());
    const CliRun made = cli("new " + q(s_dir / "Mix.postline"));
    ASSERT_EQ(made.status, 0) << made.err;
    auto loaded = project::loadProject(s_dir / "Mix.postline");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    model::Project p = loaded->project;
    const model::MediaId vo = addWav(p, s_dir / "media" / "dialogue.wav");
    const model::MediaId bed = addWav(p, s_dir / "media" / "music.wav");
    const model::SequenceId seq = p.sequences[0].id;
    const auto place = [&](const char* track, model::MediaId media) {
      auto cs = edit::overwrite(p, seq, trackNamed(p, track).id, time::FramePos{0},
                                edit::SourceSpan{media, 0, static_cast<std::int64_t>(kSeconds * kRate)});
      ASSERT_TRUE(cs.ok()) << cs.error().message;
      ASSERT_TRUE(model::apply(p, cs.value()).ok());
    };
    place("A1", vo);
    place("A4", bed);
    ASSERT_EQ(trackNamed(p, "A1").role, model::AudioRole::Dialogue);
    ASSERT_EQ(trackNamed(p, "A4").role, model::AudioRole::Music);
    ASSERT_EQ(p.sequences[0].end().value, kFrames);
    auto saved = project::saveProject(p, s_dir / "Mix.postline");
    ASSERT_TRUE(saved.ok()) << saved.error().message;
  }
  static void TearDownTestSuite() { fs::remove_all(s_dir); }

  // A fresh copy of the template project for one test (same folder, so media paths resolve).
  void SetUp() override {
    m_project = s_dir / (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".postline");
    fs::copy_file(s_dir / "Mix.postline", m_project, fs::copy_options::overwrite_existing);
  }
  model::Project reload() const {
    auto r = project::loadProject(m_project);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->project : model::Project{};
  }
  // `loudness ARG --json`, parsed (exit status checked).
  static Json loudness(const fs::path& file) {
    const CliRun r = cli("loudness " + q(file) + " --json");
    EXPECT_EQ(r.status, 0) << r.err;
    return r.status == 0 ? Json::parse(r.out) : Json::object();
  }
  CliRun mix(const std::string& action) const { return cli("mix " + q(m_project) + " " + action); }

  static fs::path s_dir;
  fs::path m_project;
};
fs::path MixCli::s_dir;

std::set<std::string> keysOf(const Json& j) {
  std::set<std::string> k;
  for (auto it = j.begin(); it != j.end(); ++it) k.insert(it.key());
  return k;
}

const std::set<std::string> kFigures = {"integrated_lufs", "loudness_range_lu", "true_peak_dbtp", "sample_peak_dbfs",
                                        "max_momentary_lufs", "max_short_term_lufs"};

TEST_F(MixCli, LoudnessOfAFileHasTheDocumentedKeysAndFigures) {
  // EBU Tech 3341 case 1: a -23 dBFS 1 kHz sine on both channels measures -23.0 LUFS.
  const fs::path wav = s_dir / "sine_m23.wav";
  const double amp = std::pow(10.0, -23.0 / 20.0);
  writeWav(wav, 2, sine(20.0, amp, {1.0, 1.0}));
  const Json j = loudness(wav);
  std::set<std::string> expected = kFigures;
  expected.insert({"source", "kind", "warnings"});
  EXPECT_EQ(keysOf(j), expected);
  EXPECT_EQ(j["source"], wav.string());
  EXPECT_EQ(j["kind"], "file");
  for (const std::string& k : kFigures) EXPECT_TRUE(j[k].is_number()) << k << ": " << j[k];
  EXPECT_TRUE(j["warnings"].is_array());
  EXPECT_NEAR(j["integrated_lufs"].get<double>(), -23.0, 0.1);
  EXPECT_NEAR(j["max_momentary_lufs"].get<double>(), -23.0, 0.1);
  EXPECT_NEAR(j["max_short_term_lufs"].get<double>(), -23.0, 0.1);
  EXPECT_NEAR(j["sample_peak_dbfs"].get<double>(), -23.0, 0.05);
  EXPECT_NEAR(j["true_peak_dbtp"].get<double>(), -23.0, 0.2);
  EXPECT_NEAR(j["loudness_range_lu"].get<double>(), 0.0, 0.2);

  const CliRun text = cli("loudness " + q(wav));
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("-23.0 LUFS"), std::string::npos) << text.out;
}

TEST_F(MixCli, LoudnessOfSilenceIsNull) {
  const fs::path wav = s_dir / "silence.wav";
  writeWav(wav, 2, std::vector<float>(static_cast<std::size_t>(5 * kRate) * 2, 0.0f));
  const Json j = loudness(wav);
  EXPECT_TRUE(j["integrated_lufs"].is_null()) << j.dump();
  EXPECT_TRUE(j["sample_peak_dbfs"].is_null()) << j.dump();
  EXPECT_TRUE(j["max_momentary_lufs"].is_null()) << j.dump();
  EXPECT_EQ(j["kind"], "file");
}

TEST_F(MixCli, LoudnessOfAMissingFileExitsTwoNamingIt) {
  const fs::path missing = s_dir / "no_such_take.wav";
  const CliRun r = cli("loudness " + q(missing) + " --json");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no_such_take.wav"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(cli("loudness").status, 1);
}

// 5.1 (FL FR FC LFE BL BR): FL and FR carry the -23 dBFS sine, the LFE a sine 17 dB louder. With
// the LFE excluded (BS.1770) the programme measures -23.0; counted with weight 1 it would be
// about -8.8. The sample peak covers every channel, the LFE included.
TEST_F(MixCli, LoudnessOfA51FileExcludesTheLfe) {
  const fs::path wav = s_dir / "surround.wav";
  const double amp = std::pow(10.0, -23.0 / 20.0);
  const double lfe = std::pow(10.0, 17.0 / 20.0);
  writeWav(wav, 6, sine(20.0, amp, {1.0, 1.0, 0.0, lfe, 0.0, 0.0}));
  const Json j = loudness(wav);
  EXPECT_NEAR(j["integrated_lufs"].get<double>(), -23.0, 0.1) << j.dump();
  EXPECT_NEAR(j["sample_peak_dbfs"].get<double>(), -6.0, 0.05) << j.dump();
}

TEST_F(MixCli, LoudnessOfAProjectMeasuresTheMix) {
  const Json j = loudness(m_project);
  std::set<std::string> expected = kFigures;
  expected.insert({"source", "kind", "sequence", "target_lufs", "warnings"});
  EXPECT_EQ(keysOf(j), expected);
  EXPECT_EQ(j["kind"], "mix");
  EXPECT_EQ(j["sequence"], "Sequence 01");
  EXPECT_EQ(j["target_lufs"], -14.0);
  EXPECT_EQ(j["warnings"], Json::array());
  for (const std::string& k : kFigures) EXPECT_TRUE(j[k].is_number()) << k << ": " << j[k];
  // 0 dB faders, centre pan (unity), master 0 dB, peaks far under the limiter: with A4 muted the
  // mix is the dialogue file, with A4 soloed the music file.
  const double vo = loudness(s_dir / "media" / "dialogue.wav")["integrated_lufs"].get<double>();
  const double bed = loudness(s_dir / "media" / "music.wav")["integrated_lufs"].get<double>();
  const double both = j["integrated_lufs"].get<double>();
  EXPECT_GT(both, std::max(vo, bed));
  EXPECT_LE(j["true_peak_dbtp"].get<double>(), -1.0 + 0.05);
  ASSERT_EQ(mix("track --track A4 --mute").status, 0);
  EXPECT_NEAR(loudness(m_project)["integrated_lufs"].get<double>(), vo, 0.1);
  ASSERT_EQ(mix("track --track A4 --unmute --solo").status, 0);
  EXPECT_NEAR(loudness(m_project)["integrated_lufs"].get<double>(), bed, 0.1);
  const CliRun missing = cli("loudness " + q(s_dir / "gone.postline"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("gone.postline"), std::string::npos) << missing.err;
}

TEST_F(MixCli, LoudnessTracksMeasuresEachTrackAsItReachesTheMaster) {
  ASSERT_EQ(mix("track --track A1 --fader -6").status, 0);
  const CliRun r = cli("loudness " + q(m_project) + " --tracks --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const Json j = Json::parse(r.out);
  ASSERT_TRUE(j["tracks"].is_array());
  ASSERT_EQ(j["tracks"].size(), 5u);  // A1 .. A5, empty ones read null
  std::set<std::string> expected = kFigures;
  expected.insert({"track", "role"});
  const double vo = loudness(s_dir / "media" / "dialogue.wav")["integrated_lufs"].get<double>();
  for (const Json& t : j["tracks"]) {
    EXPECT_EQ(keysOf(t), expected) << t.dump();
    if (t["track"] == "A1") {
      EXPECT_EQ(t["role"], "dialogue");
      EXPECT_NEAR(t["integrated_lufs"].get<double>(), vo - 6.0, 0.1) << "after its -6 dB fader";
    }
    if (t["track"] == "A3") {
      EXPECT_TRUE(t["integrated_lufs"].is_null()) << "A3 holds no clip";
    }
  }
  const CliRun text = cli("loudness " + q(m_project) + " --tracks");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("A1 (dialogue): "), std::string::npos) << text.out;
}

// levels: each track's fader = role target - the track's own loudness (measured pre-fader; with
// no clip gain and centre pan that is the file's loudness).
TEST_F(MixCli, LevelsSetsFadersToTheRoleTargets) {
  const double vo = loudness(s_dir / "media" / "dialogue.wav")["integrated_lufs"].get<double>();
  const double bed = loudness(s_dir / "media" / "music.wav")["integrated_lufs"].get<double>();
  const CliRun r = mix("levels");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("A1 (dialogue)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("saved to"), std::string::npos) << r.out;
  const model::Project p = reload();
  EXPECT_NEAR(trackNamed(p, "A1").volumeDb, -12.0 - vo, 0.15);
  EXPECT_NEAR(trackNamed(p, "A4").volumeDb, -15.0 - bed, 0.15);
  EXPECT_EQ(trackNamed(p, "A2").volumeDb, 0.0);  // empty: left as it is
  EXPECT_EQ(trackNamed(p, "A5").volumeDb, 0.0);
}

// duck: the music clip gets keys that dip 9 dB under speech and come back to 0 dB in the pauses.
TEST_F(MixCli, DuckPutsVolumeKeysOnTheMusicClip) {
  const CliRun r = mix("duck");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("saved to"), std::string::npos) << r.out;
  const model::Project p = reload();
  const model::Track& a4 = trackNamed(p, "A4");
  ASSERT_EQ(a4.clips.size(), 1u);
  const std::vector<model::GainKey>& keys = a4.clips[0].audio.volume;
  ASSERT_GE(keys.size(), 4u);
  double lowest = 0.0, highest = -100.0;
  for (const model::GainKey& k : keys) lowest = std::min(lowest, k.gainDb), highest = std::max(highest, k.gainDb);
  EXPECT_NEAR(lowest, -9.0, 0.01);
  EXPECT_NEAR(highest, 0.0, 0.01);
  const auto at = [&](double seconds) { return gainAt(keys, static_cast<std::int64_t>(seconds * kRate)); };
  EXPECT_NEAR(at(0.05), 0.0, 0.1);   // before the first word (attack starts 200 ms ahead)
  EXPECT_NEAR(at(1.5), -9.0, 0.1);   // under speech
  EXPECT_NEAR(at(4.25), 0.0, 0.1);   // a 3.5 s pause: recovered
  EXPECT_NEAR(at(7.0), -9.0, 0.1);
  EXPECT_NEAR(at(9.8), 0.0, 0.1);
  EXPECT_TRUE(trackNamed(p, "A1").clips[0].audio.volume.empty());  // dialogue untouched
}

TEST_F(MixCli, DeresonateNotchesTheResonance) {
  const CliRun r = mix("deresonate --track A1");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("A1"), std::string::npos) << r.out;
  const model::Project p = reload();
  const model::Track& a1 = trackNamed(p, "A1");
  ASSERT_EQ(a1.eq.size(), 1u);
  const model::EqBand& cut = a1.eq[0];
  EXPECT_TRUE(cut.type == model::EqBandType::Notch || (cut.type == model::EqBandType::Peak && cut.gainDb <= -6.0))
      << static_cast<int>(cut.type) << " " << cut.gainDb;
  EXPECT_NEAR(cut.frequencyHz, kResonanceHz, 10.0);
  EXPECT_GE(cut.q, 2.0);
  EXPECT_LE(cut.q, 30.0);
  EXPECT_TRUE(cut.enabled);
  // The band takes the ring down: at least 12 dB at 3 kHz (cookbook response), less than 3 dB at 2 kHz.
  EXPECT_LE(bandResponseDb(cut, kResonanceHz), -12.0) << cut.frequencyHz << " Hz, Q " << cut.q << ", " << cut.gainDb << " dB";
  EXPECT_GE(bandResponseDb(cut, 2000.0), -3.0);
  // The music bed has no resonance there: NotFound, and nothing saved.
  const std::string before = readBytes(m_project);
  const CliRun none = mix("deresonate --track A4");
  EXPECT_NE(none.status, 0);
  EXPECT_NE(none.err.find("A4"), std::string::npos) << none.err;
  EXPECT_EQ(readBytes(m_project), before);
}

TEST_F(MixCli, CompressTurnsOnTheSeedsCompressor) {
  const CliRun r = mix("compress --track A1");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("A1: compressor on"), std::string::npos) << r.out;
  model::Project p = reload();
  model::Compressor expected;
  expected.enabled = true;  // 2:1 above -12 dBFS, 10 ms / 120 ms
  EXPECT_EQ(trackNamed(p, "A1").compressor, expected);
  ASSERT_EQ(mix("compress --track A1 --ratio 4 --threshold -20 --attack 5 --release 300").status, 0);
  p = reload();
  expected.ratio = 4.0;
  expected.thresholdDb = -20.0;
  expected.attackMs = 5.0;
  expected.releaseMs = 300.0;
  EXPECT_EQ(trackNamed(p, "A1").compressor, expected);
  ASSERT_EQ(mix("compress --track A1 --off").status, 0);
  EXPECT_FALSE(trackNamed(reload(), "A1").compressor.enabled);
}

TEST_F(MixCli, TrackSetsPanAndFader) {
  const CliRun r = mix("track --track A4 --pan -0.5 --fader -3");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("saved to"), std::string::npos) << r.out;
  model::Project p = reload();
  EXPECT_EQ(trackNamed(p, "A4").pan, -0.5);
  EXPECT_EQ(trackNamed(p, "A4").volumeDb, -3.0);
  EXPECT_EQ(trackNamed(p, "A1").pan, 0.0);
  ASSERT_EQ(mix("track --track A1 --solo --mute").status, 0);
  p = reload();
  EXPECT_TRUE(trackNamed(p, "A1").solo);
  EXPECT_TRUE(trackNamed(p, "A1").muted);
  EXPECT_EQ(trackNamed(p, "A4").pan, -0.5);  // earlier change kept
}

TEST_F(MixCli, NormaliseReachesTheSocialTarget) {
  const CliRun r = mix("normalise --target social");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("saved to"), std::string::npos) << r.out;
  const model::Project p = reload();
  EXPECT_EQ(p.sequences[0].settings.mix.targetLufs, -14.0);
  EXPECT_NE(p.sequences[0].settings.mix.masterGainDb, 0.0);
  const Json j = loudness(m_project);
  EXPECT_EQ(j["target_lufs"], -14.0);
  EXPECT_NEAR(j["integrated_lufs"].get<double>(), -14.0, 0.3) << j.dump();
  EXPECT_LE(j["true_peak_dbtp"].get<double>(), -1.0 + 0.1) << j.dump();
  // A numeric target works too, and becomes the sequence's target.
  ASSERT_EQ(mix("normalise --target -23").status, 0);
  EXPECT_EQ(reload().sequences[0].settings.mix.targetLufs, -23.0);
  EXPECT_NEAR(loudness(m_project)["integrated_lufs"].get<double>(), -23.0, 0.3);
}

// Bad usage: a message on stderr, a non-zero exit, and the project file left byte for byte.
TEST_F(MixCli, BadUsageChangesNothing) {
  const std::string before = readBytes(m_project);
  struct Case {
    std::string args;
    int status;           // 1: wrong arguments (docs/CLI.md); -1: any failure
    std::string message;  // a part of stderr
  };
  std::vector<Case> cases;
  cases.push_back({"frobnicate", 1, "frobnicate"});
  cases.push_back({"", 1, "action"});
  cases.push_back({"deresonate", 1, "--track"});
  cases.push_back({"compress", 1, "--track"});
  cases.push_back({"track --pan 0.5", 1, "--track"});
  cases.push_back({"normalise --target nonsense", 1, "nonsense"});
  cases.push_back({"track --track A1 --pan 5", 1, "pan"});
  cases.push_back({"track --track A1 --fader loud", 1, "--fader"});
  cases.push_back({"compress --track A1 --ratio 0.5", 1, "ratio"});
  cases.push_back({"duck --depth deep", 1, "--depth"});
  cases.push_back({"duck --depth 5", 1, "depth"});
  cases.push_back({"normalise --target -80", 1, "-80"});  // outside the -40 .. -5 LUFS a mix may target
  cases.push_back({"track --track A1 --fader 20", 1, "fader"});
  cases.push_back({"track --track A9 --pan 0", -1, "A9"});
  cases.push_back({"track --track V1 --pan 0", -1, "V1"});
  for (const Case& c : cases) {
    SCOPED_TRACE("mix PROJECT " + c.args);
    const CliRun r = mix(c.args);
    if (c.status == -1) {
      EXPECT_NE(r.status, 0);
    } else {
      EXPECT_EQ(r.status, c.status) << r.err;
    }
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("saved to"), std::string::npos) << r.out;
    EXPECT_EQ(readBytes(m_project), before);
  }
  const CliRun missing = cli("mix " + q(s_dir / "gone.postline") + " levels");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("gone.postline"), std::string::npos) << missing.err;
}

}  // namespace
