#pragma once
// Fixtures the editor tests share: small media written with libav by the tests themselves, imported
// into a controller's project and assembled on V1/A1 (the way a user's first cut starts).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/edit/assembly.h"
#include "core/ingest/import.h"
#include "core/media/ffmpeg/media_writer.h"
#include "ui/controller/project_controller.h"

namespace postline::ui::testing {

namespace fs = std::filesystem;

// A fresh empty folder under the temp dir.
inline fs::path freshDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("postline_ui_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Writes `count` H.264 clips Shot_0<i>_Take_01.mp4 (frames at `fps`, w x h, an AAC tone)
// into `dir` and returns their paths (the tone differs per clip, 400 + 40 i Hz, so none is a duplicate).
inline std::vector<fs::path> writeClips(const fs::path& dir, int count, int frames = 48, int w = 320, int h = 180,
                                        time::Rational fps = time::Rational{24}) {
  std::vector<fs::path> out;
  for (int i = 1; i <= count; ++i) {
    media::ffmpeg::VideoSpec spec;
    spec.width = w;
    spec.height = h;
    spec.fps = fps;
    spec.frames = frames;
    spec.audioTone = 400 + 40 * i;  // different content: the importer skips duplicates
    const fs::path p = dir / ("Shot_0" + std::to_string(i) + "_Take_01.mp4");
    auto r = media::ffmpeg::writeVideo(p, spec);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    out.push_back(p);
  }
  return out;
}

// Imports `files` into the controller's project (one undoable command); returns the new media ids.
inline std::vector<model::MediaId> importFiles(ProjectController& ctl, const std::vector<fs::path>& files) {
  auto plan = ingest::planImport(ctl.project(), files);
  EXPECT_TRUE(plan.ok());
  if (!plan.ok()) return {};
  std::vector<model::MediaId> ids = plan.value().added;
  EXPECT_TRUE(ctl.apply(std::move(plan.value().changes), "Import"));
  return ids;
}

// The first track of `kind` (V1 or A1) of the current sequence.
inline model::TrackId firstTrack(const ProjectController& ctl, model::TrackKind kind) {
  for (const model::Track& t : ctl.sequence()->tracks) {
    if (t.kind == kind) return t.id;
  }
  return {};
}

// `count` clips of `frames` frames each, imported and assembled end to end on V1 (linked audio on A1).
inline std::vector<model::MediaId> assembleClips(ProjectController& ctl, const fs::path& dir, int count, int frames = 48) {
  const auto ids = importFiles(ctl, writeClips(dir, count, frames));
  EXPECT_TRUE(ctl.apply(edit::assemblyEdit(ctl.project(), ctl.currentSequence(), ids,
                                           firstTrack(ctl, model::TrackKind::Video),
                                           firstTrack(ctl, model::TrackKind::Audio)),
                        "Assembly Edit"));
  return ids;
}

}  // namespace postline::ui::testing
