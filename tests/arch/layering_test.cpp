// The design's arrows, checked on the source text: no Qt under core/, and every
// #include "core/<folder>/..." in core/ points along an allowed arrow.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kCore = fs::path(POSTLINE_SOURCE_DIR) / "core";

// folder -> folders it may include (besides itself). Mirrors docs/ARCHITECTURE.md.
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"base", {}},
    {"time", {"base"}},
    {"model", {"base", "time", "color"}},
    {"edit", {"base", "time", "color", "model"}},
    {"commands", {"base", "time", "color", "model", "edit"}},
    {"project", {"base", "time", "color", "model"}},
    {"media", {"base", "time"}},
    {"ingest", {"base", "time", "color", "model", "media"}},
    {"color", {"base", "time"}},
    {"render", {"base", "time", "model", "media", "color"}},
    {"audio", {"base", "time", "color", "model", "media"}},
    {"export", {"base", "time", "model", "media", "color", "render", "audio"}},
    {"playback", {"base", "time", "model", "media", "color", "render", "audio"}},
};

std::vector<fs::path> sourceFiles(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".h" || ext == ".cpp" || ext == ".hpp" || ext == ".in")) files.push_back(e.path());
  }
  return files;
}

std::vector<std::string> includes(const fs::path& file) {
  static const std::regex inc(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::vector<std::string> out;
  std::ifstream in(file);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, inc)) out.push_back(m[1]);
  }
  return out;
}

std::string topFolder(const fs::path& file) { return fs::relative(file, kCore).begin()->string(); }

}  // namespace

TEST(Layering, CoreHasSourcesToCheck) { EXPECT_GT(sourceFiles(kCore).size(), 20u); }

TEST(Layering, NoQtUnderCore) {
  static const std::regex qt(R"(^Q[A-Za-z]|^Qt[A-Za-z]*/|^q[a-z]+\.h$)");
  for (const auto& f : sourceFiles(kCore)) {
    for (const auto& inc : includes(f)) {
      EXPECT_FALSE(std::regex_search(inc, qt)) << f << " includes Qt header <" << inc << ">";
    }
  }
}

TEST(Layering, CoreIncludesFollowTheArrows) {
  for (const auto& f : sourceFiles(kCore)) {
    const std::string from = topFolder(f);
    auto allowed = kAllowed.find(from);
    ASSERT_NE(allowed, kAllowed.end()) << "core/" << from << " is not in the layering table";
    for (const auto& inc : includes(f)) {
      if (inc.rfind("core/", 0) != 0) continue;
      const fs::path incPath(inc);
      const std::string to = std::next(incPath.begin())->string();
      if (to == from) continue;
      EXPECT_TRUE(allowed->second.count(to)) << f << " includes " << inc << ": core/" << from
                                             << " may not depend on core/" << to;
    }
  }
}

TEST(Layering, CheckerCatchesAWrongArrow) {
  // The checker itself must fail on a bad include: model may not include edit.
  EXPECT_FALSE(kAllowed.at("model").count("edit"));
  EXPECT_FALSE(kAllowed.at("time").count("model"));
  static const std::regex qt(R"(^Q[A-Za-z]|^Qt[A-Za-z]*/|^q[a-z]+\.h$)");
  EXPECT_TRUE(std::regex_search(std::string("QWidget"), qt));
  EXPECT_TRUE(std::regex_search(std::string("QtCore/QString"), qt));
  EXPECT_FALSE(std::regex_search(std::string("nlohmann/json.hpp"), qt));
}

TEST(Layering, EachExternalLibraryLivesInItsOneWrapper) {
  // include prefix -> the folders (relative to core/) that may include it.
  const std::vector<std::pair<std::regex, std::vector<std::string>>> wrappers = {
      {std::regex(R"(^libav|^libsw)"), {"media/ffmpeg", "export/ffmpeg"}},
      {std::regex(R"(^OpenColorIO)"), {"color/ocio"}},
      {std::regex(R"(^epoxy/|^GL/|^EGL/)"), {"render/gl"}},
      {std::regex(R"(^ebur128)"), {"audio/loudness"}},
      {std::regex(R"(^portaudio)"), {"audio/device"}},
      {std::regex(R"(^ft2build|^freetype/)"), {"render/text"}},
  };
  for (const auto& f : sourceFiles(kCore)) {
    const std::string rel = fs::relative(f, kCore).parent_path().string();
    for (const auto& inc : includes(f)) {
      for (const auto& [pattern, folders] : wrappers) {
        if (!std::regex_search(inc, pattern)) continue;
        const bool inside = std::any_of(folders.begin(), folders.end(), [&](const std::string& w) { return rel == w; });
        EXPECT_TRUE(inside) << f << " includes <" << inc << ">, which belongs only in core/" << folders.front();
      }
    }
  }
}
