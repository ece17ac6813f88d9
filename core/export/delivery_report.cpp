// The delivery report's JSON (docs/FORMAT.md "Delivery report") and the writing of both files
// (base::writeFileAtomic). The HTML page is built in delivery_report_html.cpp.
#include "core/export/delivery_report.h"

#include <nlohmann/json.hpp>

#include "core/base/atomic_file.h"

namespace postline::exporting {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr int kReportVersion = 1;

// A number, or null for a missing (silence, no audio) reading.
Json optionalNumber(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json probeJson(const DeliveryProbe& p) {
  return Json{
      {"container", p.container},
      {"brand", p.brand},
      {"faststart", p.faststart},
      {"video_codec", p.videoCodec},
      {"video_profile", p.videoProfile},
      {"pix_fmt", p.pixFmt},
      {"width", p.width},
      {"height", p.height},
      {"sample_aspect", p.sampleAspect},
      {"fps", p.fps.toString()},
      {"fps_value", p.fps.toDouble()},
      {"frames", p.frames},
      {"indexed_frames", p.indexedFrames},
      {"truncated", p.truncated},
      {"video_mbps", p.videoMbps},
      {"color_primaries", p.colorPrimaries},
      {"color_transfer", p.colorTransfer},
      {"color_matrix", p.colorMatrix},
      {"color_range", p.colorRange},
      {"keyframe_interval", p.keyframeInterval},
      {"audio_codec", p.audioCodec},
      {"audio_profile", p.audioProfile},
      {"audio_sample_rate", p.audioSampleRate},
      {"audio_channels", p.audioChannels},
      {"audio_bits", p.audioBits},
      {"audio_kbps", p.audioKbps},
      {"duration_s", p.durationS},
      {"integrated_lufs", optionalNumber(p.integratedLufs)},
      {"true_peak_dbtp", optionalNumber(p.truePeakDbtp)},
  };
}

Json verificationJson(const Verification& v) {
  Json checks = Json::array();
  for (const Check& c : v.checks) {
    checks.push_back(Json{{"name", c.name}, {"expected", c.expected}, {"measured", c.measured}, {"pass", c.pass}});
  }
  return Json{{"pass", v.pass}, {"file", v.file.string()}, {"probe", probeJson(v.probe)}, {"checks", checks}};
}

Json jobJson(const JobOutcome& job) {
  return Json{
      {"preset_id", job.presetId},
      {"preset_name", job.presetName},
      {"status", jobStatusName(job.status)},
      {"passed", job.passed()},
      {"output", job.output.string()},
      {"output_name", job.output.filename().string()},
      {"error", job.error},
      {"elapsed_s", job.elapsedS},
      {"conform", job.conform},
      {"sound", job.sound},
      {"reframe", job.reframe},
      {"warnings", job.warnings},
      {"thumbnail_count", job.thumbnails.size()},
      {"verification", job.verification ? verificationJson(*job.verification) : Json(nullptr)},
  };
}

}  // namespace

const char* jobStatusName(JobStatus status) {
  switch (status) {
    case JobStatus::Done: return "done";
    case JobStatus::Failed: return "failed";
    case JobStatus::Cancelled: return "cancelled";
  }
  return "failed";
}

std::string reportJson(const DeliveryReport& report) {
  Json jobs = Json::array();
  bool passed = !report.jobs.empty();
  for (const JobOutcome& job : report.jobs) {
    jobs.push_back(jobJson(job));
    passed = passed && job.passed();
  }
  const Json doc{
      {"format", "postline-delivery-report"},
      {"version", kReportVersion},
      {"project", report.project},
      {"sequence", report.sequence},
      {"range", report.range},
      {"created_utc", report.createdUtc},
      {"passed", passed},
      {"jobs", jobs},
  };
  // File names need not be UTF-8: replace what is not rather than throw.
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

base::Result<ReportFiles> writeDeliveryReport(const DeliveryReport& report, const fs::path& dir, const std::string& stem) {
  if (stem.empty() || stem.find('/') != std::string::npos) {
    return base::makeError(base::ErrorCode::InvalidArgument, "delivery report: bad file name '" + stem + "'");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    return base::makeError(base::ErrorCode::Io, dir.string() + ": cannot create the report folder: " +
                                                    (ec ? ec.message() : std::string("not a folder")));
  }
  ReportFiles files{dir / (stem + ".json"), dir / (stem + ".html")};
  PL_TRY(base::writeFileAtomic(files.json, reportJson(report)));
  PL_TRY(base::writeFileAtomic(files.html, reportHtml(report)));
  return files;
}

}  // namespace postline::exporting
