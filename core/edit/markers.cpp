#include "core/edit/markers.h"

#include <utility>

namespace postline::edit {

namespace {

Result<const model::Marker*> resolveMarker(const SeqRef& ref, model::MarkerId id) {
  const model::Marker* m = ref.seq.findMarker(id);
  if (m == nullptr) {
    return base::makeError(base::ErrorCode::NotFound,
                           "marker " + std::to_string(id.value) + " is not in '" + ref.seq.name + "'");
  }
  return m;
}

}  // namespace

Result<ChangeSet> addMarker(const model::Project& project, model::SequenceId seq, time::FramePos position,
                            std::string name, time::FrameCount duration) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  if (position.value < 0) return outOfRange("marker '" + name + "' cannot lie before the sequence start");
  if (duration.value < 0) return outOfRange("marker '" + name + "' cannot have a negative duration");
  ChangeSet cs;
  model::Marker m;
  m.id = model::MarkerId{model::reserveIds(project, cs, 1)};
  m.position = position;
  m.duration = duration;
  m.name = std::move(name);
  cs.add(model::MarkerAdded{ref.seq.id, std::move(m)});
  return cs;
}

Result<ChangeSet> removeMarker(const model::Project& project, model::SequenceId seq, model::MarkerId id) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(m, resolveMarker(ref, id));
  ChangeSet cs;
  cs.add(model::MarkerRemoved{ref.seq.id, *m});
  return cs;
}

Result<ChangeSet> renameMarker(const model::Project& project, model::SequenceId seq, model::MarkerId id,
                               std::string name) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(m, resolveMarker(ref, id));
  model::Marker after = *m;
  after.name = std::move(name);
  ChangeSet cs;
  cs.add(model::MarkerUpdated{ref.seq.id, *m, after});
  return cs;
}

Result<ChangeSet> moveMarker(const model::Project& project, model::SequenceId seq, model::MarkerId id,
                             time::FramePos position) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(m, resolveMarker(ref, id));
  if (position.value < 0) return outOfRange("marker '" + m->name + "' cannot move before the sequence start");
  model::Marker after = *m;
  after.position = position;
  ChangeSet cs;
  cs.add(model::MarkerUpdated{ref.seq.id, *m, after});
  return cs;
}

}  // namespace postline::edit
