// checkDelivery: a matching preset passes every check; each wrong expectation fails exactly the
// check it concerns, with expected/measured strings a person can read.
#include <gtest/gtest.h>

#include "tests/core/export_verify/verify_test_util.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::verifytest;

const std::vector<std::string> kCheckNames = {
    "container",       "faststart",   "video_codec",  "profile",     "resolution", "sample_aspect",
    "fps",             "bitrate",     "pixel_format", "color_tags",  "keyframe_interval", "audio_codec",
    "audio_format",    "audio_bitrate", "duration",   "loudness",    "true_peak"};

// One real delivery per test process, probed once.
class CheckDelivery : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = fs::path(POSTLINE_BINARY_DIR) / "test_output" / "export_verify" / ("checks_" + std::to_string(::getpid()));
    fs::remove_all(s_dir);
    fs::create_directories(s_dir);
    writeDelivery(s_dir / "web.mp4", Delivery{});
    auto p = probeDelivery(s_dir / "web.mp4");
    ASSERT_TRUE(p.ok()) << p.error().message;
    s_probe = p.value();
  }
  static void TearDownTestSuite() { fs::remove_all(s_dir); }

  static std::vector<Check> check(const Preset& preset, const DeliveryExpectation& e = expectationFor(Delivery{})) {
    return checkDelivery(s_probe, preset, e);
  }

  static inline fs::path s_dir;
  static inline DeliveryProbe s_probe;
};

using Names = std::vector<std::string>;

TEST_F(CheckDelivery, MatchingPresetPassesEveryCheck) {
  const std::vector<Check> checks = check(webPreset());
  ASSERT_EQ(checks.size(), kCheckNames.size());
  for (std::size_t i = 0; i < checks.size(); ++i) {
    EXPECT_EQ(checks[i].name, kCheckNames[i]);
    EXPECT_TRUE(checks[i].pass) << checks[i].name << ": expected " << checks[i].expected << ", measured "
                                << checks[i].measured;
    EXPECT_FALSE(checks[i].expected.empty());
    EXPECT_FALSE(checks[i].measured.empty());
  }
  auto v = verifyDelivery(s_dir / "web.mp4", webPreset(), expectationFor(Delivery{}));
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(v.value().pass);
  EXPECT_EQ(v.value().checks.size(), kCheckNames.size());
  EXPECT_EQ(checkNamed(checks, "loudness").expected, "-14.0 LUFS \u00b10.5");
  EXPECT_EQ(checkNamed(checks, "loudness").measured, "-14.0 LUFS");
  EXPECT_EQ(checkNamed(checks, "profile").measured, "High");
  EXPECT_EQ(checkNamed(checks, "audio_codec").measured, "aac (LC)");
}

TEST_F(CheckDelivery, WrongResolutionFailsResolution) {
  DeliveryExpectation e = expectationFor(Delivery{});
  e.width = 1920;
  e.height = 1080;
  const auto checks = check(webPreset(), e);
  EXPECT_EQ(failedChecks(checks), Names{"resolution"});
  EXPECT_EQ(checkNamed(checks, "resolution").expected, "1920x1080");
  EXPECT_EQ(checkNamed(checks, "resolution").measured, "320x180");
}

TEST_F(CheckDelivery, WrongFrameRateFailsFps) {
  DeliveryExpectation e = expectationFor(Delivery{});
  e.fps = time::Rational::make(24000, 1001).value();
  const auto checks = check(webPreset(), e);
  EXPECT_EQ(failedChecks(checks), Names{"fps"});
  EXPECT_EQ(checkNamed(checks, "fps").expected, "23.976 fps (24000/1001)");
  EXPECT_EQ(checkNamed(checks, "fps").measured, "24 fps");
}

TEST_F(CheckDelivery, WrongCodecFailsVideoCodec) {
  Preset p = webPreset();
  p.video.codec = "libx265";
  const auto checks = check(p);
  EXPECT_EQ(failedChecks(checks), Names{"video_codec"});
  EXPECT_EQ(checkNamed(checks, "video_codec").expected, "hevc");
  EXPECT_EQ(checkNamed(checks, "video_codec").measured, "h264");
}

TEST_F(CheckDelivery, WrongProfileFailsProfile) {
  Preset p = webPreset();
  p.video.profile = "main";
  const auto checks = check(p);
  EXPECT_EQ(failedChecks(checks), Names{"profile"});
  EXPECT_EQ(checkNamed(checks, "profile").expected, "main");
  EXPECT_EQ(checkNamed(checks, "profile").measured, "High");
}

TEST_F(CheckDelivery, WrongLoudnessTargetFailsLoudness) {
  Preset p = webPreset();
  p.loudnessLufs = -23.0;
  const auto checks = check(p);
  EXPECT_EQ(failedChecks(checks), Names{"loudness"});
  EXPECT_EQ(checkNamed(checks, "loudness").expected, "-23.0 LUFS \u00b10.5");
  EXPECT_EQ(checkNamed(checks, "loudness").measured, "-14.0 LUFS");
}

TEST_F(CheckDelivery, BitrateOutsideTheWindowFailsBitrate) {
  Preset p = webPreset();
  p.video.minMbps = 16.0;
  p.video.maxMbps = 24.0;
  const auto checks = check(p);
  EXPECT_EQ(failedChecks(checks), Names{"bitrate"});
  EXPECT_EQ(checkNamed(checks, "bitrate").expected, "16\u201324 Mbit/s");
  EXPECT_NE(checkNamed(checks, "bitrate").measured.find(" Mbit/s"), std::string::npos);
  p.video.minMbps = 0.001;  // the window just under what was measured fails too
  p.video.maxMbps = s_probe.videoMbps * 0.9;
  EXPECT_EQ(failedChecks(check(p)), Names{"bitrate"});
}

TEST_F(CheckDelivery, WrongDurationFailsDuration) {
  DeliveryExpectation e = expectationFor(Delivery{});
  e.durationS = 2.5;
  auto checks = check(webPreset(), e);
  EXPECT_EQ(failedChecks(checks), Names{"duration"});
  EXPECT_EQ(checkNamed(checks, "duration").expected.rfind("2.500 s \u00b10.063", 0), 0u) << checkNamed(checks, "duration").expected;
  // Two frames short is outside the tolerance, one frame is inside.
  e.durationS = 2.0 + 2.0 / 24.0;
  EXPECT_EQ(failedChecks(check(webPreset(), e)), Names{"duration"});
  e.durationS = 2.0 + 1.0 / 24.0;
  EXPECT_TRUE(failedChecks(check(webPreset(), e)).empty());
  // A platform limit shorter than the file.
  Preset p = webPreset();
  p.maxDurationS = 1.5;
  checks = check(p);
  EXPECT_EQ(failedChecks(checks), Names{"duration"});
  EXPECT_NE(checkNamed(checks, "duration").expected.find("platform limit 1.5 s"), std::string::npos);
}

TEST_F(CheckDelivery, OtherWrongFieldsFailTheirCheck) {
  const auto failsOnly = [](const Preset& p, const std::string& name) {
    EXPECT_EQ(failedChecks(check(p)), Names{name});
  };
  Preset p = webPreset();
  p.container = "mov";
  failsOnly(p, "container");
  p = webPreset();
  p.video.pixFmt = "yuv422p10le";
  failsOnly(p, "pixel_format");
  p = webPreset();
  p.video.colorPrimaries = "bt2020";
  failsOnly(p, "color_tags");
  EXPECT_EQ(checkNamed(check(p), "color_tags").measured, "bt709/bt709/bt709 tv");
  p = webPreset();
  p.video.keyframeIntervalS = 0.5;
  failsOnly(p, "keyframe_interval");
  EXPECT_EQ(checkNamed(check(p), "keyframe_interval").expected, "at most 12 frames (0.5 s)");
  EXPECT_EQ(checkNamed(check(p), "keyframe_interval").measured, "24 frames");
  p = webPreset();
  p.audio.sampleRate = 44100;
  failsOnly(p, "audio_format");
  p = webPreset();
  p.audio.bitrateKbps = static_cast<int>(s_probe.audioKbps * 0.5);
  failsOnly(p, "audio_bitrate");
  p = webPreset();
  p.audio.codec = "pcm_s24le";
  EXPECT_EQ(failedChecks(check(p)), (Names{"audio_codec", "audio_format", "audio_bitrate"}));
}

TEST_F(CheckDelivery, ChecksAPresetDoesNotAskForPassAsAny) {
  Preset p = webPreset();
  p.loudnessLufs.reset();
  p.video.minMbps = 0.0;
  p.video.maxMbps = 0.0;
  p.video.profile.clear();
  p.video.keyframeIntervalS = 0.0;
  p.faststart = false;
  const auto checks = check(p);
  for (const char* name : {"loudness", "bitrate", "profile", "keyframe_interval", "faststart"}) {
    EXPECT_EQ(checkNamed(checks, name).expected, "any") << name;
    EXPECT_TRUE(checkNamed(checks, name).pass) << name;
  }
  EXPECT_EQ(checkNamed(checks, "loudness").measured, "-14.0 LUFS");  // still shown
}

TEST_F(CheckDelivery, IndexAtTheEndFailsFaststart) {
  ASSERT_TRUE(moveIndexToEnd(s_dir / "web.mp4", s_dir / "slow.mp4"));
  auto v = verifyDelivery(s_dir / "slow.mp4", webPreset(), expectationFor(Delivery{}));
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_FALSE(v.value().pass);
  EXPECT_EQ(failedChecks(v.value().checks), Names{"faststart"});
  EXPECT_EQ(checkNamed(v.value().checks, "faststart").measured, "moov after mdat (not streamable)");
}

TEST(CheckDeliveryLoud, HotSoundFailsLoudnessAndTruePeak) {
  const fs::path file = freshDir() / "hot.mp4";
  Delivery d;
  d.amplitude = 0.99;  // about -0.1 LUFS, true peak near 0 dBTP
  writeDelivery(file, d);
  auto v = verifyDelivery(file, webPreset(), expectationFor(d));
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(failedChecks(v.value().checks), (Names{"loudness", "true_peak"}));
  const Check& peak = checkNamed(v.value().checks, "true_peak");
  EXPECT_EQ(peak.expected, "at most -1.0 dBTP");
  EXPECT_NE(peak.measured.find("dBTP"), std::string::npos);
  ASSERT_TRUE(v.value().probe.truePeakDbtp.has_value());
  EXPECT_GT(*v.value().probe.truePeakDbtp, -0.5);
}

TEST(CheckDeliveryMapping, EncoderNamesToProbedNames) {
  EXPECT_EQ(probedCodecFor("libx264"), "h264");
  EXPECT_EQ(probedCodecFor("libx265"), "hevc");
  EXPECT_EQ(probedCodecFor("prores_ks"), "prores");
  EXPECT_EQ(probedCodecFor("dnxhd"), "dnxhd");
  EXPECT_EQ(probedCodecFor("aac"), "aac");
  EXPECT_EQ(probedCodecFor("pcm_s24le"), "pcm_s24le");
  EXPECT_TRUE(profileMatches("high", "High"));
  EXPECT_TRUE(profileMatches("main", "Main"));
  EXPECT_TRUE(profileMatches("main10", "Main 10"));
  EXPECT_TRUE(profileMatches("hq", "HQ"));
  EXPECT_TRUE(profileMatches("dnxhr_hq", "DNXHR HQ"));
  EXPECT_TRUE(profileMatches("baseline", "Constrained Baseline"));
  EXPECT_FALSE(profileMatches("high", "Main"));
  EXPECT_FALSE(profileMatches("dnxhr_hq", "DNXHR HQX"));
  EXPECT_FALSE(profileMatches("hq", ""));
}

TEST(CheckDeliveryMaster, ProResMasterPassesItsPreset) {
  const fs::path file = freshDir() / "master.mov";
  Delivery d;
  d.frames = 24;
  EncoderSettings s = d.settings();
  s.videoCodec = "prores_ks";
  s.profile = "hq";
  s.pixFmt = "yuv422p10le";
  s.audioCodec = "pcm_s24le";
  writeDelivery(file, d, s, [](int) { return 0; });
  Preset p;
  p.id = "prores-hq-master";
  p.container = "mov";
  p.faststart = false;
  p.video.codec = "prores_ks";
  p.video.profile = "hq";
  p.video.pixFmt = "yuv422p10le";
  p.video.keyframeIntervalS = 0.0;
  p.audio.codec = "pcm_s24le";
  auto v = verifyDelivery(file, p, expectationFor(d));
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(failedChecks(v.value().checks).empty()) << testing::PrintToString(failedChecks(v.value().checks));
  EXPECT_EQ(checkNamed(v.value().checks, "audio_format").measured, "48000 Hz, 2 ch, 24-bit");
  EXPECT_EQ(checkNamed(v.value().checks, "audio_bitrate").expected, "2304 kbit/s");
  EXPECT_EQ(checkNamed(v.value().checks, "container").measured, "mov (brand 'qt  ')");
  // The same master against a DNxHR preset fails codec and profile.
  p.video.codec = "dnxhd";
  p.video.profile = "dnxhr_hq";
  EXPECT_EQ(failedChecks(checkDelivery(v.value().probe, p, expectationFor(d))), (std::vector<std::string>{"video_codec", "profile"}));
}

}  // namespace
