// postline-cli render: a sequence through the GL pipeline to H.264/AAC (docs/CLI.md).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/render_session.h"
#include "core/audio/offline_mix.h"
#include "core/export/encoder.h"
#include "core/render/frame_plan.h"
#include "core/time/convert.h"
#include "core/time/timecode.h"

namespace postline::cli {
namespace {

using base::ErrorCode;
using base::makeError;

exporting::EncoderSettings encoderSettings(const model::Sequence& seq) {
  exporting::EncoderSettings s;
  s.width = seq.settings.width;
  s.height = seq.settings.height;
  s.fps = seq.settings.frameRate.fps();
  if (seq.settings.colorSpace == model::ColorSpace::Rec2020) {
    s.colorPrimaries = "bt2020";
    s.colorTransfer = "bt2020-10";
    s.colorMatrix = "bt2020";
  }
  return s;
}

struct RenderStats {
  std::int64_t frames = 0;
  double seconds = 0.0;
};

base::Result<RenderStats> renderToFile(RenderSession& session, time::FrameRange range, const std::string& out) {
  PL_TRY_ASSIGN(encoder, exporting::Encoder::open(out, encoderSettings(*session.sequence)));
  PL_TRY_ASSIGN(audio, audio::OfflineMix::open(*session.project, session.sequence->id, audio::kLossyHeadroomDb));
  const time::FrameRate& rate = session.sequence->settings.frameRate;
  std::vector<std::uint8_t> y, cb, cr;
  const int w = session.sequence->settings.width;
  const auto start = std::chrono::steady_clock::now();
  RenderStats stats;
  for (time::FramePos f = range.start; f < range.end; f = f + time::FrameCount{1}) {
    PL_TRY(session.renderFrame(f));
    PL_TRY(session.renderer->readYuv420(y, cb, cr));
    PL_TRY(encoder->pushYuv420(y.data(), w, cb.data(), w / 2, cr.data(), w / 2));
    PL_TRY_ASSIGN(a, time::framesToSamples(f, rate));
    PL_TRY_ASSIGN(b, time::framesToSamples(f + time::FrameCount{1}, rate));
    const std::vector<float> samples = audio->render(a.value, b.value - a.value);
    printWarnings(render::RenderReport{audio->takeWarnings()}, session.warned);
    PL_TRY(encoder->pushAudio(samples.data(), samples.size() / 2));
    ++stats.frames;
  }
  PL_TRY(encoder->finish());
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace

int runRender(const Args& args) {
  const auto out = args.value("--out");
  if (args.positional.size() != 1 || !out || out->empty()) return usageError("render needs PROJECT and --out FILE.mp4");
  auto session = openRenderSession(args.positional[0], args.value("--sequence"), render::gl::TexFormat::Rgba16F, true);
  if (!session) return fail(session.error());
  RenderSession& s = *session.value();
  const time::FrameCount length = render::sequenceLength(render::Snapshot{s.project, s.sequence->id});
  auto range = parseRange(args.value("--range"), *s.sequence, length);
  if (!range) return usageError(range.error().message);
  if (range->empty()) return fail(makeError(ErrorCode::InvalidArgument, "sequence '" + s.sequence->name + "' is empty"));
  auto stats = renderToFile(s, range.value(), *out);
  if (!stats) return fail(stats.error());
  const auto& rate = s.sequence->settings.frameRate;
  const double fps = stats->seconds > 0 ? static_cast<double>(stats->frames) / stats->seconds : 0.0;
  if (args.has("--json")) {
    nlohmann::ordered_json j{{"output", *out}, {"sequence", s.sequence->name}, {"frames", stats->frames},
                             {"in", time::formatTimecode(range->start, rate)}, {"out", time::formatTimecode(range->end, rate)},
                             {"elapsed_s", stats->seconds}, {"fps", fps},
                             {"warnings", std::vector<std::string>(s.warned.begin(), s.warned.end())}};
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "rendered " << stats->frames << " frames (" << time::formatTimecode(range->start, rate) << "-"
              << time::formatTimecode(range->end, rate) << ") of '" << s.sequence->name << "' to " << *out << " in "
              << fixed(stats->seconds, 1) << " s (" << fixed(fps, 1) << " fps)\n";
  }
  return kExitOk;
}

}  // namespace postline::cli
