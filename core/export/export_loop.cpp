// The render loop of an export: each sequence frame is planned once, drawn once per geometry,
// read back once, and handed to every encoder of that geometry (docs/ARCHITECTURE.md "Export").
#include <algorithm>

#include "core/export/export_internal.h"
#include "core/render/frame_plan.h"
#include "core/time/convert.h"

namespace postline::exporting::detail {
namespace {

using Clock = std::chrono::steady_clock;

bool groupActive(const Run& run, std::size_t g) {
  return std::any_of(run.deliveries.begin(), run.deliveries.end(),
                     [&](const Delivery& d) { return d.active && d.group == g; });
}

void failGroup(Run& run, std::size_t g, const std::string& message) {
  for (Delivery& d : run.deliveries) {
    if (d.active && d.group == g) failDelivery(d, message);
  }
}

// Renders frame `frame` for group `g` and reads back what its encoders take.
base::Result<PicturePtr> drawGroup(Run& run, Group& group, time::FramePos frame, std::vector<std::string>& lost) {
  PL_TRY_ASSIGN(plan, render::planFrame(render::Snapshot{run.request->project, run.sequence->id}, frame));
  if (group.reframer) group.reframer->apply(plan);
  PL_TRY_ASSIGN(report, group.renderer->render(plan, run.sequence->settings.timelineGrade, run.pictures, frame.value));
  for (const std::string& w : report.warnings) {
    // A picture that could not be had would deliver a black hole: the job fails. A bypassed LUT
    // only warns (the editor shows the same).
    if (w.find("(layer left out)") != std::string::npos) lost.push_back(w);
    else if (run.events->warning) run.events->warning(w);
  }
  auto pic = std::make_shared<Picture>();
  pic->width = group.renderWidth;
  pic->height = group.renderHeight;
  if (group.needYuv) PL_TRY(group.renderer->readYuv420(pic->y, pic->cb, pic->cr));
  if (group.needRgba16) pic->rgba16 = group.renderer->readRgba16();
  return PicturePtr(std::move(pic));
}

// Hands delivery `d` every delivered frame that sequence frames up to `i` complete.
void feedVideo(Delivery& d, const Group& group, std::int64_t i) {
  while (d.active && d.nextOut < d.conform->outputFrames()) {
    const ConformStep s = d.conform->step(d.nextOut);
    if (std::max(s.a, s.b) > i) break;
    const PicturePtr& a = s.a == i ? group.current : group.previous;
    const PicturePtr& b = s.b == i ? group.current : group.previous;
    d.worker->pushVideo(a, s.weight > 0.0 ? b : nullptr, s.weight);
    ++d.nextOut;
  }
}

void feedAudio(Run& run, std::int64_t i) {
  const time::FrameRate& rate = run.sequence->settings.frameRate;
  const time::FramePos f = run.range.start + time::FrameCount{i};
  auto a = time::framesToSamples(f, rate);
  auto b = time::framesToSamples(f + time::FrameCount{1}, rate);
  if (!a.ok() || !b.ok()) return;
  for (std::size_t m = 0; m < run.mixes.size(); ++m) {
    bool used = false;
    for (const Delivery& d : run.deliveries) used = used || (d.active && d.mix == m && i < d.seqFrames);
    if (!used) continue;
    auto chunk = std::make_shared<const std::vector<float>>(run.mixes[m].mix->render(a->value, b->value - a->value));
    const std::vector<std::string> silent = run.mixes[m].mix->takeWarnings();
    for (Delivery& d : run.deliveries) {
      if (!d.active || d.mix != m || i >= d.seqFrames) continue;
      if (!silent.empty()) failDelivery(d, "the sound could not be rendered: " + silent.front());
      else d.worker->pushAudio(chunk);
    }
  }
}

void reportProgress(Run& run, std::int64_t done, std::int64_t total, Clock::time_point& last) {
  const auto now = Clock::now();
  if (!run.events->progress || (now - last < std::chrono::milliseconds(250) && done < total)) return;
  last = now;
  const double elapsed = std::chrono::duration<double>(now - run.start).count();
  const double fps = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const double eta = fps > 0 ? static_cast<double>(total - done) / fps : 0.0;
  run.events->progress(100.0 * static_cast<double>(done) / static_cast<double>(total), fps, eta);
}

}  // namespace

void failDelivery(Delivery& d, const std::string& message) {
  if (d.worker) d.worker->cancel();
  d.active = false;
  d.outcome.status = JobStatus::Failed;
  if (d.outcome.error.empty()) d.outcome.error = message;
}

void renderAndFeed(Run& run) {
  std::int64_t total = 0;
  for (const Delivery& d : run.deliveries) total = std::max(total, d.active ? d.seqFrames : 0);
  auto last = Clock::now() - std::chrono::seconds(1);
  for (std::int64_t i = 0; i < total; ++i) {
    if (run.events->cancel != nullptr && run.events->cancel->load()) {
      run.cancelled = true;
      return;
    }
    for (std::size_t g = 0; g < run.groups.size(); ++g) {
      if (!groupActive(run, g)) continue;
      std::vector<std::string> lost;
      auto pic = drawGroup(run, run.groups[g], run.range.start + time::FrameCount{i}, lost);
      if (!pic.ok()) failGroup(run, g, pic.error().message);
      if (!lost.empty()) failGroup(run, g, "a picture could not be rendered: " + lost.front());
      if (!pic.ok() || !lost.empty()) continue;
      run.groups[g].previous = std::move(run.groups[g].current);
      run.groups[g].current = std::move(pic.value());
    }
    feedAudio(run, i);
    for (Delivery& d : run.deliveries) {
      if (d.active && d.worker->error()) failDelivery(d, *d.worker->error());
      if (d.active && i < d.seqFrames) feedVideo(d, run.groups[d.group], i);
    }
    reportProgress(run, i + 1, total, last);
  }
}

}  // namespace postline::exporting::detail
