// Atomic writes and bounded reads.
#include "core/base/atomic_file.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include "core/project/project_file.h"
#include "project_test_support.h"

namespace postline::project {
namespace {

using base::ErrorCode;
using testing::TempDir;
using base::readFileLimited;
using base::writeAll;
using base::writeFileAtomic;
namespace fs = std::filesystem;

std::vector<std::string> namesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(AtomicFile, WritesThenReplacesLeavingNoTempFiles) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  ASSERT_TRUE(writeFileAtomic(file, "first").ok());
  EXPECT_EQ(testing::readText(file), "first");
  ASSERT_TRUE(writeFileAtomic(file, std::string(100000, 'x')).ok());
  EXPECT_EQ(testing::readText(file), std::string(100000, 'x'));
  ASSERT_TRUE(writeFileAtomic(file, "").ok());
  EXPECT_EQ(testing::readText(file), "");
  EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"Demo.postline"});
}

TEST(AtomicFile, KeepsThePermissionsOfTheOldFile) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  testing::writeText(file, "old");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_TRUE(writeFileAtomic(file, "new").ok());
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

TEST(AtomicFile, ParentThatIsAFileFailsClearly) {
  TempDir dir;
  testing::writeText(dir.path() / "not-a-folder", "x");
  const fs::path file = dir.path() / "not-a-folder" / "Demo.postline";
  auto r = writeFileAtomic(file, "data");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_EQ(r.error().message.rfind("'" + file.string() + "' could not be saved", 0), 0u) << r.error().message;
  EXPECT_NE(r.error().message.find("Not a directory"), std::string::npos) << r.error().message;
  EXPECT_EQ(testing::readText(dir.path() / "not-a-folder"), "x");
}

TEST(AtomicFile, TooLongANameFailsAndTouchesNothing) {
  TempDir dir;
  testing::writeText(dir.path() / "keep.postline", "old");
  const fs::path file = dir.path() / (std::string(300, 'n') + ".postline");
  auto r = writeFileAtomic(file, "data");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("File name too long"), std::string::npos) << r.error().message;
  EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"keep.postline"});
}

TEST(AtomicFile, FailedRenameRemovesTheTempFile) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  testing::writeText(file / "inside", "a folder in the way");
  auto r = writeFileAtomic(file, "data");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("replacing the file failed"), std::string::npos) << r.error().message;
  EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"Demo.postline"});
  EXPECT_EQ(testing::readText(file / "inside"), "a folder in the way");
}

// A write that runs out of room (here: the process file-size limit, which applies even to root)
// leaves the previous file as it was and no temp file behind.
TEST(AtomicFile, FailedWriteKeepsTheOldFile) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  testing::writeText(file, "the old project");
  rlimit old{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  auto r = writeFileAtomic(file, std::string(1 << 20, 'x'));
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, oldHandler);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_NE(r.error().message.find("writing failed: File too large"), std::string::npos) << r.error().message;
  EXPECT_EQ(testing::readText(file), "the old project");
  EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"Demo.postline"});
}

TEST(AtomicFile, WriteAllReportsAFullDisk) {
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (fd < 0) GTEST_SKIP() << "/dev/full is not available";
  auto r = writeAll(fd, "data", "/tmp/Demo.postline");
  ::close(fd);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "'/tmp/Demo.postline' could not be saved: writing failed: No space left on device");
}

TEST(AtomicFile, SaveProjectFailureLeavesTheOldProject) {
  TempDir dir;
  const fs::path file = dir.path() / "Demo.postline";
  const model::Project p = testing::makeFullProject(dir.path() / "media");
  ASSERT_TRUE(saveProject(p, file).ok());
  const std::string before = testing::readText(file);
  auto r = saveProject(p, dir.path() / "Demo.postline" / "x.postline");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(testing::readText(file), before);
}

TEST(ReadFileLimited, ReadsWholeFiles) {
  TempDir dir;
  testing::writeText(dir.path() / "a", std::string(70000, 'a'));
  auto r = readFileLimited(dir.path() / "a", 1 << 20);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, std::string(70000, 'a'));
}

TEST(ReadFileLimited, RefusesOversizedFoldersAndMissingFiles) {
  TempDir dir;
  testing::writeText(dir.path() / "big", "");
  fs::resize_file(dir.path() / "big", 2 << 20);
  auto big = readFileLimited(dir.path() / "big", 1 << 20);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, ErrorCode::InvalidArgument);
  EXPECT_NE(big.error().message.find("is too large (2 MiB; the limit is 1 MiB)"), std::string::npos);
  auto folder = readFileLimited(dir.path(), 1 << 20);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().code, ErrorCode::Io);
  auto missing = readFileLimited(dir.path() / "nope", 1 << 20);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
  auto proc = readFileLimited("/proc/self/status", 1 << 20);  // stat says 0 bytes; read to the end anyway
  ASSERT_TRUE(proc.ok());
  EXPECT_NE(proc->find("Name:"), std::string::npos);
}

}  // namespace
}  // namespace postline::project
