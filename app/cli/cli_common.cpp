#include "app/cli/cli_common.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <set>

#include "core/project/project_file.h"
#include "core/time/timecode.h"

namespace postline::cli {

bool Args::has(const std::string& flag) const { return std::find(flags.begin(), flags.end(), flag) != flags.end(); }

std::optional<std::string> Args::value(const std::string& option) const {
  const auto it = options.find(option);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

namespace {
// Options followed by a value (docs/CLI.md).
const std::set<std::string> kValueOptions = {"--out", "--at", "--range", "--sequence", "--scopes", "--depth",
                                             "--lut", "--mix", "--preset", "--reference", "--text", "--duration",
                                             "--track", "--size", "--y", "--target", "--depth", "--attack",
                                             "--release", "--threshold", "--ratio", "--hold", "--fader", "--pan",
                                             "--out-dir", "--reframe", "--conform", "--over-limit", "--aspect",
                                             "--clip", "--x"};
}  // namespace

Args parseArgs(int argc, char** argv, int first) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string w = argv[i];
    if (kValueOptions.count(w) != 0) {
      a.options[w] = i + 1 < argc ? argv[++i] : "";
      a.repeated.emplace_back(w, a.options[w]);
    } else if (w.size() > 2 && w.rfind("--", 0) == 0) {
      a.flags.push_back(w);
    } else {
      a.positional.push_back(w);
    }
  }
  return a;
}

std::vector<std::string> Args::values(const std::string& option) const {
  std::vector<std::string> out;
  for (const auto& [name, v] : repeated) {
    if (name == option) out.push_back(v);
  }
  return out;
}

int fail(const base::Error& error) {
  std::cerr << "postline-cli: " << error.message << "\n";
  return kExitFailed;
}

int usageError(const std::string& message) {
  std::cerr << "postline-cli: " << message << "\nTry 'postline-cli --help'.\n";
  return kExitUsage;
}

base::Result<const model::Sequence*> findSequence(const model::Project& project, const std::optional<std::string>& name,
                                                  const std::string& projectFile) {
  for (const model::Sequence& s : project.sequences) {
    if (!name || s.name == *name) return &s;
  }
  return base::makeError(base::ErrorCode::NotFound,
                         projectFile + ": no sequence" + (name ? " named '" + *name + "'" : ""));
}

std::optional<double> parseNumber(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end == text.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

base::Result<void> readNumber(const Args& args, const std::string& name, double& out) {
  const auto v = args.value(name);
  if (!v) return {};
  const auto n = parseNumber(*v);
  if (!n) return base::makeError(base::ErrorCode::InvalidArgument, name + " '" + *v + "' is not a number");
  out = *n;
  return {};
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::filesystem::path projectFileFor(const std::filesystem::path& arg) {
  if (arg.extension() == project::kExtension) return arg;
  std::filesystem::path folder = arg;
  if (folder.filename().empty()) folder = folder.parent_path();  // "Demo/" -> "Demo"
  return folder / (folder.filename().string() + project::kExtension);
}

// "IN-OUT" as sequence timecodes (OUT excluded), or the whole sequence when absent.
base::Result<time::FrameRange> parseRange(const std::optional<std::string>& text, const model::Sequence& seq,
                                          time::FrameCount length) {
  const time::FramePos zero{0};
  if (!text) return time::FrameRange::fromDuration(zero, length);
  const auto dash = text->find('-');
  if (dash == std::string::npos) {
    return base::makeError(base::ErrorCode::InvalidArgument, "--range '" + *text + "' is not IN-OUT (e.g. 00:00:02:00-00:00:07:00)");
  }
  PL_TRY_ASSIGN(in, time::parseTimecode(text->substr(0, dash), seq.settings.frameRate));
  PL_TRY_ASSIGN(out, time::parseTimecode(text->substr(dash + 1), seq.settings.frameRate));
  if (!(in < out) || in < zero) {
    return base::makeError(base::ErrorCode::InvalidArgument, "--range '" + *text + "': IN must come before OUT");
  }
  return time::FrameRange{in, out};
}

}  // namespace postline::cli
