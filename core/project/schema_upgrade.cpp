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

}  // namespace

const UpgraderChain& shippedUpgraders() {
  // Schema 1 is the first; add {1, "...", fn} here when schema 2 arrives.
  static const UpgraderChain chain;
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
