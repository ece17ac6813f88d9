// postline-cli demo DIR [--quick]: renders the seed's "Origin Coffee Commercial" media with libav,
// imports it (probing every file) and cuts it through the same edit operations and undo stack
// the editor uses, then saves DIR/Origin_Coffee_Commercial.postline.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/demo/demo_media.h"
#include "app/cli/grading.h"
#include "app/cli/titles.h"
#include "core/audio/mix_actions.h"
#include "core/commands/undo_stack.h"
#include "core/edit/assembly.h"
#include "core/edit/auto_trim.h"
#include "core/edit/clip_audio.h"
#include "core/edit/markers.h"
#include "core/edit/placement.h"
#include "core/edit/speed.h"
#include "core/edit/transitions.h"
#include "core/edit/trim.h"
#include "core/ingest/import.h"
#include "core/project/project_file.h"
#include "core/time/convert.h"

namespace postline::cli {

namespace fs = std::filesystem;

namespace {

using base::Result;

struct Demo {
  model::Project project = model::Project::createDefault("Origin_Coffee_Commercial");
  commands::UndoStack stack{project};
  model::SequenceId seq = project.sequences[0].id;

  const model::Sequence& sequence() const { return *project.findSequence(seq); }
  const model::Track& track(std::size_t i) const { return sequence().tracks.at(i); }
  time::FrameCount frames(double seconds) const {
    auto f = time::secondsToFrames(time::Rational(static_cast<std::int64_t>(seconds * 1000)).div(1000).value(),
                                   sequence().settings.frameRate);
    return time::FrameCount{f.ok() ? f->value : 0};
  }
  const model::MediaItem& media(const fs::path& file) const {
    for (const model::MediaItem& m : project.media) {
      if (fs::path(m.path).filename() == file.filename()) return m;
    }
    throw std::runtime_error("demo media '" + file.string() + "' was not imported");
  }
  Result<void> run(const std::string& label, Result<model::ChangeSet> cs) {
    if (!cs.ok()) return base::Error{cs.error().code, label + ": " + cs.error().message};
    return stack.push({label, std::move(cs).value(), {}});
  }
};

Result<void> importAll(Demo& d, const demo::DemoMedia& m, const fs::path& mediaDir) {
  PL_TRY_ASSIGN(media, ingest::planImport(d.project, {mediaDir}));
  for (const auto& issue : media.errors) std::cerr << "postline-cli: " << issue.message << "\n";
  PL_TRY(d.stack.push({"Import demo media", media.changes, {}}));
  ingest::ImportOptions asReference;
  asReference.asReference = true;
  std::vector<fs::path> references = m.keyframes;
  references.insert(references.begin(), m.reference);
  PL_TRY_ASSIGN(ref, ingest::planImport(d.project, references, asReference));
  PL_TRY(d.stack.push({"Import colour reference", ref.changes, {}}));
  // The editor's picks: one star per take, the best take of each shot rated highest.
  static const std::pair<const char*, int> ratings[] = {
      {"Shot_01_Take_01", 2}, {"Shot_01_Take_02", 4}, {"Shot_01_Take_03", 3}, {"Shot_02_Take_01", 4},
      {"Shot_02_Take_02", 2}, {"Shot_03_Take_01", 1}, {"Shot_03_Take_02", 5}, {"Shot_03_Take_03", 3},
      {"Shot_03_Take_04", 2}, {"Shot_04_Take_01", 4}, {"Shot_04_Take_02", 3}};
  model::ChangeSet cs;
  for (const auto& [name, stars] : ratings) {
    const model::MediaItem& before = d.media(fs::path(std::string(name) + ".mp4"));
    model::MediaItem after = before;
    after.rating = stars;
    cs.add(model::MediaUpdated{before, after});
  }
  return d.stack.push({"Rate takes", cs, {}});
}

Result<void> cut(Demo& d, const demo::DemoMedia& m) {
  std::vector<model::MediaId> takes;
  for (const fs::path& clip : m.clips) takes.push_back(d.media(clip).id);
  PL_TRY(d.run("Assembly edit", edit::assemblyEdit(d.project, d.seq, takes, d.track(0).id, d.track(2).id)));
  std::vector<model::ClipId> ids;
  for (const model::Clip& c : d.track(0).clips) ids.push_back(c.id);
  const time::FrameCount trim = edit::defaultAutoTrim(d.sequence().settings.frameRate);
  PL_TRY(d.run("Trim generation artifacts", edit::autoTrim(d.project, d.seq, ids, trim, trim, edit::TrimMode::Ripple)));
  PL_TRY(d.run("Hero at 90 %", edit::setSpeed(d.project, d.seq, d.track(0).clips.at(2).id, time::Rational::make(9, 10).value(),
                                              edit::TrimMode::Ripple)));
  PL_TRY(d.run("Cross-dissolve", edit::addTransition(d.project, d.seq, d.track(0).clips.at(1).id, d.track(0).clips.at(2).id,
                                                    time::FrameCount{12}, model::TransitionAlign::CenterOnCut)));
  return d.run("End hold", edit::freezeFrameHold(d.project, d.seq, d.track(0).clips.back().id, d.frames(1.0)));
}

// Places `file` on track `index` at `at`, fits it to the picture's end and gives it fades.
Result<void> place(Demo& d, const fs::path& file, std::size_t index, time::FramePos at, double fadeIn, double fadeOut) {
  const model::MediaItem& m = d.media(file);
  const time::FramePos end = d.track(0).clips.back().end();
  PL_TRY(d.run("Place " + m.name, edit::overwrite(d.project, d.seq, d.track(index).id, at,
                                                  edit::SourceSpan{m.id, 0, m.info.duration})));
  const model::Clip placed = *model::clipAt(d.track(index), at);
  if (placed.end() > end) {
    PL_TRY(d.run("Fit " + m.name, edit::trimOut(d.project, d.seq, placed.id, end - placed.end(), edit::TrimMode::Normal)));
  }
  const model::ClipId fitted = model::clipAt(d.track(index), at)->id;
  return d.run("Fades on " + m.name, edit::setClipFades(d.project, d.seq, fitted, d.frames(fadeIn), d.frames(fadeOut)));
}

Result<void> mix(Demo& d, const demo::DemoMedia& m) {
  PL_TRY(place(d, m.voiceOver.at(0), 1, time::FramePos{d.frames(2.0).value}, 0.0, 0.0));  // A1 Dialogue
  PL_TRY(place(d, m.voiceOver.at(1), 1, d.track(0).clips.at(3).start + d.frames(1.0), 0.0, 0.0));
  PL_TRY(place(d, m.birds, 3, d.track(0).clips.at(3).start, 0.5, 0.5));             // A3 Foley, last shot
  PL_TRY(place(d, m.music, 4, time::FramePos{0}, 1.5, 2.0));                        // A4 Music
  PL_TRY(place(d, m.ambience, 5, time::FramePos{0}, 1.0, 1.0));                     // A5 Ambient
  PL_TRY(d.run("Marker", edit::addMarker(d.project, d.seq, time::FramePos{0}, "Open")));
  return d.run("Marker", edit::addMarker(d.project, d.seq, d.track(0).clips.at(2).start, "Product hero"));
}

// The logo over the end hold, on a new V2 track above the picture (a still with alpha).
Result<void> endCard(Demo& d, const demo::DemoMedia& m) {
  model::ChangeSet cs;
  const std::uint64_t id = d.project.nextId;
  cs.add(model::NextIdChanged{id, id + 1});
  model::Track v2;
  v2.id = model::TrackId{id};
  v2.kind = model::TrackKind::Video;
  v2.name = "V2";
  cs.add(model::TrackAdded{d.seq, v2, 1});
  PL_TRY(d.stack.push({"Add track V2", cs, {}}));
  const model::MediaItem& logo = d.media(m.graphics.at(0));
  const model::Clip hold = d.track(0).clips.back();
  PL_TRY(d.run("Logo end card", edit::overwrite(d.project, d.seq, d.track(1).id, hold.start,
                                               edit::SourceSpan{logo.id, 0, 1})));  // a still: 1 s
  const model::Clip placed = d.track(1).clips.at(0);
  model::Clip small = placed;
  small.reframe.scale = 0.35;
  model::ChangeSet sized;
  sized.add(model::ClipUpdated{d.seq, d.track(1).id, placed, small});
  return d.stack.push({"Size the logo", sized, {}});
}

// The opening title on V2 (created by endCard): "Slow mornings, made better." from 00:00:00:12 for 2 s.
Result<void> openingTitle(Demo& d) {
  model::TitleSpec spec;
  spec.text = "Slow mornings, made better.";
  TitlePlacement placement;
  placement.track = "V2";
  placement.at = time::FramePos{12};
  placement.seconds = 2.0;
  return addTitle(d.project, d.seq, spec, placement, [&](const std::string& label, model::ChangeSet cs) {
    return d.stack.push({label, std::move(cs), {}});
  });
}

// The colour steps: every clip normalised to its shot's keyframe (removing the generator's
// bias), then the warm morning look over the timeline.
Result<void> grade(Demo& d) {
  int matched = 0;
  PL_TRY(d.run("Normalise each shot to its keyframe", normalisePerShotChanges(d.project, d.seq, matched)));
  return d.run("Timeline look: warm morning", lookChanges(d.project, d.seq, "warm-morning"));
}

// The sound steps: the seed's light compression (2:1 at -12 dB) and the generator's resonance
// notched out on the dialogue, each role brought to its level, the music ducked under the voice,
// and the mix normalised to the sequence's target (-14 LUFS, social).
Result<void> mixDown(Demo& d) {
  const auto dialogue = std::find_if(d.sequence().tracks.begin(), d.sequence().tracks.end(),
                                     [](const model::Track& t) { return t.role == model::AudioRole::Dialogue; });
  if (dialogue == d.sequence().tracks.end()) return base::makeError(base::ErrorCode::NotFound, "no dialogue track");
  model::Track compressed = *dialogue;
  compressed.compressor.enabled = true;
  model::ChangeSet cs;
  cs.add(model::TrackUpdated{d.seq, *dialogue, compressed});
  PL_TRY(d.stack.push({"Compress dialogue", cs, {}}));
  const model::TrackId voice = compressed.id;
  auto actionChanges = [](Result<audio::MixActionResult> r) -> Result<model::ChangeSet> {
    if (!r) return r.error();
    return std::move(r->changes);
  };
  PL_TRY(d.run("De-resonate dialogue", actionChanges(audio::deresonate(d.project, d.seq, voice))));
  PL_TRY(d.run("Role levels", actionChanges(audio::balanceRoles(d.project, d.seq))));
  PL_TRY(d.run("Duck music under dialogue", actionChanges(audio::autoDuck(d.project, d.seq))));
  PL_TRY_ASSIGN(normalised, audio::normaliseMix(d.project, d.seq));
  return d.run("Normalise the mix", std::move(normalised.action.changes));
}

}  // namespace

int runDemo(const Args& args) {
  if (args.positional.size() != 1) return usageError("'demo' takes one DIR");
  const fs::path dir = fs::absolute(args.positional[0]);
  demo::DemoSize size;
  if (args.has("--quick")) size = demo::DemoSize{320, 180, 0.5};
  std::cout << "Rendering the demo media (" << size.width << "x" << size.height << ") into " << (dir / "media").string()
            << " ...\n";
  auto media = demo::renderDemoMedia(dir / "media", size);
  if (!media.ok()) return fail(media.error());
  try {
    Demo d;
    Result<void> built = importAll(d, media.value(), dir / "media");
    if (built.ok()) built = cut(d, media.value());
    if (built.ok()) built = mix(d, media.value());
    if (built.ok()) built = endCard(d, media.value());
    if (built.ok()) built = openingTitle(d);
    if (built.ok()) built = grade(d);
    if (built.ok()) built = mixDown(d);
    if (!built.ok()) return fail(built.error());
    const fs::path file = dir / (d.project.name + project::kExtension);
    auto saved = project::saveProject(d.project, file);
    if (!saved.ok()) return fail(saved.error());
    std::cout << "Demo project written to " << file.string() << " (" << d.stack.undoCount() << " edits)\n";
  } catch (const std::exception& e) {
    return fail({base::ErrorCode::NotFound, e.what()});
  }
  return kExitOk;
}

}  // namespace postline::cli
