// Contract tests of `postline-cli export` (docs/CLI.md): every shipped preset delivers the demo
// and passes its own verification; platform limits; conform; bad input (a missing clip, a folder
// that cannot be written, a full disk) fails that job with a clear message and leaves no file
// that looks finished. The outputs are read back with libav (core/media), not by the exporter.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/media/prober.h"
#include "tests/cli/cli_run.h"

namespace {

namespace media = postline::media;
using nlohmann::json;

const char* kAllPresets[] = {"youtube-1080p", "youtube-4k", "instagram-feed", "reels",
                             "linkedin-16x9", "linkedin-1x1", "master-prores", "master-dnxhr"};
const std::string kTwoSeconds = " --range 00:00:00:00-00:00:02:00";

class ExportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_project = makeQuickDemo("postline_export_cli_", s_dir);
    ASSERT_FALSE(s_project.empty());
  }
  static void TearDownTestSuite() { fs::remove_all(s_dir); }
  void SetUp() override {
    m_out = s_dir / ("out_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(m_out);
  }
  static std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string l; std::getline(s, l);) out.push_back(l);
    return out;
  }
  // Files in the output folder whose names contain ".partial".
  int partialFiles() const {
    int n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(m_out, ec)) n += e.path().filename().string().find(".partial") != std::string::npos;
    return n;
  }
  static fs::path s_dir;
  static fs::path s_project;
  fs::path m_out;
};
fs::path ExportCli::s_dir;
fs::path ExportCli::s_project;

json readJson(const fs::path& file) {
  std::ifstream in(file);
  return json::parse(in);
}

TEST_F(ExportCli, EveryShippedPresetDeliversTheDemoAndPassesItsVerification) {
  std::string args = "export " + q(s_project) + kTwoSeconds + " --out-dir " + q(m_out);
  for (const char* p : kAllPresets) args += std::string(" --preset ") + p;
  const CliRun r = cli(args);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const auto out = lines(r.out);
  ASSERT_FALSE(out.empty());
  ASSERT_EQ(out.back().rfind("report: ", 0), 0u) << "the report's path comes last: " << out.back();
  const fs::path report = out.back().substr(8);
  EXPECT_EQ(report.filename().string(), "Origin_Coffee_Commercial_Delivery_v001.json");
  EXPECT_TRUE(fs::exists(fs::path(report).replace_extension(".html")));
  const json j = readJson(report);
  ASSERT_EQ(j["jobs"].size(), std::size(kAllPresets));
  for (const char* id : kAllPresets) {
    EXPECT_NE(r.out.find(std::string("verified: ") + id + " pass"), std::string::npos) << id << "\n" << r.out;
  }
  EXPECT_EQ(partialFiles(), 0);
  // Independent reads of a few deliveries.
  auto reels = media::probe(m_out / "Origin_Coffee_Commercial_Reels_9x16_v001.mp4");
  ASSERT_TRUE(reels.ok()) << reels.error().message;
  EXPECT_EQ(reels->video->width, 1080);
  EXPECT_EQ(reels->video->height, 1920);
  EXPECT_EQ(reels->video->frames, 60);  // 2 s at 30 fps from a 24 fps timeline
  auto prores = media::probe(m_out / "Origin_Coffee_Commercial_Master_ProRes422HQ_v001.mov");
  ASSERT_TRUE(prores.ok()) << prores.error().message;
  EXPECT_EQ(prores->video->codec, "prores");
  EXPECT_EQ(prores->video->pixFmt, "yuv422p10le");
  EXPECT_EQ(prores->video->frames, 48);
  EXPECT_EQ(prores->audio->codec, "pcm_s24le");
  auto uhd = media::probe(m_out / "Origin_Coffee_Commercial_YouTube_4K_v001.mp4");
  ASSERT_TRUE(uhd.ok());
  EXPECT_EQ(uhd->video->width, 3840);
}

TEST_F(ExportCli, ASecondExportTakesTheNextVersionAndBlendConformIsReported) {
  const std::string base = "export " + q(s_project) + " --range 00:00:00:00-00:00:01:00 --out-dir " + q(m_out) +
                           " --preset linkedin-16x9";
  ASSERT_EQ(cli(base).status, 0);
  const CliRun r = cli(base + " --conform blend");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(m_out / "Origin_Coffee_Commercial_LinkedIn_16x9_v002.mp4"));
  const json j = readJson(m_out / "Origin_Coffee_Commercial_Delivery_v002.json");
  EXPECT_EQ(j["jobs"][0]["conform"], "blend 24->30");
  auto p = media::probe(m_out / "Origin_Coffee_Commercial_LinkedIn_16x9_v002.mp4");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->video->frames, 30);
  ASSERT_TRUE(p->audio.has_value());
  EXPECT_NEAR(p->audio->durationS, 1.0, 0.05);  // the sound is the timeline's second, untouched
}

class UserPresets : public ExportCli {
 protected:
  void SetUp() override {
    ExportCli::SetUp();
    m_presets = s_dir / "user_presets";
    fs::create_directories(m_presets);
    ::setenv("POSTLINE_USER_PRESETS", m_presets.c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("POSTLINE_USER_PRESETS");
    fs::remove_all(m_presets);
  }
  // A copy of the shipped reels preset with `id`, limited to `maxS` seconds.
  void writeLimited(const std::string& id, double maxS) {
    json p = readJson(fs::path(POSTLINE_SOURCE_DIR) / "resources/presets/reels.json");
    p["id"] = id;
    p["name"] = "Short test";
    p["file_tag"] = "Short_9x16";
    p["max_duration_s"] = maxS;
    std::ofstream(m_presets / (id + ".json")) << p.dump(2);
  }
  fs::path m_presets;
};

TEST_F(UserPresets, ALongRangeIsRefusedWithTheChoicesOrTrimmedOrExportedAnyway) {
  writeLimited("short-test", 1.0);
  const std::string base = "export " + q(s_project) + kTwoSeconds + " --out-dir " + q(m_out) + " --preset short-test";
  const CliRun refused = cli(base);
  EXPECT_EQ(refused.status, 3) << refused.out << refused.err;
  EXPECT_NE(refused.out.find("failed: short-test"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("at most 1.0 s"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("--over-limit trim"), std::string::npos) << refused.out;
  EXPECT_FALSE(fs::exists(m_out / "Origin_Coffee_Commercial_Short_9x16_v001.mp4"));
  const CliRun trimmed = cli(base + " --over-limit trim");
  ASSERT_EQ(trimmed.status, 0) << trimmed.out << trimmed.err;
  auto p = media::probe(m_out / "Origin_Coffee_Commercial_Short_9x16_v002.mp4");
  ASSERT_TRUE(p.ok()) << trimmed.out;
  EXPECT_EQ(p->video->frames, 30);  // the first second at 30 fps
  const CliRun whole = cli(base + " --over-limit export");
  ASSERT_EQ(whole.status, 0) << whole.out << whole.err;
  EXPECT_NE(whole.err.find("delivered whole"), std::string::npos) << whole.err;
}

TEST_F(UserPresets, ABrokenUserPresetIsSkippedWithAWarningAndAnUnknownIdIsNamed) {
  std::ofstream(m_presets / "broken.json") << R"({"format": 1, "id": "broken", "video": {"codec": "no_such_codec"}})";
  const CliRun r = cli("presets");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("broken.json"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("youtube-1080p"), std::string::npos);
  const CliRun unknown = cli("export " + q(s_project) + " --out-dir " + q(m_out) + " --preset broken");
  EXPECT_NE(unknown.status, 0);
  EXPECT_NE(unknown.err.find("broken"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("youtube-1080p"), std::string::npos) << "lists the known ids: " << unknown.err;
}

TEST_F(ExportCli, AMissingClipFailsTheJobNamingTheFile) {
  std::ifstream in(s_project);
  json j = json::parse(in);
  const auto firstClipMedia = j["sequences"][0]["tracks"][0]["clips"][0]["media"];
  for (auto& m : j["media"]) {
    if (m["id"] == firstClipMedia) m["path"] = m["absolute_path"] = (s_dir / "media" / "vanished.mp4").string();
  }
  const fs::path copy = s_dir / "missing_clip.postline";
  std::ofstream(copy) << j.dump();
  const CliRun r = cli("export " + q(copy) + " --range 00:00:00:00-00:00:01:00 --out-dir " + q(m_out) + " --preset reels");
  EXPECT_EQ(r.status, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("failed: reels"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("vanished.mp4"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.substr(r.out.rfind("report: ")).find("report: "), 0u);
  EXPECT_FALSE(fs::exists(m_out / "Origin_Coffee_Commercial_Reels_9x16_v001.mp4"));
  EXPECT_EQ(partialFiles(), 0);
}

TEST_F(ExportCli, AClipThatCannotBeReadMidRenderFailsTheJobAndLeavesNoFile) {
  // The file is there when the export starts (it passes the missing-media check) but cannot be
  // decoded: the same path as a file that vanishes while the export runs.
  const fs::path garbage = s_dir / "media" / "unreadable.mp4";
  std::ofstream(garbage) << std::string(4096, 'x');
  std::ifstream in(s_project);
  json j = json::parse(in);
  const auto firstClipMedia = j["sequences"][0]["tracks"][0]["clips"][0]["media"];
  for (auto& m : j["media"]) {
    if (m["id"] == firstClipMedia) m["path"] = m["absolute_path"] = garbage.string();
  }
  const fs::path copy = s_dir / "unreadable_clip.postline";
  std::ofstream(copy) << j.dump();
  const CliRun r = cli("export " + q(copy) + " --range 00:00:00:00-00:00:00:12 --out-dir " + q(m_out) + " --preset youtube-1080p");
  EXPECT_EQ(r.status, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("failed: youtube-1080p: a picture could not be rendered"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unreadable.mp4"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(m_out / "Origin_Coffee_Commercial_YouTube_1080p_v001.mp4"));
  EXPECT_EQ(partialFiles(), 0);
}

TEST_F(ExportCli, AnUnwritableFolderFailsEveryJobClearly) {
  const fs::path file = s_dir / "a_file";
  std::ofstream(file) << "not a folder";
  const CliRun r = cli("export " + q(s_project) + " --range 00:00:00:00-00:00:01:00 --out-dir " + q(file / "sub") +
                       " --preset reels --preset youtube-1080p");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("failed: reels"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find("failed: youtube-1080p"), std::string::npos) << r.out;
  EXPECT_NE((r.out + r.err).find("a_file"), std::string::npos) << "names the path: " << r.out << r.err;
}

TEST_F(ExportCli, AFullDiskFailsThatJobAndLeavesNoFinishedLookingFile) {
  // The file size limit stands in for a full disk: writes past it fail with EFBIG.
  const std::string cmd = "ulimit -f 16384; exec '" + std::string(POSTLINE_CLI) + "' export " + q(s_project) + kTwoSeconds +
                          " --out-dir " + q(m_out) + " --preset master-prores --preset reels";
  const CliRun r = cli("--version");  // (the binary exists)
  ASSERT_EQ(r.status, 0);
  const fs::path log = s_dir / "full_disk.log";
  const int raw = std::system(("sh -c \"" + cmd + "\" >" + q(log) + " 2>&1").c_str());
  std::ifstream in(log);
  const std::string out((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(WEXITSTATUS(raw), 3) << out;
  EXPECT_NE(out.find("failed: master-prores"), std::string::npos) << out;  // ProRes HQ (~44 MB) outgrows the limit, reels (~3 MB) does not
  EXPECT_NE(out.find("verified: reels pass"), std::string::npos) << "the other job goes on: " << out;
  EXPECT_FALSE(fs::exists(m_out / "Origin_Coffee_Commercial_Master_ProRes422HQ_v001.mov"));
  EXPECT_EQ(partialFiles(), 0);
}

}  // namespace

namespace {

TEST_F(ExportCli, ReframeKeysReplaceTheAutoWindowAndAreSavedInTheProject) {
  std::ifstream in(s_project);
  const std::string original((std::istreambuf_iterator<char>(in)), {});
  const fs::path copy = s_dir / "keyed.postline";
  std::ofstream(copy) << original;
  const CliRun before = cli("reframe " + q(copy) + " --aspect 9:16 --json");
  ASSERT_EQ(before.status, 0) << before.err;
  const json b = json::parse(before.out);
  EXPECT_EQ(b["aspect"], "9x16");
  EXPECT_FALSE(b["identity"].get<bool>());
  EXPECT_NEAR(b["window"]["w"].get<double>(), (9.0 / 16.0) / (16.0 / 9.0), 1e-3);
  const std::string clip = b["clips"][0]["name"];
  EXPECT_EQ(b["clips"][0]["how"], "auto");
  // A key at the clip's first source picture, far left: the window hugs the left edge.
  const CliRun set = cli("reframe " + q(copy) + " --aspect 1080x1920 --clip " + q(clip) + " --at 0 --x 0.0");
  ASSERT_EQ(set.status, 0) << set.err;
  const json a = json::parse(cli("reframe " + q(copy) + " --aspect 9x16 --json").out);
  EXPECT_EQ(a["clips"][0]["how"], "keys");
  ASSERT_EQ(a["clips"][0]["keys"].size(), 1u);
  EXPECT_NEAR(a["clips"][0]["x"]["max"].get<double>(), a["window"]["w"].get<double>() / 2, 1e-6);  // clamped at the edge
  const json project = readJson(copy);
  EXPECT_TRUE(project["sequences"][0]["tracks"][0]["clips"][0].contains("reframe_keys"));
  const CliRun bad = cli("reframe " + q(copy) + " --aspect 9x16 --clip " + q(clip) + " --at 0 --x 1.5");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("0..1"), std::string::npos) << bad.err;
  const CliRun cleared = cli("reframe " + q(copy) + " --aspect 9x16 --clip " + q(clip) + " --clear");
  ASSERT_EQ(cleared.status, 0) << cleared.err;
  EXPECT_EQ(json::parse(cli("reframe " + q(copy) + " --aspect 9x16 --json").out)["clips"][0]["how"], "auto");
}

}  // namespace
