#include "core/export/preset.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/base/resources.h"
#include "core/export/ffmpeg/codec_query.h"

namespace postline::exporting {

std::pair<int, int> Preset::frameSize(int seqWidth, int seqHeight) const {
  if (video.width <= 0 || video.height <= 0) return {seqWidth, seqHeight};
  return {video.width, video.height};
}

time::Rational Preset::frameRate(const time::Rational& seqFps) const { return video.fps ? *video.fps : seqFps; }

std::int64_t Preset::targetBitrate() const {
  if (video.maxMbps <= 0.0) return 0;
  return static_cast<std::int64_t>(std::llround((video.minMbps + video.maxMbps) / 2.0 * 1e6));
}

namespace fs = std::filesystem;

namespace {

// The *.json files directly in `dir`, by name ({} when the folder does not exist).
std::vector<fs::path> presetFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

base::Result<std::vector<Preset>> loadShipped() {
  const fs::path dir = base::resourcePath("presets");
  const std::vector<fs::path> files = presetFiles(dir);
  if (files.empty()) {
    return base::makeError(base::ErrorCode::NotFound, dir.string() + ": no delivery presets here (set POSTLINE_RESOURCES?)");
  }
  std::vector<Preset> presets;
  for (const fs::path& f : files) {
    PL_TRY_ASSIGN(p, loadPresetFile(f));
    for (const Preset& other : presets) {
      if (other.id == p.id) return base::makeError(base::ErrorCode::Conflict, f.string() + ": id '" + p.id + "' is also " + other.source.string());
    }
    presets.push_back(std::move(p));
  }
  std::sort(presets.begin(), presets.end(), [](const Preset& a, const Preset& b) { return a.id < b.id; });
  return presets;
}

// Adds the user's presets to `all` (shipped ones first): a shipped id is replaced in place, a
// broken file or a second file with one id is skipped with a problem.
void addUserPresets(std::vector<Preset>& all, std::vector<std::string>* problems) {
  const std::size_t shipped = all.size();
  std::vector<Preset> added;
  for (const fs::path& f : presetFiles(userPresetDir())) {
    auto loaded = loadPresetFile(f);
    if (!loaded.ok()) {
      if (problems != nullptr) problems->push_back(loaded.error().message + " (user preset skipped)");
      continue;
    }
    Preset p = std::move(loaded).value();
    p.user = true;
    const auto same = [&p](const Preset& q) { return q.id == p.id; };
    if (auto it = std::find_if(added.begin(), added.end(), same); it != added.end()) {
      if (problems != nullptr) problems->push_back(f.string() + ": id '" + p.id + "' is also " + it->source.string() + " (user preset skipped)");
      continue;
    }
    added.push_back(p);
    if (auto it = std::find_if(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(shipped), same);
        it != all.begin() + static_cast<std::ptrdiff_t>(shipped)) {
      *it = std::move(p);
    } else {
      all.push_back(std::move(p));
    }
  }
  std::sort(all.begin() + static_cast<std::ptrdiff_t>(shipped), all.end(),
            [](const Preset& a, const Preset& b) { return a.id < b.id; });
}

}  // namespace

base::Result<std::vector<Preset>> loadPresets(std::vector<std::string>* problems) {
  PL_TRY_ASSIGN(all, loadShipped());
  addUserPresets(all, problems);
  return all;
}

fs::path userPresetDir() {
  const auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v != nullptr ? std::string(v) : std::string();
  };
  if (const std::string d = env("POSTLINE_USER_PRESETS"); !d.empty()) return d;
  if (const std::string d = env("XDG_CONFIG_HOME"); !d.empty()) return fs::path(d) / "postline" / "presets";
  if (const std::string d = env("HOME"); !d.empty()) return fs::path(d) / ".config" / "postline" / "presets";
  return {};
}

base::Result<Preset> findPreset(const std::vector<Preset>& presets, const std::string& id) {
  for (const Preset& p : presets) {
    if (p.id == id) return p;
  }
  std::string known;
  for (const Preset& p : presets) known += (known.empty() ? "" : ", ") + p.id;
  return base::makeError(base::ErrorCode::NotFound, "no delivery preset '" + id + "' (known: " + known + ")");
}

EncoderSettings encoderSettingsFor(const Preset& preset, int seqWidth, int seqHeight, const time::Rational& seqFps) {
  const VideoPreset& v = preset.video;
  EncoderSettings s;
  std::tie(s.width, s.height) = preset.frameSize(seqWidth, seqHeight);
  s.fps = preset.frameRate(seqFps);
  s.videoCodec = v.codec;
  s.preset = v.speed;
  s.pixFmt = v.pixFmt;
  s.profile = v.profile;
  s.gop = v.keyframeIntervalS > 0.0 ? std::max(1, static_cast<int>(std::lround(s.fps.toDouble() * v.keyframeIntervalS))) : 0;
  s.colorPrimaries = v.colorPrimaries;
  s.colorTransfer = v.colorTransfer;
  s.colorMatrix = v.colorMatrix;
  s.fullRange = v.colorRange == "pc";
  s.faststart = preset.faststart;
  s.audio = true;
  s.audioCodec = preset.audio.codec;
  s.audioBitrate = preset.audio.bitrateKbps * 1000;
  s.sampleRate = preset.audio.sampleRate;
  s.channels = preset.audio.channels;
  s.bitRate = preset.targetBitrate();
  if (s.bitRate > 0) {
    // Half a second of buffer: at worst (buffer drained at the end) the average overshoots by
    // 0.45 s x bitRate / length, under the windows' +20% from 2.25 s on; measured: +7% on 2 s of
    // noise, -2% on a still picture (tests/core/export/rate_control_test.cpp).
    s.bufSize = s.bitRate / 2;
    s.padToBitRate = ffmpeg::canPadToBitRate(v.codec);
    s.maxRate = s.padToBitRate ? s.bitRate : static_cast<std::int64_t>(std::llround(v.maxMbps * 1e6));
  }
  return s;
}

}  // namespace postline::exporting
