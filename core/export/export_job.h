#pragma once
// One export run: a sequence (or a range of it) delivered to one or more presets. Render once,
// encode many: every distinct render geometry (size + reframe window) is drawn once per sequence
// frame and feeds every encoder that needs it, each on its own thread; frame-rate conform picks
// (or blends) rendered frames per encoder; each distinct loudness target gets its own mix. Each
// output is written under a temporary name, renamed on success, then probed and verified against
// its preset; a failure of one preset never stops the others. docs/ARCHITECTURE.md "Export".
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/export/delivery_report.h"
#include "core/export/preset.h"
#include "core/export/reframe.h"
#include "core/model/project.h"
#include "core/time/time_range.h"

namespace postline::exporting {

// What to do with a range longer than a preset's platform limit.
enum class OverLimit {
  Refuse,  // the job fails before it starts, saying how to go on (the default)
  Export,  // deliver it whole anyway (the report warns)
  Trim,    // deliver the first maxDuration seconds
};
base::Result<OverLimit> parseOverLimit(const std::string& name);  // "refuse", "export", "trim"

struct ExportRequest {
  std::shared_ptr<const model::Project> project;
  model::SequenceId sequence;
  std::vector<Preset> presets;
  std::optional<time::FrameRange> range;        // sequence frames; nullopt = the whole sequence
  ReframeMode reframe = ReframeMode::Auto;      // for deliveries of another aspect
  std::optional<ConformMethod> conform;         // overrides each preset's method
  OverLimit overLimit = OverLimit::Refuse;
  std::filesystem::path outDir;                 // created when missing
  std::string baseName;                         // "Origin_Coffee": first part of every file name
};

// What an export tells its caller while it runs (any may be empty). Called on the calling thread.
struct ExportEvents {
  std::function<void(const Preset&, const std::filesystem::path&)> started;   // final path announced
  std::function<void(double percent, double fps, double etaS)> progress;
  std::function<void(const JobOutcome&)> finished;                              // verified (or failed)
  std::function<void(const std::string&)> warning;
  const std::atomic<bool>* cancel = nullptr;    // set -> every unfinished job ends Cancelled
};

// Runs the export. Errors only for what stops every job before it starts (no presets, an unknown
// sequence, no OpenGL, an empty range); a preset that fails is a failed JobOutcome in the report.
// The report files (json + html) are written to outDir; their paths are in `reportFiles`.
struct ExportResult {
  DeliveryReport report;
  std::optional<ReportFiles> reportFiles;
  std::string reportError;                      // why the report could not be written
  bool allPassed() const;
};
base::Result<ExportResult> runExport(const ExportRequest& request, const ExportEvents& events = {});

// "Origin Coffee Commercial" -> "Origin_Coffee_Commercial": letters, digits, '-' and '_' kept,
// runs of anything else become one '_'.
std::string fileNamePart(const std::string& text);
// The next free version in `dir` for names "<baseName>_*_vNNN.*": 1 + the highest there (1 when none).
int nextVersion(const std::filesystem::path& dir, const std::string& baseName);
// "<baseName>_<fileTag>_v003.<container>"
std::string deliveryFileName(const std::string& baseName, const Preset& preset, int version);

}  // namespace postline::exporting
