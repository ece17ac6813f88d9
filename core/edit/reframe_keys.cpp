#include "core/edit/reframe_keys.h"

#include <algorithm>

#include "core/edit/clip_edges.h"
#include "core/model/validate.h"

namespace postline::edit {

namespace {

// The clip `id` of `ref`, when it is a video clip on an unlocked track.
Result<ClipRef> keyableClip(const SeqRef& ref, model::ClipId id) {
  PL_TRY_ASSIGN(c, resolveClip(ref, id));
  if (c.track.kind != model::TrackKind::Video) {
    return invalid(quoted(c.clip) + " is on audio track " + c.track.name + "; only video clips are reframed");
  }
  if (c.track.locked) return conflict("track " + c.track.name + " is locked; " + quoted(c.clip) + " cannot be reframed");
  return c;
}

std::string where(const ClipRef& c) { return "clip " + quoted(c.clip) + " on " + c.track.name; }

}  // namespace

Result<ChangeSet> setReframeKey(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                const std::string& aspect, std::int64_t sourceFrame, double x, double y) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, keyableClip(ref, clip));
  model::Clip after = c.clip;
  const model::ReframeKey key{sourceFrame, x, y};
  std::vector<model::ReframeKey>& keys = after.reframeKeys[aspect];
  const auto pos = std::lower_bound(keys.begin(), keys.end(), key.sourceFrame,
                                    [](const model::ReframeKey& k, std::int64_t f) { return k.sourceFrame < f; });
  if (pos != keys.end() && pos->sourceFrame == key.sourceFrame) {
    *pos = key;
  } else {
    keys.insert(pos, key);
  }
  if (auto ok = model::validateReframeKeys(after.reframeKeys, where(c)); !ok) return invalid(ok.error().message);
  ChangeSet cs;
  if (after.reframeKeys == c.clip.reframeKeys) return cs;
  cs.add(clipUpdate(ref, c.track, c.clip, after));
  return cs;
}

Result<ChangeSet> clearReframeKeys(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                                   const std::string& aspect) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(c, keyableClip(ref, clip));
  model::Clip after = c.clip;
  if (after.reframeKeys.erase(aspect) == 0) {
    return base::makeError(base::ErrorCode::NotFound, where(c) + " has no reframing keys for " + aspect);
  }
  ChangeSet cs;
  cs.add(clipUpdate(ref, c.track, c.clip, after));
  return cs;
}

}  // namespace postline::edit
