// Interim sequence audio: the plain sum of the audio-track clips, with gain, fades, mute, speed
// and reverse, at exact sample positions for 24 and 23.976 fps sequences.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include <unistd.h>

#include "core/audio/sequence_audio.h"
#include "core/edit/placement.h"
#include "core/edit/speed.h"
#include "core/media/ffmpeg/media_writer.h"
#include "core/model/change_set.h"
#include "core/time/convert.h"

namespace {

using namespace postline;
namespace fs = std::filesystem;
using time::FramePos;

constexpr std::int64_t kSourceSamples = 480000;  // every fixture is 10 s at 48 kHz

// A WAV fixture written once per build (pcm_s16le, 48 kHz stereo, 10 s), renamed into place.
fs::path wav(const std::string& name, const media::ffmpeg::AudioSpec& spec) {
  const fs::path dir = fs::path(POSTLINE_BINARY_DIR) / "test_fixtures" / "audio-v1";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  if (!fs::exists(p)) {
    const fs::path tmp = dir / (name + ".tmp" + std::to_string(::getpid()) + ".wav");  // parallel test processes
    auto r = media::ffmpeg::writeAudio(tmp, spec);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    fs::rename(tmp, p);
  }
  return p;
}

fs::path dcWav() {  // 0.25 on both channels (exact in 16 bits)
  media::ffmpeg::AudioSpec s;
  s.samples.assign(static_cast<std::size_t>(kSourceSamples) * 2, 0.25f);
  return wav("dc_quarter.wav", s);
}
fs::path toneWav() {  // 1 kHz sine, amplitude 0.5
  media::ffmpeg::AudioSpec s;
  s.seconds = 10.0;
  s.toneHz = 1000.0;
  return wav("tone_1k.wav", s);
}
fs::path rampWav() {  // each sample stores its own index (see media_writer.h)
  media::ffmpeg::AudioSpec s;
  s.seconds = 10.0;
  s.sampleIndexRamp = true;
  return wav("index_ramp.wav", s);
}

struct AudioFixture : ::testing::Test {
  model::Project project = model::Project::createDefault("Audio Test");
  model::SequenceId seq = project.sequences.front().id;

  model::Sequence& sequence() { return *project.findSequence(seq); }
  model::Track& audioTrack(int n) {  // A1 = 1
    int seen = 0;
    for (auto& t : sequence().tracks) {
      if (t.kind == model::TrackKind::Audio && ++seen == n) return t;
    }
    throw std::runtime_error("no such audio track");
  }
  void setRate(std::int64_t num, std::int64_t den) {
    sequence().settings.frameRate = time::FrameRate::make(time::Rational::make(num, den).value()).value();
  }
  model::MediaId addWav(const fs::path& path) {
    model::MediaItem m;
    m.id = model::MediaId{project.nextId++};
    m.path = path.string();
    m.name = path.filename().string();
    m.kind = model::MediaKind::Audio;
    m.info.container = "wav";
    m.info.hasAudio = true;
    m.info.timeBase = time::Rational::make(1, 48000).value();
    m.info.duration = kSourceSamples;
    m.info.audioCodec = "pcm_s16le";
    m.info.sampleRate = 48000;
    m.info.channels = 2;
    project.media.push_back(m);
    return m.id;
  }
  // Overwrites source samples [in, out) of `media` at frame `at` on audio track n; returns the clip.
  model::Clip& place(int track, model::MediaId media, std::int64_t at, std::int64_t in, std::int64_t out) {
    auto cs = edit::overwrite(project, seq, audioTrack(track).id, FramePos{at}, edit::SourceSpan{media, in, out});
    EXPECT_TRUE(cs.ok()) << (cs.ok() ? "" : cs.error().message);
    EXPECT_TRUE(model::apply(project, cs.value()).ok());
    return clipAt(track, at);
  }
  model::Clip& clipAt(int track, std::int64_t at) {
    return const_cast<model::Clip&>(*model::clipAt(audioTrack(track), FramePos{at}));
  }
  std::vector<float> sum(std::int64_t from, std::int64_t to) {
    auto r = audio::sumSequenceAudio(project, seq, FramePos{from}, FramePos{to});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r.value() : std::vector<float>{};
  }
  std::int64_t sampleAt(std::int64_t frame) {
    return time::framesToSamples(FramePos{frame}, sequence().settings.frameRate).value().value;
  }
};

double rms(const std::vector<float>& s, std::int64_t from, std::int64_t to) {
  double acc = 0.0;
  for (std::int64_t i = from; i < to; ++i) acc += static_cast<double>(s[static_cast<std::size_t>(i) * 2]) * s[static_cast<std::size_t>(i) * 2];
  return std::sqrt(acc / static_cast<double>(to - from));
}
double peak(const std::vector<float>& s, std::int64_t from, std::int64_t to) {
  double p = 0.0;
  for (std::int64_t i = from * 2; i < to * 2; ++i) p = std::max(p, std::abs(static_cast<double>(s[static_cast<std::size_t>(i)])));
  return p;
}
float left(const std::vector<float>& s, std::int64_t i) { return s[static_cast<std::size_t>(i) * 2]; }
float right(const std::vector<float>& s, std::int64_t i) { return s[static_cast<std::size_t>(i) * 2 + 1]; }
// The source sample index a ramp fixture sample carries.
std::int64_t rampIndex(const std::vector<float>& s, std::int64_t i) { return media::ffmpeg::rampSampleIndex(left(s, i), right(s, i)); }

TEST_F(AudioFixture, ToneSitsExactlyWhereTheClipIs) {
  const auto tone = addWav(toneWav());
  place(1, tone, 24, 0, 48000);  // 1 s of tone at 1 s
  const auto out = sum(0, 72);
  ASSERT_EQ(out.size(), 144000u * 2);
  EXPECT_EQ(peak(out, 0, 48000), 0.0);
  EXPECT_EQ(peak(out, 96000, 144000), 0.0);
  EXPECT_NEAR(rms(out, 48000, 96000), 0.5 / std::sqrt(2.0), 1e-3);
  EXPECT_NEAR(peak(out, 48000, 96000), 0.5, 1e-3);
  // Sample k of the clip is source sample k (16-bit PCM decodes exactly).
  auto d = media::openAudioDecoder(toneWav());
  ASSERT_TRUE(d.ok());
  const auto src = d.value()->read(time::SamplePos{0}, time::SampleCount{48000}).value();
  for (std::int64_t k : {0, 1, 17, 24000, 47999}) EXPECT_EQ(left(out, 48000 + k), src.left[static_cast<std::size_t>(k)]) << k;
}

TEST_F(AudioFixture, TracksSumAndGapsAreSilent) {
  const auto dc = addWav(dcWav());
  place(1, dc, 0, 0, 48000);     // frames [0, 24)
  place(1, dc, 48, 0, 48000);    // frames [48, 72): a gap [24, 48) on A1
  place(2, dc, 12, 0, 48000);    // frames [12, 36) on A2
  const auto out = sum(0, 72);
  EXPECT_EQ(left(out, 0), 0.25f);
  EXPECT_EQ(left(out, 24000), 0.5f);   // both tracks
  EXPECT_EQ(right(out, 47999), 0.5f);
  EXPECT_EQ(left(out, 48000), 0.25f);  // A2 only
  EXPECT_EQ(peak(out, 72000, 96000), 0.0);  // the gap on both tracks
  EXPECT_EQ(left(out, 96000), 0.25f);
}

TEST_F(AudioFixture, ClipGainAndTrackVolumeMultiply) {
  const auto dc = addWav(dcWav());
  place(1, dc, 0, 0, 48000).audio.gainDb = -20.0 * std::log10(2.0);  // x 0.5
  const auto half = sum(0, 24);
  EXPECT_NEAR(left(half, 100), 0.125, 1e-6);
  audioTrack(1).volumeDb = 20.0 * std::log10(4.0);  // x 4
  const auto twice = sum(0, 24);
  EXPECT_NEAR(left(twice, 100), 0.5, 1e-6);
  EXPECT_NEAR(right(twice, 47999), 0.5, 1e-6);
}

TEST_F(AudioFixture, MutedTracksAndDisabledClipsAreSilent) {
  const auto dc = addWav(dcWav());
  place(1, dc, 0, 0, 48000);
  place(2, dc, 0, 0, 48000).enabled = false;
  EXPECT_EQ(peak(sum(0, 24), 0, 48000), 0.25);
  audioTrack(1).muted = true;
  EXPECT_EQ(peak(sum(0, 24), 0, 48000), 0.0);
}

TEST_F(AudioFixture, LinearFadesAreSampleExactRamps) {
  const auto dc = addWav(dcWav());
  model::Clip& c = place(1, dc, 10, 0, 96000);  // frames [10, 58): samples [20000, 116000)
  c.audio.fadeIn = time::FrameCount{12};         // 24000 samples
  c.audio.fadeOut = time::FrameCount{6};         // 12000 samples
  c.audio.fadeShape = model::FadeShape::Linear;
  const auto out = sum(0, 60);
  EXPECT_EQ(left(out, 19999), 0.0f);
  for (std::int64_t k : {0, 1, 2, 1000, 12000, 23999}) EXPECT_NEAR(left(out, 20000 + k), 0.25 * k / 24000.0, 1e-7) << k;
  EXPECT_NEAR(left(out, 44000), 0.25, 1e-7);  // fade-in over
  EXPECT_NEAR(left(out, 103999), 0.25, 1e-7);
  for (std::int64_t k : {0, 1, 6000, 11999}) {
    EXPECT_NEAR(left(out, 104000 + k), 0.25 * (12000 - k) / 12000.0, 1e-7) << k;
  }
  EXPECT_EQ(left(out, 116000), 0.0f);
}

TEST_F(AudioFixture, FadeShapesFollowTheirCurves) {
  EXPECT_NEAR(audio::fadeCurve(model::FadeShape::EqualPower, 0.5), std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(audio::fadeCurve(model::FadeShape::SCurve, 0.25), (1 - std::cos(M_PI / 4)) / 2, 1e-12);
  EXPECT_EQ(audio::fadeCurve(model::FadeShape::SCurve, 0.0), 0.0);
  EXPECT_EQ(audio::fadeCurve(model::FadeShape::EqualPower, 1.0), 1.0);
  const auto dc = addWav(dcWav());
  model::Clip& c = place(1, dc, 0, 0, 96000);
  c.audio.fadeIn = time::FrameCount{12};
  c.audio.fadeShape = model::FadeShape::EqualPower;
  EXPECT_NEAR(left(sum(0, 48), 12000), 0.25 * std::sqrt(0.5), 1e-7);
  clipAt(1, 0).audio.fadeShape = model::FadeShape::SCurve;
  const auto s = sum(0, 48);
  EXPECT_NEAR(left(s, 12000), 0.125, 1e-7);
  EXPECT_NEAR(left(s, 6000), 0.25 * (1 - std::cos(M_PI / 4)) / 2, 1e-7);
}

TEST_F(AudioFixture, SourceOffsetReverseAndSpeedMapSamples) {
  const auto ramp = addWav(rampWav());
  place(1, ramp, 0, 4800, 52800);  // source [4800, 52800) at frames [0, 24)
  auto out = sum(0, 24);
  for (std::int64_t k : {0, 1, 999, 47999}) EXPECT_EQ(rampIndex(out, k), 4800 + k) << k;

  const model::ClipId id = clipAt(1, 0).id;
  ASSERT_TRUE(model::apply(project, edit::setReverse(project, seq, id, true).value()).ok());
  out = sum(0, 24);
  for (std::int64_t k : {0, 1, 999, 47999}) EXPECT_EQ(rampIndex(out, k), 4800 + 47999 - k) << k;
  ASSERT_TRUE(model::apply(project, edit::setReverse(project, seq, id, false).value()).ok());

  auto fast = edit::setSpeed(project, seq, id, time::Rational(2), edit::TrimMode::Normal);
  ASSERT_TRUE(fast.ok()) << fast.error().message;
  ASSERT_TRUE(model::apply(project, fast.value()).ok());
  EXPECT_EQ(clipAt(1, 0).duration.value, 12);
  out = sum(0, 12);
  for (std::int64_t k : {0, 1, 7, 23999}) EXPECT_EQ(rampIndex(out, k), 4800 + 2 * k) << k;

  auto slow = edit::setSpeed(project, seq, id, time::Rational::make(1, 2).value(), edit::TrimMode::Normal);
  ASSERT_TRUE(slow.ok()) << slow.error().message;
  ASSERT_TRUE(model::apply(project, slow.value()).ok());
  out = sum(0, 48);
  for (std::int64_t k : {0, 2, 1000}) EXPECT_EQ(rampIndex(out, k), 4800 + k / 2) << k;
  // Odd samples fall halfway between two source samples: the low word is interpolated.
  const double lowWord = static_cast<double>((4800 + 500) & 0xFFFF) - 32768.0 + 0.5;
  EXPECT_NEAR(left(out, 1001) * 32768.0, lowWord, 1e-3);
}

TEST_F(AudioFixture, LengthIsExactAt24And23976) {
  const auto dc = addWav(dcWav());
  place(1, dc, 10, 0, 48000);
  EXPECT_EQ(sum(0, 24).size(), 48000u * 2);
  EXPECT_EQ(sum(5, 29).size(), 48000u * 2);
  EXPECT_TRUE(sum(7, 7).empty());
  setRate(24000, 1001);
  EXPECT_EQ(sum(0, 24).size(), 48048u * 2);
  EXPECT_EQ(sum(0, 1).size(), 2002u * 2);
  const std::int64_t n = sampleAt(100) - sampleAt(7);
  EXPECT_EQ(sum(7, 100).size(), static_cast<std::size_t>(n) * 2);
  // The clip at frame 10 starts on sample framesToSamples(10) = 20020.
  const auto out = sum(0, 40);
  EXPECT_EQ(sampleAt(10), 20020);
  EXPECT_EQ(left(out, 20019), 0.0f);
  EXPECT_EQ(left(out, 20020), 0.25f);
  auto bad = audio::sumSequenceAudio(project, seq, FramePos{5}, FramePos{4});
  EXPECT_EQ(bad.error().code, base::ErrorCode::InvalidArgument);
}

TEST_F(AudioFixture, FrameByFrameBlocksJoinIntoTheWholeRange) {
  setRate(30000, 1001);  // 1601.6 samples a frame: blocks of 1601 and 1602
  const auto tone = addWav(toneWav());
  place(1, tone, 3, 0, 96000);
  const auto whole = sum(0, 40);
  audio::SequenceAudioSummer summer(project, seq);
  std::vector<float> joined;
  for (std::int64_t f = 0; f < 40; ++f) {
    auto block = summer.sumFrames(FramePos{f}, FramePos{f + 1});
    ASSERT_TRUE(block.ok()) << block.error().message;
    joined.insert(joined.end(), block->begin(), block->end());
  }
  EXPECT_EQ(joined, whole);
}

TEST_F(AudioFixture, MissingMediaFileIsNotFoundNamingIt) {
  const fs::path gone = fs::path(POSTLINE_BINARY_DIR) / "test_fixtures" / "audio-v1" / "gone.wav";
  fs::copy_file(dcWav(), gone, fs::copy_options::overwrite_existing);
  const auto id = addWav(gone);
  place(2, id, 0, 0, 48000);
  fs::remove(gone);
  auto r = audio::sumSequenceAudio(project, seq, FramePos{0}, FramePos{24});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(r.error().message.find(gone.string()), std::string::npos) << r.error().message;
  // A range that does not touch the clip needs no file.
  EXPECT_TRUE(audio::sumSequenceAudio(project, seq, FramePos{30}, FramePos{40}).ok());
}

TEST_F(AudioFixture, UnreadableMediaCanBeLeftSilentWithOneWarning) {
  const fs::path gone = fs::path(POSTLINE_BINARY_DIR) / "test_fixtures" / "audio-v1" / "gone2.wav";
  fs::copy_file(dcWav(), gone, fs::copy_options::overwrite_existing);
  const auto bad = addWav(gone);
  place(2, bad, 0, 0, 48000);
  place(1, addWav(dcWav()), 0, 0, 48000);
  fs::remove(gone);
  audio::SequenceAudioSummer summer(project, seq);
  summer.skipUnreadableMedia(true);
  for (int block = 0; block < 3; ++block) {
    auto r = summer.sumFrames(FramePos{block * 8}, FramePos{block * 8 + 8});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_GT(std::abs(r.value()[100]), 0.1f) << "the readable clip still sounds";
  }
  const auto warnings = summer.takeWarnings();
  ASSERT_EQ(warnings.size(), 1u);  // reported once, not per block
  EXPECT_NE(warnings[0].find(gone.string()), std::string::npos);
  EXPECT_TRUE(summer.takeWarnings().empty());
}

}  // namespace
