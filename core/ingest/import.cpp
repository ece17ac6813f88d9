#include "core/ingest/import.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "core/ingest/file_identity.h"
#include "core/ingest/media_info.h"
#include "core/media/prober.h"
#include "core/model/shot_take.h"

namespace postline::ingest {
namespace fs = std::filesystem;

namespace {

// Extensions picked up inside folders (files named explicitly are always tried).
const std::set<std::string> kMediaExtensions = {
    ".mp4", ".mov", ".m4v", ".mkv", ".webm", ".avi", ".mxf", ".mpg", ".mpeg", ".ts", ".mts", ".wav", ".aif",
    ".aiff", ".flac", ".mp3", ".m4a", ".aac", ".ogg", ".opus", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp",
    ".bmp", ".gif", ".exr"};

std::string lowerExt(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return e;
}

fs::path normalised(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p).lexically_normal() : abs;
}

// Media files in `folder` (sorted by path; hidden files skipped).
std::vector<fs::path> folderFiles(const fs::path& folder, bool recursive) {
  std::vector<fs::path> files;
  std::error_code ec;
  const auto consider = [&](const fs::directory_entry& e) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file(ec) && !name.empty() && name[0] != '.' && kMediaExtensions.count(lowerExt(e.path())) > 0) {
      files.push_back(e.path());
    }
  };
  if (recursive) {
    for (const auto& e : fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec)) consider(e);
  } else {
    for (const auto& e : fs::directory_iterator(folder, ec)) consider(e);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string fpsText(const time::Rational& r) {
  if (r.den() == 1) return std::to_string(r.num());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", r.toDouble());
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// A file already accepted (in the project or earlier in the request), for duplicate checks.
struct Known {
  fs::path path;
  std::string label;                       // how a duplicate message names it
  std::optional<FileIdentity> identity;    // computed on first need
  bool identityTried = false;
};

class Planner {
 public:
  Planner(const model::Project& project, const ImportOptions& options, std::optional<time::FrameRate> rate)
      : m_project(project), m_options(options), m_rate(rate) {
    for (const model::MediaItem& m : project.media) m_known.push_back({normalised(m.path), m.name + " (already in the project)", {}, false});
  }

  void consider(const fs::path& file);
  base::Result<ImportReport> finish();

 private:
  bool duplicate(const fs::path& file);
  base::Result<model::BinId> binFor(model::MediaKind kind) const;
  void flagRates(const std::string& file, const media::ProbeResult& probe);

  const model::Project& m_project;
  const ImportOptions& m_options;
  std::optional<time::FrameRate> m_rate;
  std::vector<Known> m_known;
  std::vector<model::MediaItem> m_items;
  ImportReport m_report;
};

bool Planner::duplicate(const fs::path& file) {
  for (const Known& k : m_known) {
    if (k.path == file) {
      m_report.duplicates.push_back({file.string(), file.string() + ": duplicate of " + k.label + " (same file)", ""});
      return true;
    }
  }
  const std::optional<FileIdentity> id = fileIdentity(file);
  if (!id) return false;  // unreadable: the probe reports it
  for (Known& k : m_known) {
    std::error_code ec;
    if (fs::file_size(k.path, ec) != id->size || ec) continue;
    if (!k.identityTried) {
      k.identity = fileIdentity(k.path);
      k.identityTried = true;
    }
    if (k.identity == id) {
      m_report.duplicates.push_back(
          {file.string(), file.string() + ": duplicate of " + k.label + " (same size and first 64 KiB)", ""});
      return true;
    }
  }
  return false;
}

void Planner::flagRates(const std::string& file, const media::ProbeResult& probe) {
  for (const std::string& w : probe.warnings) m_report.warnings.push_back({file, file + ": " + w, ""});
  if (!probe.video || probe.still) return;
  const std::string fix = m_rate ? "conform to " + fpsText(m_rate->fps()) + " fps" : "";
  const time::Rational& fps = probe.video->frameRate;
  if (probe.video->variableFrameRate) {
    m_report.warnings.push_back(
        {file, file + ": variable frame rate (average " + fpsText(fps) + " fps), kept as recorded", fix});
  } else if (m_rate && fps != m_rate->fps()) {
    m_report.warnings.push_back({file, file + ": " + fps.toString() + " fps (" + fpsText(fps) +
                                           ") differs from the sequence's " + fpsText(m_rate->fps()) + " fps", fix});
  }
}

void Planner::consider(const fs::path& requested) {
  const fs::path file = normalised(requested);
  if (duplicate(file)) return;
  base::Result<media::ProbeResult> probe = media::probe(file, m_options.probeTimeout);
  if (!probe.ok()) {
    m_report.errors.push_back({file.string(), probe.error().message, ""});
    return;
  }
  model::MediaItem item;
  item.path = file.string();
  item.name = file.stem().string();
  item.kind = mediaKindOf(probe.value());
  item.info = mediaInfoOf(probe.value());
  const model::ShotTake st = model::parseShotTake(item.name);
  item.shot = st.shot;
  item.take = st.take;
  flagRates(item.path, probe.value());
  m_known.push_back({file, file.string(), {}, false});
  m_items.push_back(std::move(item));
}

base::Result<model::BinId> Planner::binFor(model::MediaKind kind) const {
  const char* name = model::kStandardBins[3];
  if (!m_options.asReference) {
    name = kind == model::MediaKind::Video ? model::kStandardBins[0]
           : kind == model::MediaKind::Audio ? model::kStandardBins[1] : model::kStandardBins[2];
  }
  const model::Bin* bin = m_project.standardBin(name);
  if (bin == nullptr) return base::makeError(base::ErrorCode::NotFound, std::string("the project has no bin ") + name);
  return bin->id;
}

base::Result<ImportReport> Planner::finish() {
  if (m_items.empty()) return std::move(m_report);
  const std::uint64_t first = model::reserveIds(m_project, m_report.changes, m_items.size());
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    model::MediaItem& item = m_items[i];
    item.id = model::MediaId{first + i};
    PL_TRY_ASSIGN(bin, binFor(item.kind));
    m_report.changes.add(model::MediaAdded{item, bin});
    m_report.added.push_back(item.id);
  }
  return std::move(m_report);
}

}  // namespace

base::Result<ImportReport> planImport(const model::Project& project, const std::vector<fs::path>& filesOrFolders,
                                      const ImportOptions& options) {
  std::optional<time::FrameRate> rate;
  if (options.sequence.valid()) {
    const model::Sequence* seq = project.findSequence(options.sequence);
    if (seq == nullptr) return base::makeError(base::ErrorCode::NotFound, "import: unknown sequence");
    rate = seq->settings.frameRate;
  } else if (!project.sequences.empty()) {
    rate = project.sequences.front().settings.frameRate;
  }
  Planner planner(project, options, rate);
  for (const fs::path& p : filesOrFolders) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const fs::path& f : folderFiles(p, options.recursive)) planner.consider(f);
    } else {
      planner.consider(p);
    }
  }
  return planner.finish();
}

}  // namespace postline::ingest
