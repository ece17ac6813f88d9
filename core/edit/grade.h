// Grade edits: a clip's grade (set, reset, paste onto many clips) and a sequence's timeline grade.
// Each validates (color::Grade::validate) and returns a ChangeSet without touching the model.
// Only clips on video tracks carry a grade; a clip on a locked track is a Conflict, as for every edit.
#pragma once
#include <vector>

#include "core/color/grade.h"
#include "core/edit/edit_context.h"

namespace postline::edit {

// Sets clip `clip`'s grade to `grade` (one ClipUpdated; empty when it already has it). An
// out-of-range value is InvalidArgument naming the clip and the field; an audio clip is
// InvalidArgument naming it; an unknown clip is NotFound.
Result<ChangeSet> setClipGrade(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                               const color::Grade& grade);

// Sets `grade` on every clip of `clips` (duplicates ignored) as one ChangeSet: all or nothing, the
// first failing clip named. Copy/paste of a grade = read one clip's grade, apply it to others.
Result<ChangeSet> applyGradeToClips(const model::Project& project, model::SequenceId seq,
                                    const std::vector<model::ClipId>& clips, const color::Grade& grade);

// One clip's new Normalise (a colour match's result: render::normaliseAll).
struct ClipNormalise {
  model::ClipId clip;
  color::Normalise normalise;
};

// Replaces the Normalise of each listed clip's grade, its creative grade kept, as one ChangeSet
// ("normalise all"): all or nothing, the first failing clip named.
Result<ChangeSet> setClipNormalises(const model::Project& project, model::SequenceId seq,
                                    const std::vector<ClipNormalise>& normalises);

// Resets clip `clip`'s grade to the identity (color::Grade{}).
Result<ChangeSet> resetClipGrade(const model::Project& project, model::SequenceId seq, model::ClipId clip);

// Sets the sequence's timeline grade (one SequenceSettingsChanged; empty when unchanged). An
// out-of-range value is InvalidArgument naming the sequence and the field.
Result<ChangeSet> setTimelineGrade(const model::Project& project, model::SequenceId seq,
                                   const color::TimelineGrade& grade);

}  // namespace postline::edit
