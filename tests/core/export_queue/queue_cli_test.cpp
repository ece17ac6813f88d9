// The export queue running the real `postline-cli export` on the demo project: a job killed with
// SIGKILL mid-write leaves neither its partial nor a final file, and the next job completes.
// Skipped (with the reason) while the build tree has no postline-cli that knows `export`.
#include <sys/wait.h>

#include <cstdio>

#include "queue_test_util.h"

namespace postline::exporting::testing {
namespace {

// Runs a shell command, returning its stdout; `status` gets the exit status.
std::string shell(const std::string& command, int& status) {
  std::string text;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
  int raw = ::pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return text;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

class ExportQueueCliTest : public ExportQueueTest {
 protected:
  void SetUp() override {
    ExportQueueTest::SetUp();
    m_cli = postlineCli();
    int status = -1;
    if (!fs::exists(m_cli)) GTEST_SKIP() << m_cli << " is not built";
    std::string help = shell(quoted(m_cli) + " --help 2>&1", status);
    if (help.find("export PROJECT") == std::string::npos) GTEST_SKIP() << m_cli << " has no export command yet";
    std::string printed = shell(quoted(m_cli) + " demo " + quoted(m_dir / "demo") + " --quick 2>&1", status);
    ASSERT_EQ(status, 0) << printed;
    m_project = m_dir / "demo" / "Origin_Coffee_Commercial.postline";
    ASSERT_TRUE(fs::exists(m_project)) << printed;
  }

  // `export PROJECT --preset ID --out-dir DIR [extra...]`, each job in a folder of its own.
  JobSpec exportJob(const std::string& preset, const fs::path& outDir, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{m_project.string(), "--preset", preset, "--out-dir", outDir.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return cliExportJob(m_cli, args, preset);
  }

  fs::path m_cli;
  fs::path m_project;
};

TEST_F(ExportQueueCliTest, SigkillMidWriteLeavesNoFileAndTheNextJobCompletes) {
  ExportQueue queue;
  int victim = queue.add(exportJob("youtube-1080p", m_dir / "killed"));
  int next = queue.add(exportJob("youtube-1080p", m_dir / "next", {"--range", "00:00:00:00-00:00:01:00"}));
  // Kill it once it has announced its output and written part of it.
  ASSERT_TRUE(waitUntil(
      [&] {
        auto job = queue.job(victim);
        const bool ended = job->state == QueueState::Done || job->state == QueueState::Failed ||
                           job->state == QueueState::Cancelled;
        return ended || (job->state == QueueState::Running && !job->outputs.empty() && job->percent > 0.0 &&
                         fs::exists(partialPathFor(job->outputs[0])));
      },
      120s));
  QueueJob running = *queue.job(victim);
  ASSERT_EQ(running.state, QueueState::Running) << running.error;
  ASSERT_EQ(::kill(running.pid, SIGKILL), 0);
  ASSERT_TRUE(queue.waitIdle(std::chrono::minutes(5)));

  QueueJob killed = *queue.job(victim);
  EXPECT_EQ(killed.state, QueueState::Failed);
  EXPECT_EQ(killed.exitCode, -SIGKILL);
  ASSERT_EQ(killed.outputs.size(), 1u);
  EXPECT_FALSE(fs::exists(partialPathFor(killed.outputs[0])));
  EXPECT_FALSE(fs::exists(killed.outputs[0]));

  // The next job ran to its end: its file is complete and its report written. (Whether one
  // second of the demo passes every check is the verifier's business; exit 3 says it did not.)
  QueueJob after = *queue.job(next);
  EXPECT_TRUE(after.state == QueueState::Done || after.exitCode == 3) << after.error;
  ASSERT_EQ(after.outputs.size(), 1u);
  EXPECT_TRUE(fs::exists(after.outputs[0]));
  EXPECT_GT(fs::file_size(after.outputs[0]), 0u);
  EXPECT_FALSE(fs::exists(partialPathFor(after.outputs[0])));
  ASSERT_TRUE(after.report.has_value());
  EXPECT_TRUE(fs::exists(*after.report));
}

}  // namespace
}  // namespace postline::exporting::testing
