// Foundation figures on a 10,000-clip sequence: one edit, its undo, save and load.
// Targets (issue "Foundation"): edit <= 1 ms, undo <= 1 ms, save <= 300 ms, load <= 300 ms.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "core/commands/undo_stack.h"
#include "core/edit/razor.h"
#include "core/edit/removal.h"
#include "core/model/change_set.h"
#include "core/project/project_file.h"

namespace {

using namespace postline;
constexpr int kClips = 5000;  // per track: V1 + A1 = 10,000 clips in the sequence

// A project whose V1 and A1 hold kClips linked 2-second clips cut back to back (10,000 clips in all).
model::Project bigProject() {
  model::Project p = model::Project::createDefault("Bench");
  model::MediaItem m;
  m.id = model::MediaId{p.nextId++};
  m.name = "Shot_01_Take_01";
  m.path = "/media/Shot_01_Take_01.mp4";
  m.info.hasVideo = m.info.hasAudio = true;
  m.info.width = 1920;
  m.info.height = 1080;
  m.info.frameRate = time::Rational(24);
  m.info.timeBase = time::Rational::make(1, 24).value();
  m.info.duration = 24 * 60;
  p.media.push_back(m);
  p.bins[0].items.push_back(m.id);
  model::Sequence& s = p.sequences[0];
  for (int trackIndex : {0, 1}) {
    for (int i = 0; i < kClips; ++i) {
      model::Clip c;
      c.id = model::ClipId{p.nextId++};
      c.media = m.id;
      c.start = time::FramePos{48LL * i};
      c.duration = time::FrameCount{48};
      c.sourceIn = (i * 7) % 1000;
      c.linkGroup = static_cast<std::uint64_t>(i + 1);
      c.name = "Shot_01_Take_01";
      // A finished edit: every clip carries a grade, a level and a reframe (all are saved).
      c.grade.normalise.exposure = 0.05 * (i % 7);
      c.grade.normalise.temperature = -12.5;
      c.grade.normalise.saturation = 0.9;
      c.grade.normalise.gain = {1.02, 1.0, 0.97, 1.0};
      c.audio.gainDb = -3.0;
      c.audio.fadeIn = time::FrameCount{6};
      c.reframe.scale = 1.1;
      s.tracks[static_cast<std::size_t>(trackIndex)].clips.push_back(c);
    }
  }
  return p;
}

model::ClipId firstClip(const model::Project& p) { return p.sequences[0].tracks[0].clips[0].id; }

// Worst case for an edit: ripple-deleting the first clip moves all 9,998 others.
void BM_RippleDeleteEdit(benchmark::State& state) {
  model::Project p = bigProject();
  commands::UndoStack stack(p);
  for (auto _ : state) {
    auto cs = edit::rippleDelete(p, p.sequences[0].id, {firstClip(p)});
    if (!cs.ok() || !stack.push({"Ripple delete", std::move(cs).value(), {}}).ok()) state.SkipWithError("edit failed");
    state.PauseTiming();
    (void)stack.undo();
    state.ResumeTiming();
  }
}

void BM_RippleDeleteUndo(benchmark::State& state) {
  model::Project p = bigProject();
  commands::UndoStack stack(p);
  for (auto _ : state) {
    state.PauseTiming();
    auto cs = edit::rippleDelete(p, p.sequences[0].id, {firstClip(p)});
    if (!cs.ok() || !stack.push({"Ripple delete", std::move(cs).value(), {}}).ok()) state.SkipWithError("edit failed");
    state.ResumeTiming();
    if (!stack.undo().ok()) state.SkipWithError("undo failed");
  }
}

// A typical edit: razor through both tracks in the middle of the sequence.
void BM_RazorEdit(benchmark::State& state) {
  model::Project p = bigProject();
  commands::UndoStack stack(p);
  for (auto _ : state) {
    auto cs = edit::razor(p, p.sequences[0].id, time::FramePos{48LL * kClips / 2 + 10}, {});
    if (!cs.ok() || !stack.push({"Razor", std::move(cs).value(), {}}).ok()) state.SkipWithError("edit failed");
    state.PauseTiming();
    (void)stack.undo();
    state.ResumeTiming();
  }
}

void BM_RazorUndo(benchmark::State& state) {
  model::Project p = bigProject();
  commands::UndoStack stack(p);
  for (auto _ : state) {
    state.PauseTiming();
    auto cs = edit::razor(p, p.sequences[0].id, time::FramePos{48LL * kClips / 2 + 10}, {});
    if (!cs.ok() || !stack.push({"Razor", std::move(cs).value(), {}}).ok()) state.SkipWithError("edit failed");
    state.ResumeTiming();
    if (!stack.undo().ok()) state.SkipWithError("undo failed");
  }
}

std::filesystem::path benchFile() { return std::filesystem::temp_directory_path() / "postline_bench" / "Bench.postline"; }

void BM_Save(benchmark::State& state) {
  const model::Project p = bigProject();
  std::filesystem::create_directories(benchFile().parent_path());
  for (auto _ : state) {
    if (!project::saveProject(p, benchFile()).ok()) state.SkipWithError("save failed");
  }
  state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(benchFile()));
}

void BM_Load(benchmark::State& state) {
  const model::Project p = bigProject();
  std::filesystem::create_directories(benchFile().parent_path());
  if (!project::saveProject(p, benchFile()).ok()) state.SkipWithError("save failed");
  for (auto _ : state) {
    auto r = project::loadProject(benchFile());
    if (!r.ok()) state.SkipWithError(r.error().message.c_str());
    benchmark::DoNotOptimize(r);
  }
}

}  // namespace

BENCHMARK(BM_RippleDeleteEdit)->Unit(benchmark::kMillisecond)->MinTime(0.5);
BENCHMARK(BM_RippleDeleteUndo)->Unit(benchmark::kMillisecond)->MinTime(0.5);
BENCHMARK(BM_RazorEdit)->Unit(benchmark::kMillisecond)->MinTime(0.5);
BENCHMARK(BM_RazorUndo)->Unit(benchmark::kMillisecond)->MinTime(0.5);
BENCHMARK(BM_Save)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
