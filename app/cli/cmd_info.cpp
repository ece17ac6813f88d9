// postline-cli info: one description of a project, printed as text or as JSON (docs/CLI.md).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "core/model/clip_timing.h"
#include "core/project/autosave.h"
#include "core/project/project_file.h"
#include "core/time/convert.h"
#include "core/time/timecode.h"

namespace postline::cli {

using nlohmann::ordered_json;

namespace {

std::string tc(time::FramePos f, const time::FrameRate& rate) { return time::formatTimecode(f, rate); }

ordered_json describeClip(const model::Project& p, const model::Sequence& s, const model::Clip& c) {
  const auto& rate = s.settings.frameRate;
  ordered_json j{{"id", c.id.value}, {"name", c.name}, {"media", c.media.value},
                 {"start", c.start.value}, {"end", c.end().value},
                 {"start_tc", tc(c.start, rate)}, {"end_tc", tc(c.end(), rate)},
                 {"source_in", c.sourceIn}, {"speed", c.speed.toString()},
                 {"reverse", c.reverse}, {"freeze", c.freeze}, {"enabled", c.enabled}, {"link_group", c.linkGroup}};
  if (const model::MediaItem* m = p.findMedia(c.media)) {
    auto in = time::ticksToFrames(c.sourceIn, m->info.timeBase, rate);
    j["source_in_tc"] = in.ok() ? tc(in.value(), rate) : "";
  }
  return j;
}

ordered_json describeSequence(const model::Project& p, const model::Sequence& s) {
  const auto& st = s.settings;
  ordered_json j{{"id", s.id.value}, {"name", s.name}, {"width", st.width}, {"height", st.height},
                 {"frame_rate", st.frameRate.toString()}, {"color_space", model::colorSpaceName(st.colorSpace)},
                 {"sample_rate", st.sampleRate}, {"duration_frames", s.end().value},
                 {"duration_tc", tc(s.end(), st.frameRate)}, {"tracks", ordered_json::array()},
                 {"transitions", ordered_json::array()}, {"markers", ordered_json::array()}};
  for (const model::Track& t : s.tracks) {
    ordered_json tj{{"id", t.id.value}, {"name", t.name}, {"kind", model::trackKindName(t.kind)},
                    {"role", model::audioRoleName(t.role)}, {"clips", ordered_json::array()}};
    for (const model::Clip& c : t.clips) tj["clips"].push_back(describeClip(p, s, c));
    j["tracks"].push_back(tj);
  }
  for (const model::Transition& t : s.transitions) {
    const model::Clip* right = s.findClip(t.right);
    const time::FramePos cut = right ? right->start : time::FramePos{0};
    j["transitions"].push_back({{"id", t.id.value}, {"left", t.left.value}, {"right", t.right.value},
                                {"kind", t.kind == model::TransitionKind::CrossDissolve ? "cross_dissolve" : "audio_crossfade"},
                                {"duration", t.duration.value}, {"cut", cut.value}, {"cut_tc", tc(cut, st.frameRate)}});
  }
  for (const model::Marker& m : s.markers) {
    j["markers"].push_back({{"id", m.id.value}, {"name", m.name}, {"position", m.position.value},
                            {"position_tc", tc(m.position, st.frameRate)}});
  }
  return j;
}

ordered_json describeMedia(const model::MediaItem& m, bool missing) {
  const double seconds = m.info.still ? 0.0 : static_cast<double>(m.info.duration) * m.info.timeBase.toDouble();
  return {{"id", m.id.value}, {"name", m.name}, {"path", m.path}, {"kind", model::mediaKindName(m.kind)},
          {"duration_s", seconds}, {"has_audio", m.info.hasAudio},
          {"shot", m.shot}, {"take", m.take}, {"rating", m.rating}, {"width", m.info.width},
          {"height", m.info.height}, {"frame_rate", m.info.frameRate.toString()},
          {"variable_frame_rate", m.info.variableFrameRate}, {"missing", missing}};
}

ordered_json describe(const project::LoadReport& r, const std::string& file) {
  const model::Project& p = r.project;
  ordered_json j{{"file", file}, {"name", p.name}, {"schema_version", r.fileVersion},
                 {"bins", ordered_json::array()}, {"sequences", ordered_json::array()},
                 {"missing_media", ordered_json::array()}, {"warnings", r.warnings}};
  for (const model::Bin& b : p.bins) {
    ordered_json bj{{"id", b.id.value}, {"name", b.name}, {"parent", b.parent.value}, {"items", ordered_json::array()}};
    for (model::MediaId id : b.items) {
      const bool missing = std::find(r.missingMedia.begin(), r.missingMedia.end(), id) != r.missingMedia.end();
      if (const model::MediaItem* m = p.findMedia(id)) bj["items"].push_back(describeMedia(*m, missing));
    }
    j["bins"].push_back(bj);
  }
  for (const model::Sequence& s : p.sequences) j["sequences"].push_back(describeSequence(p, s));
  for (model::MediaId id : r.missingMedia) j["missing_media"].push_back(p.findMedia(id)->path);
  const auto offer = project::checkRecovery(file);
  j["recovery"] = offer ? ordered_json{{"autosave", offer->autosaveFile.string()}} : ordered_json(nullptr);
  return j;
}

// "  90% speed" for anything but 100 %; empty at normal speed.
std::string speedText(const std::string& rational) {
  const auto r = time::Rational::parse(rational);
  if (!r.ok() || r.value() == time::Rational(1)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "  %g%% speed", r->toDouble() * 100.0);  // 90% rather than 90.00%
  return buf;
}

void printText(const ordered_json& j) {
  std::cout << "Project " << j["name"].get<std::string>() << "  (" << j["file"].get<std::string>() << ", schema "
            << j["schema_version"] << ")\n\nBins\n";
  for (const auto& b : j["bins"]) {
    std::cout << "  " << b["name"].get<std::string>() << "  (" << b["items"].size() << " items)\n";
    for (const auto& m : b["items"]) {
      std::cout << "    " << m["name"].get<std::string>() << "  " << m["kind"].get<std::string>();
      if (m["width"].get<int>() > 0) std::cout << " " << m["width"] << "x" << m["height"];
      if (m["frame_rate"] != "0") std::cout << " " << m["frame_rate"].get<std::string>() << " fps";
      if (m["duration_s"].get<double>() > 0) std::cout << " " << fixed(m["duration_s"].get<double>(), 2) << " s";
      if (m["kind"] == "video" && m["has_audio"].get<bool>()) std::cout << " +audio";
      if (m["shot"].get<int>() > 0) std::cout << "  shot " << m["shot"] << " take " << m["take"];
      if (m["rating"].get<int>() > 0) std::cout << "  " << std::string(m["rating"].get<std::size_t>(), '*');
      std::cout << (m["missing"].get<bool>() ? "  [MISSING]" : "") << "\n";
    }
  }
  for (const auto& s : j["sequences"]) {
    std::cout << "\nSequence " << s["name"].get<std::string>() << "  " << s["width"] << "x" << s["height"] << " "
              << s["frame_rate"].get<std::string>() << " fps " << s["color_space"].get<std::string>() << " "
              << s["sample_rate"] << " Hz  duration " << s["duration_tc"].get<std::string>() << "\n";
    for (const auto& t : s["tracks"]) {
      std::cout << "  " << t["name"].get<std::string>() << " " << t["kind"].get<std::string>();
      if (t["role"] != "none") std::cout << " (" << t["role"].get<std::string>() << ")";
      std::cout << "  " << t["clips"].size() << " clips\n";
      for (const auto& c : t["clips"]) {
        std::cout << "    " << c["start_tc"].get<std::string>() << " - " << c["end_tc"].get<std::string>() << "  "
                  << c["name"].get<std::string>() << speedText(c["speed"].get<std::string>())
                  << (c["reverse"].get<bool>() ? "  reversed" : "") << (c["freeze"].get<bool>() ? "  freeze" : "") << "\n";
      }
    }
    for (const auto& m : s["markers"]) {
      std::cout << "  marker " << m["position_tc"].get<std::string>() << "  " << m["name"].get<std::string>() << "\n";
    }
    for (const auto& t : s["transitions"]) {
      std::cout << "  " << t["kind"].get<std::string>() << " " << t["duration"] << " frames at the cut "
                << t["cut_tc"].get<std::string>() << "\n";
    }
  }
  for (const auto& m : j["missing_media"]) std::cout << "\nMissing media: " << m.get<std::string>() << "\n";
  for (const auto& w : j["warnings"]) std::cout << "Warning: " << w.get<std::string>() << "\n";
  if (!j["recovery"].is_null()) {
    std::cout << "\nRecovery: an autosave newer than this project exists: "
              << j["recovery"]["autosave"].get<std::string>() << "\n";
  }
}

}  // namespace

int runInfo(const Args& args) {
  if (args.positional.size() != 1) return usageError("'info' takes one PROJECT file");
  auto loaded = project::loadProject(args.positional[0]);
  if (!loaded.ok()) return fail(loaded.error());
  const ordered_json j = describe(loaded.value(), args.positional[0]);
  if (args.has("--json")) std::cout << j.dump(2) << "\n";
  else printText(j);
  return kExitOk;
}

}  // namespace postline::cli
