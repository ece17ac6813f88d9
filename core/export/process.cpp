#include "core/export/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace postline::exporting {
namespace {

// Longer lines are cut into pieces so a child that never prints "\n" cannot grow memory forever.
constexpr std::size_t kMaxLine = 64 * 1024;

void closeFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Marks every descriptor from 3 up, except `keep`, to be closed: the child must not hold other
// jobs' pipes (their end of file would never come) or the editor's files.
void closeOtherFds(int keep) {
  if (::close_range(3, static_cast<unsigned>(keep) - 1, 0) == 0 &&
      ::close_range(static_cast<unsigned>(keep) + 1, ~0U, 0) == 0)
    return;
  rlimit limit{};  // kernels before 5.9 have no close_range
  int top = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 65536 ? static_cast<int>(limit.rlim_cur) : 65536;
  for (int fd = 3; fd < top; ++fd)
    if (fd != keep) ::close(fd);
}

// In the forked child: only async-signal-safe calls until exec. On failure the errno goes to
// the parent through `statusFd` (close-on-exec, so a successful exec sends nothing).
[[noreturn]] void runChild(char* const* argv, int outFd, int errFd, int statusFd) {
  ::setpgid(0, 0);
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  // Ignored signals survive exec: the child must die of SIGPIPE and SIGTERM like any program.
  for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCHLD}) ::sigaction(sig, &dfl, nullptr);
  int devNull = ::open("/dev/null", O_RDONLY);
  if (devNull < 0 || ::dup2(devNull, 0) < 0 || ::dup2(outFd, 1) < 0 || ::dup2(errFd, 2) < 0) {
    int err = errno;
    (void)!::write(statusFd, &err, sizeof err);
    ::_exit(127);
  }
  closeOtherFds(statusFd);
  ::execvp(argv[0], argv);
  int err = errno;
  (void)!::write(statusFd, &err, sizeof err);
  ::_exit(127);
}

base::Result<void> makePipe(int fds[2], const char* what) {
  if (::pipe2(fds, O_CLOEXEC) == 0) return {};
  return base::makeError(base::ErrorCode::Io, std::string("export queue: cannot create a pipe for ") + what + ": " +
                                                  std::strerror(errno));
}

// Reads the exec status pipe: 0 bytes = exec succeeded, an int = the errno of the failure.
int readExecErrno(int fd) {
  int err = 0;
  ssize_t n;
  do {
    n = ::read(fd, &err, sizeof err);
  } while (n < 0 && errno == EINTR);
  return n == static_cast<ssize_t>(sizeof err) ? err : 0;
}

}  // namespace

base::Result<std::unique_ptr<ChildProcess>> ChildProcess::spawn(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0].empty())
    return base::makeError(base::ErrorCode::InvalidArgument, "export queue: a job needs a program to run (argv is empty)");
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  int out[2], err[2], status[2];
  PL_TRY(makePipe(out, "stdout"));
  if (auto made = makePipe(err, "stderr"); !made) {
    ::close(out[0]), ::close(out[1]);
    return made.error();
  }
  if (auto made = makePipe(status, "the exec status"); !made) {
    ::close(out[0]), ::close(out[1]), ::close(err[0]), ::close(err[1]);
    return made.error();
  }
  pid_t pid = ::fork();
  if (pid == 0) runChild(args.data(), out[1], err[1], status[1]);
  int forkErrno = errno;
  ::close(out[1]), ::close(err[1]), ::close(status[1]);
  if (pid < 0) {
    ::close(out[0]), ::close(err[0]), ::close(status[0]);
    return base::makeError(base::ErrorCode::Io, "export queue: cannot start " + argv[0] + ": " + std::strerror(forkErrno));
  }
  ::setpgid(pid, pid);  // also here, so no signal can be sent to the group before it exists
  std::unique_ptr<ChildProcess> child(new ChildProcess(pid, out[0], err[0]));
  int execErrno = readExecErrno(status[0]);
  ::close(status[0]);
  if (execErrno != 0) {
    child->reap(0);  // it already called _exit
    return base::makeError(execErrno == ENOENT ? base::ErrorCode::NotFound : base::ErrorCode::Io,
                           argv[0] + ": cannot run: " + std::strerror(execErrno));
  }
  return child;
}

ChildProcess::ChildProcess(int pid, int outFd, int errFd) : m_pid(pid) {
  m_out.fd = outFd;
  m_err.fd = errFd;
  ::fcntl(outFd, F_SETFL, ::fcntl(outFd, F_GETFL) | O_NONBLOCK);
  ::fcntl(errFd, F_SETFL, ::fcntl(errFd, F_GETFL) | O_NONBLOCK);
}

ChildProcess::~ChildProcess() {
  if (!m_exit) {
    ::kill(-m_pid, SIGKILL);
    reap(0);
  }
  closeOutput();
}

bool ChildProcess::signal(int sig) const { return !m_exit && ::kill(-m_pid, sig) == 0; }

std::vector<int> ChildProcess::openFds() const {
  std::vector<int> fds;
  if (m_out.fd >= 0) fds.push_back(m_out.fd);
  if (m_err.fd >= 0) fds.push_back(m_err.fd);
  return fds;
}

void ChildProcess::readStream(Stream& stream, std::vector<std::string>& lines) {
  char buffer[4096];
  // Bounded, so one chatty child cannot keep the queue from its other work.
  for (int round = 0; round < 64 && stream.fd >= 0; ++round) {
    ssize_t n = ::read(stream.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (n <= 0) {  // end of file, or an error that will not go away
      closeFd(stream.fd);
      if (!stream.pending.empty()) lines.push_back(std::move(stream.pending));
      stream.pending.clear();
      return;
    }
    for (ssize_t i = 0; i < n; ++i) {
      if (buffer[i] != '\n') {
        stream.pending.push_back(buffer[i]);
        if (stream.pending.size() < kMaxLine) continue;
      } else if (!stream.pending.empty() && stream.pending.back() == '\r') {
        stream.pending.pop_back();
      }
      lines.push_back(std::move(stream.pending));
      stream.pending.clear();
    }
  }
}

void ChildProcess::readAvailable(std::vector<std::string>& outLines, std::vector<std::string>& errLines) {
  readStream(m_out, outLines);
  readStream(m_err, errLines);
}

void ChildProcess::closeOutput() {
  closeFd(m_out.fd);
  closeFd(m_err.fd);
}

void ChildProcess::reap(int options) {
  int status = 0;
  pid_t got;
  do {
    got = ::waitpid(m_pid, &status, options);
  } while (got < 0 && errno == EINTR);
  if (got != m_pid) return;
  m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? -WTERMSIG(status) : -1;
}

std::optional<int> ChildProcess::tryReap() {
  if (m_exit) return m_exit;
  siginfo_t info{};
  // WNOWAIT leaves the child a zombie for now: while it is one, its pid (the group id) cannot be
  // reused, so killing the group below cannot hit a stranger.
  if (::waitid(P_PID, static_cast<id_t>(m_pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
    if (errno != ECHILD) return std::nullopt;
    m_exit = -1;  // reaped behind our back (SIGCHLD set to SIG_IGN): gone, status unknown
    return m_exit;
  }
  if (info.si_pid == 0) return std::nullopt;
  ::kill(-m_pid, SIGKILL);  // helpers it left behind (they may still hold the pipes or write files)
  reap(0);
  return m_exit;
}

}  // namespace postline::exporting
