#include "app/cli/grading.h"

#include <algorithm>
#include <map>
#include <memory>

#include "core/color/grade_presets.h"
#include "core/edit/grade.h"
#include "core/model/find_by_id.h"
#include "core/render/decoded_pictures.h"
#include "core/render/normalise_all.h"

namespace postline::cli {

namespace {

base::Result<model::ChangeSet> matchChanges(const model::Project& project, model::SequenceId seq,
                                            const render::ReferenceFor& referenceFor, int* matched) {
  auto snapshot = std::make_shared<const model::Project>(project);
  render::DecodedPictures pictures;
  PL_TRY_ASSIGN(matches, render::normaliseAll(render::Snapshot{snapshot, seq}, referenceFor, pictures));
  if (matched != nullptr) *matched = static_cast<int>(matches.size());
  const model::Sequence* sequence = project.findSequence(seq);
  model::ChangeSet all;
  for (const render::ClipMatch& m : matches) {
    color::Grade g = sequence->findClip(m.clip)->grade;
    g.normalise = m.normalise;
    PL_TRY_ASSIGN(cs, edit::setClipGrade(project, seq, m.clip, g));
    all.append(cs);
  }
  return all;
}

// The media items of the 04_Reference bin (and its sub-bins).
std::vector<const model::MediaItem*> referenceItems(const model::Project& project) {
  std::vector<model::BinId> bins;
  for (const model::Bin& b : project.bins) {
    if (b.name == model::kStandardBins[3] || std::find(bins.begin(), bins.end(), b.parent) != bins.end()) bins.push_back(b.id);
  }
  std::vector<const model::MediaItem*> items;
  for (const model::Bin& b : project.bins) {
    if (std::find(bins.begin(), bins.end(), b.id) == bins.end()) continue;
    for (model::MediaId id : b.items) {
      if (const model::MediaItem* m = model::findPtrById(project.media, id)) items.push_back(m);
    }
  }
  return items;
}

}  // namespace

base::Result<model::ChangeSet> normaliseAllChanges(const model::Project& project, model::SequenceId seq,
                                                   const std::filesystem::path& reference) {
  PL_TRY_ASSIGN(ref, render::referencePicture(reference));
  return matchChanges(project, seq, [&](const model::MediaItem&) { return &ref; }, nullptr);
}

base::Result<model::ChangeSet> normalisePerShotChanges(const model::Project& project, model::SequenceId seq, int& matched) {
  std::map<int, color::ImageF> byShot;
  for (const model::MediaItem* m : referenceItems(project)) {
    if (m->shot <= 0 || byShot.count(m->shot) != 0) continue;
    PL_TRY_ASSIGN(pic, render::referencePicture(m->path));
    byShot.emplace(m->shot, std::move(pic));
  }
  const auto refFor = [&](const model::MediaItem& clipMedia) -> const color::ImageF* {
    const auto it = byShot.find(clipMedia.shot);
    return clipMedia.shot > 0 && it != byShot.end() ? &it->second : nullptr;
  };
  return matchChanges(project, seq, refFor, &matched);
}

base::Result<model::ChangeSet> lookChanges(const model::Project& project, model::SequenceId seq, const std::string& presetId) {
  PL_TRY_ASSIGN(preset, color::findGradePreset(presetId));
  return edit::setTimelineGrade(project, seq, preset.grade);
}

}  // namespace postline::cli
