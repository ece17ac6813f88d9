// The lines `postline-cli export` prints (docs/CLI.md "export"), as the queue reads them, and the
// names of queue states.
#include <charconv>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "core/export/queue.h"

namespace postline::exporting {
namespace {

bool startsWith(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// A number at the front of `text` (locale-independent); advances `text` past it.
std::optional<double> takeNumber(std::string_view& text) {
  double value = 0.0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

bool takeLiteral(std::string_view& text, std::string_view literal) {
  if (text.substr(0, literal.size()) != literal) return false;
  text.remove_prefix(literal.size());
  return true;
}

// "HH:MM:SS" (hours may have more digits) in seconds.
std::optional<double> parseClock(std::string_view text) {
  double total = 0.0;
  for (int part = 0; part < 3; ++part) {
    auto value = takeNumber(text);
    if (!value || *value < 0) return std::nullopt;
    total = total * 60.0 + *value;
    if (part < 2 && !takeLiteral(text, ":")) return std::nullopt;
  }
  return text.empty() ? std::optional<double>(total) : std::nullopt;
}

// "12.5% 24.1 fps ETA 00:00:09": percent first, the rest when present.
bool parseProgress(std::string_view text, ExportLine& line) {
  auto percent = takeNumber(text);
  if (!percent || !takeLiteral(text, "%")) return false;
  line.percent = *percent;
  if (takeLiteral(text, " ")) {
    if (auto fps = takeNumber(text); fps && takeLiteral(text, " fps")) line.fps = *fps;
  }
  if (takeLiteral(text, " ETA ")) {
    if (auto eta = parseClock(text)) line.etaS = *eta;
  }
  return true;
}

}  // namespace

const char* queueStateName(QueueState state) {
  switch (state) {
    case QueueState::Queued: return "queued";
    case QueueState::Running: return "running";
    case QueueState::Paused: return "paused";
    case QueueState::Done: return "done";
    case QueueState::Failed: return "failed";
    case QueueState::Cancelled: return "cancelled";
  }
  return "unknown";
}

ExportLine parseExportLine(const std::string& text) {
  ExportLine line;
  line.message = text;
  if (startsWith(text, "export: ")) {
    std::size_t arrow = text.find(" -> ", 8);
    if (arrow == std::string::npos) return line;
    line.presetId = text.substr(8, arrow - 8);
    line.path = text.substr(arrow + 4);
    line.kind = ExportLine::Kind::Output;
  } else if (startsWith(text, "progress: ")) {
    if (parseProgress(std::string_view(text).substr(10), line)) line.kind = ExportLine::Kind::Progress;
  } else if (startsWith(text, "verified: ")) {
    std::size_t space = text.find(' ', 10);
    if (space == std::string::npos) return line;
    line.presetId = text.substr(10, space - 10);
    std::string verdict = text.substr(space + 1);
    line.pass = verdict == "pass" || startsWith(verdict, "pass ");
    if (!line.pass && !startsWith(verdict, "FAIL")) return line;
    line.message = verdict;
    line.kind = ExportLine::Kind::Verified;
  } else if (startsWith(text, "failed: ")) {
    std::size_t colon = text.find(": ", 8);
    if (colon == std::string::npos) return line;
    line.presetId = text.substr(8, colon - 8);
    line.message = text.substr(colon + 2);
    line.kind = ExportLine::Kind::Failed;
  } else if (startsWith(text, "report: ")) {
    line.path = text.substr(8);
    line.kind = ExportLine::Kind::Report;
  }
  return line;
}

}  // namespace postline::exporting
