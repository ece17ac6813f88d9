#include "core/edit/edit_context.h"

#include "core/model/validate.h"

namespace postline::edit {

using base::ErrorCode;
using base::makeError;

base::Error invalid(const std::string& message) { return makeError(ErrorCode::InvalidArgument, message); }
base::Error outOfRange(const std::string& message) { return makeError(ErrorCode::OutOfRange, message); }
base::Error conflict(const std::string& message) { return makeError(ErrorCode::Conflict, message); }

Result<SeqRef> resolveSequence(const model::Project& project, model::SequenceId id) {
  const model::Sequence* s = project.findSequence(id);
  if (s == nullptr) return makeError(ErrorCode::NotFound, "sequence " + std::to_string(id.value) + " does not exist");
  return SeqRef{project, *s};
}

Result<ClipRef> resolveClip(const SeqRef& ref, model::ClipId id) {
  for (const model::Track& t : ref.seq.tracks) {
    if (const model::Clip* c = model::findClipOnTrack(t, id)) {
      const model::MediaItem* m = ref.project.findMedia(c->media);
      if (m == nullptr) return makeError(ErrorCode::NotFound, "clip '" + c->name + "' refers to missing media");
      return ClipRef{t, *c, *m};
    }
  }
  return makeError(ErrorCode::NotFound, "clip " + std::to_string(id.value) + " is not in '" + ref.seq.name + "'");
}

Result<const model::Track*> resolveTrack(const SeqRef& ref, model::TrackId id) {
  const model::Track* t = ref.seq.findTrack(id);
  if (t == nullptr) return makeError(ErrorCode::NotFound, "track " + std::to_string(id.value) + " is not in '" + ref.seq.name + "'");
  if (t->locked) return conflict("track " + t->name + " is locked");
  return t;
}

model::ClipUpdated clipUpdate(const SeqRef& ref, const model::Track& track, const model::Clip& before,
                              const model::Clip& after) {
  return model::ClipUpdated{ref.seq.id, track.id, before, after};
}

Result<void> checkClipFits(const SeqRef& ref, const model::Track& track, const model::Clip& after) {
  return model::checkClip(ref.project, ref.seq, track, after);
}

}  // namespace postline::edit
