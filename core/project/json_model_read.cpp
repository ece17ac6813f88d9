#include <optional>
#include <system_error>

#include "core/project/json_model.h"

namespace postline::project::detail {

namespace fs = std::filesystem;
using base::Result;
using model::Bin;
using model::MediaItem;

namespace {

constexpr int kMaxInt = std::numeric_limits<int>::max();

Result<void> readInfo(const Json& o, const Where& at, model::MediaInfo& i) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "container", i.container));
  PL_TRY(get(o, at, "has_video", i.hasVideo));
  PL_TRY(get(o, at, "has_audio", i.hasAudio));
  PL_TRY(get(o, at, "still", i.still));
  PL_TRY(getInt(o, at, "width", i.width, 0, 65536));
  PL_TRY(getInt(o, at, "height", i.height, 0, 65536));
  PL_TRY(get(o, at, "frame_rate", i.frameRate));
  if (i.frameRate.isNegative()) return Where(at, "frame_rate").error("must not be negative");
  PL_TRY(get(o, at, "variable_frame_rate", i.variableFrameRate));
  PL_TRY(get(o, at, "time_base", i.timeBase));
  if (i.timeBase.num() <= 0) return Where(at, "time_base").error("must be positive");
  PL_TRY(getInt(o, at, "duration", i.duration, 0, kMaxTicks));
  PL_TRY(get(o, at, "video_codec", i.videoCodec));
  PL_TRY(get(o, at, "audio_codec", i.audioCodec));
  PL_TRY(getInt(o, at, "sample_rate", i.sampleRate, 0, 10'000'000));
  PL_TRY(getInt(o, at, "channels", i.channels, 0, 1024));
  PL_TRY(get(o, at, "color_space", i.colorSpace));
  return {};
}

bool isFile(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_regular_file(p, ec);
}

// The absolute path where the media file is now: relative to the project folder first, then the
// absolute fallback; nullopt when neither exists.
std::optional<fs::path> locate(const std::string& relative, const std::string& absolute, const fs::path& projectDir) {
  if (!relative.empty()) {
    const fs::path rel(relative);
    const fs::path candidate = rel.is_absolute() ? rel.lexically_normal() : (projectDir / rel).lexically_normal();
    if (isFile(candidate)) return candidate;
  }
  if (isFile(fs::path(absolute))) return fs::path(absolute);
  return std::nullopt;
}

// A title's `title` object: text, font, size, color [r, g, b, a], x, y, shadow (ranges: model::validate).
Result<void> readTitle(const Json& o, const Where& at, model::TitleSpec& t) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "text", t.text));
  PL_TRY(get(o, at, "font", t.font));
  PL_TRY(get(o, at, "size", t.size));
  PL_TRY_ASSIGN(color, arrayMember(o, at, "color"));
  const Where cAt(at, "color");
  if (color->size() != 4) return cAt.error("expected 4 numbers (R, G, B, A), found " + std::to_string(color->size()));
  for (std::size_t i = 0; i < 4; ++i) {
    const Json& v = (*color)[i];
    if (!v.is_number()) return Where(cAt, i).error("expected a number");
    t.color[i] = v.get<double>();
  }
  PL_TRY(get(o, at, "x", t.x));
  PL_TRY(get(o, at, "y", t.y));
  PL_TRY(get(o, at, "shadow", t.shadow));
  return {};
}

Result<void> readMedia(const Json& o, const Where& at, const fs::path& projectDir, MediaItem& m, bool& found) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "id", m.id));
  PL_TRY(get(o, at, "name", m.name));
  PL_TRY(getEnum(o, at, "kind", m.kind, kMediaKinds));
  std::string relative;
  PL_TRY(get(o, at, "path", relative));
  PL_TRY(get(o, at, "absolute_path", m.path));
  PL_TRY(getInt(o, at, "shot", m.shot, 0, kMaxInt));
  PL_TRY(getInt(o, at, "take", m.take, 0, kMaxInt));
  PL_TRY(getInt(o, at, "rating", m.rating, 0, 5));
  PL_TRY(get(o, at, "notes", m.notes));
  PL_TRY_ASSIGN(info, member(o, at, "info"));
  PL_TRY(readInfo(*info, Where(at, "info"), m.info));
  if (m.kind == model::MediaKind::Title) {  // generated from text: there is no file to find
    PL_TRY_ASSIGN(title, member(o, at, "title"));
    PL_TRY(readTitle(*title, Where(at, "title"), m.title));
    found = true;
    return {};
  }
  const std::optional<fs::path> where = locate(relative, m.path, projectDir);
  found = where.has_value();
  if (found) m.path = where->string();
  return {};
}

Result<void> readBin(const Json& o, const Where& at, Bin& b) {
  PL_TRY(expectObject(o, at));
  PL_TRY(get(o, at, "id", b.id));
  PL_TRY(get(o, at, "name", b.name));
  PL_TRY(get(o, at, "parent", b.parent));
  PL_TRY_ASSIGN(items, arrayMember(o, at, "items"));
  const Where itemsAt(at, "items");
  for (std::size_t i = 0; i < items->size(); ++i) {
    PL_TRY_ASSIGN(id, intValue((*items)[i], Where(itemsAt, i), 0, kMaxId));
    b.items.push_back(model::MediaId{static_cast<std::uint64_t>(id)});
  }
  return {};
}

Result<void> readBins(const Json& doc, const Where& root, model::Project& p) {
  PL_TRY_ASSIGN(bins, arrayMember(doc, root, "bins"));
  const Where at(root, "bins");
  for (std::size_t i = 0; i < bins->size(); ++i) {
    Bin b;
    PL_TRY(readBin((*bins)[i], Where(at, i), b));
    p.bins.push_back(std::move(b));
  }
  return {};
}

Result<void> readAllMedia(const Json& doc, const Where& root, const fs::path& projectDir, model::Project& p,
                          std::vector<model::MediaId>& missing) {
  PL_TRY_ASSIGN(media, arrayMember(doc, root, "media"));
  const Where at(root, "media");
  for (std::size_t i = 0; i < media->size(); ++i) {
    MediaItem m;
    bool found = false;
    PL_TRY(readMedia((*media)[i], Where(at, i), projectDir, m, found));
    if (!found) missing.push_back(m.id);
    p.media.push_back(std::move(m));
  }
  return {};
}

}  // namespace

Result<model::Project> readProject(const Json& doc, const fs::path& projectDir, std::vector<model::MediaId>& missing) {
  const Where root;
  model::Project p;
  PL_TRY(get(doc, root, "name", p.name));
  std::int64_t nextId = 0;
  PL_TRY(getInt(doc, root, "next_id", nextId, 1, kMaxId));
  p.nextId = static_cast<std::uint64_t>(nextId);
  PL_TRY(readBins(doc, root, p));
  PL_TRY(readAllMedia(doc, root, projectDir, p, missing));
  PL_TRY_ASSIGN(sequences, arrayMember(doc, root, "sequences"));
  const Where at(root, "sequences");
  for (std::size_t i = 0; i < sequences->size(); ++i) {
    model::Sequence s;
    PL_TRY(readSequence((*sequences)[i], Where(at, i), projectDir, s));
    p.sequences.push_back(std::move(s));
  }
  return p;
}

}  // namespace postline::project::detail
