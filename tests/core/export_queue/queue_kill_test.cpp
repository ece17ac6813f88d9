// The export queue's isolation: cancelling, a job killed with SIGKILL, the destructor; no
// finished-looking file and no process is left behind, and the other jobs go on.
#include <fcntl.h>

#include "queue_test_util.h"

namespace postline::exporting::testing {
namespace {

TEST_F(ExportQueueTest, CancelRunningAndQueuedJobs) {
  ExportQueue queue;
  int running = queue.add(fakeJob("running", 2, "0.01", "hang"));
  int next = queue.add(fakeJob("next", 2, "0.01"));
  int dropped = queue.add(fakeJob("dropped", 2, "0.01"));
  fs::path partial = partialPathFor(out("running.mp4"));
  ASSERT_TRUE(waitUntil([&] { return fs::exists(out("running.mp4.helper")); }));
  ASSERT_TRUE(fs::exists(partial));
  EXPECT_EQ(queue.job(running)->outputs, std::vector<fs::path>{out("running.mp4")});

  ASSERT_TRUE(queue.cancel(dropped));
  EXPECT_EQ(queue.job(dropped)->state, QueueState::Cancelled);  // at once: it never ran
  ASSERT_TRUE(queue.cancel(running));
  ASSERT_TRUE(queue.waitIdle(30s));

  QueueJob job = *queue.job(running);
  EXPECT_EQ(job.state, QueueState::Cancelled);
  EXPECT_EQ(job.exitCode, -SIGTERM);
  EXPECT_EQ(job.pid, 0);
  EXPECT_FALSE(fs::exists(partial));  // sh died on SIGTERM without cleaning up; the queue did
  EXPECT_FALSE(fs::exists(out("running.mp4")));
  EXPECT_EQ(queue.job(next)->state, QueueState::Done);
  EXPECT_EQ(queue.job(dropped)->attempts, 0);
  EXPECT_FALSE(fs::exists(out("dropped.mp4")));
  EXPECT_FALSE(queue.cancel(next));  // done
  EXPECT_FALSE(queue.cancel(777));

  ASSERT_TRUE(queue.retry(dropped));  // a cancelled job can be queued again
  ASSERT_TRUE(queue.waitIdle(30s));
  EXPECT_EQ(queue.job(dropped)->state, QueueState::Done);
  EXPECT_TRUE(fs::exists(out("dropped.mp4")));
}

TEST_F(ExportQueueTest, CancelEscalatesToSigkillWhenSigtermIsIgnored) {
  ExportQueue queue;
  int id = queue.add(fakeJob("stubborn", 1, "0", "ignoreterm"));
  ASSERT_TRUE(waitUntil([&] { return fs::exists(out("stubborn.mp4.helper")); }));
  int pid = queue.job(id)->pid;
  ASSERT_TRUE(queue.cancel(id));
  EXPECT_TRUE(queue.cancel(id));  // already cancelling
  EXPECT_EQ(queue.job(id)->state, QueueState::Running);  // until the process is gone
  ASSERT_TRUE(queue.waitIdle(30s));
  QueueJob job = *queue.job(id);
  EXPECT_EQ(job.state, QueueState::Cancelled);
  EXPECT_EQ(job.exitCode, -SIGKILL);
  EXPECT_FALSE(fs::exists(partialPathFor(out("stubborn.mp4"))));
  EXPECT_TRUE(notRunning(pid));
  int helper = std::stoi(readText(out("stubborn.mp4.helper")));
  EXPECT_TRUE(waitUntil([&] { return notRunning(helper); }, 10s));
}

TEST_F(ExportQueueTest, JobKilledWithSigkillLeavesNoFileAndTheNextCompletes) {
  ExportQueue queue;
  int victim = queue.add(fakeJob("victim", 400, "0.05"));
  int next = queue.add(fakeJob("next", 3, "0.01"));
  fs::path partial = partialPathFor(out("victim.mp4"));
  ASSERT_TRUE(waitUntil([&] { return queue.job(victim)->percent >= 1.0; }));
  ASSERT_TRUE(fs::exists(partial));
  int pid = queue.job(victim)->pid;
  ASSERT_GT(pid, 0);
  ASSERT_EQ(::kill(pid, SIGKILL), 0);  // a crash: the process itself, not its group
  ASSERT_TRUE(queue.waitIdle(30s));

  QueueJob job = *queue.job(victim);
  EXPECT_EQ(job.state, QueueState::Failed);
  EXPECT_EQ(job.exitCode, -SIGKILL);
  EXPECT_NE(job.error.find("SIGKILL"), std::string::npos) << job.error;
  EXPECT_FALSE(fs::exists(partial));
  EXPECT_FALSE(fs::exists(out("victim.mp4")));
  EXPECT_TRUE(notRunning(pid));
  QueueJob after = *queue.job(next);
  EXPECT_EQ(after.state, QueueState::Done);
  EXPECT_EQ(readText(out("next.mp4")), "frame 1\nframe 2\nframe 3\n");
}

TEST_F(ExportQueueTest, DestructorCancelsAndLeavesNoProcess) {
  int pid = 0;
  int helper = 0;
  {
    ExportQueue queue;
    int id = queue.add(fakeJob("long", 1, "0", "hang"));
    queue.add(fakeJob("never", 1, "0"));
    ASSERT_TRUE(waitUntil([&] { return fs::exists(out("long.mp4.helper")); }));
    ASSERT_TRUE(waitUntil([&] { return !readText(out("long.mp4.helper")).empty(); }));
    pid = queue.job(id)->pid;
    helper = std::stoi(readText(out("long.mp4.helper")));
    ASSERT_GT(pid, 0);
    ASSERT_EQ(::kill(pid, 0), 0);
    ASSERT_EQ(::kill(helper, 0), 0);
  }
  errno = 0;
  EXPECT_EQ(::kill(pid, 0), -1);  // reaped: not even a zombie
  EXPECT_EQ(errno, ESRCH);
  // The helper was not our child: SIGKILL to its group ends it a moment later, and init reaps it.
  EXPECT_TRUE(waitUntil([&] { return notRunning(helper); }, 10s));
  EXPECT_FALSE(fs::exists(partialPathFor(out("long.mp4"))));
  EXPECT_EQ(readText(log()), "start long\n");  // the queued job never started
}

TEST_F(ExportQueueTest, DestructorWithPausedJob) {
  int pid = 0;
  {
    ExportQueue queue;
    int id = queue.add(fakeJob("paused", 1, "0", "hang"));
    ASSERT_TRUE(waitUntil([&] { return fs::exists(out("paused.mp4.helper")); }));
    pid = queue.job(id)->pid;
    ASSERT_TRUE(queue.pause(id));
  }
  errno = 0;
  EXPECT_EQ(::kill(pid, 0), -1);
  EXPECT_EQ(errno, ESRCH);
}

std::size_t openFdCount() {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator()));
}

TEST_F(ExportQueueTest, ChildGetsOnlyStdioAndTheQueueLeaksNoDescriptor) {
  int leaky = ::open("/dev/null", O_RDONLY);  // no O_CLOEXEC: the queue must keep it from the child
  ASSERT_GE(leaky, 3);
  std::size_t before = openFdCount();
  {
    ExportQueue queue;
    int id = queue.add(JobSpec{"fds", {"/bin/sh", "-c", "ls /proc/self/fd >&2; exit 4"}});
    ASSERT_TRUE(queue.waitIdle(30s));
    // ls lists its own descriptors: stdio and the directory it reads (3).
    EXPECT_EQ(queue.job(id)->error, "0\n1\n2\n3\nexited with status 4");
  }
  EXPECT_EQ(openFdCount(), before);
  ::close(leaky);
}

}  // namespace
}  // namespace postline::exporting::testing
