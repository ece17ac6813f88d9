#include "core/model/validate.h"

#include <limits>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <unordered_set>
#include <iterator>
#include <vector>

#include "core/model/audio_validate.h"
#include "core/model/clip_timing.h"

namespace postline::model {

using base::ErrorCode;
using base::makeError;
using base::Result;

namespace {

Result<void> fail(const std::string& message) { return makeError(ErrorCode::InvalidArgument, message); }

// "<where> has an invalid <what>: <field problem>" when the grade's validation `r` failed.
Result<void> checkGrade(const Result<void>& r, const std::string& where, const char* what) {
  if (r) return {};
  return fail(where + " has an invalid " + what + ": " + r.error().message);
}

class IdRegistry {
 public:
  explicit IdRegistry(std::uint64_t next) : m_next(next) {}
  Result<void> add(std::uint64_t id, const std::string& what) {
    if (id == 0 || id >= m_next) return fail(what + " has id " + std::to_string(id) + " outside the project's ids");
    if (!m_seen.insert(id).second) return fail(what + " reuses id " + std::to_string(id));
    return {};
  }

 private:
  std::uint64_t m_next;
  std::unordered_set<std::uint64_t> m_seen;
};

// A title item: non-empty text, a size in (0, 1], colour components in [0, 1], an anchor in [-1, 2].
Result<void> checkTitle(const MediaItem& m) {
  const std::string where = "title '" + m.name + "'";
  const TitleSpec& t = m.title;
  if (t.text.empty()) return fail(where + " has no text");
  if (!(t.size > 0.0 && t.size <= 1.0)) return fail(where + " has a size outside (0, 1] of the frame height");
  for (double c : t.color) {
    if (!(c >= 0.0 && c <= 1.0)) return fail(where + " has a colour component outside 0..1");
  }
  if (!(t.x >= -1.0 && t.x <= 2.0 && t.y >= -1.0 && t.y <= 2.0)) return fail(where + " has a position outside -1..2");
  return {};
}

Result<void> checkBins(const Project& p, IdRegistry& ids) {
  for (const char* name : kStandardBins) {
    if (p.standardBin(name) == nullptr) return fail(std::string("the standard bin ") + name + " is missing");
  }
  for (const Bin& b : p.bins) {
    PL_TRY(ids.add(b.id.value, "bin '" + b.name + "'"));
    if (b.parent.valid() && p.findBin(b.parent) == nullptr) return fail("bin '" + b.name + "' has no parent bin");
    for (MediaId m : b.items) {
      if (p.findMedia(m) == nullptr) return fail("bin '" + b.name + "' lists media " + std::to_string(m.value) + " that does not exist");
    }
  }
  for (const MediaItem& m : p.media) {
    PL_TRY(ids.add(m.id.value, "media '" + (m.path.empty() ? m.name : m.path) + "'"));
    if (m.kind == MediaKind::Title) PL_TRY(checkTitle(m));
  }
  return {};
}

Result<void> checkTrack(const Project& p, const Sequence& s, const Track& t, IdRegistry& ids) {
  PL_TRY(ids.add(t.id.value, "track " + t.name));
  PL_TRY(validateTrackAudio(t, "track " + t.name));
  for (std::size_t i = 0; i < t.clips.size(); ++i) {
    const Clip& c = t.clips[i];
    PL_TRY(ids.add(c.id.value, "clip '" + c.name + "'"));
    PL_TRY(checkClip(p, s, t, c));
    if (i > 0 && t.clips[i - 1].end() > c.start) {
      return fail("clips '" + t.clips[i - 1].name + "' and '" + c.name + "' overlap on " + t.name);
    }
  }
  return {};
}

Result<void> checkSequence(const Project& p, const Sequence& s, IdRegistry& ids) {
  PL_TRY(ids.add(s.id.value, "sequence '" + s.name + "'"));
  if (s.settings.width <= 0 || s.settings.height <= 0 || s.settings.width > 16384 || s.settings.height > 16384) {
    return fail("sequence '" + s.name + "' has an impossible frame size");
  }
  if (s.settings.sampleRate != 48000) return fail("sequence '" + s.name + "' must run at 48000 Hz");
  PL_TRY(checkGrade(s.settings.timelineGrade.validate(), "sequence '" + s.name + "'", "timeline grade"));
  PL_TRY(validateMix(s.settings.mix, "sequence '" + s.name + "' mix"));
  for (const Track& t : s.tracks) PL_TRY(checkTrack(p, s, t, ids));
  for (const Transition& t : s.transitions) {
    PL_TRY(ids.add(t.id.value, "a transition in '" + s.name + "'"));
    PL_TRY(checkTransition(p, s, t));
  }
  for (const Marker& m : s.markers) {
    PL_TRY(ids.add(m.id.value, "marker '" + m.name + "'"));
    if (m.position.value < 0 || m.duration.value < 0) return fail("marker '" + m.name + "' lies before the sequence start");
  }
  return {};
}

// Unused source on the clip's timeline head (before=true) or tail side: a reversed clip shows
// its source end at its head; a freeze frame can be held on either side without limit.
Result<time::FrameCount> timelineHandle(const Clip& c, const MediaItem& m, const time::FrameRate& rate, bool before) {
  if (c.freeze) return time::FrameCount{std::numeric_limits<std::int64_t>::max() / 4};
  return before != c.reverse ? headHandle(c, m, rate) : tailHandle(c, m, rate);
}

// True when every number of the clip's audio and reframe is finite (a NaN from a bad slider
// would otherwise be written as null and make the file unreadable); grades check themselves.
bool finiteParams(const Clip& c) {
  const double values[] = {c.audio.gainDb, c.reframe.scale, c.reframe.offsetX, c.reframe.offsetY,
                           c.reframe.rotationDeg, c.reframe.cropLeft, c.reframe.cropRight, c.reframe.cropTop,
                           c.reframe.cropBottom};
  return std::all_of(std::begin(values), std::end(values), [](double v) { return std::isfinite(v); });
}

// Whether `name` is "WxH" with W, H positive coprime integers of at most 5 digits.
bool isReducedAspectName(const std::string& name) {
  const std::size_t x = name.find('x');
  if (x == std::string::npos || x == 0 || x + 1 >= name.size() || name.size() > 11) return false;
  const auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 5 && s[0] != '0' &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const std::string w = name.substr(0, x);
  const std::string h = name.substr(x + 1);
  if (!digits(w) || !digits(h)) return false;
  return std::gcd(std::atoi(w.c_str()), std::atoi(h.c_str())) == 1;
}

}  // namespace

Result<void> validateReframeKeys(const ReframeKeys& keys, const std::string& where) {
  for (const auto& [aspect, list] : keys) {
    const std::string at = where + " reframe keys for '" + aspect + "'";
    if (!isReducedAspectName(aspect)) {
      return fail(at + ": the aspect must be width x height in lowest terms, e.g. 9x16, 4x5 or 1x1");
    }
    if (list.empty()) return fail(at + ": the list is empty (remove the aspect instead)");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const ReframeKey& k = list[i];
      const std::string key = at + ", key " + std::to_string(i) + " (source frame " + std::to_string(k.sourceFrame) + ")";
      if (k.sourceFrame < 0) return fail(key + ": the source frame must be 0 or more");
      if (i > 0 && k.sourceFrame <= list[i - 1].sourceFrame) {
        return fail(key + ": keys must be in increasing source frame order, one per frame");
      }
      if (!std::isfinite(k.x) || !std::isfinite(k.y) || k.x < 0.0 || k.x > 1.0 || k.y < 0.0 || k.y > 1.0) {
        return fail(key + ": x and y must lie in 0..1 of the picture, found x " + std::to_string(k.x) + ", y " +
                    std::to_string(k.y));
      }
    }
  }
  return {};
}

Result<void> checkClip(const Project& p, const Sequence& s, const Track& t, const Clip& c) {
  const std::string where = "clip '" + c.name + "' on " + t.name;
  const MediaItem* m = p.findMedia(c.media);
  if (m == nullptr) return fail(where + " refers to media that is not in the project");
  if (c.duration.value <= 0) return fail(where + " has no length");
  if (c.start.value < 0) return fail(where + " starts before the sequence");
  if (c.speed.num() <= 0) return fail(where + " has a speed that is not positive");
  if (!finiteParams(c)) return fail(where + " has a level or reframe value that is not a finite number");
  PL_TRY(checkGrade(c.grade.validate(), where, "grade"));
  PL_TRY(validateClipAudio(c.audio, where));
  PL_TRY(validateReframeKeys(c.reframeKeys, where));
  const Reframe& r = c.reframe;
  for (double crop : {r.cropLeft, r.cropRight, r.cropTop, r.cropBottom}) {
    if (crop < 0.0 || crop > 0.5) return fail(where + " has a crop outside 0..0.5 of the picture");
  }
  const bool fits = t.kind == TrackKind::Video ? (m->info.hasVideo || m->info.still) : m->info.hasAudio;
  if (!fits) return fail(where + ": '" + m->name + "' has no " + trackKindName(t.kind));
  if (m->info.still) return {};
  PL_TRY_ASSIGN(out, sourceOut(c, *m, s.settings.frameRate));
  if (c.sourceIn < 0 || out > m->info.duration) {
    return makeError(ErrorCode::OutOfRange, where + " uses source outside '" + m->name + "'");
  }
  return {};
}

Result<void> checkTransition(const Project& p, const Sequence& s, const Transition& t) {
  const Track* track = s.findTrack(t.track);
  const Clip* left = track ? findClipOnTrack(*track, t.left) : nullptr;
  const Clip* right = track ? findClipOnTrack(*track, t.right) : nullptr;
  if (left == nullptr || right == nullptr) return fail("a transition refers to clips that are not on its track");
  if (left->end() != right->start) return fail("transition between '" + left->name + "' and '" + right->name + "' is not on a cut");
  if (t.duration.value <= 0) return fail("transition at '" + right->name + "' has no length");
  const time::FramePos cut = right->start;
  const time::FrameRange r = transitionRange(t, cut);
  const MediaItem* lm = p.findMedia(left->media);
  const MediaItem* rm = p.findMedia(right->media);
  if (lm == nullptr || rm == nullptr) return fail("a transition's clips refer to missing media");
  PL_TRY_ASSIGN(tail, timelineHandle(*left, *lm, s.settings.frameRate, false));
  PL_TRY_ASSIGN(head, timelineHandle(*right, *rm, s.settings.frameRate, true));
  const bool fitsLeft = r.end - cut <= tail && r.start >= left->start;
  const bool fitsRight = cut - r.start <= head && r.end <= right->end();
  if (!fitsLeft || !fitsRight) {
    return makeError(ErrorCode::OutOfRange, "a " + std::to_string(t.duration.value) + "-frame transition between '" +
                                                left->name + "' and '" + right->name + "' is longer than their handles");
  }
  return {};
}

Result<void> validate(const Project& p) {
  IdRegistry ids(p.nextId);
  PL_TRY(checkBins(p, ids));
  for (const Sequence& s : p.sequences) PL_TRY(checkSequence(p, s, ids));
  return {};
}

}  // namespace postline::model
