// measureFile / openMultichannelReader on files written by the test (core/media's writer), plus
// an independent cross-check against FFmpeg's ebur128 filter (skipped without the ffmpeg CLI).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/audio/loudness/analyzer.h"
#include "core/media/audio_channels.h"
#include "core/media/ffmpeg/media_writer.h"
#include "tests/core/audio/loudness_signals.h"

namespace {

using namespace postline;
using namespace postline::audio::loudness;
using media::ChannelPosition;
namespace fs = std::filesystem;

fs::path fixtureDir() {
  const fs::path d = fs::path(POSTLINE_BINARY_DIR) / "test_fixtures" / "loudness-v1";
  fs::create_directories(d);
  return d;
}

// Writes `spec` to fixture `name` once (temporary name, then rename) and returns its path.
fs::path fixture(const std::string& name, const media::ffmpeg::AudioSpec& spec) {
  const fs::path p = fixtureDir() / name;
  if (fs::exists(p)) return p;
  const fs::path tmp = fixtureDir() / ("tmp" + std::to_string(::getpid()) + "_" + name);
  const auto written = media::ffmpeg::writeAudio(tmp, spec);
  if (!written.ok()) throw std::runtime_error(written.error().message);
  fs::rename(tmp, p);
  return p;
}

// EBU Tech 3341 case 6 as 5.1: L, R -28, C -24, LFE -6 (60 Hz), Ls, Rs -30 dBFS, 20 s.
std::vector<float> fivePointOne() {
  const auto side = testsig::sine({{-28, 20}});
  const auto surround = testsig::sine({{-30, 20}});
  return testsig::interleave({side, side, testsig::sine({{-24, 20}}), testsig::sine({{-6, 20}}, 60.0), surround, surround});
}

fs::path fivePointOneWav() {
  media::ffmpeg::AudioSpec spec;
  spec.channels = 6;
  spec.samples = fivePointOne();
  return fixture("case6_51.wav", spec);
}

TEST(LoudnessFile, ReaderKeepsAllChannelsOf51) {
  auto reader = media::openMultichannelReader(fivePointOneWav());
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  ASSERT_EQ((*reader)->channels(), 6);
  const std::vector<ChannelPosition> want = {ChannelPosition::Left, ChannelPosition::Right, ChannelPosition::Center,
                                             ChannelPosition::Lfe, ChannelPosition::LeftSurround, ChannelPosition::RightSurround};
  EXPECT_EQ((*reader)->positions(), want);
  std::vector<float> buf(1000 * 6);
  std::size_t total = 0;
  float maxLfe = 0.0f;
  float maxCentre = 0.0f;
  for (;;) {
    auto got = (*reader)->read(buf.data(), 1000);
    ASSERT_TRUE(got.ok());
    if (*got == 0) break;
    for (std::size_t i = 0; i < *got; ++i) {
      maxCentre = std::max(maxCentre, std::abs(buf[i * 6 + 2]));
      maxLfe = std::max(maxLfe, std::abs(buf[i * 6 + 3]));
    }
    total += *got;
  }
  EXPECT_EQ(total, 20u * 48000u);
  EXPECT_NEAR(maxCentre, testsig::amplitude(-24), 1e-3);  // not downmixed: each channel as written
  EXPECT_NEAR(maxLfe, testsig::amplitude(-6), 1e-3);
}

// The 5.1 file measures like the same samples in memory, and like the spec's -23 LUFS.
TEST(LoudnessFile, MeasureFile51MatchesSynthetic) {
  auto stats = measureFile(fivePointOneWav());
  ASSERT_TRUE(stats.ok()) << stats.error().message;
  EXPECT_NEAR(stats->integratedLufs, -23.0, 0.1);
  const std::vector<ChannelWeight> w = {ChannelWeight::Left,   ChannelWeight::Right,        ChannelWeight::Center,
                                        ChannelWeight::Unused, ChannelWeight::LeftSurround, ChannelWeight::RightSurround};
  auto analyzer = Analyzer::create(w);
  ASSERT_TRUE(analyzer.ok());
  const auto sig = fivePointOne();
  analyzer->add(sig.data(), sig.size() / 6);
  EXPECT_NEAR(stats->integratedLufs, analyzer->stats().integratedLufs, 0.01);  // 16-bit quantisation only
  EXPECT_NEAR(stats->samplePeakDbfs, -6.0, 0.01);                            // the LFE's peak
}

// 44.1 kHz stereo is resampled to 48 kHz; a -23 dBFS 1 kHz sine still reads -23 LUFS.
TEST(LoudnessFile, Resampled44kStereo) {
  media::ffmpeg::AudioSpec spec;
  spec.sampleRate = 44100;
  spec.seconds = 10.0;
  spec.toneHz = 1000.0;  // the writer's tone has amplitude 0.5 (-6.02 dBFS) on every channel
  auto stats = measureFile(fixture("tone_44k_stereo.wav", spec));
  ASSERT_TRUE(stats.ok()) << stats.error().message;
  EXPECT_NEAR(stats->integratedLufs, 20.0 * std::log10(0.5), 0.1);
  auto reader = media::openMultichannelReader(fixture("tone_44k_stereo.wav", spec));
  ASSERT_TRUE(reader.ok());
  std::vector<float> buf(48000 * 2);
  std::size_t total = 0;
  for (auto got = (*reader)->read(buf.data(), 48000); got.ok() && *got > 0; got = (*reader)->read(buf.data(), 48000)) {
    total += *got;
  }
  EXPECT_NEAR(static_cast<double>(total), 480000.0, 64.0);
}

TEST(LoudnessFile, MonoFileIsOneCentreChannel) {
  media::ffmpeg::AudioSpec spec;
  spec.channels = 1;
  spec.samples = testsig::sine({{-23, 10}});
  const fs::path p = fixture("mono_-23.wav", spec);
  auto reader = media::openMultichannelReader(p);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->positions(), std::vector<ChannelPosition>{ChannelPosition::Center});
  auto stats = measureFile(p);
  ASSERT_TRUE(stats.ok());
  EXPECT_NEAR(stats->integratedLufs, -23.0 - 10.0 * std::log10(2.0), 0.1);
}

TEST(LoudnessFile, MissingFileIsNotFound) {
  const fs::path p = fixtureDir() / "no_such_file.wav";
  auto stats = measureFile(p);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(stats.error().message.find("no_such_file.wav"), std::string::npos);
}

TEST(LoudnessFile, CorruptFileIsParse) {
  const fs::path p = fixtureDir() / "corrupt_noise.wav";
  {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    std::mt19937 rng(7);
    for (int i = 0; i < 65536; ++i) out.put(static_cast<char>(rng() & 0xFF));
  }
  auto stats = measureFile(p);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.error().code, base::ErrorCode::Parse);
  EXPECT_NE(stats.error().message.find("corrupt_noise.wav"), std::string::npos);
}

TEST(LoudnessFile, VideoWithoutAudioIsNotFound) {
  media::ffmpeg::VideoSpec spec;
  spec.frames = 12;
  const fs::path p = fixtureDir() / "video_only.mp4";
  if (!fs::exists(p)) {
    const fs::path tmp = fixtureDir() / ("tmp" + std::to_string(::getpid()) + "_video_only.mp4");
    const auto written = media::ffmpeg::writeVideo(tmp, spec);
    if (!written.ok()) GTEST_SKIP() << written.error().message;
    fs::rename(tmp, p);
  }
  auto stats = measureFile(p);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(stats.error().message.find("video_only.mp4"), std::string::npos);
}

// A programme-like stereo signal: noise bursts and tones at changing levels, 30 s.
std::vector<float> programme() {
  std::mt19937 rng(42);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<float> out;
  const double levels[] = {-20, -28, -16, -34, -22, -25};
  for (int seg = 0; seg < 6; ++seg) {
    const double a = testsig::amplitude(levels[seg]);
    for (int i = 0; i < 5 * 48000; ++i) {
      const double t = static_cast<double>(seg * 5 * 48000 + i) / 48000.0;
      const double tone = std::sin(2.0 * M_PI * (220.0 * (seg + 1)) * t);
      out.push_back(static_cast<float>(a * (0.5 * tone + 0.25 * noise(rng))));
      out.push_back(static_cast<float>(a * (0.5 * std::sin(2.0 * M_PI * 3000.0 * t) + 0.25 * noise(rng))));
    }
  }
  return out;
}

// Reads the value after `label` in FFmpeg's ebur128 summary, e.g. "I:" or "Peak:".
double ffmpegSummaryValue(const std::string& log, const std::string& label) {
  const auto summary = log.rfind("Summary:");
  const std::regex re(label + R"(\s+(-?[0-9.]+|-inf))");
  std::smatch m;
  const std::string tail = summary == std::string::npos ? log : log.substr(summary);
  if (!std::regex_search(tail, m, re)) return NAN;
  return m[1] == "-inf" ? -HUGE_VAL : std::stod(m[1]);
}

TEST(LoudnessFile, AgreesWithFfmpegEbur128Filter) {
  if (std::system("command -v ffmpeg >/dev/null 2>&1") != 0) GTEST_SKIP() << "no ffmpeg CLI";
  media::ffmpeg::AudioSpec spec;
  spec.samples = programme();
  const fs::path p = fixture("programme_stereo.wav", spec);
  const fs::path log = fixtureDir() / ("ffmpeg_ebur128_" + std::to_string(::getpid()) + ".log");
  const std::string cmd = "ffmpeg -nostdin -hide_banner -nostats -i '" + p.string() +
                          "' -af ebur128=peak=true -f null - > '" + log.string() + "' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream in(log);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(log);
  const double ffI = ffmpegSummaryValue(text, "I:");
  const double ffLra = ffmpegSummaryValue(text, "LRA:");
  const double ffPeak = ffmpegSummaryValue(text, "Peak:");
  ASSERT_FALSE(std::isnan(ffI)) << text;
  ASSERT_FALSE(std::isnan(ffPeak)) << text;
  auto stats = measureFile(p);
  ASSERT_TRUE(stats.ok()) << stats.error().message;
  EXPECT_NEAR(stats->integratedLufs, ffI, 0.2);
  EXPECT_NEAR(stats->truePeakDbtp, ffPeak, 0.2);
  if (!std::isnan(ffLra)) {
    EXPECT_NEAR(stats->loudnessRangeLu, ffLra, 1.0);
  }
}

}  // namespace
