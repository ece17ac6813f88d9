#include "core/project/schema_upgrade.h"

#include <exception>

#include <nlohmann/json.hpp>

namespace postline::project {

using base::ErrorCode;
using base::makeError;

namespace {

const SchemaUpgrader* stepFrom(const UpgraderChain& chain, int version) {
  for (const SchemaUpgrader& s : chain) {
    if (s.fromVersion == version && s.upgrade) return &s;
  }
  return nullptr;
}

// Runs one step, turning any exception from the JSON library into a Parse error.
base::Result<void> runStep(const SchemaUpgrader& step, nlohmann::ordered_json& doc) {
  const std::string what = "upgrading from schema " + std::to_string(step.fromVersion) + " to " +
                           std::to_string(step.fromVersion + 1) + " failed: ";
  try {
    base::Result<void> r = step.upgrade(doc);
    if (!r.ok()) return makeError(r.error().code, what + r.error().message);
  } catch (const std::exception& e) {
    return makeError(ErrorCode::Parse, what + e.what());
  }
  return {};
}

using Json = nlohmann::ordered_json;

// Moves member `from` of `src` (when present) to `to` of `dst`.
void moveMember(Json& src, const char* from, Json& dst, const char* to) {
  auto it = src.find(from);
  if (it != src.end()) dst[to] = std::move(*it);
}

// Schema 1 clip grade {temperature, ..., lut_path, lut_mix} -> schema 2 {normalise, creative.lut}.
// Members are moved as found, so a malformed old grade is reported by the reader at its new path.
Json nestGrade1to2(Json& flat) {
  Json normalise = Json::object();
  for (const char* key : {"temperature", "tint", "exposure", "contrast", "pivot", "lift", "gamma", "gain", "offset",
                          "saturation"}) {
    moveMember(flat, key, normalise, key);
  }
  normalise["shadows"] = 0.0;
  normalise["midtones"] = 0.0;
  normalise["highlights"] = 0.0;
  Json graded = Json::object();
  graded["normalise"] = std::move(normalise);
  const auto path = flat.find("lut_path");
  const auto mix = flat.find("lut_mix");
  const bool noLut = path != flat.end() && path->is_string() && path->get_ref<const std::string&>().empty() &&
                     mix != flat.end() && mix->is_number() && mix->get<double>() == 1.0;
  if (!noLut) {
    Json lut = Json::object();
    if (path != flat.end()) lut["absolute_path"] = *path;  // schema 1 kept the path as the model had it
    moveMember(flat, "lut_path", lut, "path");
    moveMember(flat, "lut_mix", lut, "mix");
    graded["creative"] = Json{{"lut", std::move(lut)}};
  }
  return graded;
}

// Applies `fn` to every object element of array member `key` of `parent` (other shapes are left
// for the reader to report).
template <class Fn>
void forEachIn(Json& parent, const char* key, Fn fn) {
  if (!parent.is_object()) return;
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_array()) return;
  for (Json& item : *it) {
    if (item.is_object()) fn(item);
  }
}

base::Result<void> upgrade1to2(Json& doc) {
  forEachIn(doc, "sequences", [](Json& seq) {
    forEachIn(seq, "tracks", [](Json& track) {
      forEachIn(track, "clips", [](Json& clip) {
        auto grade = clip.find("grade");
        if (grade != clip.end() && grade->is_object()) *grade = nestGrade1to2(*grade);
      });
    });
  });
  return {};
}

// Schema 3 only adds media of kind "title" (with a `title` object): a schema 2 file is already schema 3.
base::Result<void> upgrade2to3(Json&) { return {}; }

// Schema 4 adds volume automation and the pitch choice to a clip's `audio` group (plus the
// optional track `mixer` and sequence `settings.mix` groups, absent = default).
base::Result<void> upgrade3to4(Json& doc) {
  forEachIn(doc, "sequences", [](Json& seq) {
    forEachIn(seq, "tracks", [](Json& track) {
      forEachIn(track, "clips", [](Json& clip) {
        auto audio = clip.find("audio");
        if (audio == clip.end() || !audio->is_object()) return;
        if (!audio->contains("volume")) (*audio)["volume"] = Json::array();
        if (!audio->contains("preserve_pitch")) (*audio)["preserve_pitch"] = true;
      });
    });
  });
  return {};
}

// Schema 5 only adds the optional clip member `reframe_keys` (absent = automatic reframing):
// a schema 4 file is already schema 5.
base::Result<void> upgrade4to5(Json&) { return {}; }

}  // namespace

const UpgraderChain& shippedUpgraders() {
  static const UpgraderChain chain = {
      {1, "clip grades moved into normalise and creative sections", upgrade1to2},
      {2, "title media items are supported (nothing to change)", upgrade2to3},
      {3, "clip audio gains volume automation and keeps its pitch when speed-changed", upgrade3to4},
      {4, "clips may hold reframing keys per delivery aspect (nothing to change)", upgrade4to5},
  };
  return chain;
}

base::Result<std::vector<std::string>> upgradeDocument(nlohmann::ordered_json& doc, int fromVersion,
                                                       int toVersion, const UpgraderChain& chain) {
  std::vector<std::string> applied;
  for (int v = fromVersion; v < toVersion; ++v) {
    const SchemaUpgrader* step = stepFrom(chain, v);
    if (step == nullptr) {
      return makeError(ErrorCode::Version, "schema " + std::to_string(fromVersion) +
                                               " cannot be upgraded (no upgrader from schema " + std::to_string(v) +
                                               "); this build reads schema " + std::to_string(toVersion));
    }
    PL_TRY(runStep(*step, doc));
    if (!doc.is_object()) return makeError(ErrorCode::Parse, "the upgrader from schema " + std::to_string(v) +
                                                                 " did not leave an object");
    doc["version"] = v + 1;
    applied.push_back("upgraded from schema " + std::to_string(v) + " to " + std::to_string(v + 1) +
                      (step->description.empty() ? "" : ": " + step->description));
  }
  return applied;
}

}  // namespace postline::project
