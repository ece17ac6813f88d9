#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/model/project.h"

namespace postline::cli {

// Exit statuses of postline-cli (part of the documented contract, docs/CLI.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;      // wrong arguments
inline constexpr int kExitFailed = 2;     // a file could not be read, written or understood
inline constexpr int kExitDeliveryFailed = 3;  // export: a delivery failed, was cancelled or did not pass verification

// Command-line words after the subcommand, with flags (--json) separated from positionals.
// Options that take a value (--out FILE, see kValueOptions) keep it in `options`.
struct Args {
  std::vector<std::string> positional;
  std::vector<std::string> flags;
  std::map<std::string, std::string> options;
  bool has(const std::string& flag) const;
  // The value given to `option` ("--out"), or nullopt when the option is absent.
  std::optional<std::string> value(const std::string& option) const;
  // Every value given to a repeatable option ("--preset a --preset b"), in order.
  std::vector<std::string> values(const std::string& option) const;
  std::vector<std::pair<std::string, std::string>> repeated;  // (option, value) as given
};
Args parseArgs(int argc, char** argv, int first);

// Prints "postline-cli: <message>" to stderr and returns kExitFailed.
int fail(const base::Error& error);
// Prints "postline-cli: <message>\n<usage hint>" to stderr and returns kExitUsage.
int usageError(const std::string& message);

// The sequence named `name` in `project` (the first when no name is given); NotFound naming
// `projectFile` and the name otherwise.
base::Result<const model::Sequence*> findSequence(const model::Project& project, const std::optional<std::string>& name,
                                                  const std::string& projectFile);

// `text` as a finite number, or nullopt.
std::optional<double> parseNumber(const std::string& text);
// Reads option `name` ("--depth") into `out` when it is given; InvalidArgument naming the option
// when its value is not a finite number.
base::Result<void> readNumber(const Args& args, const std::string& name, double& out);

// "IN-OUT" as sequence timecodes (OUT excluded), or the whole [0, length) when absent.
base::Result<time::FrameRange> parseRange(const std::optional<std::string>& text, const model::Sequence& seq,
                                          time::FrameCount length);

// `v` with `decimals` digits after the point ("29.970").
std::string fixed(double v, int decimals);

// Where `postline-cli new ARG` puts the project: ARG itself when it ends in .postline,
// else ARG/<folder name>.postline.
std::filesystem::path projectFileFor(const std::filesystem::path& arg);

int runNew(const Args& args);
int runInfo(const Args& args);
int runDemo(const Args& args);
int runProbe(const Args& args);
int runRender(const Args& args);
int runFrame(const Args& args);
int runGrade(const Args& args);
int runMatch(const Args& args);
int runLook(const Args& args);
int runTitle(const Args& args);
int runMix(const Args& args);
int runLoudness(const Args& args);
int runExport(const Args& args);
int runPresets(const Args& args);
int runReframe(const Args& args);

}  // namespace postline::cli
