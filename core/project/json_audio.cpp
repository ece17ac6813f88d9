// The audio groups of a project file (schema 4): a clip's `audio`, a track's `mixer` and a
// sequence's `settings.mix` (docs/FORMAT.md). Ranges are checked by model::validate after reading.
#include "core/project/json_model.h"

namespace postline::project::detail {

using base::Result;

namespace {

Json writeBand(const model::EqBand& b) {
  Json j = Json::object();
  j["type"] = enumName(kEqBandTypes, b.type);
  j["frequency_hz"] = b.frequencyHz;
  j["gain_db"] = b.gainDb;
  j["q"] = b.q;
  j["enabled"] = b.enabled;
  return j;
}

Result<void> readBand(const Json& o, const Where& at, model::EqBand& b) {
  PL_TRY(expectObject(o, at));
  PL_TRY(getEnum(o, at, "type", b.type, kEqBandTypes));
  PL_TRY(get(o, at, "frequency_hz", b.frequencyHz));
  PL_TRY(get(o, at, "gain_db", b.gainDb));
  PL_TRY(get(o, at, "q", b.q));
  return get(o, at, "enabled", b.enabled);
}

Json writeCompressor(const model::Compressor& c) {
  Json j = Json::object();
  j["enabled"] = c.enabled;
  j["threshold_db"] = c.thresholdDb;
  j["ratio"] = c.ratio;
  j["attack_ms"] = c.attackMs;
  j["release_ms"] = c.releaseMs;
  j["knee_db"] = c.kneeDb;
  j["makeup_db"] = c.makeupDb;
  return j;
}

Result<void> readCompressor(const Json& o, const Where& at, model::Compressor& c) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "enabled", c.enabled));
  PL_TRY(get(o, at, "threshold_db", c.thresholdDb));
  PL_TRY(get(o, at, "ratio", c.ratio));
  PL_TRY(get(o, at, "attack_ms", c.attackMs));
  PL_TRY(get(o, at, "release_ms", c.releaseMs));
  PL_TRY(get(o, at, "knee_db", c.kneeDb));
  return get(o, at, "makeup_db", c.makeupDb);
}

Result<void> readKey(const Json& o, const Where& at, model::GainKey& k) {
  PL_TRY(expectObject(o, at));
  PL_TRY(getInt(o, at, "offset", k.offset, 0, kMaxTicks));
  return get(o, at, "gain_db", k.gainDb);
}

}  // namespace

Json writeClipAudio(const model::ClipAudio& a) {
  Json j = Json::object();
  j["gain_db"] = a.gainDb;
  j["fade_in"] = a.fadeIn.value;
  j["fade_out"] = a.fadeOut.value;
  j["fade_shape"] = enumName(kFadeShapes, a.fadeShape);
  Json& keys = j["volume"] = Json::array();
  for (const model::GainKey& k : a.volume) keys.push_back(Json{{"offset", k.offset}, {"gain_db", k.gainDb}});
  j["preserve_pitch"] = a.preservePitch;
  return j;
}

Result<void> readClipAudio(const Json& o, const Where& at, model::ClipAudio& a) {
  PL_TRY(get(o, at, "gain_db", a.gainDb));
  PL_TRY(get(o, at, "fade_in", a.fadeIn));
  PL_TRY(get(o, at, "fade_out", a.fadeOut));
  PL_TRY(getEnum(o, at, "fade_shape", a.fadeShape, kFadeShapes));
  PL_TRY(readList(o, at, "volume", a.volume, readKey));
  return get(o, at, "preserve_pitch", a.preservePitch);
}

bool isDefaultMixer(const model::Track& t) {
  return t.pan == 0.0 && !t.solo && t.eq.empty() && t.compressor == model::Compressor{};
}

Json writeTrackMixer(const model::Track& t) {
  Json j = Json::object();
  j["pan"] = t.pan;
  j["solo"] = t.solo;
  Json& eq = j["eq"] = Json::array();
  for (const model::EqBand& b : t.eq) eq.push_back(writeBand(b));
  j["compressor"] = writeCompressor(t.compressor);
  return j;
}

Result<void> readTrackMixer(const Json& o, const Where& at, model::Track& t) {
  PL_TRY(get(o, at, "pan", t.pan));
  PL_TRY(get(o, at, "solo", t.solo));
  PL_TRY(readList(o, at, "eq", t.eq, readBand));
  PL_TRY_ASSIGN(comp, member(o, at, "compressor"));
  return readCompressor(*comp, Where(at, "compressor"), t.compressor);
}

Json writeMix(const model::MixSettings& m) {
  Json j = Json::object();
  j["master_gain_db"] = m.masterGainDb;
  j["target_lufs"] = m.targetLufs;
  j["ceiling_dbtp"] = m.ceilingDbtp;
  j["limiter"] = m.limiter;
  return j;
}

Result<void> readMix(const Json& o, const Where& at, model::MixSettings& m) {
  PL_TRY(get(o, at, "master_gain_db", m.masterGainDb));
  PL_TRY(get(o, at, "target_lufs", m.targetLufs));
  PL_TRY(get(o, at, "ceiling_dbtp", m.ceilingDbtp));
  return get(o, at, "limiter", m.limiter);
}

}  // namespace postline::project::detail
