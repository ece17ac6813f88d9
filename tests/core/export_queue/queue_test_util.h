#pragma once
// Helpers for the export queue tests: a per-test folder, a /bin/sh stand-in for
// `postline-cli export` (same stdout lines, same partial-then-rename file handling), a JobSpec
// for the real binary, and polling waits (generous timeouts, nothing measured).
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/export/encoder.h"
#include "core/export/queue.h"

namespace postline::exporting::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Arguments: label out partial steps delay mode log.
// Modes: ok (rename, verify, exit 0), fail (exit 3 with "failed:" and stderr), failonce (fail the
// first time, ok after), hang (waits forever on a helper process), ignoreterm (hang, and ignore
// SIGTERM), noop (announce the output, never write it, exit 0).
inline constexpr const char* kFakeExport = R"SH(#!/bin/sh
label="$1"; out="$2"; partial="$3"; steps="$4"; delay="$5"; mode="$6"; log="$7"
echo "start $label" >> "$log"
echo "export: $label -> $out"
if [ "$mode" = failonce ]; then
  if [ -e "$out.tried" ]; then mode=ok; else : > "$out.tried"; mode=fail; fi
fi
[ "$mode" = ignoreterm ] && trap '' TERM
: > "$partial"
i=0
while [ "$i" -lt "$steps" ]; do
  i=$((i + 1))
  echo "frame $i" >> "$partial"
  left=$(( (steps - i) * 7 ))
  printf 'progress: %d.0%% 24.5 fps ETA %02d:%02d:%02d\n' $((i * 100 / steps)) $((left / 3600)) $((left % 3600 / 60)) $((left % 60))
  sleep "$delay"
done
case "$mode" in
  fail)
    echo "failed: $label: the encoder gave up"
    echo "x264 [error]: out of cheese" >&2
    echo "report: $out.report.json"
    echo "end $label" >> "$log"
    exit 3;;
  hang|ignoreterm)
    sleep 1000 &
    echo $! > "$out.helper"
    while :; do wait; sleep 1; done;;
  noop)
    echo "report: $out.report.json"
    exit 0;;
esac
mv "$partial" "$out"
echo "verified: $label pass"
echo "report: $out.report.json"
echo "end $label" >> "$log"
exit 0
)SH";

// The real postline-cli: POSTLINE_CLI when the test target defines it, else the build tree's.
inline fs::path postlineCli() {
#ifdef POSTLINE_CLI
  return POSTLINE_CLI;
#else
  return fs::path(POSTLINE_BINARY_DIR) / "app" / "postline-cli";
#endif
}

// A job running `<cli> export <args...>`, as the editor will queue it.
inline JobSpec cliExportJob(const fs::path& cli, const std::vector<std::string>& args, std::string label) {
  JobSpec spec{std::move(label), {cli.string(), "export"}};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  return spec;
}

// Polls `pred` every 10 ms for up to `timeout`.
template <class Pred>
bool waitUntil(Pred pred, std::chrono::milliseconds timeout = 30s) {
  auto end = std::chrono::steady_clock::now() + timeout;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

inline std::string readText(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

// True when no process `pid` runs: it does not exist, or it is a zombie that is no longer ours
// (a helper orphaned to init, which reaps it when it gets to it).
inline bool notRunning(int pid) {
  if (::kill(pid, 0) != 0 && errno == ESRCH) return true;
  std::string stat = readText("/proc/" + std::to_string(pid) + "/stat");
  std::size_t paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] == 'Z';
}

class ExportQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("postline_queue_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    std::ofstream(m_dir / "fake_export.sh") << kFakeExport;
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path out(const std::string& name) const { return m_dir / name; }
  fs::path log() const { return m_dir / "log.txt"; }

  // A job running the fake exporter that writes out(label + ".mp4") in `steps` steps.
  JobSpec fakeJob(const std::string& label, int steps, const std::string& delay, const std::string& mode = "ok") const {
    fs::path output = out(label + ".mp4");
    return JobSpec{label, {"/bin/sh", (m_dir / "fake_export.sh").string(), label, output.string(),
                           partialPathFor(output).string(), std::to_string(steps), delay, mode, log().string()}};
  }

  fs::path m_dir;
};

}  // namespace postline::exporting::testing
