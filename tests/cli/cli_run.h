#pragma once
// Running the real postline-cli binary from the contract tests.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;

namespace {

struct CliRun {
  int status = -1;
  std::string out;   // stdout
  std::string err;   // stderr
};

// Runs postline-cli with `args` (already shell-quoted), capturing stdout and stderr.
CliRun cli(const std::string& args) {
  const fs::path errFile = fs::temp_directory_path() / ("postline_cli_err_" + std::to_string(::getpid()));
  const std::string cmd = std::string("'") + POSTLINE_CLI + "' " + args + " 2>'" + errFile.string() + "'";
  CliRun r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream e(errFile);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  fs::remove(errFile);
  return r;
}

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// A fresh folder "<tag><pid>" in the temp folder holding the quick demo project; returns the
// project file ("" with a test failure when `demo` fails). For a suite's SetUpTestSuite.
inline fs::path makeQuickDemo(const std::string& tag, fs::path& dir) {
  dir = fs::temp_directory_path() / (tag + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const CliRun r = cli("demo --quick " + q(dir));
  EXPECT_EQ(r.status, 0) << r.err;
  return r.status == 0 ? dir / "Origin_Coffee_Commercial.postline" : fs::path();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("postline_cli_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

}  // namespace
