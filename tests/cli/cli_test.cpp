#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/cli_run.h"

TEST_F(Cli, VersionAndHelp) {
  const CliRun v = cli("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out.rfind("postline-cli ", 0), 0u);
  const CliRun h = cli("--help");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("new DIR|FILE"), std::string::npos);
  EXPECT_NE(h.out.find("info PROJECT"), std::string::npos);
}

TEST_F(Cli, WrongArgumentsExitOne) {
  EXPECT_EQ(cli("").status, 1);
  const CliRun r = cli("frobnicate");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos);
  EXPECT_EQ(cli("info").status, 1);
  EXPECT_EQ(cli("new").status, 1);
}

TEST_F(Cli, NewFolderMakesAProjectWithBinsAndDefaultSequence) {
  const CliRun r = cli("new " + q(m_dir / "Coffee"));
  ASSERT_EQ(r.status, 0) << r.err;
  const fs::path file = m_dir / "Coffee" / "Coffee.postline";
  ASSERT_TRUE(fs::exists(file));
  const CliRun info = cli("info --json " + q(file));
  ASSERT_EQ(info.status, 0) << info.err;
  const auto j = nlohmann::json::parse(info.out);
  EXPECT_EQ(j["name"], "Coffee");
  ASSERT_EQ(j["bins"].size(), 5u);
  EXPECT_EQ(j["bins"][0]["name"], "01_Source_Clips");
  EXPECT_EQ(j["bins"][4]["name"], "05_Exports");
  const auto& seq = j["sequences"][0];
  EXPECT_EQ(seq["width"], 1920);
  EXPECT_EQ(seq["height"], 1080);
  EXPECT_EQ(seq["frame_rate"], "24");
  EXPECT_EQ(seq["color_space"], "rec709");
  EXPECT_EQ(seq["sample_rate"], 48000);
  ASSERT_EQ(seq["tracks"].size(), 6u);
  EXPECT_EQ(seq["tracks"][0]["name"], "V1");
  EXPECT_EQ(seq["tracks"][1]["role"], "dialogue");
  EXPECT_EQ(seq["tracks"][5]["role"], "ambient");
}

TEST_F(Cli, NewRefusesToOverwrite) {
  const fs::path file = m_dir / "Mine.postline";
  ASSERT_EQ(cli("new " + q(file)).status, 0);
  const auto size = fs::file_size(file);
  const CliRun again = cli("new " + q(file));
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("already exists"), std::string::npos);
  EXPECT_EQ(fs::file_size(file), size);
}

TEST_F(Cli, InfoOffersANewerAutosave) {
  const fs::path file = m_dir / "Rec.postline";
  ASSERT_EQ(cli("new " + q(file)).status, 0);
  auto j = nlohmann::json::parse(cli("info --json " + q(file)).out);
  EXPECT_TRUE(j["recovery"].is_null());
  fs::copy_file(file, fs::path(file.string() + ".autosave"));
  fs::last_write_time(fs::path(file.string() + ".autosave"), fs::last_write_time(file) + std::chrono::seconds(5));
  const CliRun r = cli("info --json " + q(file));
  ASSERT_EQ(r.status, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["recovery"].is_null());
  EXPECT_EQ(j["recovery"]["autosave"], file.string() + ".autosave");
  EXPECT_NE(cli("info " + q(file)).out.find("Recovery: an autosave newer"), std::string::npos);
}

TEST_F(Cli, InfoTextShowsBinsAndTracks) {
  const fs::path file = m_dir / "Text.postline";
  ASSERT_EQ(cli("new " + q(file)).status, 0);
  const CliRun r = cli("info " + q(file));
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("01_Source_Clips"), std::string::npos);
  EXPECT_NE(r.out.find("Sequence 01  1920x1080 24 fps rec709 48000 Hz"), std::string::npos);
  EXPECT_NE(r.out.find("A4 audio (music)"), std::string::npos);
}

TEST_F(Cli, BadProjectsExitTwoNamingTheFile) {
  const fs::path missing = m_dir / "nope.postline";
  CliRun r = cli("info " + q(missing));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(missing.string()), std::string::npos);
  const fs::path garbage = m_dir / "garbage.postline";
  std::ofstream(garbage) << "{\"format\": \"postline-project\", \"version\": 1, \"bins\": [";
  r = cli("info " + q(garbage));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(garbage.string()), std::string::npos);
  EXPECT_TRUE(r.out.empty());
}

TEST_F(Cli, DemoBuildsTheCoffeeCommercialInSync) {
  const CliRun r = cli("demo --quick " + q(m_dir));
  ASSERT_EQ(r.status, 0) << r.err;
  const fs::path file = m_dir / "Origin_Coffee_Commercial.postline";
  const CliRun info = cli("info --json " + q(file));
  ASSERT_EQ(info.status, 0) << info.err;
  const auto j = nlohmann::json::parse(info.out);
  EXPECT_TRUE(j["missing_media"].empty());
  ASSERT_EQ(j["bins"][0]["items"].size(), 11u);  // four shots, two to four takes each
  EXPECT_EQ(j["bins"][1]["items"].size(), 6u);   // music, two voice-over lines, two effects, ambience
  EXPECT_EQ(j["bins"][2]["items"].size(), 2u);   // the logo and the opening title
  EXPECT_EQ(j["bins"][3]["items"].size(), 5u);   // the colour reference and the four shots' keyframes
  EXPECT_NEAR(j["bins"][0]["items"][0]["duration_s"].get<double>(), 3.0, 1e-9);  // 6 s take at --quick's half length
  EXPECT_NEAR(j["bins"][1]["items"][1]["duration_s"].get<double>(), 30.0, 1e-9);  // Music_Bed
  const auto& tracks = j["sequences"][0]["tracks"];
  const auto& v1 = tracks[0]["clips"];
  ASSERT_EQ(v1.size(), 5u);  // four shots (best take each) and the end hold
  EXPECT_EQ(v1[0]["name"], "Shot_01_Take_02");
  EXPECT_EQ(v1[2]["name"], "Shot_03_Take_02");
  EXPECT_EQ(v1[2]["speed"], "9/10");
  EXPECT_TRUE(v1[4]["freeze"]);
  for (std::size_t i = 1; i < v1.size(); ++i) EXPECT_EQ(v1[i]["start"], v1[i - 1]["end"]) << "gap before clip " << i;
  // Every linked audio clip sits exactly under its picture.
  int linked = 0;
  for (const auto& track : tracks) {
    for (const auto& c : track["clips"]) {
      if (c["link_group"] == 0 || track["kind"] == "video") continue;
      ++linked;
      for (const auto& v : v1) {
        if (v["link_group"] != c["link_group"]) continue;
        EXPECT_EQ(v["start"], c["start"]) << c["name"];
        EXPECT_EQ(v["end"], c["end"]) << c["name"];
      }
    }
  }
  EXPECT_GE(linked, 1);
  EXPECT_EQ(j["sequences"][0]["transitions"].size(), 1u);
  EXPECT_EQ(j["sequences"][0]["markers"].size(), 2u);
  // V2 carries the opening title (00:00:00:12 for 2 s) and the logo over the end hold; then A1..A5.
  EXPECT_EQ(tracks[1]["name"], "V2");
  ASSERT_EQ(tracks[1]["clips"].size(), 2u);
  EXPECT_EQ(tracks[1]["clips"][0]["name"], "Slow mornings, made better.");
  EXPECT_EQ(tracks[1]["clips"][0]["start"], 12);
  EXPECT_EQ(tracks[1]["clips"][0]["end"], 60);
  EXPECT_EQ(tracks[1]["clips"][1]["name"], "Logo_Origin_Coffee");
  EXPECT_EQ(tracks[1]["clips"][1]["start"], v1[4]["start"]);
  EXPECT_EQ(tracks[5]["clips"][0]["name"], "Music_Bed");
  EXPECT_EQ(tracks[5]["clips"][0]["end"], v1[4]["end"]);  // music fitted to the picture
  EXPECT_EQ(tracks[6]["clips"][0]["name"], "Ambience_Kitchen");
  EXPECT_EQ(tracks[2]["clips"].size(), 2u);  // A1: the two voice-over lines
  // The mix: dialogue de-resonated and compressed, music ducked, normalised to -14 LUFS (social)
  // under the -1 dBTP ceiling.
  const auto doc = nlohmann::json::parse(std::ifstream(file));
  const auto& a1 = doc["sequences"][0]["tracks"][2];
  ASSERT_TRUE(a1.contains("mixer"));
  EXPECT_TRUE(a1["mixer"]["compressor"]["enabled"]);
  ASSERT_EQ(a1["mixer"]["eq"].size(), 1u);
  EXPECT_NEAR(a1["mixer"]["eq"][0]["frequency_hz"].get<double>(), 3150.0, 60.0);  // the generator's ring
  EXPECT_LT(a1["mixer"]["eq"][0]["gain_db"].get<double>(), -6.0);
  EXPECT_FALSE(doc["sequences"][0]["tracks"][5]["clips"][0]["audio"]["volume"].empty());  // music ducked
  const CliRun loud = cli("loudness --json " + q(file));
  ASSERT_EQ(loud.status, 0) << loud.err;
  const auto lj = nlohmann::json::parse(loud.out);
  EXPECT_NEAR(lj["integrated_lufs"].get<double>(), -14.0, 0.3);
  EXPECT_LE(lj["true_peak_dbtp"].get<double>(), -1.0);
  // The takes carry their generator's tag, which probing reports.
  const CliRun probe = cli("probe --json " + q(m_dir / "media" / "Shot_01_Take_01.mp4"));
  ASSERT_EQ(probe.status, 0) << probe.err;
  const auto pj = nlohmann::json::parse(probe.out);
  EXPECT_EQ(pj["video"]["codec"], "h264");
  EXPECT_FALSE(pj["generator"].is_null());
}

// ---- postline-cli probe ----

#include <algorithm>

#include "tests/core/media/media_fixtures.h"

namespace fx = postline::media::fixtures;

TEST_F(Cli, ProbeJsonHasExactlyTheDocumentedKeys) {
  const CliRun r = cli("probe --json " + q(fx::h264WithAudio()));
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_object());
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys.size(), 8u);
  for (const char* k : {"file", "container", "duration_s", "still", "video", "audio", "warnings", "generator"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_EQ(j["file"], fx::h264WithAudio().string());
  EXPECT_EQ(j["video"].size(), 13u);
  EXPECT_EQ(j["video"]["codec"], "h264");
  EXPECT_EQ(j["video"]["frame_rate"], "24");
  EXPECT_EQ(j["video"]["frames"], 48);
  EXPECT_EQ(j["video"]["color"]["primaries"], "bt709");
  EXPECT_EQ(j["audio"].size(), 5u);
  EXPECT_EQ(j["audio"]["layout"], "stereo");
  EXPECT_EQ(j["audio"]["sample_rate"], 48000);
  EXPECT_TRUE(j["generator"].is_null());
  EXPECT_TRUE(j["warnings"].empty());
}

TEST_F(Cli, ProbeJsonNullsAbsentStreamsAndGivesExactRates) {
  const CliRun r = cli("probe --json " + q(fx::wavMono()) + " " + q(fx::h264At23976()) + " " + q(fx::generatorTagged()));
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 3u);
  EXPECT_TRUE(j[0]["video"].is_null());
  EXPECT_EQ(j[0]["audio"]["channels"], 1);
  EXPECT_EQ(j[1]["video"]["frame_rate"], "24000/1001");
  EXPECT_TRUE(j[1]["audio"].is_null());
  EXPECT_EQ(j[2]["generator"], "Google Veo");
}

TEST_F(Cli, ProbeBadFilesExitTwoAndTheOthersAreStillReported) {
  const fs::path text = fx::textAsMp4();
  const fs::path missing = m_dir / "missing.mp4";
  const CliRun r = cli("probe --json " + q(text) + " " + q(fx::wavStereo()) + " " + q(missing));
  EXPECT_EQ(r.status, 2);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["file"], fx::wavStereo().string());
  EXPECT_NE(r.err.find("postline-cli: " + text.string() + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("postline-cli: " + missing.string() + ": "), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 2);
}

TEST_F(Cli, ProbeTextShowsRotationVariableRateAndTruncation) {
  const CliRun r = cli("probe " + q(fx::rotated90()) + " " + q(fx::vfr()) + " " + q(fx::truncatedMp4()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("shown 180x320 (rotated 90)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("VARIABLE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("warning    truncated"), std::string::npos) << r.out;
}

TEST_F(Cli, ProbeWithoutFilesIsAUsageError) {
  EXPECT_EQ(cli("probe").status, 1);
  EXPECT_EQ(cli("probe --frobnicate " + q(fx::wavMono())).status, 1);
}
