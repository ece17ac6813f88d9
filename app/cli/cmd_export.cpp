// postline-cli export: one sequence delivered to one or more presets (docs/CLI.md "export").
// Its stdout lines are read by the export queue (core/export/queue.h parseExportLine).
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "app/cli/cli_common.h"
#include "core/export/export_job.h"
#include "core/export/preset.h"
#include "core/project/project_file.h"
#include "core/render/frame_plan.h"

namespace postline::cli {
namespace {

using base::ErrorCode;
using base::makeError;

std::atomic<bool> g_cancel{false};
extern "C" void onTerminate(int) { g_cancel.store(true); }

std::string clockText(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
  return buf;
}

// "--preset a --preset b,c" -> the presets a, b, c.
base::Result<std::vector<exporting::Preset>> chosenPresets(const Args& args) {
  std::vector<std::string> problems;
  PL_TRY_ASSIGN(all, exporting::loadPresets(&problems));
  for (const std::string& p : problems) std::cerr << "postline-cli: warning: " << p << "\n";
  std::vector<exporting::Preset> chosen;
  for (const std::string& value : args.values("--preset")) {
    std::stringstream list(value);
    for (std::string id; std::getline(list, id, ',');) {
      if (id.empty()) continue;
      PL_TRY_ASSIGN(p, exporting::findPreset(all, id));
      chosen.push_back(std::move(p));
    }
  }
  return chosen;
}

base::Result<exporting::ExportRequest> requestFrom(const Args& args, const std::string& file) {
  PL_TRY_ASSIGN(loaded, project::loadProject(file));
  exporting::ExportRequest req;
  req.project = std::make_shared<const model::Project>(std::move(loaded.project));
  PL_TRY_ASSIGN(seq, findSequence(*req.project, args.value("--sequence"), file));
  req.sequence = seq->id;
  const time::FrameCount length = render::sequenceLength(render::Snapshot{req.project, seq->id});
  PL_TRY_ASSIGN(range, parseRange(args.value("--range"), *seq, length));
  if (args.value("--range")) req.range = range;
  PL_TRY_ASSIGN(presets, chosenPresets(args));
  req.presets = std::move(presets);
  if (auto mode = args.value("--reframe")) {
    PL_TRY_ASSIGN(m, exporting::parseReframeMode(*mode));
    req.reframe = m;
  }
  if (auto c = args.value("--conform")) {
    if (*c != "repeat" && *c != "blend") return makeError(ErrorCode::InvalidArgument, "--conform '" + *c + "' is not repeat or blend");
    req.conform = *c == "blend" ? exporting::ConformMethod::Blend : exporting::ConformMethod::Repeat;
  }
  if (auto o = args.value("--over-limit")) {
    PL_TRY_ASSIGN(over, exporting::parseOverLimit(*o));
    req.overLimit = over;
  }
  const auto outDir = args.value("--out-dir");
  req.outDir = outDir ? std::filesystem::path(*outDir)
                      : std::filesystem::absolute(file).parent_path() / "05_Exports";
  req.baseName = exporting::fileNamePart(req.project->name);
  return req;
}

void printOutcome(const exporting::JobOutcome& j) {
  if (!j.sound.empty()) std::cerr << "postline-cli: " << j.presetId << ": " << j.sound << "\n";
  for (const std::string& w : j.warnings) std::cerr << "postline-cli: " << j.presetId << ": warning: " << w << "\n";
  if (j.status != exporting::JobStatus::Done) {
    std::cout << "failed: " << j.presetId << ": " << j.error << std::endl;
    return;
  }
  if (!j.verification) {
    std::cout << "verified: " << j.presetId << " FAIL (the output could not be probed)" << std::endl;
    return;
  }
  std::string failedNames;
  int failed = 0;
  for (const auto& c : j.verification->checks) {
    if (c.pass) continue;
    failedNames += (failed++ ? ", " : "") + c.name + " (" + c.measured + ", expected " + c.expected + ")";
  }
  const auto n = j.verification->checks.size();
  if (failed == 0) std::cout << "verified: " << j.presetId << " pass (" << n << " checks)" << std::endl;
  else std::cout << "verified: " << j.presetId << " FAIL (" << failed << " of " << n << " checks failed: " << failedNames << ")" << std::endl;
}

}  // namespace

int runExport(const Args& args) {
  if (args.positional.size() != 1 || args.values("--preset").empty()) {
    return usageError("export needs PROJECT and at least one --preset ID (postline-cli presets lists them)");
  }
  auto req = requestFrom(args, args.positional[0]);
  if (!req) return req.error().code == ErrorCode::InvalidArgument ? usageError(req.error().message) : fail(req.error());
  std::signal(SIGTERM, onTerminate);
  std::signal(SIGINT, onTerminate);
  std::signal(SIGXFSZ, SIG_IGN);  // a file size limit (or a full disk) fails that job's write, not the process
  exporting::ExportEvents ev;
  ev.started = [](const exporting::Preset& p, const std::filesystem::path& f) {
    std::cout << "export: " << p.id << " -> " << f.string() << std::endl;
  };
  ev.progress = [](double pct, double fps, double eta) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "progress: %.1f%% %.1f fps ETA %s", pct, fps, clockText(eta).c_str());
    std::cout << buf << std::endl;
  };
  ev.finished = printOutcome;
  ev.warning = [](const std::string& w) { std::cerr << "postline-cli: warning: " << w << "\n"; };
  ev.cancel = &g_cancel;
  auto result = exporting::runExport(req.value(), ev);
  if (!result) return fail(result.error());
  if (!result->reportFiles) {
    std::cerr << "postline-cli: " << result->reportError << "\n";
    return kExitFailed;
  }
  std::cout << "report: " << result->reportFiles->json.string() << std::endl;
  return result->allPassed() ? kExitOk : kExitDeliveryFailed;
}

}  // namespace postline::cli
