// The delivery report's JSON (docs/FORMAT.md "Delivery report") and the atomic writing of both
// files. The HTML page is built in delivery_report_html.cpp.
#include "core/export/delivery_report.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

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

base::Error ioError(const fs::path& file, const std::string& what, int err) {
  return base::makeError(base::ErrorCode::Io, file.string() + ": " + what + ": " + std::strerror(err));
}

base::Result<void> writeAll(int fd, const std::string& text, const fs::path& file) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return ioError(file, "cannot write the report", n < 0 ? errno : EIO);
    done += static_cast<std::size_t>(n);
  }
  return {};
}

// Writes `text` to a unique temporary file beside `file`, fsyncs it and renames it over `file`:
// a reader sees the old report or the new one, never half of one. Io errors name `file`.
base::Result<void> writeAtomically(const fs::path& file, const std::string& text) {
  static std::atomic<unsigned> counter{0};
  const fs::path temp = file.parent_path() / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                                              "-" + std::to_string(counter.fetch_add(1)));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ioError(file, "cannot create a file in " + file.parent_path().string(), errno);
  base::Result<void> written = writeAll(fd, text, file);
  if (written.ok() && ::fsync(fd) != 0) written = ioError(file, "cannot flush the report to disk", errno);
  if (::close(fd) != 0 && written.ok()) written = ioError(file, "cannot close the report", errno);
  if (written.ok() && ::rename(temp.c_str(), file.c_str()) != 0) written = ioError(file, "cannot replace the report", errno);
  if (!written.ok()) ::unlink(temp.c_str());
  return written;
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
  PL_TRY(writeAtomically(files.json, reportJson(report)));
  PL_TRY(writeAtomically(files.html, reportHtml(report)));
  return files;
}

}  // namespace postline::exporting
