// postline-cli loudness: EBU R 128 figures of a project's mix or of any audio/video file (docs/CLI.md).
#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "core/audio/loudness/analyzer.h"
#include "core/audio/mix_plan.h"
#include "core/audio/offline_mix.h"
#include "core/project/project_file.h"

namespace postline::cli {
namespace {

using Json = nlohmann::ordered_json;

// A figure, or null for -infinity (silence) and NaN.
Json figure(double v) { return std::isfinite(v) ? Json(std::round(v * 100.0) / 100.0) : Json(nullptr); }

std::string text(double v, const char* unit) { return std::isfinite(v) ? fixed(v, 1) + " " + unit : "-inf " + std::string(unit); }

// One audio track's figures, as it reaches the master bus.
struct TrackFigures {
  std::string name;
  std::string role;
  audio::loudness::LoudnessStats stats;
};

struct Measured {
  audio::loudness::LoudnessStats stats;
  std::optional<std::string> sequence;
  std::optional<double> target;
  std::vector<TrackFigures> tracks;   // with --tracks
  std::vector<std::string> warnings;
};

Json figures(const audio::loudness::LoudnessStats& s) {
  return Json{{"integrated_lufs", figure(s.integratedLufs)},   {"loudness_range_lu", figure(s.loudnessRangeLu)},
              {"true_peak_dbtp", figure(s.truePeakDbtp)},       {"sample_peak_dbfs", figure(s.samplePeakDbfs)},
              {"max_momentary_lufs", figure(s.maxMomentaryLufs)}, {"max_short_term_lufs", figure(s.maxShortTermLufs)}};
}

base::Result<Measured> measureProject(const Args& args) {
  const std::string file = args.positional[0];
  PL_TRY_ASSIGN(loaded, project::loadProject(file));
  PL_TRY_ASSIGN(seq, findSequence(loaded.project, args.value("--sequence"), file));
  PL_TRY_ASSIGN(plan, audio::planMix(loaded.project, seq->id));
  Measured m;
  PL_TRY_ASSIGN(stats, audio::measureMix(plan, &m.warnings));
  m.stats = stats;
  m.sequence = seq->name;
  m.target = seq->settings.mix.targetLufs;
  if (!args.has("--tracks")) return m;
  for (const audio::TrackPlan& t : plan.tracks) {
    PL_TRY_ASSIGN(one, audio::measureMix(audio::isolateTrack(plan, t.id, audio::Tap::PostFader)));
    m.tracks.push_back({t.name, model::audioRoleName(t.role), one});
  }
  return m;
}

base::Result<Measured> measureFile(const std::string& file) {
  PL_TRY_ASSIGN(stats, audio::loudness::measureFile(file));
  Measured m;
  m.stats = stats;
  return m;
}

void print(const Measured& m, const std::string& source, bool json) {
  const auto& s = m.stats;
  if (json) {
    Json j{{"source", source}, {"kind", m.sequence ? "mix" : "file"}};
    if (m.sequence) j["sequence"] = *m.sequence, j["target_lufs"] = *m.target;
    j.update(figures(s));
    if (!m.tracks.empty()) {
      Json& tracks = j["tracks"] = Json::array();
      for (const TrackFigures& t : m.tracks) {
        Json one{{"track", t.name}, {"role", t.role}};
        one.update(figures(t.stats));
        tracks.push_back(one);
      }
    }
    j["warnings"] = m.warnings;
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << source << (m.sequence ? " (mix of '" + *m.sequence + "', target " + fixed(*m.target, 1) + " LUFS)" : "")
            << "\n  integrated      " << text(s.integratedLufs, "LUFS") << "\n  loudness range  "
            << text(s.loudnessRangeLu, "LU") << "\n  true peak       " << text(s.truePeakDbtp, "dBTP")
            << "\n  sample peak     " << text(s.samplePeakDbfs, "dBFS") << "\n  max momentary   "
            << text(s.maxMomentaryLufs, "LUFS") << "\n  max short-term  " << text(s.maxShortTermLufs, "LUFS") << "\n";
  for (const TrackFigures& t : m.tracks) {
    std::cout << "  " << t.name << " (" << t.role << "): " << text(t.stats.integratedLufs, "LUFS") << ", LRA "
              << text(t.stats.loudnessRangeLu, "LU") << ", true peak " << text(t.stats.truePeakDbtp, "dBTP") << "\n";
  }
  for (const std::string& w : m.warnings) std::cerr << "postline-cli: warning: " << w << "\n";
}

}  // namespace

int runLoudness(const Args& args) {
  if (args.positional.size() != 1) return usageError("loudness needs one PROJECT or FILE");
  const std::string source = args.positional[0];
  auto measured = source.ends_with(".postline") ? measureProject(args) : measureFile(source);
  if (!measured) return fail(measured.error());
  print(measured.value(), source, args.has("--json"));
  return kExitOk;
}

}  // namespace postline::cli
