#pragma once
// The benchmark programme of the mixer figures (mix_bench, playback_soak): five role tracks
// (dialogue bursts, music, SFX, foley, ambient; 20 s of 48 kHz WAV each, written once to the temp
// folder) with two EQ bands and the 2:1 compressor on every track, the music ducked under the
// dialogue (volume keys from autoDuck) and the master limiter on.
#include <cmath>
#include <filesystem>
#include <numbers>
#include <random>
#include <vector>

#include "core/audio/mix_actions.h"
#include "core/audio/mix_plan.h"
#include "core/edit/placement.h"
#include "core/media/ffmpeg/media_writer.h"
#include "core/model/change_set.h"

namespace postline::bench {


namespace fs = std::filesystem;
constexpr double kSeconds = 20.0;
constexpr int kRate = 48000;

// Interleaved stereo: tones and noise shaped per role (dialogue in 1.5 s bursts every 4 s).
inline std::vector<float> roleSignal(int role) {
  std::mt19937 rng(static_cast<unsigned>(role));
  std::normal_distribution<float> noise(0.0f, 0.05f);
  const auto n = static_cast<std::size_t>(kSeconds * kRate);
  std::vector<float> s(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / kRate;
    const double tone = 0.3 * std::sin(2 * std::numbers::pi * (110.0 * (role + 1)) * t);
    const double gate = role == 0 ? (std::fmod(t, 4.0) < 1.5 ? 1.0 : 0.0) : 1.0;
    const float v = static_cast<float>(gate * tone) + noise(rng);
    s[2 * i] = v;
    s[2 * i + 1] = 0.9f * v;
  }
  return s;
}

inline model::MediaId addMedia(model::Project& p, const fs::path& file) {
  model::MediaItem m;
  m.id = model::MediaId{p.nextId++};
  m.path = file.string();
  m.name = file.filename().string();
  m.kind = model::MediaKind::Audio;
  m.info.hasAudio = true;
  m.info.timeBase = time::Rational::make(1, kRate).value();
  m.info.duration = static_cast<std::int64_t>(kSeconds * kRate);
  m.info.sampleRate = kRate;
  m.info.channels = 2;
  p.media.push_back(m);
  return m.id;
}

// The five-track project, ducked; built once.
inline const model::Project& project() {
  static const model::Project p = [] {
    model::Project proj = model::Project::createDefault("Mix Bench");
    const fs::path dir = fs::temp_directory_path() / "postline-mix-bench";
    fs::create_directories(dir);
    model::Sequence& seq = proj.sequences.front();
    int role = 0;
    for (model::Track& t : seq.tracks) {
      if (t.kind != model::TrackKind::Audio) continue;
      const fs::path file = dir / ("role" + std::to_string(role) + ".wav");
      media::ffmpeg::AudioSpec spec;
      spec.samples = roleSignal(role++);
      if (!fs::exists(file)) (void)media::ffmpeg::writeAudio(file, spec);
      const model::MediaId id = addMedia(proj, file);
      auto cs = edit::overwrite(proj, seq.id, t.id, time::FramePos{0}, edit::SourceSpan{id, 0, proj.media.back().info.duration});
      (void)model::apply(proj, cs.value());
      model::Track& placed = *proj.sequences.front().findTrack(t.id);
      placed.eq.push_back({model::EqBandType::HighPass, 80.0, 0.0, 0.707, true});
      placed.eq.push_back({model::EqBandType::Peak, 3150.0, -6.0, 8.0, true});
      placed.compressor.enabled = true;
    }
    auto duck = audio::autoDuck(proj, seq.id);
    (void)model::apply(proj, duck.value().changes);
    return proj;
  }();
  return p;
}

}  // namespace postline::bench
