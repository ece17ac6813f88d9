#pragma once
// A child process for the export queue (POSIX): started in its own process group (so a signal
// reaches whatever it started too), stdin from /dev/null, stdout and stderr piped back and read
// line by line without blocking, no other descriptor inherited. Never leaves a zombie or an
// orphan: whoever destroys a ChildProcess that still runs kills its group and reaps it.
// The parent never writes to the child, so it cannot receive SIGPIPE from it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace postline::exporting {

class ChildProcess {
 public:
  // Starts argv[0] (a path, or a name looked up in PATH) with argv. Errors: InvalidArgument
  // (empty argv), NotFound / Io (the program cannot be run: the message names it and why).
  static base::Result<std::unique_ptr<ChildProcess>> spawn(const std::vector<std::string>& argv);
  ~ChildProcess();  // SIGKILL to the group when it was not reaped yet, then reaps it
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The child's pid, which is also its process group id.
  int pid() const { return m_pid; }
  // Sends `sig` to the child's whole process group. False once the child was reaped (its pid
  // may belong to someone else by then) or when kill() fails.
  bool signal(int sig) const;

  // The pipe ends still open (stdout, stderr), for poll(); empty after both reached end of file.
  std::vector<int> openFds() const;
  // Reads whatever is available without blocking; complete lines (without "\n" or "\r\n") are
  // appended to outLines / errLines. At end of file an unterminated last line counts as a line.
  void readAvailable(std::vector<std::string>& outLines, std::vector<std::string>& errLines);
  // Closes both pipes (after the last readAvailable): the rest of the output is dropped.
  void closeOutput();

  // When the child has exited: kills what is left of its process group, reaps it and returns
  // its exit status (0-255), or -signal when a signal ended it. Without blocking; nullopt while
  // it runs (a stopped child counts as running). Repeats the same answer once reaped.
  std::optional<int> tryReap();

 private:
  struct Stream {
    int fd = -1;
    std::string pending;  // the bytes after the last newline
  };
  ChildProcess(int pid, int outFd, int errFd);
  void reap(int options);
  static void readStream(Stream& stream, std::vector<std::string>& lines);

  int m_pid = -1;
  Stream m_out;
  Stream m_err;
  std::optional<int> m_exit;  // set once reaped
};

}  // namespace postline::exporting
