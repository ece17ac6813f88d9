#include "core/project/relink.h"

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace postline::project {

namespace fs = std::filesystem;
using base::ErrorCode;
using base::makeError;

namespace {

// Upper bound on folder entries examined, so a huge tree cannot stall the editor.
constexpr std::size_t kMaxEntries = 2'000'000;

// Breadth-first search for file names, each real folder visited once.
class NameSearch {
 public:
  explicit NameSearch(std::unordered_map<std::string, fs::path> wanted) : m_wanted(std::move(wanted)) {
    m_left = m_wanted.size();
  }

  void run(const fs::path& root) {
    std::vector<fs::path> level{root};
    for (int depth = 0; depth <= kMaxRelinkDepth && !level.empty() && m_left > 0; ++depth) {
      std::vector<fs::path> next;
      for (const fs::path& dir : level) scanFolder(dir, next);
      level = std::move(next);
    }
  }

  // The path found for each wanted name (empty when not found).
  const std::unordered_map<std::string, fs::path>& results() const { return m_wanted; }

 private:
  // True the first time the real folder behind `dir` is seen.
  bool firstVisit(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return false;
    return m_seen.insert({st.st_dev, st.st_ino}).second;
  }

  void scanFolder(const fs::path& dir, std::vector<fs::path>& subfolders) {
    if (m_left == 0 || m_entries >= kMaxEntries || !firstVisit(dir)) return;
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (++m_entries > kMaxEntries) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& e : entries) {
      std::error_code sec;
      if (e.is_directory(sec)) {
        subfolders.push_back(e.path());
      } else if (e.is_regular_file(sec)) {
        auto it = m_wanted.find(e.path().filename().string());
        if (it != m_wanted.end() && it->second.empty()) {
          it->second = e.path();
          --m_left;
        }
      }
    }
  }

  std::unordered_map<std::string, fs::path> m_wanted;
  std::size_t m_left = 0;
  std::size_t m_entries = 0;
  std::set<std::pair<dev_t, ino_t>> m_seen;
};

}  // namespace

std::vector<model::MediaId> findMissingMedia(const model::Project& project) {
  std::vector<model::MediaId> missing;
  for (const model::MediaItem& m : project.media) {
    if (m.kind == model::MediaKind::Title) continue;  // generated from text, no file
    std::error_code ec;
    if (m.path.empty() || !fs::is_regular_file(fs::path(m.path), ec)) missing.push_back(m.id);
  }
  return missing;
}

base::Result<model::ChangeSet> relinkMissing(const model::Project& project, const std::vector<model::MediaId>& missing,
                                             const fs::path& searchFolder, std::vector<model::MediaId>* notFound) {
  std::error_code ec;
  if (!fs::is_directory(searchFolder, ec)) {
    return makeError(ErrorCode::NotFound, "'" + searchFolder.string() + "' is not a folder to search for media");
  }
  std::unordered_map<std::string, fs::path> wanted;
  for (model::MediaId id : missing) {
    const model::MediaItem* m = project.findMedia(id);
    if (m == nullptr) {
      return makeError(ErrorCode::InvalidArgument, "media " + std::to_string(id.value) + " is not in the project");
    }
    const std::string name = fs::path(m->path).filename().string();
    if (!name.empty()) wanted.emplace(name, fs::path());
  }
  fs::path root = fs::absolute(searchFolder, ec);
  if (ec) root = searchFolder;
  NameSearch search(std::move(wanted));
  search.run(root.lexically_normal());
  model::ChangeSet cs;
  std::set<model::MediaId> done;
  for (model::MediaId id : missing) {
    if (!done.insert(id).second) continue;
    const model::MediaItem* m = project.findMedia(id);
    auto it = search.results().find(fs::path(m->path).filename().string());
    if (it == search.results().end() || it->second.empty()) {
      if (notFound != nullptr) notFound->push_back(id);
      continue;
    }
    model::MediaItem after = *m;
    after.path = it->second.string();
    cs.add(model::MediaUpdated{*m, std::move(after)});
  }
  return cs;
}

}  // namespace postline::project
