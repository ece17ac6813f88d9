#include "core/project/json_model.h"

namespace postline::project::detail {

using base::Result;
using model::Clip;
using model::Track;

namespace {

Result<void> positive(const time::FrameCount& c, const Where& at, const char* key) {
  if (c.value <= 0) return Where(at, key).error("must be positive, found " + std::to_string(c.value));
  return {};
}

Result<void> readReframeKey(const Json& o, const Where& at, model::ReframeKey& k) {
  PL_TRY(expectObject(o, at));
  PL_TRY(getInt(o, at, "source_frame", k.sourceFrame, 0, kMaxTicks));
  PL_TRY(get(o, at, "x", k.x));
  return get(o, at, "y", k.y);
}

// Schema 5 `reframe_keys`: one array of keys per aspect name (the names and ranges are checked by
// model::validate after reading).
Result<void> readReframeKeys(const Json& o, const Where& at, model::ReframeKeys& out) {
  for (auto it = o.begin(); it != o.end(); ++it) {
    const std::string& aspect = it.key();  // owned by `o`, which outlives the Where built from it
    PL_TRY(readList(o, at, aspect.c_str(), out[aspect], readReframeKey));
  }
  return {};
}

// The optional groups: absent means the default; present means every field is required.
Result<void> readClipGroups(const Json& o, const Where& at, const std::filesystem::path& projectDir, Clip& c) {
  PL_TRY_ASSIGN(audio, optionalObject(o, at, "audio"));
  if (audio != nullptr) PL_TRY(readClipAudio(*audio, Where(at, "audio"), c.audio));
  PL_TRY_ASSIGN(grade, optionalObject(o, at, "grade"));
  if (grade != nullptr) PL_TRY(readGrade(*grade, Where(at, "grade"), projectDir, c.grade));
  PL_TRY_ASSIGN(reframe, optionalObject(o, at, "reframe"));
  if (reframe != nullptr) {
    const Where rAt(at, "reframe");
    PL_TRY(get(*reframe, rAt, "scale", c.reframe.scale));
    PL_TRY(get(*reframe, rAt, "offset_x", c.reframe.offsetX));
    PL_TRY(get(*reframe, rAt, "offset_y", c.reframe.offsetY));
    PL_TRY(get(*reframe, rAt, "rotation_deg", c.reframe.rotationDeg));
    PL_TRY_ASSIGN(crop, optionalObject(*reframe, rAt, "crop"));
    if (crop != nullptr) {
      const Where cAt(rAt, "crop");
      PL_TRY(get(*crop, cAt, "left", c.reframe.cropLeft));
      PL_TRY(get(*crop, cAt, "right", c.reframe.cropRight));
      PL_TRY(get(*crop, cAt, "top", c.reframe.cropTop));
      PL_TRY(get(*crop, cAt, "bottom", c.reframe.cropBottom));
    }
  }
  PL_TRY_ASSIGN(keys, optionalObject(o, at, "reframe_keys"));
  if (keys != nullptr) PL_TRY(readReframeKeys(*keys, Where(at, "reframe_keys"), c.reframeKeys));
  return {};
}

Result<void> readClip(const Json& o, const Where& at, const std::filesystem::path& projectDir, Clip& c) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "id", c.id));
  PL_TRY(get(o, at, "media", c.media));
  PL_TRY(get(o, at, "name", c.name));
  PL_TRY(get(o, at, "start", c.start));
  PL_TRY(get(o, at, "duration", c.duration));
  PL_TRY(positive(c.duration, at, "duration"));
  PL_TRY(getInt(o, at, "source_in", c.sourceIn, 0, kMaxTicks));
  PL_TRY(get(o, at, "speed", c.speed));
  if (c.speed.num() <= 0) return Where(at, "speed").error("must be positive, found " + c.speed.toString());
  PL_TRY(get(o, at, "reverse", c.reverse));
  PL_TRY(get(o, at, "freeze", c.freeze));
  PL_TRY(get(o, at, "enabled", c.enabled));
  PL_TRY(getId(o, at, "link_group", c.linkGroup));
  return readClipGroups(o, at, projectDir, c);
}

Result<void> readTrack(const Json& o, const Where& at, const std::filesystem::path& projectDir, Track& t) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "id", t.id));
  PL_TRY(getEnum(o, at, "kind", t.kind, kTrackKinds));
  PL_TRY(get(o, at, "name", t.name));
  PL_TRY(getEnum(o, at, "role", t.role, kAudioRoles));
  PL_TRY(get(o, at, "muted", t.muted));
  PL_TRY(get(o, at, "locked", t.locked));
  PL_TRY(get(o, at, "volume_db", t.volumeDb));
  PL_TRY_ASSIGN(mixer, optionalObject(o, at, "mixer"));
  if (mixer != nullptr) PL_TRY(readTrackMixer(*mixer, Where(at, "mixer"), t));
  return readList(o, at, "clips", t.clips,
                  [&](const Json& v, const Where& w, Clip& c) { return readClip(v, w, projectDir, c); });
}

Result<void> readTransition(const Json& o, const Where& at, model::Transition& t) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "id", t.id));
  PL_TRY(get(o, at, "track", t.track));
  PL_TRY(get(o, at, "left", t.left));
  PL_TRY(get(o, at, "right", t.right));
  PL_TRY(getEnum(o, at, "kind", t.kind, kTransitionKinds));
  PL_TRY(get(o, at, "duration", t.duration));
  PL_TRY(positive(t.duration, at, "duration"));
  PL_TRY(getEnum(o, at, "align", t.align, kTransitionAligns));
  return {};
}

Result<void> readMarker(const Json& o, const Where& at, model::Marker& m) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "id", m.id));
  PL_TRY(get(o, at, "position", m.position));
  PL_TRY(get(o, at, "duration", m.duration));
  PL_TRY(get(o, at, "name", m.name));
  PL_TRY(get(o, at, "color", m.color));
  PL_TRY(get(o, at, "note", m.note));
  return {};
}

Result<void> readSettings(const Json& o, const Where& at, model::SequenceSettings& s) {
  PL_TRY(expectObject(o, at));
  PL_TRY(getInt(o, at, "width", s.width, 1, 65536));
  PL_TRY(getInt(o, at, "height", s.height, 1, 65536));
  time::Rational fps;
  PL_TRY(get(o, at, "frame_rate", fps));
  auto rate = time::FrameRate::make(fps);
  if (!rate.ok()) return Where(at, "frame_rate").error("must be a positive rate, found " + fps.toString());
  s.frameRate = rate.value();
  PL_TRY(getEnum(o, at, "color_space", s.colorSpace, kColorSpaces));
  PL_TRY(getInt(o, at, "sample_rate", s.sampleRate, 1, 10'000'000));
  PL_TRY_ASSIGN(mix, optionalObject(o, at, "mix"));
  if (mix != nullptr) PL_TRY(readMix(*mix, Where(at, "mix"), s.mix));
  return {};
}

}  // namespace

Result<void> readSequence(const Json& o, const Where& at, const std::filesystem::path& projectDir,
                          model::Sequence& s) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "id", s.id));
  PL_TRY(get(o, at, "name", s.name));
  PL_TRY_ASSIGN(settings, member(o, at, "settings"));
  PL_TRY(readSettings(*settings, Where(at, "settings"), s.settings));
  PL_TRY_ASSIGN(timeline, optionalObject(o, at, "timeline_grade"));
  if (timeline != nullptr) {
    PL_TRY(readTimelineGrade(*timeline, Where(at, "timeline_grade"), projectDir, s.settings.timelineGrade));
  }
  PL_TRY(readList(o, at, "tracks", s.tracks,
                  [&](const Json& v, const Where& w, Track& t) { return readTrack(v, w, projectDir, t); }));
  PL_TRY(readList(o, at, "transitions", s.transitions, readTransition));
  PL_TRY(readList(o, at, "markers", s.markers, readMarker));
  return {};
}

}  // namespace postline::project::detail
