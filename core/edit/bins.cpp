#include "core/edit/bins.h"

#include <algorithm>
#include <map>

namespace postline::edit {

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

bool isStandardName(const std::string& name) {
  return std::any_of(model::kStandardBins.begin(), model::kStandardBins.end(),
                     [&](const char* s) { return name == s; });
}

Result<const model::Bin*> resolveBin(const model::Project& project, model::BinId id) {
  const model::Bin* b = project.findBin(id);
  if (b == nullptr) return base::makeError(base::ErrorCode::NotFound, "bin " + std::to_string(id.value) + " does not exist");
  return b;
}

// Checks `name` for a bin under `parent` (skipping bin `self`): not empty, not taken by a sibling.
Result<void> checkName(const model::Project& project, model::BinId parent, model::BinId self, const std::string& name) {
  if (name.empty()) return invalid("a bin needs a name");
  if (name.find_first_of("/\\") != std::string::npos) return invalid("bin name '" + name + "' cannot contain / or \\");
  for (const model::Bin& b : project.bins) {
    if (b.parent == parent && b.id != self && b.name == name) {
      return conflict("there is already a bin named '" + name + "' there; choose another name");
    }
  }
  return {};
}

}  // namespace

Result<ChangeSet> addBin(const model::Project& project, model::BinId parent, const std::string& name) {
  if (!parent.valid()) return conflict("new bins go inside one of the standard bins; select a bin first");
  PL_TRY_ASSIGN(p, resolveBin(project, parent));
  const std::string clean = trimmed(name);
  PL_TRY(checkName(project, p->id, model::BinId{}, clean));
  ChangeSet cs;
  model::Bin bin;
  bin.id = model::BinId{model::reserveIds(project, cs, 1)};
  bin.name = clean;
  bin.parent = p->id;
  cs.add(model::BinAdded{std::move(bin)});
  return cs;
}

Result<ChangeSet> renameBin(const model::Project& project, model::BinId binId, const std::string& name) {
  PL_TRY_ASSIGN(bin, resolveBin(project, binId));
  const std::string clean = trimmed(name);
  if (clean == bin->name) return ChangeSet{};
  if (!bin->parent.valid() && isStandardName(bin->name)) {
    return conflict("the standard bin '" + bin->name + "' keeps its name; rename a sub-bin instead");
  }
  PL_TRY(checkName(project, bin->parent, bin->id, clean));
  model::Bin after = *bin;
  after.name = clean;
  ChangeSet cs;
  cs.add(model::BinUpdated{*bin, std::move(after)});
  return cs;
}

Result<ChangeSet> moveMediaToBin(const model::Project& project, const std::vector<model::MediaId>& items,
                                 model::BinId target) {
  if (items.empty()) return invalid("no media selected to move");
  PL_TRY_ASSIGN(dest, resolveBin(project, target));
  std::map<model::BinId, model::Bin> changed;  // bins as they will be after the move
  changed.emplace(dest->id, *dest);
  for (model::MediaId id : items) {
    const model::MediaItem* m = project.findMedia(id);
    const model::Bin* from = binOfMedia(project, id);
    if (m == nullptr || from == nullptr) {
      return base::makeError(base::ErrorCode::NotFound, "media " + std::to_string(id.value) + " is not in any bin");
    }
    if (from->id == dest->id) continue;
    model::Bin& src = changed.emplace(from->id, *from).first->second;
    std::erase(src.items, id);
    model::Bin& dst = changed.at(dest->id);
    if (std::find(dst.items.begin(), dst.items.end(), id) == dst.items.end()) dst.items.push_back(id);
  }
  ChangeSet cs;
  for (const auto& [id, after] : changed) {
    const model::Bin* before = project.findBin(id);
    if (!(*before == after)) cs.add(model::BinUpdated{*before, after});
  }
  return cs;
}

const model::Bin* binOfMedia(const model::Project& project, model::MediaId item) {
  for (const model::Bin& b : project.bins) {
    if (std::find(b.items.begin(), b.items.end(), item) != b.items.end()) return &b;
  }
  return nullptr;
}

}  // namespace postline::edit
