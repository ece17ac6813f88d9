// File names of deliveries: "<Project>_<fileTag>_v003.mp4" in the exports folder.
#include <algorithm>
#include <cctype>
#include <regex>
#include <system_error>

#include "core/export/export_job.h"

namespace postline::exporting {

std::string fileNamePart(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    const bool keep = std::isalnum(c) != 0 || c == '-' || c == '_';
    if (keep) out += static_cast<char>(c);
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "Export" : out;
}

int nextVersion(const std::filesystem::path& dir, const std::string& baseName) {
  int highest = 0;
  std::error_code ec;
  const std::regex pattern("_v([0-9]{3,6})(\\.partial)?\\.[A-Za-z0-9]+$");
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(baseName + "_", 0) != 0) continue;
    std::smatch m;
    if (std::regex_search(name, m, pattern)) highest = std::max(highest, std::stoi(m[1].str()));
  }
  return highest + 1;
}

std::string deliveryFileName(const std::string& baseName, const Preset& preset, int version) {
  char v[16];
  std::snprintf(v, sizeof v, "_v%03d.", version);
  return baseName + "_" + fileNamePart(preset.fileTag.empty() ? preset.id : preset.fileTag) + v + preset.container;
}

base::Result<OverLimit> parseOverLimit(const std::string& name) {
  if (name == "refuse") return OverLimit::Refuse;
  if (name == "export") return OverLimit::Export;
  if (name == "trim") return OverLimit::Trim;
  return base::makeError(base::ErrorCode::InvalidArgument,
                         "--over-limit '" + name + "' is not one of refuse, export, trim");
}

}  // namespace postline::exporting
