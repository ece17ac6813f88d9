// postline-cli presets: the delivery presets (shipped and the user's), as a table or as JSON
// (docs/CLI.md). Problems with user preset files are warnings on stderr; the rest still lists.
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/cli_common.h"
#include "core/export/preset.h"

namespace postline::cli {

using Json = nlohmann::ordered_json;
using exporting::Preset;

namespace {

// A number as written in preset files: whole numbers without a fraction.
Json number(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) return static_cast<long long>(v);
  return v;
}

template <class T, class F>
Json orNull(const std::optional<T>& v, F convert) {
  return v ? Json(convert(*v)) : Json(nullptr);
}

// The preset in the file format's field names, plus where it came from.
Json describe(const Preset& p) {
  const auto& v = p.video;
  const auto fps = [](const time::Rational& r) { return r.den() == 1 ? Json(r.num()) : Json(r.toString()); };
  Json bitrate = v.maxMbps > 0.0 ? Json{{"min", number(v.minMbps)}, {"max", number(v.maxMbps)}} : Json(nullptr);
  Json video{{"codec", v.codec}, {"profile", v.profile}, {"speed", v.speed}, {"width", v.width}, {"height", v.height},
             {"fps", orNull(v.fps, fps)}, {"pix_fmt", v.pixFmt}, {"bitrate_mbps", bitrate},
             {"keyframe_interval_s", number(v.keyframeIntervalS)},
             {"color", {{"primaries", v.colorPrimaries}, {"transfer", v.colorTransfer}, {"matrix", v.colorMatrix},
                        {"range", v.colorRange}}}};
  Json audio{{"codec", p.audio.codec}, {"bitrate_kbps", p.audio.bitrateKbps}, {"sample_rate", p.audio.sampleRate},
             {"channels", p.audio.channels}};
  return Json{{"format", 1}, {"id", p.id}, {"name", p.name}, {"file_tag", p.fileTag}, {"container", p.container},
              {"faststart", p.faststart}, {"video", video}, {"audio", audio},
              {"loudness_lufs", orNull(p.loudnessLufs, number)}, {"true_peak_dbtp", number(p.truePeakDbtp)},
              {"max_duration_s", orNull(p.maxDurationS, number)},
              {"conform", p.conform == exporting::ConformMethod::Blend ? "blend" : "repeat"},
              {"user", p.user}, {"source", p.source.string()}};
}

std::string shortNumber(double v) {
  std::ostringstream s;
  s << v;  // 16, 8.5, -14
  return s.str();
}

// One table row: id, name, size, fps, codec, bitrate window, loudness, max duration.
std::vector<std::string> row(const Preset& p) {
  const auto& v = p.video;
  return {p.id + (p.user ? " (user)" : ""),
          p.name,
          v.width > 0 ? std::to_string(v.width) + "x" + std::to_string(v.height) : "sequence",
          v.fps ? v.fps->toString() : "sequence",
          v.codec + (v.profile.empty() ? "" : " " + v.profile) + " / " + p.audio.codec,
          v.maxMbps > 0.0 ? shortNumber(v.minMbps) + "-" + shortNumber(v.maxMbps) + " Mbps" : "-",
          p.loudnessLufs ? shortNumber(*p.loudnessLufs) + " LUFS" : "as mixed",
          p.maxDurationS ? shortNumber(*p.maxDurationS) + " s" : "-"};
}

void printTable(const std::vector<Preset>& presets) {
  std::vector<std::vector<std::string>> rows = {{"ID", "NAME", "SIZE", "FPS", "CODEC", "BITRATE", "LOUDNESS", "MAX"}};
  for (const Preset& p : presets) rows.push_back(row(p));
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  }
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) {
      line += r[c];
      if (c + 1 < r.size()) line += std::string(width[c] - r[c].size() + 2, ' ');
    }
    std::cout << line << "\n";
  }
}

}  // namespace

int runPresets(const Args& args) {
  if (!args.positional.empty()) return usageError("presets takes no arguments (only --json)");
  std::vector<std::string> problems;
  auto presets = exporting::loadPresets(&problems);
  for (const std::string& p : problems) std::cerr << "postline-cli: warning: " << p << "\n";
  if (!presets) return fail(presets.error());
  if (args.has("--json")) {
    Json all = Json::array();
    for (const Preset& p : presets.value()) all.push_back(describe(p));
    std::cout << all.dump(2) << "\n";
  } else {
    printTable(presets.value());
  }
  return kExitOk;
}

}  // namespace postline::cli
