// postline-cli reframe: shows each clip's reframing window path for a delivery aspect, or adds,
// replaces or clears a clip's reframing keys and saves the project atomically (docs/CLI.md).
#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>

#include <nlohmann/json.hpp>

#include "app/cli/project_edit.h"
#include "core/edit/reframe_keys.h"
#include "core/export/reframe.h"
#include "core/time/timecode.h"

namespace postline::cli {
namespace {

using base::ErrorCode;
using base::makeError;
using base::Result;
using nlohmann::ordered_json;

struct Aspect {
  int w = 0, h = 0;
  std::string name;  // "9x16"
};

// "9x16", "9:16" or a size such as "1080x1920", reduced.
Result<Aspect> parseAspect(const std::string& text) {
  const std::size_t sep = text.find_first_of("x:");
  const auto whole = [](const std::string& s) {
    return !s.empty() && s.size() <= 5 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (sep != std::string::npos && whole(text.substr(0, sep)) && whole(text.substr(sep + 1))) {
    const int w = std::stoi(text.substr(0, sep));
    const int h = std::stoi(text.substr(sep + 1));
    if (w > 0 && h > 0) return Aspect{w / std::gcd(w, h), h / std::gcd(w, h), exporting::aspectName(w, h)};
  }
  return makeError(ErrorCode::InvalidArgument, "--aspect '" + text + "' is not WIDTHxHEIGHT (e.g. 9x16, 4x5, 1x1)");
}

struct FoundClip {
  const model::Track* track = nullptr;
  const model::Clip* clip = nullptr;
};

// The one clip of a video track of `seq` named `name`.
Result<FoundClip> findClip(const model::Sequence& seq, const std::string& name) {
  FoundClip found;
  int count = 0;
  for (const model::Track& t : seq.tracks) {
    if (t.kind != model::TrackKind::Video) continue;
    for (const model::Clip& c : t.clips) {
      if (c.name == name && count++ == 0) found = {&t, &c};
    }
  }
  if (count == 0) return makeError(ErrorCode::NotFound, "sequence '" + seq.name + "' has no video clip named '" + name + "'");
  if (count > 1) {
    return makeError(ErrorCode::InvalidArgument, std::to_string(count) + " video clips of sequence '" + seq.name +
                                                     "' are named '" + name + "'; rename one to key it");
  }
  return found;
}

// --at as a picture index of the clip's file: a plain number, or a timecode from the file's start.
Result<std::int64_t> sourcePicture(const std::string& at, const model::MediaItem& media) {
  if (!at.empty() && std::all_of(at.begin(), at.end(), [](char c) { return c >= '0' && c <= '9'; }) && at.size() < 12) {
    return std::stoll(at);
  }
  auto rate = time::FrameRate::make(media.info.frameRate);
  if (!rate) return makeError(ErrorCode::InvalidArgument, "--at: '" + media.name + "' has no frame rate; give a picture number");
  auto tc = time::parseTimecode(at, *rate);
  if (!tc) return makeError(tc.error().code, "--at: " + tc.error().message);
  return tc->value;
}

// The edit of --clear or of the key at --at (core/edit/reframe_keys.h).
Result<model::ChangeSet> keyEdit(const Args& args, const model::Project& p, model::SequenceId seq,
                                 const model::Clip& clip, const Aspect& aspect) {
  if (args.has("--clear")) return edit::clearReframeKeys(p, seq, clip.id, aspect.name);
  const auto at = args.value("--at");
  if (!at || !args.value("--x")) return makeError(ErrorCode::InvalidArgument, "a key needs --at SOURCE_TIMECODE_OR_FRAME and --x");
  model::ReframeKey key;
  PL_TRY(readNumber(args, "--x", key.x));
  PL_TRY(readNumber(args, "--y", key.y));
  PL_TRY_ASSIGN(frame, sourcePicture(*at, *p.findMedia(clip.media)));
  return edit::setReframeKey(p, seq, clip.id, aspect.name, frame, key.x, key.y);
}

int editKeys(const Args& args, const Aspect& aspect) {
  const std::string name = *args.value("--clip");
  return editProject(
      args,
      [&](const model::Project& p, model::SequenceId id) -> Result<model::ChangeSet> {
        const model::Sequence& seq = *p.findSequence(id);
        PL_TRY_ASSIGN(found, findClip(seq, name));
        return keyEdit(args, p, id, *found.clip, aspect);
      },
      args.has("--clear") ? "reframe keys for " + aspect.name + " cleared" : "reframe key for " + aspect.name + " set");
}

ordered_json clipJson(const exporting::Reframer& r, const model::Sequence& seq, const exporting::ClipReframe& c,
                      const Aspect& aspect) {
  ordered_json j{{"id", c.clip.value}, {"name", c.name}, {"how", c.how}, {"first_frame", c.first.value},
                 {"frames", c.frames.value}, {"x", {{"min", c.minX}, {"max", c.maxX}}},
                 {"y", {{"min", c.minY}, {"max", c.maxY}}}, {"keys", ordered_json::array()}, {"path", ordered_json::array()}};
  const model::Clip* clip = seq.findClip(c.clip);
  const auto keys = clip->reframeKeys.find(aspect.name);
  if (keys != clip->reframeKeys.end()) {
    for (const model::ReframeKey& k : keys->second) j["keys"].push_back({{"source_frame", k.sourceFrame}, {"x", k.x}, {"y", k.y}});
  }
  // The window centre about twice a second, and at the last frame.
  const std::int64_t every = std::max<std::int64_t>(1, std::llround(seq.settings.frameRate.fps().toDouble() / 2.0));
  std::vector<std::int64_t> offsets;
  for (std::int64_t i = 0; i < c.frames.value; i += every) offsets.push_back(i);
  if (c.frames.value > 0 && offsets.back() != c.frames.value - 1) offsets.push_back(c.frames.value - 1);
  for (std::int64_t i : offsets) {
    const time::FramePos f = c.first + time::FrameCount{i};
    const exporting::Window w = r.windowAt(c.clip, f);
    j["path"].push_back({{"frame", f.value}, {"x", w.cx}, {"y", w.cy}});
  }
  return j;
}

int showPaths(const Args& args, const Aspect& aspect) {
  auto loaded = project::loadProject(args.positional[0]);
  if (!loaded) return fail(loaded.error());
  const model::Project& p = loaded->project;
  auto seq = findSequence(p, args.value("--sequence"), args.positional[0]);
  if (!seq) return fail(seq.error());
  const model::SequenceSettings& s = seq.value()->settings;
  // Only the shape matters for the windows: the sequence's height at the delivery aspect.
  const int outH = s.height;
  const int outW = std::max(2, static_cast<int>(std::lround(static_cast<double>(s.height) * aspect.w / aspect.h)));
  auto r = exporting::Reframer::create(p, seq.value()->id, outW, outH, exporting::ReframeMode::Auto);
  if (!r) return fail(r.error());
  const exporting::Window size = exporting::cropWindow(s.width, s.height, outW, outH, 0.5, 0.5);
  if (args.has("--json")) {
    ordered_json j{{"sequence", seq.value()->name}, {"aspect", aspect.name}, {"identity", (*r)->identity()},
                   {"window", {{"w", size.w}, {"h", size.h}}}, {"clips", ordered_json::array()}};
    for (const exporting::ClipReframe& c : (*r)->clips()) j["clips"].push_back(clipJson(**r, *seq.value(), c, aspect));
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << "sequence '" << seq.value()->name << "' (" << s.width << "x" << s.height << ") at " << aspect.name;
  if ((*r)->identity()) {
    std::cout << ": same aspect, no reframing\n";
    return kExitOk;
  }
  std::cout << ": window " << fixed(size.w, 3) << " x " << fixed(size.h, 3) << " of the frame\n";
  for (const std::string& line : (*r)->describe()) std::cout << "  " << line << "\n";
  return kExitOk;
}

}  // namespace

int runReframe(const Args& args) {
  const auto aspectText = args.value("--aspect");
  if (args.positional.size() != 1 || !aspectText) {
    return usageError("reframe needs PROJECT and --aspect WxH (e.g. --aspect 9x16)");
  }
  auto aspect = parseAspect(*aspectText);
  if (!aspect) return usageError(aspect.error().message);
  if (args.value("--clip")) {
    if (!args.has("--clear") && (!args.value("--at") || !args.value("--x"))) {
      return usageError("reframe --clip NAME needs --at SOURCE_TIMECODE_OR_FRAME and --x (or --clear)");
    }
    return editKeys(args, *aspect);
  }
  return showPaths(args, *aspect);
}

}  // namespace postline::cli
