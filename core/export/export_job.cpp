// One export run: plans the deliveries, opens their encoders, runs the render loop
// (export_loop.cpp), then finishes, verifies and reports each one.
#include "core/export/export_job.h"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "core/audio/mix_actions.h"
#include "core/export/export_internal.h"
#include "core/render/frame_plan.h"
#include "core/render/gl/context.h"
#include "core/time/convert.h"
#include "core/time/timecode.h"

namespace postline::exporting {
namespace {

using base::ErrorCode;
using base::makeError;
using detail::Delivery;
using detail::Group;
using detail::Run;

std::string secondsText(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

// True when the encoder takes 16-bit RGBA (10-bit or 4:2:2 formats) rather than 8-bit 4:2:0 planes.
bool takesRgba16(const Preset& preset) { return preset.video.pixFmt != "yuv420p"; }

std::string nowUtc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Media files of clips in the range that are not there (checked before anything starts).
std::vector<std::string> missingMedia(const model::Project& project, const model::Sequence& seq, time::FrameRange range) {
  std::vector<std::string> missing;
  for (const model::Track& track : seq.tracks) {
    for (const model::Clip& clip : track.clips) {
      if (!clip.enabled || !(clip.start < range.end && range.start < clip.end())) continue;
      const model::MediaItem* m = project.findMedia(clip.media);
      if (m == nullptr || m->path.empty() || std::filesystem::exists(m->path)) continue;
      if (std::find(missing.begin(), missing.end(), m->path) == missing.end()) missing.push_back(m->path);
    }
  }
  return missing;
}

// The range length against the preset's platform limit: the frames this delivery covers, or an error.
base::Result<std::int64_t> limitedFrames(const Run& run, const Preset& p, std::vector<std::string>& warnings) {
  const std::int64_t frames = run.range.duration().value;
  const double fps = run.sequence->settings.frameRate.fps().toDouble();
  const double seconds = static_cast<double>(frames) / fps;
  if (!p.maxDurationS || seconds <= *p.maxDurationS + 1e-9) return frames;
  const std::string what = "the range is " + secondsText(seconds) + "; " + p.name + " allows at most " +
                           secondsText(*p.maxDurationS);
  switch (run.request->overLimit) {
    case OverLimit::Refuse:
      return makeError(ErrorCode::OutOfRange, what + ". Choose a shorter range, trim it to the first " +
                                                  secondsText(*p.maxDurationS) + " (--over-limit trim), or deliver it whole " +
                                                  "anyway (--over-limit export)");
    case OverLimit::Export:
      warnings.push_back(what + ": delivered whole (--over-limit export); the platform may refuse or cut it");
      return frames;
    case OverLimit::Trim:
      warnings.push_back(what + ": trimmed to the first " + secondsText(*p.maxDurationS));
      return static_cast<std::int64_t>(std::floor(*p.maxDurationS * fps + 1e-9));
  }
  return frames;
}

// The geometry a delivery of w x h renders at: the delivery size, except that a delivery of the
// sequence's aspect larger than the sequence frame (4K from a 1080p timeline) renders at the
// sequence size and the encoder scales up (no detail is lost: the timeline has no more).
std::pair<int, int> renderSize(const model::SequenceSettings& s, int w, int h) {
  const bool sameAspect = std::abs(static_cast<double>(w) * s.height - static_cast<double>(h) * s.width) <
                          0.01 * static_cast<double>(h) * s.width;
  if (sameAspect && w > s.width) return {s.width, s.height};
  return {w, h};
}

base::Result<std::size_t> groupFor(Run& run, int w, int h, bool rgba16) {
  const auto [rw, rh] = renderSize(run.sequence->settings, w, h);
  for (std::size_t g = 0; g < run.groups.size(); ++g) {
    Group& group = run.groups[g];
    // Same render size and the same window aspect (w:h) share a render.
    if (group.renderWidth == rw && group.renderHeight == rh &&
        static_cast<std::int64_t>(group.aspectWidth) * h == static_cast<std::int64_t>(group.aspectHeight) * w) {
      (rgba16 ? group.needRgba16 : group.needYuv) = true;
      return g;
    }
  }
  Group group;
  group.renderWidth = rw;
  group.renderHeight = rh;
  group.aspectWidth = w;
  group.aspectHeight = h;
  (rgba16 ? group.needRgba16 : group.needYuv) = true;
  PL_TRY_ASSIGN(reframer, Reframer::create(*run.request->project, run.sequence->id, rw, rh, run.request->reframe, {},
                                           run.range));
  group.reframer = std::move(reframer);
  run.groups.push_back(std::move(group));
  return run.groups.size() - 1;
}

// The mix for preset `p` over the first `frames` frames of the range (a trimmed delivery is
// normalised over what it delivers).
base::Result<std::size_t> mixFor(Run& run, const Preset& p, std::int64_t frames) {
  const auto& rate = run.sequence->settings.frameRate;
  const std::string key = deliveryMixKey(p) + " frames " + std::to_string(frames);
  for (std::size_t m = 0; m < run.mixes.size(); ++m) {
    if (run.mixes[m].key == key) return m;
  }
  PL_TRY_ASSIGN(a, time::framesToSamples(run.range.start, rate));
  PL_TRY_ASSIGN(b, time::framesToSamples(run.range.start + time::FrameCount{frames}, rate));
  PL_TRY_ASSIGN(mix, planDeliveryMix(*run.request->project, run.sequence->id, p, a.value, b.value));
  mix.key = key;
  run.mixes.push_back(std::move(mix));
  return run.mixes.size() - 1;
}

// Plans delivery `p` (size, rate, range, render group, mix) and opens its encoder.
base::Result<void> openDelivery(Run& run, Delivery& d, const std::filesystem::path& file) {
  const Preset& p = d.preset;
  const model::SequenceSettings& s = run.sequence->settings;
  std::tie(d.width, d.height) = p.frameSize(s.width, s.height);
  d.fps = p.frameRate(s.frameRate.fps());
  PL_TRY_ASSIGN(frames, limitedFrames(run, p, d.outcome.warnings));
  d.seqFrames = frames;
  d.conform.emplace(s.frameRate.fps(), d.fps, run.request->conform.value_or(p.conform), frames);
  d.outcome.conform = d.conform->describe();
  PL_TRY_ASSIGN(group, groupFor(run, d.width, d.height, takesRgba16(p)));
  d.group = group;
  const Reframer& reframer = *run.groups[group].reframer;
  d.outcome.reframe = reframer.identity() ? std::string("none")
                                          : std::string(reframeModeName(run.request->reframe)) + " " + aspectName(d.width, d.height);
  PL_TRY_ASSIGN(mix, mixFor(run, p, frames));
  d.mix = mix;
  d.outcome.sound = run.mixes[mix].summary;
  for (const std::string& w : run.mixes[mix].warnings) d.outcome.warnings.push_back(w);
  const Group& g = run.groups[group];
  EncoderSettings settings = encoderSettingsFor(p, s.width, s.height, s.frameRate.fps());
  if (g.renderWidth != d.width || g.renderHeight != d.height) {
    settings.inputWidth = g.renderWidth;  // the encoder scales (4K from a 1080p render)
    settings.inputHeight = g.renderHeight;
  }
  PL_TRY_ASSIGN(enc, Encoder::open(file, settings));
  d.worker = std::make_unique<EncodeWorker>(std::move(enc), takesRgba16(p));
  d.outcome.output = file;
  d.active = true;
  return {};
}

// GL renderers for every group (one context for the whole run).
base::Result<void> createRenderers(Run& run) {
  const bool rec2020 = run.sequence->settings.colorSpace == model::ColorSpace::Rec2020;
  for (Group& g : run.groups) {
    render::RenderOptions opt{g.renderWidth, g.renderHeight, rec2020 ? "Rec.2020" : "Rec.709",
                              render::gl::TexFormat::Rgba16F};
    opt.lumaInFinish = g.needYuv;
    PL_TRY_ASSIGN(renderer, render::FrameRenderer::create(opt));
    g.renderer = std::move(renderer);
  }
  return {};
}

// Finishes delivery `d` (rename), verifies it and makes its thumbnails.
void finishDelivery(Run& run, Delivery& d) {
  if (!d.active) return;
  d.active = false;
  auto finished = d.worker->finish();
  if (!finished.ok()) {
    d.outcome.status = JobStatus::Failed;
    d.outcome.error = finished.error().message;
    return;
  }
  d.outcome.status = JobStatus::Done;
  DeliveryExpectation expect{d.width, d.height, d.fps,
                             static_cast<double>(d.conform->outputFrames()) / d.fps.toDouble()};
  expect.overLimitAccepted = run.request->overLimit == OverLimit::Export;
  auto verified = verifyDelivery(d.outcome.output, d.preset, expect);
  if (verified.ok()) d.outcome.verification = std::move(verified.value());
  else d.outcome.warnings.push_back("verification could not read the output: " + verified.error().message);
  auto thumbs = thumbnailStrip(d.outcome.output, 6, 90);
  if (thumbs.ok()) d.outcome.thumbnails = std::move(thumbs.value());
}

DeliveryReport reportOf(const Run& run) {
  DeliveryReport r;
  r.project = run.request->project->name;
  r.sequence = run.sequence->name;
  const auto& rate = run.sequence->settings.frameRate;
  r.range = time::formatTimecode(run.range.start, rate) + "-" + time::formatTimecode(run.range.end, rate);
  r.createdUtc = nowUtc();
  for (const Delivery& d : run.deliveries) r.jobs.push_back(d.outcome);
  return r;
}

base::Result<time::FrameRange> rangeOf(const ExportRequest& req, const model::Sequence& seq) {
  const time::FrameCount length = render::sequenceLength(render::Snapshot{req.project, seq.id});
  time::FrameRange range = req.range.value_or(time::FrameRange::fromDuration(time::FramePos{0}, length));
  if (range.empty()) return makeError(ErrorCode::InvalidArgument, "sequence '" + seq.name + "': nothing to export (the range is empty)");
  return range;
}

void startDeliveries(Run& run, int version) {
  const auto missing = missingMedia(*run.request->project, *run.sequence, run.range);
  for (const Preset& p : run.request->presets) {
    Delivery& d = run.deliveries.emplace_back();
    d.preset = p;
    d.outcome.presetId = p.id;
    d.outcome.presetName = p.name;
    if (!missing.empty()) {
      d.outcome.error = missing.front() + ": media file not found (" + std::to_string(missing.size()) + " missing); relink it before exporting";
      continue;
    }
    const auto file = run.request->outDir / deliveryFileName(run.request->baseName, p, version);
    auto opened = openDelivery(run, d, file);
    if (!opened.ok()) {
      detail::failDelivery(d, opened.error().message);
      continue;
    }
    if (run.events->started) run.events->started(p, file);
  }
}

}  // namespace

bool ExportResult::allPassed() const {
  return !report.jobs.empty() &&
         std::all_of(report.jobs.begin(), report.jobs.end(), [](const JobOutcome& j) { return j.passed(); });
}

base::Result<ExportResult> runExport(const ExportRequest& request, const ExportEvents& events) {
  if (request.presets.empty()) return makeError(ErrorCode::InvalidArgument, "no preset to export to");
  if (!request.project) return makeError(ErrorCode::InvalidArgument, "no project to export");
  PL_TRY_ASSIGN(seq, audio::sequenceOf(*request.project, request.sequence));
  Run run;
  run.request = &request;
  run.events = &events;
  run.sequence = seq;
  PL_TRY_ASSIGN(range, rangeOf(request, *seq));
  run.range = range;
  std::error_code ec;
  std::filesystem::create_directories(request.outDir, ec);
  PL_TRY_ASSIGN(context, render::gl::createEglSurfacelessContext());
  PL_TRY(context->makeCurrent());
  const int version = nextVersion(request.outDir, request.baseName);
  run.start = std::chrono::steady_clock::now();
  startDeliveries(run, version);
  auto renderers = createRenderers(run);
  for (Delivery& d : run.deliveries) {
    if (!renderers.ok() && d.active) detail::failDelivery(d, renderers.error().message);
  }
  if (renderers.ok()) detail::renderAndFeed(run);
  for (Delivery& d : run.deliveries) {
    if (run.cancelled && d.active) {
      d.worker->cancel();
      d.active = false;
      d.outcome.status = JobStatus::Cancelled;
      d.outcome.error = "cancelled";
    }
    finishDelivery(run, d);
    d.outcome.elapsedS = std::chrono::duration<double>(std::chrono::steady_clock::now() - run.start).count();
    if (events.finished) events.finished(d.outcome);
  }
  for (Group& g : run.groups) g.renderer.reset();  // GL objects go while the context is current
  context->doneCurrent();
  ExportResult result;
  result.report = reportOf(run);
  char stem[64];
  std::snprintf(stem, sizeof stem, "_Delivery_v%03d", version);
  auto files = writeDeliveryReport(result.report, request.outDir, request.baseName + stem);
  if (files.ok()) result.reportFiles = files.value();
  else result.reportError = files.error().message;
  return result;
}

}  // namespace postline::exporting
