#pragma once
// The delivery report written after an export: one JSON file (a contract, docs/FORMAT.md
// "Delivery report") and one self-contained HTML page (thumbnails inline as data: URIs).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/export/verify.h"

namespace postline::exporting {

enum class JobStatus { Done, Failed, Cancelled };

// One preset's outcome.
struct JobOutcome {
  std::string presetId;
  std::string presetName;
  JobStatus status = JobStatus::Failed;
  std::filesystem::path output;       // the final file ("" when none was written)
  std::string error;                  // why it failed ("" when done)
  double elapsedS = 0.0;
  std::string conform;                // "none", "repeat 24->30", "blend 24->30"
  std::string reframe;                // "none", "auto 9x16", "centre 4x5", "letterbox 1x1"
  std::string sound;                  // how the mix was delivered: "mix -17.0 LUFS -> -14.0 LUFS (master +1.8 dB), ..."
  std::vector<std::string> warnings;
  std::optional<Verification> verification;  // absent when nothing was written
  std::vector<std::vector<std::uint8_t>> thumbnails;  // JPEG each
  // Done and verified.
  bool passed() const { return status == JobStatus::Done && verification && verification->pass; }
};

struct DeliveryReport {
  std::string project;                // project name
  std::string sequence;               // sequence name
  std::string range;                  // "00:00:00:00-00:00:04:00"
  std::string createdUtc;             // ISO 8601
  std::vector<JobOutcome> jobs;
};

struct ReportFiles {
  std::filesystem::path json;
  std::filesystem::path html;
};

// Writes `<dir>/<stem>.json` and `<dir>/<stem>.html` atomically (temporary file + rename).
// Io naming the file when the folder is not writable or the disk is full.
base::Result<ReportFiles> writeDeliveryReport(const DeliveryReport& report, const std::filesystem::path& dir,
                                              const std::string& stem);

// The JSON text of the report (what writeDeliveryReport writes), and the HTML page.
std::string reportJson(const DeliveryReport& report);
std::string reportHtml(const DeliveryReport& report);

const char* jobStatusName(JobStatus status);  // "done", "failed", "cancelled"

}  // namespace postline::exporting
