// postline-cli demo DIR: builds the seed's coffee commercial from resources/demo/recipe.json
// through the same edit operations and undo stack the editor uses, and saves it in DIR.
// Media facts come from the recipe (the files are rendered beside it by
// resources/demo/make_demo_media.py); the media layer will probe them instead.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "core/commands/undo_stack.h"
#include "core/edit/assembly.h"
#include "core/edit/auto_trim.h"
#include "core/edit/markers.h"
#include "core/edit/placement.h"
#include "core/edit/speed.h"
#include "core/edit/transitions.h"
#include "core/edit/trim.h"
#include "core/model/shot_take.h"
#include "core/project/project_file.h"
#include "core/time/convert.h"

namespace postline::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using base::Result;

struct Demo {
  model::Project project;
  commands::UndoStack stack{project};
  model::SequenceId seq;
  std::vector<model::MediaId> clips, audio;

  const model::Sequence& sequence() const { return *project.findSequence(seq); }
  const model::Track& track(std::size_t i) const { return sequence().tracks.at(i); }
  time::FrameRate rate() const { return sequence().settings.frameRate; }
  time::FrameCount frames(double seconds) const {
    return time::FrameCount{time::secondsToFrames(time::Rational(static_cast<std::int64_t>(seconds * 1000)).div(1000).value(),
                                                  rate()).value().value};
  }
  Result<void> run(const std::string& label, Result<model::ChangeSet> cs) {
    if (!cs.ok()) return base::Error{cs.error().code, label + ": " + cs.error().message};
    return stack.push({label, std::move(cs).value(), {}});
  }
};

model::MediaItem mediaFromRecipe(const json& entry, const fs::path& mediaDir, model::MediaKind kind, const json& recipe) {
  model::MediaItem m;
  m.path = (mediaDir / entry["file"].get<std::string>()).string();
  m.name = fs::path(m.path).stem().string();
  m.kind = kind;
  const auto st = model::parseShotTake(m.name);
  m.shot = st.shot;
  m.take = st.take;
  m.rating = entry.value("rating", 0);
  const double seconds = entry.value("seconds", 0.0);
  if (kind == model::MediaKind::Video) {
    m.info.hasVideo = true;
    m.info.hasAudio = entry.value("tone_hz", 0) > 0;
    m.info.width = recipe["video"]["width"];
    m.info.height = recipe["video"]["height"];
    m.info.frameRate = time::Rational::parse(recipe["frame_rate"].get<std::string>()).value();
    m.info.timeBase = time::Rational(1).div(m.info.frameRate).value();
    m.info.duration = static_cast<std::int64_t>(seconds * m.info.frameRate.toDouble() + 0.5);
    m.info.videoCodec = "h264";
  } else if (kind == model::MediaKind::Audio) {
    m.info.hasAudio = true;
    m.info.timeBase = time::Rational::make(1, 48000).value();
    m.info.duration = static_cast<std::int64_t>(seconds * 48000);
    m.info.audioCodec = "pcm_s16le";
  } else {
    m.info.still = true;
    m.info.width = entry["width"];
    m.info.height = entry["height"];
  }
  if (m.info.hasAudio) {
    m.info.sampleRate = 48000;
    m.info.channels = 2;
  }
  return m;
}

Result<void> importMedia(Demo& d, const json& recipe, const fs::path& mediaDir) {
  const std::pair<const char*, model::MediaKind> groups[] = {
      {"clips", model::MediaKind::Video}, {"audio", model::MediaKind::Audio}, {"graphics", model::MediaKind::Image}};
  model::ChangeSet cs;
  for (std::size_t g = 0; g < 3; ++g) {
    for (const json& entry : recipe[groups[g].first]) {
      model::MediaItem m = mediaFromRecipe(entry, mediaDir, groups[g].second, recipe);
      m.id = model::MediaId{model::reserveIds(d.project, cs, 1)};
      (g == 0 ? d.clips : d.audio).push_back(m.id);
      cs.add(model::MediaAdded{m, d.project.bins[g].id});
    }
  }
  return d.stack.push({"Import demo media", cs, {}});
}

Result<void> cut(Demo& d, const json& recipe) {
  const json& e = recipe["edit"];
  const model::TrackId v1 = d.track(0).id;
  PL_TRY(d.run("Assembly edit", edit::assemblyEdit(d.project, d.seq, d.clips, v1, d.track(2).id)));
  std::vector<model::ClipId> ids;
  for (const model::Clip& c : d.track(0).clips) ids.push_back(c.id);
  const time::FrameCount trim = d.frames(e["auto_trim_seconds"].get<double>());
  PL_TRY(d.run("Trim generation artifacts", edit::autoTrim(d.project, d.seq, ids, trim, trim, edit::TrimMode::Ripple)));
  const auto speed = time::Rational::parse(e["hero_speed"].get<std::string>()).value();
  PL_TRY(d.run("Hero speed", edit::setSpeed(d.project, d.seq, d.track(0).clips.at(2).id, speed, edit::TrimMode::Ripple)));
  PL_TRY(d.run("Cross-dissolve", edit::addTransition(d.project, d.seq, d.track(0).clips.at(1).id, d.track(0).clips.at(2).id,
                                                    time::FrameCount{e["dissolve_frames"].get<std::int64_t>()},
                                                    model::TransitionAlign::CenterOnCut)));
  return d.run("End hold", edit::freezeFrameHold(d.project, d.seq, d.track(0).clips.back().id,
                                                 time::FrameCount{e["end_hold_frames"].get<std::int64_t>()}));
}

Result<void> mix(Demo& d, const json& recipe) {
  const time::FramePos end = d.track(0).clips.back().end();
  for (std::size_t i = 0; i < recipe["audio"].size(); ++i) {
    const json& a = recipe["audio"][i];
    const model::MediaItem& m = *d.project.findMedia(d.audio[i]);
    const std::size_t trackIndex = a["role"] == "music" ? 4 : 1;  // A4 Music, A1 Dialogue
    const time::FramePos at{d.frames(a["at_seconds"].get<double>()).value};
    PL_TRY(d.run("Place " + m.name, edit::overwrite(d.project, d.seq, d.track(trackIndex).id, at,
                                                    edit::SourceSpan{m.id, 0, m.info.duration})));
    const model::Clip placed = *model::clipAt(d.track(trackIndex), at);
    if (placed.end() > end) {
      PL_TRY(d.run("Fit " + m.name, edit::trimOut(d.project, d.seq, placed.id, end - placed.end(), edit::TrimMode::Normal)));
    }
    const model::Clip fitted = *model::clipAt(d.track(trackIndex), at);
    model::Clip faded = fitted;
    faded.audio.fadeIn = d.frames(a["fade_in_seconds"].get<double>());
    faded.audio.fadeOut = a["role"] == "music" ? d.frames(2.0) : time::FrameCount{0};
    model::ChangeSet cs;
    cs.add(model::ClipUpdated{d.seq, d.track(trackIndex).id, fitted, faded});
    PL_TRY(d.stack.push({"Fades on " + m.name, cs, {}}));
  }
  for (const json& mk : recipe["markers"]) {
    PL_TRY(d.run("Marker", edit::addMarker(d.project, d.seq, time::FramePos{d.frames(mk["seconds"].get<double>()).value},
                                           mk["name"].get<std::string>())));
  }
  return {};
}

Result<json> readRecipe(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return base::Error{base::ErrorCode::NotFound, "cannot open demo recipe '" + file.string() + "'"};
  try {
    return json::parse(in);
  } catch (const json::exception& e) {
    return base::Error{base::ErrorCode::Parse, "demo recipe '" + file.string() + "': " + e.what()};
  }
}

}  // namespace

int runDemo(const Args& args) {
  if (args.positional.empty() || args.positional.size() > 2) return usageError("'demo' takes DIR [RECIPE]");
  const fs::path dir = fs::absolute(args.positional[0]);
  const fs::path recipeFile = args.positional.size() == 2 ? fs::path(args.positional[1])
                                                          : fs::path(POSTLINE_RESOURCE_DIR) / "demo" / "recipe.json";
  auto recipe = readRecipe(recipeFile);
  if (!recipe.ok()) return fail(recipe.error());
  try {
    Demo d;
    d.project = model::Project::createDefault(recipe.value()["project"].get<std::string>());
    d.seq = d.project.sequences[0].id;
    Result<void> built = importMedia(d, recipe.value(), dir / "media");
    if (built.ok()) built = cut(d, recipe.value());
    if (built.ok()) built = mix(d, recipe.value());
    if (!built.ok()) return fail(built.error());
    const fs::path file = dir / (d.project.name + project::kExtension);
    auto saved = project::saveProject(d.project, file);
    if (!saved.ok()) return fail(saved.error());
    std::cout << "Demo project written to " << file.string() << " (" << d.stack.undoCount() << " edits)\n";
  } catch (const json::exception& e) {
    return fail({base::ErrorCode::Parse, "demo recipe '" + recipeFile.string() + "': " + e.what()});
  }
  return kExitOk;
}

}  // namespace postline::cli
