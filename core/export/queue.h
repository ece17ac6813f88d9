#pragma once
// The export queue: each job is a separate `postline-cli export ...` process (crash isolation),
// read line by line for progress (docs/CLI.md "export": the lines it prints). Pause, resume,
// cancel and retry; a job that fails, is cancelled or dies never stops the others, and whatever
// it was writing is removed (its announced outputs' partial files). POSIX (fork/exec, signals).
// Final file names only appear by the job's own rename after a complete write, so the queue
// never deletes a final file: a job killed mid-write has none, and one whose verification failed
// after the rename keeps it (its report says so). One worker thread owns the processes.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace postline::exporting {

enum class QueueState { Queued, Running, Paused, Done, Failed, Cancelled };
const char* queueStateName(QueueState state);  // "queued", "running", "paused", "done", "failed", "cancelled"

struct JobSpec {
  std::string label;                   // what the user sees: "Reels 9:16"
  std::vector<std::string> argv;       // argv[0] is the program's path (postline-cli)
};

// One line of `postline-cli export` stdout, parsed.
struct ExportLine {
  enum class Kind { Output, Progress, Verified, Failed, Report, Other } kind = Kind::Other;
  std::string presetId;                // Output, Verified, Failed
  std::filesystem::path path;          // Output (final path), Report
  double percent = 0.0;                // Progress
  double fps = 0.0;
  double etaS = 0.0;
  bool pass = false;                   // Verified
  std::string message;                 // Failed; the whole line for Other
};
// "export: <preset-id> -> <path>", "progress: 12.5% 24.1 fps ETA 00:00:09",
// "verified: <preset-id> pass|FAIL ...", "failed: <preset-id>: <message>", "report: <path>".
ExportLine parseExportLine(const std::string& line);

struct QueueJob {
  int id = 0;
  JobSpec spec;
  QueueState state = QueueState::Queued;
  double percent = 0.0;
  double fps = 0.0;
  double etaS = 0.0;
  int attempts = 0;
  int exitCode = 0;                    // of the last attempt; -signal when it was killed
  std::vector<std::filesystem::path> outputs;  // announced by the job
  std::optional<std::filesystem::path> report;
  std::string error;                   // when it failed: its "failed:"/FAIL lines, the last lines of stderr, how it ended
  int pid = 0;                         // the running process (and its process group); 0 when none
};

class ExportQueue {
 public:
  // Runs up to `concurrency` jobs at a time, in the order added.
  explicit ExportQueue(int concurrency = 1);
  ~ExportQueue();  // cancels what runs and waits for it

  int add(JobSpec spec);               // returns the job id
  bool pause(int id);                  // SIGSTOP to a running job (false when it is not running)
  bool resume(int id);                 // SIGCONT
  // A queued job is dropped (Cancelled at once); a running or paused one gets SIGTERM (and
  // SIGCONT), then SIGKILL after 5 s, and stays Running until its process has gone.
  bool cancel(int id);
  bool retry(int id);                  // a failed or cancelled job is queued again, after the jobs queued now
  std::vector<QueueJob> jobs() const;
  std::optional<QueueJob> job(int id) const;
  // Called from the queue's thread, without the queue's lock held, with a copy of a job each
  // time it changes (progress lines included), in order. It may call the queue's methods, should
  // return quickly, and must not destroy the queue.
  void setListener(std::function<void(const QueueJob&)> listener);
  // True when nothing is queued, running or paused within `timeout`. The listener may still be
  // told of the last changes after it returns.
  bool waitIdle(std::chrono::milliseconds timeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace postline::exporting
