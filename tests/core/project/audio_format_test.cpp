// The audio groups of a project file (schema 4): clip `audio` (volume keys, preserve_pitch),
// track `mixer` (pan, solo, EQ, compressor), sequence `settings.mix`; defaults left out; the
// 3 -> 4 upgrade; wrong shapes (Parse, naming the JSON path) and out-of-range values (refused
// by model::validate after reading, naming the field and the value).
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/project/project_file.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using base::ErrorCode;
using testing::TempDir;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Indices in makeFullProject's first sequence: V1, V2, A1 .. A5.
constexpr std::size_t kV1 = 0, kA1 = 2, kA4 = 5;

// Every new audio field set away from its default.
void setEveryAudioField(model::Project& p) {
  model::Sequence& s = p.sequences[0];
  model::Clip& vo = s.tracks[kA1].clips[0];
  vo.audio.volume = {{0, -3.5}, {12000, -12.25}, {48000, 6.0}};
  vo.audio.preservePitch = false;
  s.tracks[kV1].clips[0].audio.volume = {{100, -96.0}};  // fancyClip already has gain and fades
  model::Track& a1 = s.tracks[kA1];
  a1.pan = -0.35;
  a1.solo = true;
  a1.eq.resize(3);
  a1.eq[0] = {model::EqBandType::HighPass, 80.0, 0.0, 0.707, true};
  a1.eq[1] = {model::EqBandType::Notch, 3150.5, 0.0, 12.0, false};
  a1.eq[2] = {model::EqBandType::HighShelf, 9000.0, -4.5, 0.5, true};
  a1.compressor = {true, -18.5, 3.5, 5.0, 250.0, 8.0, 2.5};
  model::Track& a4 = s.tracks[kA4];
  a4.pan = 0.5;
  a4.eq.resize(1);
  a4.eq[0] = {model::EqBandType::LowShelf, 120.0, 3.0, 0.9, true};
  s.settings.mix = {-4.25, -23.0, -2.0, false};
}

// Every new audio field back to its default (makeFullProject sets some of them).
void resetAudio(model::Project& p) {
  for (model::Sequence& s : p.sequences) {
    s.settings.mix = model::MixSettings{};
    for (model::Track& t : s.tracks) {
      t.pan = 0.0;
      t.solo = false;
      t.eq.clear();
      t.compressor = model::Compressor{};
      for (model::Clip& c : t.clips) {
        c.audio.volume.clear();
        c.audio.preservePitch = true;
      }
    }
  }
}

class AudioFormat : public ::testing::Test {
 protected:
  void SetUp() override {
    m_project = testing::makeFullProject(m_dir.path() / "media");
    setEveryAudioField(m_project);
    m_doc = Json::parse(toJson(m_project, file()));
  }
  fs::path file() const { return m_dir.path() / "Demo.postline"; }
  base::Result<LoadReport> loadDoc() { return fromJson(m_doc.dump(1), file()); }
  Json& track(std::size_t i) { return m_doc["sequences"][0]["tracks"][i]; }
  Json& voAudio() { return track(kA1)["clips"][0]["audio"]; }
  // Expects failure with `code` and a message containing each of `needles`.
  static void expectError(const base::Result<LoadReport>& r, ErrorCode code, std::initializer_list<std::string> needles) {
    ASSERT_FALSE(r.ok()) << "loaded although it should not";
    EXPECT_EQ(r.error().code, code) << r.error().message;
    for (const std::string& n : needles) EXPECT_NE(r.error().message.find(n), std::string::npos) << n << " not in: " << r.error().message;
  }

  TempDir m_dir;
  model::Project m_project;
  Json m_doc;
};

TEST_F(AudioFormat, TheSchemaIs5) {
  EXPECT_EQ(kSchemaVersion, 5);  // 5 added clip reframe keys; the audio groups are schema 4's
  EXPECT_EQ(m_doc.at("version"), 5);
}

TEST_F(AudioFormat, EveryAudioFieldRoundTripsThroughAFile) {
  ASSERT_TRUE(saveProject(m_project, file()).ok());
  auto r = loadProject(file());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->warnings.empty());
  const model::Sequence& s = r->project.sequences[0];
  EXPECT_EQ(s.tracks[kA1].clips[0].audio, m_project.sequences[0].tracks[kA1].clips[0].audio);
  EXPECT_EQ(s.tracks[kA1].eq, m_project.sequences[0].tracks[kA1].eq);
  EXPECT_EQ(s.tracks[kA1].compressor, m_project.sequences[0].tracks[kA1].compressor);
  EXPECT_EQ(s.settings.mix, m_project.sequences[0].settings.mix);
  EXPECT_EQ(r->project, m_project);
  // Saving what was loaded writes the same bytes.
  EXPECT_EQ(toJson(r->project, file()), testing::readText(file()));
}

TEST_F(AudioFormat, WritesTheDocumentedShape) {
  const Json& a = voAudio();
  EXPECT_EQ(a.at("gain_db"), 0.0);
  EXPECT_EQ(a.at("fade_shape"), "equal_power");
  EXPECT_EQ(a.at("volume"), Json::parse(R"([{"offset": 0, "gain_db": -3.5}, {"offset": 12000, "gain_db": -12.25},
                                            {"offset": 48000, "gain_db": 6.0}])"));
  EXPECT_EQ(a.at("preserve_pitch"), false);
  const Json& mixer = track(kA1).at("mixer");
  EXPECT_EQ(mixer.at("pan"), -0.35);
  EXPECT_EQ(mixer.at("solo"), true);
  ASSERT_EQ(mixer.at("eq").size(), 3u);
  EXPECT_EQ(mixer.at("eq")[0].at("type"), "high_pass");
  EXPECT_EQ(mixer.at("eq")[1], Json::parse(R"({"type": "notch", "frequency_hz": 3150.5, "gain_db": 0.0, "q": 12.0,
                                                "enabled": false})"));
  EXPECT_EQ(mixer.at("eq")[2].at("type"), "high_shelf");
  EXPECT_EQ(track(kA4).at("mixer").at("eq")[0].at("type"), "low_shelf");
  EXPECT_EQ(mixer.at("compressor"), Json::parse(R"({"enabled": true, "threshold_db": -18.5, "ratio": 3.5,
      "attack_ms": 5.0, "release_ms": 250.0, "knee_db": 8.0, "makeup_db": 2.5})"));
  EXPECT_EQ(m_doc["sequences"][0]["settings"].at("mix"),
            Json::parse(R"({"master_gain_db": -4.25, "target_lufs": -23.0, "ceiling_dbtp": -2.0, "limiter": false})"));
}

TEST_F(AudioFormat, DefaultsAreNotWritten) {
  m_project = testing::makeFullProject(m_dir.path() / "media");
  resetAudio(m_project);
  const std::string text = toJson(m_project, file());
  EXPECT_EQ(text.find("\"mixer\""), std::string::npos);
  const Json doc = Json::parse(text);
  const Json& tracks = doc["sequences"][0]["tracks"];
  for (const Json& t : tracks) EXPECT_FALSE(t.contains("mixer")) << t.at("name");
  EXPECT_FALSE(doc["sequences"][0]["settings"].contains("mix"));
  EXPECT_FALSE(tracks[kA1]["clips"][0].contains("audio"));  // plain clips
  EXPECT_FALSE(tracks[kA1]["clips"][1].contains("audio"));
  // fancyClip's gain and fades still write the whole group, with the new members at their defaults.
  EXPECT_EQ(tracks[kV1]["clips"][0]["audio"]["volume"], Json::array());
  EXPECT_EQ(tracks[kV1]["clips"][0]["audio"]["preserve_pitch"], true);
  auto r = fromJson(text, file());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->project, m_project);
  // In the fully set project, the untouched tracks still have no mixer group.
  for (std::size_t i : {std::size_t{1}, std::size_t{3}, std::size_t{4}, std::size_t{6}}) {
    EXPECT_FALSE(track(i).contains("mixer")) << track(i).at("name");
  }
  EXPECT_FALSE(track(kA1)["clips"][1].contains("audio"));
}

// One field away from its default is enough for its group to be written, and it reads back.
TEST_F(AudioFormat, OneChangedFieldWritesItsGroup) {
  m_project = testing::makeFullProject(m_dir.path() / "media");
  resetAudio(m_project);
  model::Sequence& s = m_project.sequences[0];
  s.tracks[kA1].clips[0].audio.preservePitch = false;
  s.tracks[kA1].clips[1].audio.volume = {{0, -1.0}};
  s.tracks[kA1 + 1].solo = true;
  s.tracks[kA1 + 2].compressor.enabled = true;
  s.tracks[kA4].pan = -1.0;
  s.settings.mix.limiter = false;
  const Json doc = Json::parse(toJson(m_project, file()));
  const Json& tracks = doc["sequences"][0]["tracks"];
  EXPECT_EQ(tracks[kA1]["clips"][0]["audio"]["preserve_pitch"], false);
  EXPECT_EQ(tracks[kA1]["clips"][1]["audio"]["volume"].size(), 1u);
  EXPECT_EQ(tracks[kA1 + 1]["mixer"]["solo"], true);
  EXPECT_EQ(tracks[kA1 + 2]["mixer"]["compressor"]["enabled"], true);
  EXPECT_EQ(tracks[kA4]["mixer"]["pan"], -1.0);
  EXPECT_FALSE(tracks[kA1 + 4].contains("mixer"));  // A5
  EXPECT_EQ(doc["sequences"][0]["settings"]["mix"]["limiter"], false);
  auto r = fromJson(doc.dump(), file());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->project, m_project);
}

TEST_F(AudioFormat, MissingOrWrongMembersNameTheJsonPath) {
  const std::string vo = "sequences[0].tracks[2].clips[0].audio.";
  const std::string mixer = "sequences[0].tracks[2].mixer.";
  const Json saved = m_doc;
  voAudio().erase("volume");
  expectError(loadDoc(), ErrorCode::Parse, {vo + "volume: missing"});
  m_doc = saved;
  voAudio().erase("preserve_pitch");
  expectError(loadDoc(), ErrorCode::Parse, {vo + "preserve_pitch: missing"});
  m_doc = saved;
  voAudio()["volume"][1].erase("gain_db");
  expectError(loadDoc(), ErrorCode::Parse, {vo + "volume[1].gain_db: missing"});
  m_doc = saved;
  voAudio()["volume"][0]["offset"] = 1.5;
  expectError(loadDoc(), ErrorCode::Parse, {vo + "volume[0].offset"});
  m_doc = saved;
  voAudio()["volume"] = Json::object();
  expectError(loadDoc(), ErrorCode::Parse, {vo + "volume"});
  m_doc = saved;
  voAudio()["preserve_pitch"] = "yes";
  expectError(loadDoc(), ErrorCode::Parse, {vo + "preserve_pitch"});
  m_doc = saved;
  track(kA1)["mixer"].erase("solo");
  expectError(loadDoc(), ErrorCode::Parse, {mixer + "solo: missing"});
  m_doc = saved;
  track(kA1)["mixer"]["eq"][1]["type"] = "bandpass";
  expectError(loadDoc(), ErrorCode::Parse, {mixer + "eq[1].type", "bandpass"});
  m_doc = saved;
  track(kA1)["mixer"]["eq"][2].erase("q");
  expectError(loadDoc(), ErrorCode::Parse, {mixer + "eq[2].q: missing"});
  m_doc = saved;
  track(kA1)["mixer"]["compressor"].erase("knee_db");
  expectError(loadDoc(), ErrorCode::Parse, {mixer + "compressor.knee_db: missing"});
  m_doc = saved;
  track(kA1)["mixer"]["compressor"] = 3;
  expectError(loadDoc(), ErrorCode::Parse, {mixer + "compressor: expected an object"});
  m_doc = saved;
  track(kA1)["mixer"] = Json::array();
  expectError(loadDoc(), ErrorCode::Parse, {"sequences[0].tracks[2].mixer: expected an object"});
  m_doc = saved;
  m_doc["sequences"][0]["settings"]["mix"].erase("target_lufs");
  expectError(loadDoc(), ErrorCode::Parse, {"sequences[0].settings.mix.target_lufs: missing"});
  m_doc = saved;
  m_doc["sequences"][0]["settings"]["mix"]["limiter"] = 1;
  expectError(loadDoc(), ErrorCode::Parse, {"sequences[0].settings.mix.limiter"});
}

// JSON cannot hold NaN, but it can hold values outside the ranges: model::validate refuses
// them after reading, naming the track / clip / sequence, the field and the value.
TEST_F(AudioFormat, OutOfRangeValuesAreRefusedNamingFieldAndValue) {
  const std::string clip = "clip 'VO 1' on A1";
  const Json saved = m_doc;
  struct Case {
    std::function<void(Json&)> spoil;
    std::vector<std::string> needles;
  };
  std::vector<Case> cases;
  auto mixerOf = [](Json& d) -> Json& { return d["sequences"][0]["tracks"][kA1]["mixer"]; };
  cases.push_back({[&](Json& d) { mixerOf(d)["pan"] = 2.0; }, {"track A1", "pan", "-1 .. 1", "found 2"}});
  cases.push_back({[&](Json& d) { mixerOf(d)["eq"][0]["frequency_hz"] = 5.0; }, {"track A1", "EQ frequency", "20 .. 20000", "found 5"}});
  cases.push_back({[&](Json& d) { mixerOf(d)["eq"][1]["q"] = 0.0; }, {"track A1", "EQ Q", "0.1 .. 100", "found 0"}});
  cases.push_back({[&](Json& d) { mixerOf(d)["eq"][2]["gain_db"] = 30.0; }, {"track A1", "EQ gain", "found 30"}});
  cases.push_back({[&](Json& d) { mixerOf(d)["compressor"]["ratio"] = 0.5; }, {"track A1", "ratio", "1 .. 20", "found 0.5"}});
  cases.push_back({[&](Json& d) { mixerOf(d)["compressor"]["attack_ms"] = 0.0; }, {"track A1", "attack", "found 0"}});
  cases.push_back({[&](Json& d) {
                     Json& eq = mixerOf(d)["eq"];
                     while (eq.size() < 9) eq.push_back(eq[0]);
                   },
                   {"track A1", "8 EQ bands", "found 9"}});
  cases.push_back({[&](Json& d) { d["sequences"][0]["tracks"][kA1]["clips"][0]["audio"]["volume"][1]["offset"] = 0; },
                   {clip, "volume", "increasing", "key 1 at 0"}});
  cases.push_back({[&](Json& d) { d["sequences"][0]["tracks"][kA1]["clips"][0]["audio"]["volume"][2]["offset"] = 12000; },
                   {clip, "volume", "increasing", "key 2 at 12000"}});
  cases.push_back({[&](Json& d) { d["sequences"][0]["tracks"][kA1]["clips"][0]["audio"]["volume"][0]["gain_db"] = -120.0; },
                   {clip, "volume key gain", "found -120"}});
  cases.push_back({[&](Json& d) { d["sequences"][0]["settings"]["mix"]["target_lufs"] = -80.0; },
                   {"sequence 'Sequence 01'", "loudness target", "-40 .. -5", "found -80"}});
  cases.push_back({[&](Json& d) { d["sequences"][0]["settings"]["mix"]["ceiling_dbtp"] = 1.0; },
                   {"sequence 'Sequence 01'", "ceiling", "-9 .. 0", "found 1"}});
  cases.push_back({[&](Json& d) { d["sequences"][0]["settings"]["mix"]["master_gain_db"] = 1e308; },
                   {"sequence 'Sequence 01'", "master gain", "found 1e+308"}});
  cases.push_back({[&](Json& d) { d["sequences"][0]["tracks"][kA1]["volume_db"] = 20.0; }, {"track A1", "fader", "found 20"}});
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    m_doc = saved;
    cases[i].spoil(m_doc);
    auto r = loadDoc();
    ASSERT_FALSE(r.ok()) << "loaded although it should not";
    EXPECT_NE(r.error().message.find("'" + file().string() + "'"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("invalid project"), std::string::npos) << r.error().message;
    for (const std::string& n : cases[i].needles) {
      EXPECT_NE(r.error().message.find(n), std::string::npos) << n << " not in: " << r.error().message;
    }
  }
}

// A project that fails validation is never written (the file on disk stays as it was).
TEST_F(AudioFormat, AnOutOfRangeModelIsNotSaved) {
  ASSERT_TRUE(saveProject(m_project, file()).ok());
  const std::string before = testing::readText(file());
  m_project.sequences[0].tracks[kA1].pan = std::numeric_limits<double>::quiet_NaN();
  auto r = saveProject(m_project, file());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("pan"), std::string::npos) << r.error().message;
  m_project.sequences[0].tracks[kA1].pan = 0.0;
  m_project.sequences[0].tracks[kA1].clips[0].audio.volume[0].gainDb = std::numeric_limits<double>::infinity();
  EXPECT_FALSE(saveProject(m_project, file()).ok());
  EXPECT_EQ(testing::readText(file()), before);
}

// What a schema 3 build wrote: a clip `audio` group without volume keys or the pitch choice,
// no track mixer and no sequence mix.
constexpr const char* kSchema3 = R"({
 "format": "postline-project", "version": 3, "name": "Old Mix", "next_id": 20,
 "bins": [
  {"id": 1, "name": "01_Source_Clips", "parent": 0, "items": []},
  {"id": 2, "name": "02_Audio", "parent": 0, "items": [9]},
  {"id": 3, "name": "03_Graphics", "parent": 0, "items": []},
  {"id": 4, "name": "04_Reference", "parent": 0, "items": []},
  {"id": 5, "name": "05_Exports", "parent": 0, "items": []}],
 "media": [
  {"id": 9, "name": "VO", "kind": "audio", "path": "media/VO.wav", "absolute_path": "/nowhere/media/VO.wav",
   "shot": 0, "take": 0, "rating": 0, "notes": "",
   "info": {"container": "wav", "has_video": false, "has_audio": true, "still": false, "width": 0, "height": 0,
            "frame_rate": "0/1", "variable_frame_rate": false, "time_base": "1/48000", "duration": 480000,
            "video_codec": "", "audio_codec": "pcm_s16le", "sample_rate": 48000, "channels": 2, "color_space": ""}}],
 "sequences": [
  {"id": 6, "name": "Sequence 01",
   "settings": {"width": 1920, "height": 1080, "frame_rate": "24/1", "color_space": "rec709", "sample_rate": 48000},
   "tracks": [
    {"id": 7, "kind": "video", "name": "V1", "role": "none", "muted": false, "locked": false, "volume_db": 0.0,
     "clips": []},
    {"id": 8, "kind": "audio", "name": "A1", "role": "dialogue", "muted": false, "locked": false, "volume_db": -2.0,
     "clips": [
      {"id": 10, "media": 9, "name": "VO 1", "start": 0, "duration": 48, "source_in": 0, "speed": "1/1",
       "reverse": false, "freeze": false, "enabled": true, "link_group": 0,
       "audio": {"gain_db": -4.5, "fade_in": 3, "fade_out": 6, "fade_shape": "s_curve"}},
      {"id": 11, "media": 9, "name": "VO 2", "start": 48, "duration": 24, "source_in": 96000, "speed": "1/2",
       "reverse": false, "freeze": false, "enabled": true, "link_group": 0}]}],
   "transitions": [], "markers": []}]
})";

TEST(AudioFormatUpgrade, ASchema3FileGetsVolumeKeysAndPreservePitch) {
  TempDir dir;
  const fs::path file = dir.path() / "Old Mix.postline";
  testing::writeText(file, kSchema3);
  auto r = loadProject(file);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->fileVersion, 3);
  ASSERT_EQ(r->warnings.size(), 2u);  // 3 -> 4, then 4 -> 5 (which changes nothing)
  EXPECT_NE(r->warnings[0].find("upgraded from schema 3 to 4"), std::string::npos) << r->warnings[0];
  const model::Sequence& s = r->project.sequences[0];
  ASSERT_EQ(s.tracks.size(), 2u);
  const model::Track& a1 = s.tracks[1];
  ASSERT_EQ(a1.clips.size(), 2u);
  model::ClipAudio expected;
  expected.gainDb = -4.5;
  expected.fadeIn = time::FrameCount{3};
  expected.fadeOut = time::FrameCount{6};
  expected.fadeShape = model::FadeShape::SCurve;
  expected.volume = {};
  expected.preservePitch = true;
  EXPECT_EQ(a1.clips[0].audio, expected);
  EXPECT_EQ(a1.clips[1].audio, model::ClipAudio{});  // no group: the default, pitch kept
  EXPECT_TRUE(a1.clips[1].audio.preservePitch);
  EXPECT_EQ(a1.volumeDb, -2.0);
  EXPECT_EQ(a1.pan, 0.0);
  EXPECT_FALSE(a1.solo);
  EXPECT_TRUE(a1.eq.empty());
  EXPECT_EQ(a1.compressor, model::Compressor{});
  EXPECT_EQ(s.settings.mix, model::MixSettings{});
  // Saved again, it is a current-schema file with the full audio group, and loads without warnings.
  ASSERT_TRUE(saveProject(r->project, file).ok());
  const Json doc = Json::parse(testing::readText(file));
  EXPECT_EQ(doc.at("version"), kSchemaVersion);
  const Json& audio = doc["sequences"][0]["tracks"][1]["clips"][0]["audio"];
  EXPECT_EQ(audio.at("volume"), Json::array());
  EXPECT_EQ(audio.at("preserve_pitch"), true);
  auto again = loadProject(file);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->warnings.empty());
  EXPECT_EQ(again->project, r->project);
}

// The upgrader only fills in what is missing: schema 3 files never had these members, but a
// partial group keeps its values and a wrong shape is still reported by the reader.
TEST(AudioFormatUpgrade, TheUpgraderKeepsPresentMembersAndLeavesBadShapesToTheReader) {
  TempDir dir;
  const fs::path file = dir.path() / "Old.postline";
  Json doc = Json::parse(kSchema3);
  Json& audio = doc["sequences"][0]["tracks"][1]["clips"][0]["audio"];
  audio["preserve_pitch"] = false;
  auto r = fromJson(doc.dump(), file);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->project.sequences[0].tracks[1].clips[0].audio.preservePitch);
  EXPECT_TRUE(r->project.sequences[0].tracks[1].clips[0].audio.volume.empty());

  audio = "loud";
  auto bad = fromJson(doc.dump(), file);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::Parse);
  EXPECT_NE(bad.error().message.find("sequences[0].tracks[1].clips[0].audio"), std::string::npos) << bad.error().message;
}

// The same document labelled schema 4 lacks required members: a Parse error naming the path.
TEST(AudioFormatUpgrade, ASchema4AudioGroupWithoutVolumeIsAParseError) {
  TempDir dir;
  const fs::path file = dir.path() / "New.postline";
  Json doc = Json::parse(kSchema3);
  doc["version"] = 4;
  auto r = fromJson(doc.dump(), file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Parse);
  EXPECT_NE(r.error().message.find("sequences[0].tracks[1].clips[0].audio.volume: missing"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(r.error().message.rfind("'" + file.string() + "'", 0), 0u) << r.error().message;
  doc["sequences"][0]["tracks"][1]["clips"][0]["audio"]["volume"] = Json::array();
  auto noPitch = fromJson(doc.dump(), file);
  ASSERT_FALSE(noPitch.ok());
  EXPECT_NE(noPitch.error().message.find("sequences[0].tracks[1].clips[0].audio.preserve_pitch: missing"),
            std::string::npos)
      << noPitch.error().message;
}

}  // namespace
}  // namespace postline::project
