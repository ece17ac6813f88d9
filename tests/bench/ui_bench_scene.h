#pragma once
// Shared by the editor benchmarks (tests/bench/ui_*_bench.cpp): footage-like 1080p clips written
// once per machine, a project with clips assembled on V1/A1, and percentiles of timings.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/edit/assembly.h"
#include "core/ingest/import.h"
#include "core/media/ffmpeg/media_writer.h"
#include "ui/controller/project_controller.h"

namespace postline::bench {

namespace fs = std::filesystem;

// Footage-like 1920x1080 pictures (smooth gradients, a disc moving `discSpeed` px per frame, light
// grain) so the bitrate is that of real footage (~10-20 Mbit/s) rather than of a busy test pattern
// (~50 Mbit/s, 3-4x slower to decode). `disc` is the disc's RGB colour.
inline void paintFootage(std::int64_t index, std::vector<std::uint8_t>& rgb, int discSpeed, const std::array<int, 3>& disc) {
  constexpr int w = 1920, h = 1080;
  rgb.resize(std::size_t{w} * h * 3);
  std::uint32_t seed = 0x9E3779B9u * static_cast<std::uint32_t>(index + 1);
  const int cx = static_cast<int>(300 + discSpeed * index) % w, cy = 540;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      seed = seed * 1664525u + 1013904223u;
      const int grain = static_cast<int>(seed >> 29) - 4;
      const bool in = (x - cx) * (x - cx) + (y - cy) * (y - cy) < 180 * 180;
      std::uint8_t* p = rgb.data() + (static_cast<std::size_t>(y) * w + x) * 3;
      p[0] = static_cast<std::uint8_t>(std::clamp((in ? disc[0] : 40 + x * 120 / w) + grain, 0, 255));
      p[1] = static_cast<std::uint8_t>(std::clamp((in ? disc[1] : 60 + y * 100 / h) + grain, 0, 255));
      p[2] = static_cast<std::uint8_t>(std::clamp((in ? disc[2] : 110 + static_cast<int>(index % 48)) + grain, 0, 255));
    }
  }
}

// Writes (once: kept in the temp folder and reused) a footage-like 1080p H.264 clip of `frames`
// frames at 24 fps with keyframes every `gop` frames; exits the benchmark when it cannot.
inline fs::path footageClip(const std::string& folder, const std::string& name, int frames, int gop, int bFrames,
                            int discSpeed, const std::array<int, 3>& disc) {
  const fs::path dir = fs::temp_directory_path() / folder;
  const fs::path file = dir / name;
  if (fs::exists(file)) return file;
  fs::create_directories(dir);
  media::ffmpeg::VideoSpec spec;
  spec.width = 1920;
  spec.height = 1080;
  spec.frames = frames;
  if (gop > 0) spec.gop = gop;
  spec.bFrames = bFrames;
  spec.painter = [discSpeed, disc](std::int64_t i, std::vector<std::uint8_t>& rgb) { paintFootage(i, rgb, discSpeed, disc); };
  const fs::path tmp = dir / "writing.tmp.mp4";  // renamed when complete: an interrupted run leaves no clip
  if (auto r = media::ffmpeg::writeVideo(tmp, spec); !r.ok()) {
    std::fprintf(stderr, "cannot write the clip: %s\n", r.error().message.c_str());
    std::exit(1);
  }
  fs::rename(tmp, file);
  return file;
}

// A new project named `name` with `files` imported and assembled end to end on V1 (audio on A1).
inline bool assembleProject(ui::ProjectController& ctl, const QString& name, const std::vector<fs::path>& files) {
  ctl.newProject(name);
  auto plan = ingest::planImport(ctl.project(), files);
  if (!plan.ok() || !ctl.apply(std::move(plan.value().changes), "Import")) return false;
  model::TrackId v1, a1;
  for (const model::Track& t : ctl.sequence()->tracks) {
    if (t.kind == model::TrackKind::Video && !v1.valid()) v1 = t.id;
    if (t.kind == model::TrackKind::Audio && !a1.valid()) a1 = t.id;
  }
  return ctl.apply(edit::assemblyEdit(ctl.project(), ctl.currentSequence(), plan.value().added, v1, a1), "Assemble");
}

// The p-quantile (0..1, nearest rank) of `v`; 0 for none.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * double(v.size() - 1) + 0.5))];
}

}  // namespace postline::bench
