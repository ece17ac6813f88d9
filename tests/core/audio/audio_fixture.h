#pragma once
// Shared by the mixer tests: a project with WAV fixtures on audio tracks, rendered through the
// mixer (core/audio/offline_mix.h). Fixtures are written once per build by the tests.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include <unistd.h>

#include "core/audio/offline_mix.h"
#include "core/edit/placement.h"
#include "core/edit/speed.h"
#include "core/media/ffmpeg/media_writer.h"
#include "core/model/change_set.h"
#include "core/time/convert.h"

namespace audio_test {

using namespace postline;
namespace fs = std::filesystem;
using time::FramePos;

inline constexpr std::int64_t kSourceSamples = 480000;  // every fixture is 10 s at 48 kHz

// A WAV fixture written once per build (pcm_s16le, 48 kHz stereo, 10 s), renamed into place.
inline fs::path wav(const std::string& name, const media::ffmpeg::AudioSpec& spec) {
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

inline fs::path dcWav() {  // 0.25 on both channels (exact in 16 bits)
  media::ffmpeg::AudioSpec s;
  s.samples.assign(static_cast<std::size_t>(kSourceSamples) * 2, 0.25f);
  return wav("dc_quarter.wav", s);
}
inline fs::path toneWav() {  // 1 kHz sine, amplitude 0.5
  media::ffmpeg::AudioSpec s;
  s.seconds = 10.0;
  s.toneHz = 1000.0;
  return wav("tone_1k.wav", s);
}
inline fs::path rampWav() {  // each sample stores its own index (see media_writer.h)
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
  // The mix of sequence frames [from, to) (limiter off unless `limiter`: plain sums stay exact).
  std::vector<float> sum(std::int64_t from, std::int64_t to, bool limiter = false) {
    sequence().settings.mix.limiter = limiter;
    auto mix = audio::OfflineMix::open(project, seq);
    EXPECT_TRUE(mix.ok()) << (mix.ok() ? "" : mix.error().message);
    if (!mix.ok()) return {};
    return mix.value()->render(sampleAt(from), sampleAt(to) - sampleAt(from));
  }
  std::int64_t sampleAt(std::int64_t frame) {
    return time::framesToSamples(FramePos{frame}, sequence().settings.frameRate).value().value;
  }
};

inline double rms(const std::vector<float>& s, std::int64_t from, std::int64_t to) {
  double acc = 0.0;
  for (std::int64_t i = from; i < to; ++i) acc += static_cast<double>(s[static_cast<std::size_t>(i) * 2]) * s[static_cast<std::size_t>(i) * 2];
  return std::sqrt(acc / static_cast<double>(to - from));
}
inline double peak(const std::vector<float>& s, std::int64_t from, std::int64_t to) {
  double p = 0.0;
  for (std::int64_t i = from * 2; i < to * 2; ++i) p = std::max(p, std::abs(static_cast<double>(s[static_cast<std::size_t>(i)])));
  return p;
}
inline float left(const std::vector<float>& s, std::int64_t i) { return s[static_cast<std::size_t>(i) * 2]; }
inline float right(const std::vector<float>& s, std::int64_t i) { return s[static_cast<std::size_t>(i) * 2 + 1]; }
// The source sample index a ramp fixture sample carries.
inline std::int64_t rampIndex(const std::vector<float>& s, std::int64_t i) { return media::ffmpeg::rampSampleIndex(left(s, i), right(s, i)); }

}  // namespace audio_test
