#include "core/base/resources.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace postline::base {
namespace {

namespace fs = std::filesystem;

// Unsets POSTLINE_RESOURCES for the test and restores it afterwards.
class ResourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* v = std::getenv("POSTLINE_RESOURCES")) m_saved = v, m_had = true;
    ::unsetenv("POSTLINE_RESOURCES");
  }
  void TearDown() override {
    if (m_had) ::setenv("POSTLINE_RESOURCES", m_saved.c_str(), 1);
    else ::unsetenv("POSTLINE_RESOURCES");
  }
  std::string m_saved;
  bool m_had = false;
};

TEST_F(ResourcesTest, EnvironmentVariableWins) {
  ::setenv("POSTLINE_RESOURCES", "/opt/pl-res", 1);
  EXPECT_EQ(resourcePath("looks/a.cube"), fs::path("/opt/pl-res/looks/a.cube"));
  ::setenv("POSTLINE_RESOURCES", "", 1);  // empty counts as unset
  EXPECT_NE(resourcePath("looks/a.cube").string().rfind("/opt/pl-res", 0), 0u);
}

TEST_F(ResourcesTest, FallsBackToTheSourceTree) {
  const fs::path p = resourcePath("looks/README.md");
  EXPECT_TRUE(fs::exists(p)) << p;
  EXPECT_TRUE(fs::equivalent(p, fs::path(POSTLINE_SOURCE_DIR) / "resources/looks/README.md")) << p;
  // A resource that exists nowhere still gets the source-tree path (callers report NotFound).
  EXPECT_EQ(resourcePath("no/such.file"), fs::path(POSTLINE_SOURCE_DIR) / "resources/no/such.file");
}

TEST_F(ResourcesTest, InstalledShareFolderBeatsTheSourceTree) {
  const fs::path exeDir = fs::read_symlink("/proc/self/exe").parent_path();
  const std::string rel = "resources_test_" + std::to_string(::getpid()) + "/x.txt";
  const fs::path installed = exeDir.parent_path() / "share" / "postline" / rel;
  std::error_code ec;
  fs::create_directories(installed.parent_path(), ec);
  if (ec) GTEST_SKIP() << "cannot write next to the test binary: " << ec.message();
  std::ofstream(installed) << "x";
  EXPECT_EQ(resourcePath(rel), installed);
  fs::remove_all(installed.parent_path());
  fs::remove(exeDir.parent_path() / "share" / "postline", ec);  // only when empty
  fs::remove(exeDir.parent_path() / "share", ec);
  EXPECT_EQ(resourcePath(rel), fs::path(POSTLINE_SOURCE_DIR) / "resources" / rel);
}

}  // namespace
}  // namespace postline::base
