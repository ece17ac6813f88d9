// Delivery presets: the shipped files, parsing errors that name the file and the field, the user
// folder (override, skip-broken) and the encoder settings a preset asks for.
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "core/export/preset.h"
#include "tests/core/export/encoder_test_util.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::test;
using nlohmann::json;

std::vector<Preset> shippedOrDie() {
  unsetenv("POSTLINE_USER_PRESETS");
  setenv("XDG_CONFIG_HOME", (freshDir() / "no_config").c_str(), 1);
  auto r = loadPresets();
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : std::vector<Preset>{};
}

json shippedJson(const std::string& id) {
  std::ifstream in(fs::path(POSTLINE_SOURCE_DIR) / "resources" / "presets" / (id + ".json"));
  return json::parse(in);
}

TEST(Preset, EveryShippedPresetLoadsWithTheIssueTargets) {
  const std::vector<Preset> all = shippedOrDie();
  std::vector<std::string> ids;
  for (const Preset& p : all) {
    ids.push_back(p.id);
    EXPECT_FALSE(p.user);
    EXPECT_EQ(p.source.filename().string(), p.id + ".json");
    EXPECT_EQ(p.truePeakDbtp, -1.0) << p.id;
    EXPECT_EQ(p.video.colorPrimaries, "bt709") << p.id;
    EXPECT_EQ(p.video.colorRange, "tv") << p.id;
    EXPECT_EQ(p.audio.sampleRate, 48000) << p.id;
    EXPECT_EQ(p.audio.channels, 2) << p.id;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"instagram-feed", "linkedin-16x9", "linkedin-1x1", "master-dnxhr",
                                           "master-prores", "reels", "youtube-1080p", "youtube-4k"}));
  auto yt = findPreset(all, "youtube-1080p");
  ASSERT_TRUE(yt.ok());
  EXPECT_EQ(yt->fileTag, "YouTube_1080p");
  EXPECT_EQ(yt->video.profile, "high");
  EXPECT_EQ(yt->frameSize(1280, 720), (std::pair<int, int>{1920, 1080}));
  EXPECT_EQ(yt->frameRate(time::Rational(30)), time::Rational(30));  // the sequence's
  EXPECT_EQ(yt->video.minMbps, 16.0);
  EXPECT_EQ(yt->video.maxMbps, 24.0);
  EXPECT_EQ(yt->audio.bitrateKbps, 320);
  EXPECT_EQ(yt->loudnessLufs, -14.0);
  EXPECT_TRUE(yt->faststart);
  EXPECT_EQ(yt->targetBitrate(), 20000000);
  auto reels = findPreset(all, "reels");
  ASSERT_TRUE(reels.ok());
  EXPECT_EQ(reels->frameSize(1920, 1080), (std::pair<int, int>{1080, 1920}));
  EXPECT_EQ(reels->frameRate(time::Rational(24)), time::Rational(30));
  EXPECT_EQ(reels->maxDurationS, 90.0);
  EXPECT_EQ(findPreset(all, "instagram-feed")->maxDurationS, 60.0);
  EXPECT_EQ(findPreset(all, "linkedin-1x1")->maxDurationS, 600.0);
  auto prores = findPreset(all, "master-prores");
  ASSERT_TRUE(prores.ok());
  EXPECT_EQ(prores->container, "mov");
  EXPECT_EQ(prores->frameSize(2048, 858), (std::pair<int, int>{2048, 858}));
  EXPECT_EQ(prores->video.pixFmt, "yuv422p10le");
  EXPECT_EQ(prores->audio.codec, "pcm_s24le");
  EXPECT_FALSE(prores->loudnessLufs.has_value());
  EXPECT_EQ(prores->targetBitrate(), 0);
  EXPECT_EQ(findPreset(all, "master-dnxhr")->video.profile, "dnxhr_hq");
}

TEST(Preset, UnknownIdListsTheKnownOnes) {
  auto r = findPreset(shippedOrDie(), "myspace");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(r.error().message.find("youtube-4k"), std::string::npos) << r.error().message;
}

// `mutate` breaks a copy of reels.json; the error must name the file and `field`.
void expectError(const std::function<void(json&)>& mutate, const std::string& field, base::ErrorCode code,
                 const std::string& also = "") {
  json j = shippedJson("reels");
  mutate(j);
  const fs::path src = "/somewhere/broken-" + field + ".json";
  auto r = parsePreset(j.dump(), src);
  ASSERT_FALSE(r.ok()) << field;
  EXPECT_EQ(r.error().code, code) << r.error().message;
  EXPECT_NE(r.error().message.find(src.string()), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find(field), std::string::npos) << r.error().message;
  if (!also.empty()) {
    EXPECT_NE(r.error().message.find(also), std::string::npos) << r.error().message;
  }
}

TEST(Preset, BadFieldsNameTheFileAndTheField) {
  using E = base::ErrorCode;
  expectError([](json& j) { j["video"]["codec"] = "libx999"; }, "video.codec", E::InvalidArgument, "libx999");
  expectError([](json& j) { j["video"]["codec"] = "aac"; }, "video.codec", E::InvalidArgument);
  expectError([](json& j) { j["audio"]["codec"] = "libx264"; }, "audio.codec", E::InvalidArgument);
  expectError([](json& j) { j["video"]["width"] = 1081; }, "video.width", E::InvalidArgument, "even");
  expectError([](json& j) { j["video"]["height"] = 0; }, "video.height", E::InvalidArgument);
  expectError([](json& j) { j["video"]["width"] = 9000; }, "video.width", E::InvalidArgument, "8192");
  expectError([](json& j) { j["video"]["bitrate_mbps"] = {{"min", 12}, {"max", 8}}; }, "video.bitrate_mbps.min",
              E::InvalidArgument, "above max");
  expectError([](json& j) { j["video"]["bitrate_mbps"] = 10; }, "video.bitrate_mbps", E::InvalidArgument);
  expectError([](json& j) { j["video"]["fps"] = "0/1"; }, "video.fps", E::InvalidArgument);
  expectError([](json& j) { j["video"]["fps"] = 29.97; }, "video.fps", E::InvalidArgument, "num/den");
  expectError([](json& j) { j["video"]["pix_fmt"] = "yuv999"; }, "video.pix_fmt", E::InvalidArgument);
  expectError([](json& j) { j["video"]["pix_fmt"] = "yuv422p10le"; j["video"]["codec"] = "prores_ks"; j["video"]["pix_fmt"] = "yuv420p"; },
              "video.pix_fmt", E::InvalidArgument, "yuv422p10le");  // lists what prores_ks takes
  expectError([](json& j) { j["video"]["color"]["matrix"] = "bt999"; }, "video.color.matrix", E::InvalidArgument);
  expectError([](json& j) { j["video"]["color"]["range"] = "full"; }, "video.color.range", E::InvalidArgument, "tv, pc");
  expectError([](json& j) { j["loudness_lufs"] = 3; }, "loudness_lufs", E::InvalidArgument);
  expectError([](json& j) { j["loudness_lufs"] = -80; }, "loudness_lufs", E::InvalidArgument);
  expectError([](json& j) { j["container"] = "avi"; }, "container", E::InvalidArgument, "mp4, mov");
  expectError([](json& j) { j["id"] = "Reels 2"; }, "id", E::InvalidArgument);
  expectError([](json& j) { j["file_tag"] = "a/b"; }, "file_tag", E::InvalidArgument);
  expectError([](json& j) { j["video"].erase("keyframe_interval_s"); }, "video.keyframe_interval_s", E::InvalidArgument, "missing");
  expectError([](json& j) { j["video"]["bitrate_mpbs"] = 1; }, "video.bitrate_mpbs", E::InvalidArgument, "unknown field");
  expectError([](json& j) { j["format"] = 2; }, "format", E::Version);
  expectError([](json& j) { j["max_duration_s"] = -5; }, "max_duration_s", E::InvalidArgument);
}

TEST(Preset, BrokenJsonAndMissingFilesNameTheFile) {
  auto r = parsePreset("{\"format\": 1, \"id\": ", "/x/cut.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::Parse);
  EXPECT_EQ(r.error().message.rfind("/x/cut.json: ", 0), 0u) << r.error().message;
  auto missing = loadPresetFile("/no/such/preset.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(missing.error().message.find("/no/such/preset.json"), std::string::npos);
  const json reels = shippedJson("reels");
  auto ok = parsePreset(reels.dump(), "/x/reels.json");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->source, fs::path("/x/reels.json"));
  json fraction = reels;
  fraction["video"]["fps"] = "30000/1001";
  EXPECT_EQ(parsePreset(fraction.dump(), "f.json")->video.fps, time::Rational::make(30000, 1001).value());
}

TEST(Preset, UserFolderOverridesAndSkipsBrokenFiles) {
  const fs::path dir = freshDir() / "user";
  fs::create_directories(dir);
  json yt = shippedJson("youtube-1080p");
  yt["name"] = "YouTube 1080p (ours)";
  yt["video"]["bitrate_mbps"] = {{"min", 18}, {"max", 22}};
  std::ofstream(dir / "yt.json") << yt.dump();
  json mine = shippedJson("reels");
  mine["id"] = "vertical-draft";
  mine["file_tag"] = "Draft_9x16";
  std::ofstream(dir / "a-draft.json") << mine.dump();
  std::ofstream(dir / "broken.json") << "{ not json";
  json twice = mine;
  std::ofstream(dir / "b-draft-again.json") << twice.dump();
  std::ofstream(dir / "notes.txt") << "ignored";
  setenv("POSTLINE_USER_PRESETS", dir.c_str(), 1);
  EXPECT_EQ(userPresetDir(), dir);
  std::vector<std::string> problems;
  auto r = loadPresets(&problems);
  unsetenv("POSTLINE_USER_PRESETS");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 9u);  // 8 shipped (one replaced) + 1 new
  auto replaced = findPreset(*r, "youtube-1080p");
  EXPECT_TRUE(replaced->user);
  EXPECT_EQ(replaced->name, "YouTube 1080p (ours)");
  EXPECT_EQ(replaced->video.minMbps, 18.0);
  EXPECT_EQ(r->back().id, "vertical-draft");  // user presets come after the shipped ones
  EXPECT_TRUE(r->back().user);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find((dir / "b-draft-again.json").string()), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find((dir / "broken.json").string()), std::string::npos) << problems[1];
}

TEST(Preset, UserFolderFollowsXdgThenHome) {
  unsetenv("POSTLINE_USER_PRESETS");
  setenv("XDG_CONFIG_HOME", "/cfg", 1);
  EXPECT_EQ(userPresetDir(), fs::path("/cfg/postline/presets"));
  unsetenv("XDG_CONFIG_HOME");
  setenv("HOME", "/home/editor", 1);
  EXPECT_EQ(userPresetDir(), fs::path("/home/editor/.config/postline/presets"));
}

TEST(Preset, EncoderSettingsFollowThePreset) {
  const std::vector<Preset> all = shippedOrDie();
  const EncoderSettings reels = encoderSettingsFor(*findPreset(all, "reels"), 1920, 1080, time::Rational(24));
  EXPECT_EQ(reels.width, 1080);
  EXPECT_EQ(reels.height, 1920);
  EXPECT_EQ(reels.fps, time::Rational(30));
  EXPECT_EQ(reels.gop, 60);  // 2 s at 30 fps
  EXPECT_EQ(reels.bitRate, 10000000);
  EXPECT_TRUE(reels.padToBitRate);
  EXPECT_EQ(reels.maxRate, 10000000);
  EXPECT_EQ(reels.bufSize, 5000000);
  EXPECT_EQ(reels.audioBitrate, 128000);
  EXPECT_TRUE(reels.faststart);
  EXPECT_FALSE(reels.fullRange);
  const EncoderSettings yt = encoderSettingsFor(*findPreset(all, "youtube-1080p"), 1920, 1080, time::Rational(24));
  EXPECT_EQ(yt.gop, 48);
  EXPECT_EQ(yt.fps, time::Rational(24));
  const EncoderSettings pro = encoderSettingsFor(*findPreset(all, "master-prores"), 2048, 858, time::Rational(25));
  EXPECT_EQ(pro.width, 2048);
  EXPECT_EQ(pro.height, 858);
  EXPECT_EQ(pro.fps, time::Rational(24));
  EXPECT_EQ(pro.bitRate, 0);
  EXPECT_FALSE(pro.padToBitRate);
  EXPECT_FALSE(pro.faststart);
  EXPECT_EQ(pro.audioCodec, "pcm_s24le");
  Preset hevc = *findPreset(all, "youtube-4k");
  hevc.video.codec = "libx265";
  const EncoderSettings h = encoderSettingsFor(hevc, 1920, 1080, time::Rational(30));
  EXPECT_FALSE(h.padToBitRate);  // x265 cannot pad: ABR at the middle, VBV peak at the maximum
  EXPECT_EQ(h.maxRate, 68000000);
}

}  // namespace
