// postline-cli: headless entry point. Subcommands are documented in docs/CLI.md.
#include <cstring>
#include <iostream>
#include <string>

#include "app/cli/cli_common.h"
#include "core/base/version.h"

namespace {

constexpr const char* kHelp = R"(Usage: postline-cli COMMAND [ARGS]

Commands:
  new DIR|FILE            Create a project with the five standard bins and a default
                          sequence (1920x1080, 24 fps, Rec.709, V1 + A1-A5). DIR gets
                          DIR/<name>.postline; a FILE ending in .postline is used as is.
  info PROJECT [--json]   Print bins, media, sequences, tracks and clips with timecodes.
  demo DIR [--quick]      Render the demo media (Origin Coffee Commercial) into DIR/media
                          with libav, import it and cut it into DIR/<name>.postline.
                          --quick renders 320x180 and shorter takes (for tests).
  probe FILE... [--json]  Print what media files hold: container, duration, video (codec,
                          size, rotation, exact frame rate, frames, colour tags), audio,
                          warnings (truncated, ...) and a generator hint.

Options:
  --help                  Show this help.
  --version               Print the version.

Exit status: 0 success, 1 wrong arguments, 2 a file could not be read or written.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace postline::cli;
  if (argc < 2) return usageError("no command given");
  const std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kHelp;
    return kExitOk;
  }
  if (cmd == "--version") {
    std::cout << "postline-cli " << postline::base::kVersion << "\n";
    return kExitOk;
  }
  const Args args = parseArgs(argc, argv, 2);
  if (args.has("--help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (cmd == "new") return runNew(args);
  if (cmd == "info") return runInfo(args);
  if (cmd == "demo") return runDemo(args);
  if (cmd == "probe") return runProbe(args);
  return usageError("unknown command '" + cmd + "'");
}
