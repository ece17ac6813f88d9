#include "core/edit/grade.h"

#include <unordered_set>

#include "core/edit/clip_edges.h"

namespace postline::edit {

namespace {

// InvalidArgument "<where> has an invalid <what>: <field problem>" when `check` failed.
Result<void> named(const Result<void>& check, const std::string& where, const char* what) {
  if (check.ok()) return {};
  return invalid(where + " has an invalid " + what + ": " + check.error().message);
}

// Appends the ClipUpdated giving clip `id` the grade `grade` (nothing when it already has it).
Result<void> planGrade(const SeqRef& ref, model::ClipId id, const color::Grade& grade, ChangeSet& cs) {
  PL_TRY_ASSIGN(c, resolveClip(ref, id));
  if (c.track.kind != model::TrackKind::Video) {
    return invalid(quoted(c.clip) + " is on audio track " + c.track.name + "; only video clips have a grade");
  }
  if (c.track.locked) return conflict("track " + c.track.name + " is locked; " + quoted(c.clip) + " cannot be graded");
  PL_TRY(named(grade.validate(), quoted(c.clip), "grade"));
  if (c.clip.grade == grade) return {};
  model::Clip after = c.clip;
  after.grade = grade;
  cs.add(clipUpdate(ref, c.track, c.clip, after));
  return {};
}

}  // namespace

Result<ChangeSet> setClipGrade(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                               const color::Grade& grade) {
  return applyGradeToClips(project, seq, {clip}, grade);
}

Result<ChangeSet> applyGradeToClips(const model::Project& project, model::SequenceId seq,
                                    const std::vector<model::ClipId>& clips, const color::Grade& grade) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  ChangeSet cs;
  std::unordered_set<std::uint64_t> seen;
  for (model::ClipId id : clips) {
    if (!seen.insert(id.value).second) continue;
    PL_TRY(planGrade(ref, id, grade, cs));
  }
  return cs;
}

Result<ChangeSet> setClipNormalises(const model::Project& project, model::SequenceId seq,
                                    const std::vector<ClipNormalise>& normalises) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  ChangeSet cs;
  for (const ClipNormalise& n : normalises) {
    PL_TRY_ASSIGN(c, resolveClip(ref, n.clip));
    color::Grade g = c.clip.grade;
    g.normalise = n.normalise;
    PL_TRY(planGrade(ref, n.clip, g, cs));
  }
  return cs;
}

Result<ChangeSet> resetClipGrade(const model::Project& project, model::SequenceId seq, model::ClipId clip) {
  return setClipGrade(project, seq, clip, color::Grade{});
}

Result<ChangeSet> setTimelineGrade(const model::Project& project, model::SequenceId seq,
                                   const color::TimelineGrade& grade) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY(named(grade.validate(), "sequence '" + ref.seq.name + "'", "timeline grade"));
  ChangeSet cs;
  if (ref.seq.settings.timelineGrade == grade) return cs;
  model::SequenceSettings after = ref.seq.settings;
  after.timelineGrade = grade;
  cs.add(model::SequenceSettingsChanged{ref.seq.id, ref.seq.settings, after});
  return cs;
}

}  // namespace postline::edit
