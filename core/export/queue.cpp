#include "core/export/queue.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "core/export/encoder.h"
#include "core/export/process.h"

namespace postline::exporting {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kStderrLines = 5;
constexpr auto kKillAfter = std::chrono::seconds(5);
constexpr int kPollMs = 100;  // how often a running child's exit and cancel deadlines are checked

}  // namespace

// What the worker keeps about a job while its process lives.
struct Running {
  std::unique_ptr<ChildProcess> child;
  std::deque<std::string> stderrTail;
  std::vector<std::string> failures;  // "failed:" lines and failed verifications
  std::optional<Clock::time_point> killAt;  // set by cancel(): SIGKILL when still alive then
};

struct ExportQueue::Impl {
  int concurrency = 1;
  mutable std::mutex mutex;
  std::condition_variable idleChanged;
  std::map<int, QueueJob> jobs;  // by id
  std::deque<int> pending;       // queued job ids, in the order they will start
  std::map<int, Running> running;
  std::vector<QueueJob> changed;  // copies taken at each change, for the listener
  std::shared_ptr<const std::function<void(const QueueJob&)>> listener;
  bool stopping = false;
  int nextId = 1;
  int wake[2] = {-1, -1};  // a byte written here interrupts the worker's poll()
  std::thread worker;

  void run();
  void wakeWorker() const;
  void markChanged(const QueueJob& job) {
    if (listener) changed.push_back(job);
  }
  void startPending();
  void start(QueueJob& job);
  void readOutput();
  void absorbOutput(QueueJob& job, Running& run);
  void handleLine(QueueJob& job, Running& run, const std::string& text);
  void reapFinished();
  void finish(QueueJob& job, Running& run, int exitCode);
  void enforceDeadlines();
  bool requestCancel(QueueJob& job);
  std::vector<pollfd> pollSet() const;
  void publish();
};

void ExportQueue::Impl::wakeWorker() const {
  char byte = 1;
  (void)!::write(wake[1], &byte, 1);  // full pipe = a wake-up is already pending
}

void ExportQueue::Impl::start(QueueJob& job) {
  job.attempts += 1;
  job.percent = job.fps = job.etaS = 0.0;
  job.exitCode = 0;
  job.outputs.clear();
  job.report.reset();
  job.error.clear();
  auto child = ChildProcess::spawn(job.spec.argv);
  if (!child) {
    job.state = QueueState::Failed;
    job.exitCode = 127;  // as a shell reports a program it cannot run
    job.error = child.error().message;
    return;
  }
  job.state = QueueState::Running;
  job.pid = (*child)->pid();
  running[job.id].child = std::move(child).value();
}

void ExportQueue::Impl::startPending() {
  while (!stopping && static_cast<int>(running.size()) < concurrency && !pending.empty()) {
    QueueJob& job = jobs.at(pending.front());
    pending.pop_front();
    start(job);
    markChanged(job);
  }
}

std::vector<pollfd> ExportQueue::Impl::pollSet() const {
  std::vector<pollfd> fds{{wake[0], POLLIN, 0}};
  for (const auto& [id, run] : running)
    for (int fd : run.child->openFds()) fds.push_back({fd, POLLIN, 0});
  return fds;
}

void ExportQueue::Impl::handleLine(QueueJob& job, Running& run, const std::string& text) {
  ExportLine line = parseExportLine(text);
  switch (line.kind) {
    case ExportLine::Kind::Output:
      if (std::find(job.outputs.begin(), job.outputs.end(), line.path) == job.outputs.end())
        job.outputs.push_back(line.path);
      break;
    case ExportLine::Kind::Progress:
      job.percent = line.percent, job.fps = line.fps, job.etaS = line.etaS;
      break;
    case ExportLine::Kind::Verified:
      if (!line.pass) run.failures.push_back(line.presetId + ": verification " + line.message);
      break;
    case ExportLine::Kind::Failed: run.failures.push_back(line.presetId + ": " + line.message); break;
    case ExportLine::Kind::Report: job.report = line.path; break;
    case ExportLine::Kind::Other: return;
  }
  markChanged(job);
}

void ExportQueue::Impl::absorbOutput(QueueJob& job, Running& run) {
  std::vector<std::string> out, err;
  run.child->readAvailable(out, err);
  for (const std::string& line : out) handleLine(job, run, line);
  for (std::string& line : err) {
    run.stderrTail.push_back(std::move(line));
    if (run.stderrTail.size() > kStderrLines) run.stderrTail.pop_front();
  }
}

void ExportQueue::Impl::readOutput() {
  for (auto& [id, run] : running) absorbOutput(jobs.at(id), run);
}

namespace {

std::string describeExit(int exitCode) {
  if (exitCode >= 0) return "exited with status " + std::to_string(exitCode);
  const char* name = ::sigabbrev_np(-exitCode);
  return "killed by signal " + std::to_string(-exitCode) + (name ? std::string(" (SIG") + name + ")" : "");
}

// Everything a person needs to see why a job failed, most specific first.
std::string describeFailure(const Running& run, int exitCode, const std::string& extra) {
  std::string text;
  auto add = [&text](const std::string& line) { text += (text.empty() ? "" : "\n") + line; };
  for (const std::string& line : run.failures) add(line);
  for (const std::string& line : run.stderrTail) add(line);
  if (!extra.empty()) add(extra);
  add(describeExit(exitCode));
  return text;
}

}  // namespace

void ExportQueue::Impl::finish(QueueJob& job, Running& run, int exitCode) {
  // The process group is gone, so nothing writes any more: remove the unfinished files. A final
  // name only appears by the job's rename after a complete write, so those are left alone.
  std::string missing;
  for (const fs::path& output : job.outputs) {
    std::error_code ec;
    fs::remove(partialPathFor(output), ec);
    if (exitCode == 0 && !fs::exists(output, ec)) missing = output.string() + ": announced but not written";
  }
  job.exitCode = exitCode;
  job.pid = 0;
  if (run.killAt) {
    job.state = QueueState::Cancelled;
  } else if (exitCode == 0 && missing.empty()) {
    job.state = QueueState::Done;
    job.percent = 100.0;
    job.etaS = 0.0;
  } else {
    job.state = QueueState::Failed;
    job.error = describeFailure(run, exitCode, missing);
  }
  markChanged(job);
}

void ExportQueue::Impl::reapFinished() {
  for (auto it = running.begin(); it != running.end();) {
    std::optional<int> exitCode = it->second.child->tryReap();
    if (!exitCode) {
      ++it;
      continue;
    }
    // Everything it wrote before it ended is in the pipes now: read it, then let go of them.
    QueueJob& job = jobs.at(it->first);
    absorbOutput(job, it->second);
    it->second.child->closeOutput();
    finish(job, it->second, *exitCode);
    it = running.erase(it);
  }
}

void ExportQueue::Impl::enforceDeadlines() {
  auto now = Clock::now();
  for (auto& [id, run] : running)
    if (run.killAt && now >= *run.killAt) run.child->signal(SIGKILL);
}

bool ExportQueue::Impl::requestCancel(QueueJob& job) {
  if (job.state == QueueState::Queued) {
    pending.erase(std::remove(pending.begin(), pending.end(), job.id), pending.end());
    job.state = QueueState::Cancelled;
    markChanged(job);
    return true;
  }
  auto it = running.find(job.id);
  if (it == running.end()) return false;
  Running& run = it->second;
  if (!run.killAt) {
    run.killAt = Clock::now() + kKillAfter;
    run.child->signal(SIGTERM);
    run.child->signal(SIGCONT);  // a stopped process cannot act on SIGTERM
    job.state = QueueState::Running;
    markChanged(job);
  }
  return true;
}

void ExportQueue::Impl::publish() {
  std::vector<QueueJob> copies;
  std::shared_ptr<const std::function<void(const QueueJob&)>> call;
  {
    std::lock_guard lock(mutex);
    copies.swap(changed);
    call = listener;
  }
  if (call && *call)
    for (const QueueJob& job : copies) (*call)(job);
}

void ExportQueue::Impl::run() {
  for (;;) {
    std::vector<pollfd> fds;
    bool done;
    int timeout;
    {
      std::lock_guard lock(mutex);
      startPending();  // a job that cannot start fails here, which may leave the queue idle
      done = stopping && running.empty();
      fds = pollSet();
      timeout = running.empty() ? -1 : kPollMs;  // exits and cancel deadlines need a look now and then
    }
    idleChanged.notify_all();
    publish();
    if (done) return;
    if (::poll(fds.data(), fds.size(), timeout) > 0 && (fds[0].revents & POLLIN)) {
      char drain[64];
      while (::read(wake[0], drain, sizeof drain) > 0) {
      }
    }
    {
      std::lock_guard lock(mutex);
      readOutput();
      reapFinished();
      enforceDeadlines();
    }
    idleChanged.notify_all();
  }
}

ExportQueue::ExportQueue(int concurrency) : m_impl(std::make_unique<Impl>()) {
  m_impl->concurrency = std::max(1, concurrency);
  // Without a wake pipe the queue cannot work at all; a process out of descriptors is beyond help.
  if (::pipe2(m_impl->wake, O_CLOEXEC | O_NONBLOCK) != 0) std::terminate();
  m_impl->worker = std::thread([impl = m_impl.get()] { impl->run(); });
}

ExportQueue::~ExportQueue() {
  {
    std::lock_guard lock(m_impl->mutex);
    m_impl->stopping = true;
    for (auto& [id, job] : m_impl->jobs)
      if (job.state == QueueState::Queued || job.state == QueueState::Running || job.state == QueueState::Paused)
        m_impl->requestCancel(job);
  }
  m_impl->wakeWorker();
  m_impl->worker.join();  // returns once every child is reaped (SIGKILL at the latest after 5 s)
  ::close(m_impl->wake[0]);
  ::close(m_impl->wake[1]);
}

int ExportQueue::add(JobSpec spec) {
  std::lock_guard lock(m_impl->mutex);
  QueueJob job;
  job.id = m_impl->nextId++;
  job.spec = std::move(spec);
  m_impl->jobs[job.id] = job;
  m_impl->pending.push_back(job.id);
  m_impl->markChanged(job);
  m_impl->wakeWorker();
  return job.id;
}

bool ExportQueue::pause(int id) {
  std::lock_guard lock(m_impl->mutex);
  auto it = m_impl->running.find(id);
  QueueJob* job = it == m_impl->running.end() ? nullptr : &m_impl->jobs.at(id);
  if (!job || job->state != QueueState::Running || it->second.killAt || !it->second.child->signal(SIGSTOP)) return false;
  job->state = QueueState::Paused;
  m_impl->markChanged(*job);
  m_impl->wakeWorker();
  return true;
}

bool ExportQueue::resume(int id) {
  std::lock_guard lock(m_impl->mutex);
  auto it = m_impl->running.find(id);
  QueueJob* job = it == m_impl->running.end() ? nullptr : &m_impl->jobs.at(id);
  if (!job || job->state != QueueState::Paused || !it->second.child->signal(SIGCONT)) return false;
  job->state = QueueState::Running;
  m_impl->markChanged(*job);
  m_impl->wakeWorker();
  return true;
}

bool ExportQueue::cancel(int id) {
  std::lock_guard lock(m_impl->mutex);
  auto it = m_impl->jobs.find(id);
  if (it == m_impl->jobs.end() || !m_impl->requestCancel(it->second)) return false;
  m_impl->wakeWorker();
  m_impl->idleChanged.notify_all();
  return true;
}

bool ExportQueue::retry(int id) {
  std::lock_guard lock(m_impl->mutex);
  auto it = m_impl->jobs.find(id);
  if (m_impl->stopping || it == m_impl->jobs.end()) return false;
  QueueJob& job = it->second;
  if (job.state != QueueState::Failed && job.state != QueueState::Cancelled) return false;
  job.state = QueueState::Queued;
  job.percent = job.fps = job.etaS = 0.0;
  m_impl->pending.push_back(id);
  m_impl->markChanged(job);
  m_impl->wakeWorker();
  return true;
}

std::vector<QueueJob> ExportQueue::jobs() const {
  std::lock_guard lock(m_impl->mutex);
  std::vector<QueueJob> list;
  for (const auto& [id, job] : m_impl->jobs) list.push_back(job);
  return list;
}

std::optional<QueueJob> ExportQueue::job(int id) const {
  std::lock_guard lock(m_impl->mutex);
  auto it = m_impl->jobs.find(id);
  if (it == m_impl->jobs.end()) return std::nullopt;
  return it->second;
}

void ExportQueue::setListener(std::function<void(const QueueJob&)> listener) {
  std::lock_guard lock(m_impl->mutex);
  m_impl->listener = std::make_shared<const std::function<void(const QueueJob&)>>(std::move(listener));
}

bool ExportQueue::waitIdle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_impl->mutex);
  return m_impl->idleChanged.wait_for(lock, timeout,
                                      [this] { return m_impl->pending.empty() && m_impl->running.empty(); });
}

}  // namespace postline::exporting
