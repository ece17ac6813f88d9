// Delivery preset files (docs/FORMAT.md "Delivery presets"): JSON text -> Preset, with errors
// that name the file and the field.
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "core/export/ffmpeg/codec_query.h"
#include "core/export/preset.h"

namespace postline::exporting {

namespace fs = std::filesystem;
using base::ErrorCode;
using base::makeError;
using nlohmann::json;

namespace {

constexpr int kFormat = 1;  // the "format" this code reads
constexpr int kMaxSide = 8192;

std::string shown(const json& v) { return v.dump(); }
std::string shown(double v) { return json(v).dump(); }  // 12.0 -> "12.0", -70.0 -> "-70.0"

// One JSON object of a preset file. Reads fields by name; errors read "<file>: <path>: <problem>".
// Keys never read are reported by rejectOthers(), so a misspelt field is an error, not a default.
class Obj {
 public:
  Obj(const json& j, std::string path, const fs::path& file) : m_j(&j), m_path(std::move(path)), m_file(&file) {}

  base::Error bad(const std::string& key, const std::string& problem) const {
    return makeError(ErrorCode::InvalidArgument, m_file->string() + ": " + name(key) + ": " + problem);
  }
  std::string name(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }

  // The value of `key`; nullptr when absent and `optional`.
  base::Result<const json*> field(const std::string& key, bool optional = false) {
    m_read.insert(key);
    const auto it = m_j->find(key);
    if (it != m_j->end()) return &*it;
    if (optional) return static_cast<const json*>(nullptr);
    return bad(key, "missing (required)");
  }
  base::Result<Obj> object(const std::string& key) {
    PL_TRY_ASSIGN(v, field(key));
    if (!v->is_object()) return bad(key, "must be an object, not " + shown(*v));
    return Obj(*v, name(key), *m_file);
  }
  base::Result<std::string> text(const std::string& key, std::optional<std::string> fallback = std::nullopt) {
    PL_TRY_ASSIGN(v, field(key, fallback.has_value()));
    if (v == nullptr) return *fallback;
    if (!v->is_string()) return bad(key, "must be a string, not " + shown(*v));
    return v->get<std::string>();
  }
  // A string that must be one of `allowed`.
  base::Result<std::string> choice(const std::string& key, const std::vector<std::string>& allowed,
                                   std::optional<std::string> fallback = std::nullopt) {
    PL_TRY_ASSIGN(s, text(key, fallback));
    for (const auto& a : allowed) {
      if (s == a) return s;
    }
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    return bad(key, "'" + s + "' is not one of " + list);
  }
  base::Result<bool> flag(const std::string& key, bool fallback) {
    PL_TRY_ASSIGN(v, field(key, true));
    if (v == nullptr) return fallback;
    if (!v->is_boolean()) return bad(key, "must be true or false, not " + shown(*v));
    return v->get<bool>();
  }
  // A finite number in [lo, hi]; null allowed (nullopt) when `nullable`.
  base::Result<std::optional<double>> number(const std::string& key, double lo, double hi, bool nullable = false) {
    PL_TRY_ASSIGN(v, field(key));
    if (v->is_null() && nullable) return std::optional<double>{};
    const std::string range = shown(lo) + " .. " + shown(hi);
    if (!v->is_number()) return bad(key, "must be a number" + std::string(nullable ? " or null" : "") + " (" + range + "), not " + shown(*v));
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < lo || d > hi) return bad(key, shown(*v) + " is outside " + range);
    return std::optional<double>{d};
  }
  base::Result<int> integer(const std::string& key, int lo, int hi) {
    PL_TRY_ASSIGN(v, field(key));
    if (!v->is_number_integer() || v->get<std::int64_t>() < lo || v->get<std::int64_t>() > hi) {
      return bad(key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", not " + shown(*v));
    }
    return static_cast<int>(v->get<std::int64_t>());
  }
  base::Result<void> rejectOthers() const {
    for (auto it = m_j->begin(); it != m_j->end(); ++it) {
      if (m_read.count(it.key()) == 0) return bad(it.key(), "unknown field (misspelt? see docs/FORMAT.md \"Delivery presets\")");
    }
    return {};
  }

 private:
  const json* m_j;
  std::string m_path;
  const fs::path* m_file;
  std::set<std::string> m_read;
};

// fps: null (the sequence's), a whole number (30) or a fraction string ("30000/1001").
base::Result<std::optional<time::Rational>> readFps(Obj& o) {
  PL_TRY_ASSIGN(v, o.field("fps"));
  if (v->is_null()) return std::optional<time::Rational>{};
  std::optional<time::Rational> r;
  if (v->is_number_integer()) r = time::Rational(v->get<std::int64_t>());
  if (v->is_string()) {
    auto parsed = time::Rational::parse(v->get<std::string>());
    if (parsed.ok()) r = parsed.value();
  }
  if (!r || r->num() <= 0 || r->toDouble() > 240.0) {
    return o.bad("fps", "must be null (the sequence's rate), a whole number or \"num/den\" in (0, 240], not " + shown(*v));
  }
  return r;
}

base::Result<void> readSize(Obj& o, VideoPreset& v) {
  PL_TRY_ASSIGN(w, o.integer("width", 0, kMaxSide));
  PL_TRY_ASSIGN(h, o.integer("height", 0, kMaxSide));
  const bool sequence = w == 0 && h == 0;
  const bool fixed = w > 0 && h > 0 && w % 2 == 0 && h % 2 == 0;
  if (!sequence && !fixed) {
    return o.bad(w % 2 != 0 || w == 0 ? "width" : "height",
                 std::to_string(w) + "x" + std::to_string(h) + ": both must be even (2.." + std::to_string(kMaxSide) +
                     "), or both 0 for the sequence's size");
  }
  v.width = w;
  v.height = h;
  return {};
}

base::Result<void> readBitrate(Obj& o, VideoPreset& v) {
  PL_TRY_ASSIGN(b, o.field("bitrate_mbps"));
  if (b->is_null()) return {};  // no window (masters)
  if (!b->is_object()) return o.bad("bitrate_mbps", "must be null or {\"min\": MBPS, \"max\": MBPS}, not " + shown(*b));
  PL_TRY_ASSIGN(w, o.object("bitrate_mbps"));
  PL_TRY_ASSIGN(lo, w.number("min", 0.1, 1000.0));
  PL_TRY_ASSIGN(hi, w.number("max", 0.1, 1000.0));
  if (*lo > *hi) return w.bad("min", "min " + shown(*lo) + " is above max " + shown(*hi));
  PL_TRY(w.rejectOthers());
  v.minMbps = *lo;
  v.maxMbps = *hi;
  return {};
}

base::Result<void> readColor(Obj& o, VideoPreset& v) {
  PL_TRY_ASSIGN(c, o.object("color"));
  std::string* targets[] = {&v.colorPrimaries, &v.colorTransfer, &v.colorMatrix};
  const char* keys[] = {"primaries", "transfer", "matrix"};
  for (int i = 0; i < 3; ++i) {
    PL_TRY_ASSIGN(tag, c.text(keys[i]));
    if (!ffmpeg::knownColorTag(keys[i], tag)) {
      return c.bad(keys[i], "unknown colour tag '" + tag + "' (FFmpeg's names: bt709, bt2020, smpte2084, ...)");
    }
    *targets[i] = tag;
  }
  PL_TRY_ASSIGN(range, c.choice("range", {"tv", "pc"}));
  v.colorRange = range;
  return c.rejectOthers();
}

base::Result<void> readCodec(Obj& o, VideoPreset& v) {
  PL_TRY_ASSIGN(codec, o.text("codec"));
  if (!ffmpeg::hasEncoder(codec, ffmpeg::EncoderKind::Video)) {
    return o.bad("codec", "'" + codec + "' is not a video encoder of this FFmpeg (libx264, libx265, prores_ks, dnxhd)");
  }
  PL_TRY_ASSIGN(pix, o.text("pix_fmt"));
  if (!ffmpeg::knownPixelFormat(pix)) return o.bad("pix_fmt", "unknown pixel format '" + pix + "'");
  if (!ffmpeg::encoderTakesPixelFormat(codec, pix)) {
    return o.bad("pix_fmt", codec + " cannot encode " + pix + " (it takes " + ffmpeg::acceptedPixelFormats(codec) + ")");
  }
  v.codec = codec;
  v.pixFmt = pix;
  PL_TRY_ASSIGN(profile, o.text("profile", ""));
  PL_TRY_ASSIGN(speed, o.text("speed", ""));
  v.profile = profile;
  v.speed = speed;
  return {};
}

base::Result<VideoPreset> readVideo(Obj& top) {
  PL_TRY_ASSIGN(o, top.object("video"));
  VideoPreset v;
  PL_TRY(readCodec(o, v));
  PL_TRY(readSize(o, v));
  PL_TRY_ASSIGN(fps, readFps(o));
  v.fps = fps;
  PL_TRY(readBitrate(o, v));
  PL_TRY_ASSIGN(key, o.number("keyframe_interval_s", 0.0, 60.0));
  v.keyframeIntervalS = *key;
  PL_TRY(readColor(o, v));
  PL_TRY(o.rejectOthers());
  return v;
}

base::Result<AudioPreset> readAudio(Obj& top) {
  PL_TRY_ASSIGN(o, top.object("audio"));
  AudioPreset a;
  PL_TRY_ASSIGN(codec, o.text("codec"));
  if (!ffmpeg::hasEncoder(codec, ffmpeg::EncoderKind::Audio)) {
    return o.bad("codec", "'" + codec + "' is not an audio encoder of this FFmpeg (aac, pcm_s24le, ...)");
  }
  a.codec = codec;
  PL_TRY_ASSIGN(kbps, o.integer("bitrate_kbps", 0, 1536));
  PL_TRY_ASSIGN(rate, o.integer("sample_rate", 8000, 192000));
  PL_TRY_ASSIGN(channels, o.integer("channels", 1, 8));
  const bool pcm = codec.rfind("pcm_", 0) == 0;
  if (!pcm && kbps < 8) return o.bad("bitrate_kbps", "a compressed codec needs 8 kbit/s or more (0 only for PCM)");
  a.bitrateKbps = kbps;
  a.sampleRate = rate;
  a.channels = channels;
  PL_TRY(o.rejectOthers());
  return a;
}

base::Result<void> readIdentity(Obj& o, Preset& p) {
  PL_TRY_ASSIGN(id, o.text("id"));
  static const std::regex idPattern("[a-z0-9]+(-[a-z0-9]+)*");
  if (!std::regex_match(id, idPattern)) return o.bad("id", "'" + id + "' must be lower-case letters, digits and single '-'");
  PL_TRY_ASSIGN(name, o.text("name"));
  if (name.empty()) return o.bad("name", "must not be empty");
  PL_TRY_ASSIGN(tag, o.text("file_tag"));
  static const std::regex tagPattern("[A-Za-z0-9_-]+");
  if (!std::regex_match(tag, tagPattern)) return o.bad("file_tag", "'" + tag + "' must be letters, digits, '_' or '-' (it goes into file names)");
  p.id = id;
  p.name = name;
  p.fileTag = tag;
  return {};
}

base::Result<void> readFormat(Obj& o) {
  PL_TRY_ASSIGN(v, o.field("format"));
  if (!v->is_number_integer()) return o.bad("format", "must be the whole number " + std::to_string(kFormat) + ", not " + shown(*v));
  if (v->get<std::int64_t>() != kFormat) {
    return makeError(ErrorCode::Version, o.bad("format", "version " + shown(*v) + " is not readable by this Postline (it reads " +
                                                             std::to_string(kFormat) + ")").message);
  }
  return {};
}

base::Result<Preset> readPreset(Obj& o) {
  PL_TRY(readFormat(o));
  Preset p;
  PL_TRY(readIdentity(o, p));
  PL_TRY_ASSIGN(container, o.choice("container", {"mp4", "mov"}));
  p.container = container;
  PL_TRY_ASSIGN(faststart, o.flag("faststart", true));
  p.faststart = faststart;
  PL_TRY_ASSIGN(video, readVideo(o));
  p.video = video;
  PL_TRY_ASSIGN(audio, readAudio(o));
  p.audio = audio;
  PL_TRY_ASSIGN(lufs, o.number("loudness_lufs", -70.0, 0.0, true));
  p.loudnessLufs = lufs;
  PL_TRY_ASSIGN(peak, o.number("true_peak_dbtp", -20.0, 0.0));
  p.truePeakDbtp = *peak;
  PL_TRY_ASSIGN(maxS, o.number("max_duration_s", 0.001, 86400.0, true));
  p.maxDurationS = maxS;
  PL_TRY_ASSIGN(conform, o.choice("conform", {"repeat", "blend"}, "repeat"));
  p.conform = conform == "blend" ? ConformMethod::Blend : ConformMethod::Repeat;
  PL_TRY(o.rejectOthers());
  return p;
}

}  // namespace

base::Result<Preset> parsePreset(const std::string& jsonText, const fs::path& source) {
  json j;
  try {
    j = json::parse(jsonText);
  } catch (const json::parse_error& e) {
    return makeError(ErrorCode::Parse, source.string() + ": not valid JSON (byte " + std::to_string(e.byte) + "): " + e.what());
  }
  if (!j.is_object()) return makeError(ErrorCode::Parse, source.string() + ": a preset file holds one JSON object");
  Obj top(j, "", source);
  PL_TRY_ASSIGN(p, readPreset(top));
  p.source = source;
  return p;
}

base::Result<Preset> loadPresetFile(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return makeError(ErrorCode::NotFound, file.string() + ": no such preset file");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) return makeError(ErrorCode::Io, file.string() + ": cannot read the preset file");
  if (text.str().size() > 1 << 20) return makeError(ErrorCode::Parse, file.string() + ": larger than 1 MiB, not a preset");
  return parsePreset(text.str(), file);
}

}  // namespace postline::exporting
