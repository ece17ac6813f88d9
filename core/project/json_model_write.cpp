#include "core/project/json_model.h"
#include "core/project/project_file.h"

namespace postline::project::detail {

using model::Bin;
using model::Clip;
using model::MediaItem;
using model::Sequence;
using model::Track;

namespace {

Json writeInfo(const model::MediaInfo& i) {
  Json j = Json::object();
  j["container"] = i.container;
  j["has_video"] = i.hasVideo;
  j["has_audio"] = i.hasAudio;
  j["still"] = i.still;
  j["width"] = i.width;
  j["height"] = i.height;
  j["frame_rate"] = i.frameRate.toString();
  j["variable_frame_rate"] = i.variableFrameRate;
  j["time_base"] = i.timeBase.toString();
  j["duration"] = i.duration;
  j["video_codec"] = i.videoCodec;
  j["audio_codec"] = i.audioCodec;
  j["sample_rate"] = i.sampleRate;
  j["channels"] = i.channels;
  j["color_space"] = i.colorSpace;
  return j;
}

Json writeTitle(const model::TitleSpec& t) {
  Json j = Json::object();
  j["text"] = t.text;
  j["font"] = t.font;
  j["size"] = t.size;
  j["color"] = Json::array({t.color[0], t.color[1], t.color[2], t.color[3]});
  j["x"] = t.x;
  j["y"] = t.y;
  j["shadow"] = t.shadow;
  return j;
}

Json writeMedia(const MediaItem& m, const std::filesystem::path& projectDir) {
  Json j = Json::object();
  j["id"] = m.id.value;
  j["name"] = m.name;
  j["kind"] = enumName(kMediaKinds, m.kind);
  j["path"] = relativeMediaPath(m.path, projectDir);
  j["absolute_path"] = m.path;
  j["shot"] = m.shot;
  j["take"] = m.take;
  j["rating"] = m.rating;
  j["notes"] = m.notes;
  j["info"] = writeInfo(m.info);
  if (m.kind == model::MediaKind::Title) j["title"] = writeTitle(m.title);
  return j;
}

Json writeBin(const Bin& b) {
  Json items = Json::array();
  for (model::MediaId id : b.items) items.push_back(id.value);
  Json j = Json::object();
  j["id"] = b.id.value;
  j["name"] = b.name;
  j["parent"] = b.parent.value;
  j["items"] = std::move(items);
  return j;
}

// The optional groups (audio, grade, reframe) are written only when they differ from the default.
void writeClipGroups(const Clip& c, const std::filesystem::path& projectDir, Json& j) {
  if (!(c.audio == model::ClipAudio{})) j["audio"] = writeClipAudio(c.audio);
  if (!(c.grade == model::ClipGrade{})) j["grade"] = writeGrade(c.grade, projectDir);
  if (!c.reframe.isIdentity()) {
    Json& r = j["reframe"];
    r["scale"] = c.reframe.scale;
    r["offset_x"] = c.reframe.offsetX;
    r["offset_y"] = c.reframe.offsetY;
    r["rotation_deg"] = c.reframe.rotationDeg;
    const model::Reframe& f = c.reframe;
    if (f.cropLeft != 0.0 || f.cropRight != 0.0 || f.cropTop != 0.0 || f.cropBottom != 0.0) {
      r["crop"] = {{"left", f.cropLeft}, {"right", f.cropRight}, {"top", f.cropTop}, {"bottom", f.cropBottom}};
    }
  }
  if (!c.reframeKeys.empty()) {  // schema 5: {"9x16": [{"source_frame", "x", "y"}, ...], ...}
    Json& keys = j["reframe_keys"] = Json::object();
    for (const auto& [aspect, list] : c.reframeKeys) {
      Json& arr = keys[aspect] = Json::array();
      for (const model::ReframeKey& k : list) arr.push_back(Json{{"source_frame", k.sourceFrame}, {"x", k.x}, {"y", k.y}});
    }
  }
}

Json writeClip(const Clip& c, const std::filesystem::path& projectDir) {
  Json j = Json::object();
  j["id"] = c.id.value;
  j["media"] = c.media.value;
  j["name"] = c.name;
  j["start"] = c.start.value;
  j["duration"] = c.duration.value;
  j["source_in"] = c.sourceIn;
  j["speed"] = c.speed.toString();
  j["reverse"] = c.reverse;
  j["freeze"] = c.freeze;
  j["enabled"] = c.enabled;
  j["link_group"] = c.linkGroup;
  writeClipGroups(c, projectDir, j);
  return j;
}

Json writeTrack(const Track& t, const std::filesystem::path& projectDir) {
  Json clips = Json::array();
  for (const Clip& c : t.clips) clips.push_back(writeClip(c, projectDir));
  Json j = Json::object();
  j["id"] = t.id.value;
  j["kind"] = enumName(kTrackKinds, t.kind);
  j["name"] = t.name;
  j["role"] = enumName(kAudioRoles, t.role);
  j["muted"] = t.muted;
  j["locked"] = t.locked;
  j["volume_db"] = t.volumeDb;
  if (!isDefaultMixer(t)) j["mixer"] = writeTrackMixer(t);
  j["clips"] = std::move(clips);
  return j;
}

Json writeTransition(const model::Transition& t) {
  Json j = Json::object();
  j["id"] = t.id.value;
  j["track"] = t.track.value;
  j["left"] = t.left.value;
  j["right"] = t.right.value;
  j["kind"] = enumName(kTransitionKinds, t.kind);
  j["duration"] = t.duration.value;
  j["align"] = enumName(kTransitionAligns, t.align);
  return j;
}

Json writeMarker(const model::Marker& m) {
  Json j = Json::object();
  j["id"] = m.id.value;
  j["position"] = m.position.value;
  j["duration"] = m.duration.value;
  j["name"] = m.name;
  j["color"] = m.color;
  j["note"] = m.note;
  return j;
}

}  // namespace

std::string relativeMediaPath(const std::string& mediaPath, const std::filesystem::path& projectDir) {
  if (mediaPath.empty()) return {};
  const std::filesystem::path p(mediaPath);
  if (!p.is_absolute()) return p.generic_string();
  const std::filesystem::path rel = p.lexically_normal().lexically_relative(projectDir);
  return rel.empty() ? p.generic_string() : rel.generic_string();
}

Json writeSequence(const Sequence& s, const std::filesystem::path& projectDir) {
  Json settings = Json::object();
  settings["width"] = s.settings.width;
  settings["height"] = s.settings.height;
  settings["frame_rate"] = s.settings.frameRate.toString();
  settings["color_space"] = enumName(kColorSpaces, s.settings.colorSpace);
  settings["sample_rate"] = s.settings.sampleRate;
  if (!(s.settings.mix == model::MixSettings{})) settings["mix"] = writeMix(s.settings.mix);
  Json j = Json::object();
  j["id"] = s.id.value;
  j["name"] = s.name;
  j["settings"] = std::move(settings);
  if (!(s.settings.timelineGrade == color::TimelineGrade{})) {
    j["timeline_grade"] = writeTimelineGrade(s.settings.timelineGrade, projectDir);
  }
  Json& tracks = j["tracks"] = Json::array();
  for (const Track& t : s.tracks) tracks.push_back(writeTrack(t, projectDir));
  Json& transitions = j["transitions"] = Json::array();
  for (const model::Transition& t : s.transitions) transitions.push_back(writeTransition(t));
  Json& markers = j["markers"] = Json::array();
  for (const model::Marker& m : s.markers) markers.push_back(writeMarker(m));
  return j;
}

Json writeProject(const model::Project& p, const std::filesystem::path& projectDir) {
  Json j = Json::object();
  j["format"] = "postline-project";
  j["version"] = kSchemaVersion;
  j["name"] = p.name;
  j["next_id"] = p.nextId;
  Json& bins = j["bins"] = Json::array();
  for (const Bin& b : p.bins) bins.push_back(writeBin(b));
  Json& media = j["media"] = Json::array();
  for (const MediaItem& m : p.media) media.push_back(writeMedia(m, projectDir));
  Json& sequences = j["sequences"] = Json::array();
  for (const Sequence& s : p.sequences) sequences.push_back(writeSequence(s, projectDir));
  return j;
}

}  // namespace postline::project::detail
