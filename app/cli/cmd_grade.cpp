// postline-cli grade: one still through the same GL pipeline with a .cube look or a grade preset
// (docs/CLI.md). The picture's code values are taken as Rec.709 and come out as Rec.709 code
// values, so a LUT sees exactly the image's values, as grading tools apply a .cube.
#include <iostream>
#include <memory>

#include "app/cli/render_session.h"
#include "core/color/grade_presets.h"
#include "core/color/ocio/ocio.h"
#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/ffmpeg/media_writer.h"

namespace postline::cli {
namespace {

// Hands out the one still for every layer.
class StillPicture final : public render::PictureSource {
 public:
  explicit StillPicture(media::VideoFramePtr frame) : m_frame(std::move(frame)) {}
  base::Result<media::VideoFramePtr> picture(const render::Layer&) override { return m_frame; }

 private:
  media::VideoFramePtr m_frame;
};

base::Result<media::VideoFramePtr> loadStill(const std::string& file) {
  PL_TRY_ASSIGN(decoder, media::ffmpeg::openVideoDecoder(file));
  PL_TRY_ASSIGN(frame, decoder->frame(0));
  auto copy = std::make_shared<media::VideoFrame>(*frame);
  copy->color.primaries = "bt709";  // code values in = code values out (Rec.709 both ways)
  copy->color.transfer = "bt709";
  return media::VideoFramePtr(std::move(copy));
}

// The timeline grade the options ask for: a preset, and/or a LUT with its mix.
base::Result<color::TimelineGrade> gradeFromArgs(const Args& args) {
  color::TimelineGrade g;
  if (const auto preset = args.value("--preset")) {
    PL_TRY_ASSIGN(p, color::findGradePreset(*preset));
    g = p.grade;
  }
  if (const auto lut = args.value("--lut")) {
    g.grade.creative.lut.path = *lut;
    g.grade.creative.lut.mix = 1.0;
  }
  if (const auto mix = args.value("--mix")) {
    const auto v = parseNumber(*mix);
    if (!v || !(*v >= 0.0 && *v <= 1.0)) {
      return base::makeError(base::ErrorCode::InvalidArgument, "--mix '" + *mix + "' must be a number from 0 to 1");
    }
    g.grade.creative.lut.mix = *v;
  }
  PL_TRY(g.validate());
  return g;
}

}  // namespace

int runGrade(const Args& args) {
  const auto out = args.value("--out");
  if (args.positional.size() != 1 || !out || out->empty() || (!args.value("--lut") && !args.value("--preset"))) {
    return usageError("grade needs IMAGE, --lut FILE.cube or --preset NAME, and --out IMAGE.png");
  }
  auto grade = gradeFromArgs(args);
  if (!grade) return usageError(grade.error().message);
  if (const auto lut = args.value("--lut")) {
    // The LUT is the whole point of this command: a bad one is an error here, not a bypass.
    if (auto t = color::ocio::lookTransform(*lut); !t) return fail(t.error());
  }
  auto still = loadStill(args.positional[0]);
  if (!still) return fail(still.error());
  auto ctx = headlessContext();
  if (!ctx) return fail(ctx.error());
  const int w = still.value()->width;
  const int h = still.value()->height;
  int rc = kExitOk;
  {
    auto renderer = render::FrameRenderer::create({w, h, "Rec.709", render::gl::TexFormat::Rgba32F});
    if (!renderer) return fail(renderer.error());
    StillPicture picture(still.value());
    render::FramePlan plan;
    plan.width = w;
    plan.height = h;
    plan.layers.resize(1);
    plan.layers[0].still = true;
    auto report = renderer.value()->render(plan, grade.value(), picture, 0);
    if (!report) return fail(report.error());
    std::set<std::string> warned;
    printWarnings(report.value(), warned);
    if (auto r = media::ffmpeg::writePng16(*out, w, h, renderer.value()->readRgba16()); !r) rc = fail(r.error());
  }
  ctx.value()->doneCurrent();
  if (rc == kExitOk) std::cout << args.positional[0] << " graded to " << *out << " (16-bit PNG)\n";
  return rc;
}

}  // namespace postline::cli
