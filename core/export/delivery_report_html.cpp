// reportHtml (core/export/delivery_report.h): one self-contained page, readable offline and safe
// to mail: inline CSS, thumbnails as data: URIs, every text escaped, no external resource.
#include <cstdio>

#include "core/export/delivery_report.h"

namespace postline::exporting {

namespace {

const char* const kStyle = R"(
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1b1b1b; background: #fafafa; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 8px; }
.meta { color: #555; margin: 0 0 16px; }
.summary { font-weight: 600; padding: 6px 10px; display: inline-block; border-radius: 4px; }
.job { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 14px 16px; margin: 16px 0; }
.badge { font-size: 12px; padding: 2px 8px; border-radius: 10px; margin-left: 8px; vertical-align: middle; }
.pass { background: #dff3e2; color: #14632a; }
.fail { background: #fbe0e0; color: #8a1616; }
.other { background: #eee; color: #444; }
.strip { display: flex; gap: 4px; overflow-x: auto; margin: 8px 0 12px; }
.strip img { height: 90px; border-radius: 2px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; }
table.checks td, table.checks th { border-bottom: 1px solid #eee; padding-left: 6px; }
td.result { font-weight: 600; }
.error { color: #8a1616; font-weight: 600; }
.warnings { color: #7a5200; }
)";

// Text for an HTML element or a double-quoted attribute.
std::string esc(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
  static const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t v = static_cast<std::uint32_t>(bytes[i]) << 16;
    if (n > 1) v |= static_cast<std::uint32_t>(bytes[i + 1]) << 8;
    if (n > 2) v |= bytes[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += n > 1 ? kAlphabet[(v >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[v & 63] : '=';
  }
  return out;
}

std::string num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// The badge of a job: its status, and for a finished one whether it passed verification.
std::string badge(const JobOutcome& job) {
  if (job.status == JobStatus::Done && !job.verification) return R"(<span class="badge other">done, not verified</span>)";
  if (job.status == JobStatus::Done) {
    return job.passed() ? R"(<span class="badge pass">passed</span>)" : R"(<span class="badge fail">failed verification</span>)";
  }
  if (job.status == JobStatus::Cancelled) return R"(<span class="badge other">cancelled</span>)";
  return R"(<span class="badge fail">failed</span>)";
}

void row(std::string& html, const std::string& label, const std::string& value) {
  html += "<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>\n";
}

std::string videoFigures(const DeliveryProbe& p) {
  std::string s = p.videoCodec.empty() ? "none" : p.videoCodec;
  if (!p.videoProfile.empty()) s += " " + p.videoProfile;
  s += " \u00b7 " + std::to_string(p.width) + "x" + std::to_string(p.height) + " \u00b7 " + p.fps.toString() + " fps";
  s += " \u00b7 " + num(p.videoMbps, 2) + " Mbit/s \u00b7 " + p.pixFmt;
  s += " \u00b7 " + p.colorPrimaries + "/" + p.colorTransfer + "/" + p.colorMatrix + " " + p.colorRange;
  return s + " \u00b7 keyframes every " + std::to_string(p.keyframeInterval) + " frames at most";
}

std::string audioFigures(const DeliveryProbe& p) {
  if (p.audioCodec.empty()) return "none";
  std::string s = p.audioCodec;
  if (!p.audioProfile.empty()) s += " " + p.audioProfile;
  s += " \u00b7 " + std::to_string(p.audioSampleRate) + " Hz \u00b7 " + std::to_string(p.audioChannels) + " ch";
  if (p.audioBits > 0) s += " \u00b7 " + std::to_string(p.audioBits) + "-bit";
  return s + " \u00b7 " + num(p.audioKbps, 0) + " kbit/s";
}

std::string loudnessFigures(const DeliveryProbe& p) {
  const std::string lufs = p.integratedLufs ? num(*p.integratedLufs, 1) + " LUFS integrated" : "no programme loudness (silence or no audio)";
  const std::string peak = p.truePeakDbtp ? num(*p.truePeakDbtp, 1) + " dBTP true peak" : "no peak";
  return lufs + " \u00b7 " + peak;
}

void figures(std::string& html, const JobOutcome& job) {
  html += "<table class=\"figures\">\n";
  if (job.verification) {
    const DeliveryProbe& p = job.verification->probe;
    row(html, "Video", videoFigures(p));
    row(html, "Audio", audioFigures(p));
    row(html, "Loudness", loudnessFigures(p));
    row(html, "Duration", num(p.durationS, 3) + " s \u00b7 " + std::to_string(p.frames) + " frames");
    row(html, "Container", deliveredContainer(p) + (p.faststart ? " \u00b7 faststart" : " \u00b7 index at the end"));
  }
  if (!job.conform.empty()) row(html, "Frame rate conform", job.conform);
  if (!job.sound.empty()) row(html, "Sound", job.sound);
  if (!job.reframe.empty()) row(html, "Reframe", job.reframe);
  row(html, "Elapsed", num(job.elapsedS, 1) + " s");
  html += "</table>\n";
}

void checksTable(std::string& html, const Verification& v) {
  html += "<table class=\"checks\">\n<tr><th>Check</th><th>Expected</th><th>Measured</th><th>Result</th></tr>\n";
  for (const Check& c : v.checks) {
    const char* cls = c.pass ? "pass" : "fail";
    html += "<tr class=\"" + std::string(cls) + "\"><td>" + esc(c.name) + "</td><td>" + esc(c.expected) + "</td><td>" +
            esc(c.measured) + "</td><td class=\"result\">" + (c.pass ? "pass" : "FAIL") + "</td></tr>\n";
  }
  html += "</table>\n";
}

void jobSection(std::string& html, const JobOutcome& job) {
  html += "<section class=\"job\">\n<h2>" + esc(job.presetName.empty() ? job.presetId : job.presetName) + badge(job) +
          "</h2>\n";
  if (!job.output.empty()) html += "<p>File: <b>" + esc(job.output.filename().string()) + "</b></p>\n";
  if (!job.error.empty()) html += "<p class=\"error\">Error: " + esc(job.error) + "</p>\n";
  if (!job.thumbnails.empty()) {
    html += "<div class=\"strip\">";
    for (std::size_t i = 0; i < job.thumbnails.size(); ++i) {
      html += "<img alt=\"frame " + std::to_string(i + 1) + "\" src=\"data:image/jpeg;base64," + base64(job.thumbnails[i]) + "\">";
    }
    html += "</div>\n";
  }
  figures(html, job);
  if (job.verification) checksTable(html, *job.verification);
  if (!job.warnings.empty()) {
    html += "<ul class=\"warnings\">\n";
    for (const std::string& w : job.warnings) html += "<li>" + esc(w) + "</li>\n";
    html += "</ul>\n";
  }
  html += "</section>\n";
}

}  // namespace

std::string reportHtml(const DeliveryReport& report) {
  std::size_t passed = 0;
  for (const JobOutcome& job : report.jobs) passed += job.passed() ? 1 : 0;
  const bool all = passed == report.jobs.size() && !report.jobs.empty();
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Delivery report \u2014 " +
                     esc(report.project) + " / " + esc(report.sequence) + "</title>\n<style>" + kStyle +
                     "</style>\n</head>\n<body>\n<h1>Delivery report</h1>\n";
  html += "<p class=\"meta\">Project <b>" + esc(report.project) + "</b> \u00b7 Sequence <b>" + esc(report.sequence) +
          "</b> \u00b7 Range " + esc(report.range) + " \u00b7 Created " + esc(report.createdUtc) + "</p>\n";
  html += "<p class=\"summary " + std::string(all ? "pass" : "fail") + "\">" + std::to_string(passed) + " of " +
          std::to_string(report.jobs.size()) + " deliveries passed</p>\n";
  for (const JobOutcome& job : report.jobs) jobSection(html, job);
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace postline::exporting
