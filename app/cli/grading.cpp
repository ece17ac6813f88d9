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
  std::vector<edit::ClipNormalise> normalises;
  for (const render::ClipMatch& m : matches) normalises.push_back({m.clip, m.normalise});
  return edit::setClipNormalises(project, seq, normalises);
}

}  // namespace

base::Result<model::ChangeSet> normaliseAllChanges(const model::Project& project, model::SequenceId seq,
                                                   const std::filesystem::path& reference) {
  PL_TRY_ASSIGN(ref, render::referencePicture(reference));
  return matchChanges(project, seq, [&](const model::MediaItem&) { return &ref; }, nullptr);
}

base::Result<model::ChangeSet> normalisePerShotChanges(const model::Project& project, model::SequenceId seq, int& matched) {
  std::map<int, color::ImageF> byShot;
  for (const model::MediaItem* m : project.mediaUnderBin(model::kStandardBins[3])) {
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
