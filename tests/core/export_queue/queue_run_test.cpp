// The export queue with real child processes (a /bin/sh stand-in for `postline-cli export`):
// order, progress, pause, failures, retry.
#include <mutex>

#include "queue_test_util.h"

namespace postline::exporting::testing {
namespace {

TEST_F(ExportQueueTest, RunsJobsOneAtATimeInOrder) {
  ExportQueue queue;
  int a = queue.add(fakeJob("a", 3, "0.02"));
  int b = queue.add(fakeJob("b", 3, "0.02"));
  int c = queue.add(fakeJob("c", 3, "0.02"));
  ASSERT_TRUE(queue.waitIdle(30s));
  EXPECT_EQ(readText(log()), "start a\nend a\nstart b\nend b\nstart c\nend c\n");
  std::vector<QueueJob> jobs = queue.jobs();
  ASSERT_EQ(jobs.size(), 3u);
  EXPECT_EQ(jobs[0].id, a);
  EXPECT_EQ(jobs[1].id, b);
  EXPECT_EQ(jobs[2].id, c);
  for (const QueueJob& job : jobs) {
    SCOPED_TRACE(job.spec.label);
    fs::path output = out(job.spec.label + ".mp4");
    EXPECT_EQ(job.state, QueueState::Done);
    EXPECT_EQ(job.exitCode, 0);
    EXPECT_EQ(job.attempts, 1);
    EXPECT_EQ(job.pid, 0);
    EXPECT_DOUBLE_EQ(job.percent, 100.0);
    EXPECT_TRUE(job.error.empty()) << job.error;
    EXPECT_EQ(job.outputs, std::vector<fs::path>{output});
    ASSERT_TRUE(job.report.has_value());
    EXPECT_EQ(*job.report, output.string() + ".report.json");
    EXPECT_EQ(readText(output), "frame 1\nframe 2\nframe 3\n");
    EXPECT_FALSE(fs::exists(partialPathFor(output)));
  }
}

TEST_F(ExportQueueTest, ConcurrencyTwoRunsTwoAtOnce) {
  ExportQueue queue(2);
  int a = queue.add(fakeJob("a", 1, "0", "hang"));
  int b = queue.add(fakeJob("b", 1, "0", "hang"));
  int c = queue.add(fakeJob("c", 1, "0"));
  ASSERT_TRUE(waitUntil([&] { return queue.job(a)->pid != 0 && queue.job(b)->pid != 0; }));
  EXPECT_EQ(queue.job(c)->state, QueueState::Queued);
  EXPECT_TRUE(queue.cancel(a));
  EXPECT_TRUE(queue.cancel(b));
  ASSERT_TRUE(queue.waitIdle(30s));
  EXPECT_EQ(queue.job(a)->state, QueueState::Cancelled);
  EXPECT_EQ(queue.job(b)->state, QueueState::Cancelled);
  EXPECT_EQ(queue.job(c)->state, QueueState::Done);
}

struct Seen {
  std::mutex mutex;
  std::vector<QueueJob> updates;
  void add(const QueueJob& job) {
    std::lock_guard lock(mutex);
    updates.push_back(job);
  }
  std::vector<QueueJob> copy() {
    std::lock_guard lock(mutex);
    return updates;
  }
};

TEST_F(ExportQueueTest, ListenerSeesParsedProgress) {
  ExportQueue queue;
  Seen seen;
  queue.setListener([&seen](const QueueJob& job) { seen.add(job); });
  int id = queue.add(fakeJob("p", 4, "0.02"));
  ASSERT_TRUE(waitUntil([&] {
    auto updates = seen.copy();
    return !updates.empty() && updates.back().state == QueueState::Done;
  }));
  std::vector<double> percents;
  bool sawEta21 = false;
  for (const QueueJob& job : seen.copy()) {
    EXPECT_EQ(job.id, id);
    if (job.state != QueueState::Running || job.percent == 0.0) continue;
    if (percents.empty() || percents.back() != job.percent) percents.push_back(job.percent);
    EXPECT_DOUBLE_EQ(job.fps, 24.5);
    if (job.percent == 25.0) sawEta21 = job.etaS == 21.0;  // three steps of 7 s left
  }
  EXPECT_EQ(percents, (std::vector<double>{25.0, 50.0, 75.0, 100.0}));
  EXPECT_TRUE(sawEta21);
  EXPECT_EQ(seen.copy().front().state, QueueState::Queued);
}

TEST_F(ExportQueueTest, PauseStopsTheJobUntilResumed) {
  ExportQueue queue;
  int id = queue.add(fakeJob("slow", 60, "0.1"));
  fs::path partial = partialPathFor(out("slow.mp4"));
  ASSERT_TRUE(waitUntil([&] { return queue.job(id)->percent > 0.0; }));
  EXPECT_FALSE(queue.resume(id));  // not paused
  ASSERT_TRUE(queue.pause(id));
  EXPECT_EQ(queue.job(id)->state, QueueState::Paused);
  EXPECT_FALSE(queue.pause(id));
  std::this_thread::sleep_for(500ms);  // lines already in the pipe arrive
  double before = queue.job(id)->percent;
  auto sizeBefore = fs::file_size(partial);
  std::this_thread::sleep_for(1500ms);  // 15 steps' worth when it were running
  EXPECT_DOUBLE_EQ(queue.job(id)->percent, before);
  EXPECT_EQ(fs::file_size(partial), sizeBefore);
  EXPECT_LT(before, 100.0);
  EXPECT_FALSE(queue.waitIdle(0ms));  // paused is not idle
  ASSERT_TRUE(queue.resume(id));
  EXPECT_EQ(queue.job(id)->state, QueueState::Running);
  ASSERT_TRUE(waitUntil([&] { return queue.job(id)->percent > before; }));
  ASSERT_TRUE(queue.waitIdle(60s));
  EXPECT_EQ(queue.job(id)->state, QueueState::Done);
  EXPECT_TRUE(fs::exists(out("slow.mp4")));
}

TEST_F(ExportQueueTest, FailingJobDoesNotStopTheNext) {
  ExportQueue queue;
  int bad = queue.add(fakeJob("bad", 2, "0.02", "fail"));
  int good = queue.add(fakeJob("good", 2, "0.02"));
  ASSERT_TRUE(queue.waitIdle(30s));
  QueueJob failed = *queue.job(bad);
  EXPECT_EQ(failed.state, QueueState::Failed);
  EXPECT_EQ(failed.exitCode, 3);
  EXPECT_NE(failed.error.find("bad: the encoder gave up"), std::string::npos) << failed.error;
  EXPECT_NE(failed.error.find("x264 [error]: out of cheese"), std::string::npos) << failed.error;
  EXPECT_NE(failed.error.find("exited with status 3"), std::string::npos) << failed.error;
  ASSERT_TRUE(failed.report.has_value());
  EXPECT_FALSE(fs::exists(out("bad.mp4")));
  EXPECT_FALSE(fs::exists(partialPathFor(out("bad.mp4"))));  // the script left it; the queue removed it
  EXPECT_EQ(queue.job(good)->state, QueueState::Done);
  EXPECT_TRUE(fs::exists(out("good.mp4")));
}

TEST_F(ExportQueueTest, ExitZeroWithoutTheAnnouncedFileIsAFailure) {
  ExportQueue queue;
  int id = queue.add(fakeJob("liar", 2, "0.01", "noop"));
  ASSERT_TRUE(queue.waitIdle(30s));
  QueueJob job = *queue.job(id);
  EXPECT_EQ(job.state, QueueState::Failed);
  EXPECT_EQ(job.exitCode, 0);
  EXPECT_NE(job.error.find("announced but not written"), std::string::npos) << job.error;
  EXPECT_FALSE(fs::exists(partialPathFor(out("liar.mp4"))));
}

TEST_F(ExportQueueTest, RetryRunsAFailedJobAgain) {
  ExportQueue queue;
  int id = queue.add(fakeJob("flaky", 2, "0.01", "failonce"));
  ASSERT_TRUE(queue.waitIdle(30s));
  EXPECT_EQ(queue.job(id)->state, QueueState::Failed);
  EXPECT_EQ(queue.job(id)->attempts, 1);
  EXPECT_FALSE(queue.retry(12345));
  ASSERT_TRUE(queue.retry(id));
  ASSERT_TRUE(queue.waitIdle(30s));
  QueueJob job = *queue.job(id);
  EXPECT_EQ(job.state, QueueState::Done);
  EXPECT_EQ(job.attempts, 2);
  EXPECT_EQ(job.exitCode, 0);
  EXPECT_TRUE(job.error.empty()) << job.error;
  EXPECT_EQ(readText(out("flaky.mp4")), "frame 1\nframe 2\n");
  EXPECT_FALSE(queue.retry(id));  // done: nothing to retry
  EXPECT_EQ(readText(log()), "start flaky\nend flaky\nstart flaky\nend flaky\n");
}

TEST_F(ExportQueueTest, AProgramThatCannotStartFailsAndTheNextRuns) {
  ExportQueue queue;
  int missing = queue.add(JobSpec{"missing", {(m_dir / "no-such-postline-cli").string(), "export"}});
  int empty = queue.add(JobSpec{"empty", {}});
  int good = queue.add(fakeJob("good", 1, "0"));
  ASSERT_TRUE(queue.waitIdle(30s));
  QueueJob job = *queue.job(missing);
  EXPECT_EQ(job.state, QueueState::Failed);
  EXPECT_EQ(job.exitCode, 127);
  EXPECT_NE(job.error.find("no-such-postline-cli"), std::string::npos) << job.error;
  EXPECT_EQ(queue.job(empty)->state, QueueState::Failed);
  EXPECT_EQ(queue.job(good)->state, QueueState::Done);
}

}  // namespace
}  // namespace postline::exporting::testing
